package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/** A stored check-in, its note decrypted for the member. */
public record CheckIn(
        UUID checkInId,
        int mood,
        @Nullable Integer energy,
        @Nullable Double sleepHours,
        @Nullable String note,
        @Nullable RiskLevel risk,
        Instant at) {

    @Override
    public String toString() {
        return "CheckIn[" + checkInId + ", mood=" + mood + "]";
    }
}
