package org.hearth.journal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reply to store for a member's turn.
 *
 * @param kind {@code COMPANION}, {@code SAFETY} or {@code CRISIS}
 * @param phase the companion phase the reply was written in
 * @param transition why the policy chose that phase (a derived signal)
 */
public record CompanionTurn(
        UUID turnId,
        String text,
        String kind,
        String phase,
        String transition,
        @Nullable String exerciseId) {

    @Override
    public String toString() {
        return "CompanionTurn[" + turnId + ", " + kind + ", " + phase + "]";
    }
}
