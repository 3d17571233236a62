package org.hearth.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a member lets a staff member see a kind of their data. Modules that show member content
 * to staff ask here at the moment of reading, and write the returned consent id into their audit
 * entry.
 */
public interface Consents {

    /**
     * The id of a consent, not revoked, by which {@code memberId} lets {@code granteeId} read data of
     * {@code scope}; empty when there is none. Answers from the database on every call, so a
     * revocation takes effect on the next read.
     */
    Optional<UUID> activeConsent(UUID memberId, UUID granteeId, ConsentScope scope);

    /** Every consent {@code memberId} has granted, revoked ones included, newest first. */
    List<ConsentRecord> grantedBy(UUID memberId);
}
