package org.hearth.safety;

import java.time.Duration;
import org.hearth.nlp.risk.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long responders have before an incident escalates ({@code hearth.safety.*}). The defaults
 * are the ones clinical-safety.md sets; an organization may shorten them, never lengthen.
 */
@ConfigurationProperties("hearth.safety")
record SafetyProperties(Duration imminentDeadline, Duration highDeadline, Duration moderateDeadline) {

    static final Duration IMMINENT = Duration.ofMinutes(5);
    static final Duration HIGH = Duration.ofMinutes(15);
    static final Duration MODERATE = Duration.ofHours(24);

    SafetyProperties {
        imminentDeadline = atMost(imminentDeadline, IMMINENT);
        highDeadline = atMost(highDeadline, HIGH);
        moderateDeadline = atMost(moderateDeadline, MODERATE);
    }

    Duration deadline(RiskLevel level) {
        return switch (level) {
            case IMMINENT -> imminentDeadline;
            case HIGH -> highDeadline;
            default -> moderateDeadline;
        };
    }

    private static Duration atMost(Duration configured, Duration limit) {
        if (configured == null || configured.isNegative() || configured.isZero() || configured.compareTo(limit) > 0) {
            return limit;
        }
        return configured;
    }
}
