package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;

/**
 * A member's turn and its reply were stored. Ids, levels and labels only: never text.
 *
 * @param kind {@code COMPANION}, {@code SAFETY} or {@code CRISIS}
 * @param phase the phase of the reply
 */
public record TurnRecorded(
        UUID threadId,
        UUID memberId,
        UUID organizationId,
        UUID userTurnId,
        UUID replyTurnId,
        RiskLevel risk,
        String kind,
        String phase,
        Instant at) {}
