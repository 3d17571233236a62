package org.hearth.companion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A thread in the member's list.
 *
 * @param title the member's title, decrypted; null when none was given
 * @param turns member turns and replies together
 */
public record ThreadSummary(
        UUID threadId,
        @Nullable String title,
        Phase phase,
        boolean safetyMode,
        int turns,
        Instant createdAt,
        Instant lastActivityAt) {

    @Override
    public String toString() {
        return "ThreadSummary[" + threadId + ", " + phase + "]";
    }
}
