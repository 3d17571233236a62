package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExerciseCatalogueTests {

    private final ExerciseCatalogue catalogue = ExerciseCatalogue.loadDefault();

    @Test
    void loadsEveryExerciseWithItsSteps() {
        assertThat(catalogue.all())
                .extracting(Exercise::id)
                .containsExactlyInAnyOrder(
                        "box-breathing",
                        "breathing-4-7-8",
                        "grounding-5-4-3-2-1",
                        "thought-record",
                        "behavioural-activation",
                        "self-compassion-break",
                        "worry-time",
                        "sleep-wind-down");
        assertThat(catalogue.all()).allSatisfy(exercise -> {
            assertThat(exercise.title()).isNotBlank();
            assertThat(exercise.purpose()).isNotBlank().doesNotContain("\n");
            assertThat(exercise.duration()).isPositive();
            assertThat(exercise.steps()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(exercise.steps())
                    .allSatisfy(
                            step -> assertThat(step.instruction()).isNotBlank().hasSizeLessThanOrEqualTo(160));
        });
    }

    @Test
    void allowsOnlyGroundingAndBreathingInSafetyMode() {
        assertThat(catalogue.all())
                .filteredOn(Exercise::allowedInSafetyMode)
                .extracting(Exercise::id)
                .containsExactlyInAnyOrder("box-breathing", "breathing-4-7-8", "grounding-5-4-3-2-1");
        assertThat(catalogue.allowedInSafetyMode("thought-record")).isFalse();
        assertThat(catalogue.allowedInSafetyMode("no-such-exercise")).isFalse();
    }

    @Test
    void timesTheBreathingSteps() {
        Exercise box = catalogue.find("box-breathing").orElseThrow();
        assertThat(box.steps())
                .extracting(Exercise.Step::timing)
                .filteredOn(t -> t != null)
                .containsExactly(
                        Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
        Exercise fourSevenEight = catalogue.find("breathing-4-7-8").orElseThrow();
        assertThat(fourSevenEight.steps())
                .extracting(Exercise.Step::timing)
                .contains(Duration.ofSeconds(4), Duration.ofSeconds(7), Duration.ofSeconds(8));
    }

    @Test
    void walksTheThoughtRecordInItsUsualOrder() {
        List<String> steps = catalogue.find("thought-record").orElseThrow().steps().stream()
                .map(Exercise.Step::instruction)
                .toList();
        assertThat(steps)
                .satisfiesExactly(
                        s -> assertThat(s).startsWith("Situation"),
                        s -> assertThat(s).startsWith("Automatic thought"),
                        s -> assertThat(s).startsWith("Emotion").contains("0 to 100"),
                        s -> assertThat(s).startsWith("Evidence for"),
                        s -> assertThat(s).startsWith("Evidence against"),
                        s -> assertThat(s).startsWith("Balanced thought"),
                        s -> assertThat(s).startsWith("Re-rate").contains("0 to 100"));
    }

    @Test
    void rejectsAnExerciseWithoutSteps() {
        Map<String, Object> broken =
                Map.of("id", "empty", "title", "Empty", "purpose", "None.", "minutes", 2, "steps", List.of());
        assertThatThrownBy(() -> new ExerciseCatalogue(List.of(ExerciseCatalogue.parse(broken, "empty.yaml"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("three steps");
    }

    @Test
    void rejectsBreathingWithoutTimings() {
        Map<String, Object> untimed = Map.of(
                "id", "fast-breathing",
                "title", "Fast breathing",
                "purpose", "None.",
                "minutes", 2,
                "steps", List.of("In.", "Out.", "Again."));
        assertThatThrownBy(
                        () -> new ExerciseCatalogue(List.of(ExerciseCatalogue.parse(untimed, "fast-breathing.yaml"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timings");
    }
}
