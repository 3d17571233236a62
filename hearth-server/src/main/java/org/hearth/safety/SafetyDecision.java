package org.hearth.safety;

import java.util.UUID;
import org.hearth.nlp.risk.Screening;
import org.jspecify.annotations.Nullable;

/**
 * What the safety module decided about one input.
 *
 * @param screening the level, categories and signals
 * @param reply the protocol reply the member must see instead of a generated one; null when the
 *     caller may answer as usual (NONE and LOW)
 * @param incidentId the incident opened for responders, when one was
 */
public record SafetyDecision(
        Screening screening,
        @Nullable ProtocolReply reply,
        @Nullable UUID incidentId) {

    /** Whether the caller must show {@link #reply()} and must not generate its own answer. */
    public boolean overridesReply() {
        return reply != null;
    }
}
