package org.hearth.nlp.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void computesPerLabelMacroAndMicroF1() {
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a", "b"), Set.of("b"), Set.of());
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of("a"), Set.of("a"), Set.of("b"));
        Metrics m = Metrics.of(List.of("a", "b"), gold, predicted);
        // a: tp 2, fp 1, fn 0 -> p 2/3, r 1, f1 0.8; b: tp 0 -> f1 0
        assertThat(m.perLabel().get(0).f1()).isCloseTo(0.8, within(1e-9));
        assertThat(m.perLabel().get(1).f1()).isZero();
        assertThat(m.macroF1()).isCloseTo(0.4, within(1e-9));
        // pooled: tp 2, fp 2, fn 2 -> f1 0.5
        assertThat(m.microF1()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void tunesAThresholdThatSeparatesTheClasses() {
        List<Corpus.Row> rows = List.of(
                new Corpus.Row("x", Set.of("a")), new Corpus.Row("y", Set.of()), new Corpus.Row("z", Set.of("a")));
        double[][] scores = {{0.40}, {0.20}, {0.35}};
        double t = HeadEvaluation.tuneThresholds(List.of("a"), rows, scores).get("a");
        assertThat(t).isGreaterThan(0.20).isLessThanOrEqualTo(0.35);
    }
}
