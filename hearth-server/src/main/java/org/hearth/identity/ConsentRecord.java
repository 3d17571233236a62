package org.hearth.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One consent a member granted, for the member's own view and their data export. */
public record ConsentRecord(
        UUID consentId,
        UUID granteeId,
        Set<ConsentScope> scopes,
        Instant grantedAt,
        @Nullable Instant revokedAt) {

    public ConsentRecord {
        scopes = Set.copyOf(scopes);
    }
}
