package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;
import org.hearth.safety.ProtocolReply;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a check-in.
 *
 * @param risk what the screen found in the note; null without a note
 * @param reply the protocol reply to show when the note raised MODERATE or above
 */
public record RecordedCheckIn(
        UUID checkInId,
        Instant at,
        @Nullable RiskView risk,
        @Nullable ProtocolReply reply) {}
