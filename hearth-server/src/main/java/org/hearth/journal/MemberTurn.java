package org.hearth.journal;

import java.util.Set;
import java.util.UUID;
import org.hearth.nlp.risk.Screening;
import org.jspecify.annotations.Nullable;

/**
 * A member's turn to store, already screened.
 *
 * @param turnId chosen by the caller before screening, so the incident can point at the turn
 * @param emotion the strongest emotion label the language heads found, if any
 * @param sentiment the sentiment label, if the turn was understood
 * @param intent the intent label, if the turn was understood
 * @param distortions the distortion labels found
 */
public record MemberTurn(
        UUID turnId,
        String text,
        Screening screening,
        @Nullable UUID incidentId,
        @Nullable String emotion,
        @Nullable String sentiment,
        @Nullable String intent,
        Set<String> distortions) {

    public MemberTurn {
        distortions = Set.copyOf(distortions);
    }

    @Override
    public String toString() {
        return "MemberTurn[" + turnId + ", " + screening.level() + "]";
    }
}
