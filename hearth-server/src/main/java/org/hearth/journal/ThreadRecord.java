package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation thread as the journal keeps it.
 *
 * @param title the member's title, decrypted; null when none was given
 * @param phase the phase of the last reply (a companion phase name, stored as a derived signal)
 * @param safetyMode whether the thread has been in safety mode
 */
public record ThreadRecord(
        UUID threadId,
        UUID memberId,
        UUID organizationId,
        @Nullable String title,
        String phase,
        boolean safetyMode,
        int turnCount,
        Instant createdAt,
        Instant lastActivityAt) {

    @Override
    public String toString() {
        return "ThreadRecord[" + threadId + ", phase=" + phase + "]";
    }
}
