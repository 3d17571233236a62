package org.hearth.safety;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A screen or report found risk at LOW or above. Carries no text: the signal is stored as its level
 * and categories, for dashboards, caseloads and analytics.
 */
public record RiskDetected(
        UUID memberId,
        UUID organizationId,
        RiskSource source,
        @Nullable UUID sourceId,
        @Nullable UUID threadId,
        RiskLevel level,
        Set<RiskCategory> categories,
        @Nullable UUID incidentId,
        Instant detectedAt) {

    public RiskDetected {
        categories = Set.copyOf(categories);
    }
}
