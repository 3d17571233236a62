package org.hearth.safety;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.jspecify.annotations.Nullable;

/**
 * One incident for responders. Holds no member text: the signals name rules and carry the team's
 * explanations; the resolution note is written by the responder.
 *
 * @param noResponder the organization had no responder when it opened: its admins were told
 */
record Incident(
        UUID id,
        UUID organizationId,
        UUID memberId,
        RiskLevel level,
        Set<RiskCategory> categories,
        RiskSource source,
        @Nullable UUID sourceId,
        @Nullable UUID threadId,
        List<RiskSignal> signals,
        String textVersion,
        IncidentStatus status,
        Instant openedAt,
        Instant deadline,
        int escalationTier,
        boolean noResponder,
        @Nullable Instant acknowledgedAt,
        @Nullable UUID acknowledgedBy,
        @Nullable Instant resolvedAt,
        @Nullable UUID resolvedBy,
        @Nullable IncidentOutcome outcome,
        @Nullable String resolutionNote) {

    Incident {
        categories = Set.copyOf(categories);
        signals = List.copyOf(signals);
    }
}
