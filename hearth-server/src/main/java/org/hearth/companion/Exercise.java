package org.hearth.companion;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One guided exercise from the catalogue.
 *
 * @param id stable id, also the file name under {@code companion/exercises/}
 * @param title short name shown to the member
 * @param purpose one line on what it is for
 * @param duration roughly how long it takes
 * @param allowedInSafetyMode whether it may be offered while the thread is in safety mode
 *     (grounding and breathing only)
 * @param steps the instructions, in order
 */
public record Exercise(
        String id, String title, String purpose, Duration duration, boolean allowedInSafetyMode, List<Step> steps) {

    public Exercise {
        steps = List.copyOf(steps);
    }

    /**
     * One instruction.
     *
     * @param instruction a short plain sentence
     * @param timing how long the step lasts, for paced steps such as a breath; null when untimed
     */
    public record Step(String instruction, @Nullable Duration timing) {}
}
