package org.hearth.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks up people for other modules. Read-only; accounts change through identity's own use cases. */
public interface Accounts {

    /** The account with this id, if it exists and has not been erased. */
    Optional<Account> find(UUID userId);

    /** Active accounts of an organization holding the role, in a stable order (oldest first). */
    List<Account> withRole(UUID organizationId, Role role);
}
