package org.hearth.journal;

import org.jspecify.annotations.Nullable;

/**
 * A mood check-in.
 *
 * @param mood 1..10
 * @param energy 1..10, optional
 * @param sleepHours 0..24, optional
 * @param note free text, optional; screened and sealed like any member text
 */
public record NewCheckIn(
        int mood,
        @Nullable Integer energy,
        @Nullable Double sleepHours,
        @Nullable String note) {

    @Override
    public String toString() {
        return "NewCheckIn[mood=" + mood + ", note=" + (note == null ? "none" : note.length() + " chars") + "]";
    }
}
