package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a thread, decrypted for the reader.
 *
 * @param seq position in the thread, from 1
 * @param kind {@code COMPANION}, {@code SAFETY} or {@code CRISIS} for a reply; null for a member turn
 * @param phase the phase a reply was written in; null for a member turn
 * @param exerciseId the exercise a reply offered, if any
 * @param risk the screen's level for a member turn; null for a reply
 */
public record StoredTurn(
        UUID turnId,
        UUID threadId,
        int seq,
        Author author,
        String text,
        @Nullable String kind,
        @Nullable String phase,
        @Nullable String exerciseId,
        @Nullable RiskLevel risk,
        Instant at) {

    @Override
    public String toString() {
        return "StoredTurn[" + turnId + ", " + author + ", seq=" + seq + "]";
    }
}
