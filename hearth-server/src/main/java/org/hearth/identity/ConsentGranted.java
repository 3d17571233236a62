package org.hearth.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A member let a staff member of the same organization read some of their data. */
public record ConsentGranted(UUID consentId, UUID memberId, UUID granteeId, Set<ConsentScope> scopes, Instant at) {

    public ConsentGranted {
        scopes = Set.copyOf(scopes);
    }
}
