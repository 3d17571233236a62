package org.hearth.journal;

import java.util.UUID;
import org.hearth.safety.ProtocolReply;
import org.jspecify.annotations.Nullable;

/**
 * The answer to writing an entry.
 *
 * @param risk what the screen found in the text
 * @param reply the protocol reply the member must be shown (the crisis card at HIGH and above) when
 *     the screen found risk at MODERATE or above; null otherwise
 */
public record WrittenEntry(
        UUID entryId, RiskView risk, @Nullable ProtocolReply reply) {}
