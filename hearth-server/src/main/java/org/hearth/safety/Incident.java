package org.hearth.safety;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** What the incident is about, in words and in a fixed order, for a responder's eye. */
    public String about() {
        return categories.stream()
                .sorted()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    /**
     * Why the screen raised it, each explanation once: a rule can fire for two categories with one
     * explanation (someone else's medical emergency is both MEDICAL and THIRD_PARTY).
     */
    public List<String> reasons() {
        return signals.stream().map(RiskSignal::explanation).distinct().toList();
    }
}
