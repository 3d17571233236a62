package org.hearth.identity;

import java.util.Set;
import java.util.UUID;

/** What other modules may know about a person: enough to address and notify them. */
public record Account(
        UUID id,
        UUID organizationId,
        String email,
        String displayName,
        Set<Role> roles,
        String locale,
        String timeZone) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
