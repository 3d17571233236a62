package org.hearth.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.jspecify.annotations.Nullable;

/**
 * A risk signal with no text behind it, e.g. PHQ-9 item 9 answered above zero.
 *
 * @param signals why, in words a responder can read (no member text)
 */
public record RiskReport(
        UUID memberId,
        UUID organizationId,
        RiskSource source,
        @Nullable UUID sourceId,
        RiskLevel level,
        Set<RiskCategory> categories,
        List<RiskSignal> signals,
        Locale locale) {

    public RiskReport {
        categories = Set.copyOf(categories);
        signals = List.copyOf(signals);
    }
}
