package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build gates of clinical-safety.md, on the full screen (lexical + model + context).
 *
 * <p>Gate (clinical-safety.md): recall of HIGH and of IMMINENT at least 0.98, a screening at that
 * level or above counting as a hit, and a false-positive rate on hard negatives (screened MODERATE
 * or above) of at most 0.05. Data: src/test/resources/risk/dev.tsv, the development set.
 *
 * <p>The held-out set (heldout.tsv, written once, never tuned on) does NOT reach the 0.98 recall
 * target: 0.946 (HIGH) and 0.911 (IMMINENT) at its first evaluation, 0.964 and 0.956 now. Its test holds
 * the false-positive gate in full and the measured recall as a floor, so that a change can only make
 * it better; the gap is reported to the lead and listed in RISK.md.
 */
class RiskScreenGateTests {

    static final double MIN_RECALL_HIGH = 0.98;
    static final double MIN_RECALL_IMMINENT = 0.98;
    static final double MAX_HARD_NEGATIVE_FPR = 0.05;

    /** Measured on heldout.tsv, below the target, kept as a floor that only ever goes up. */
    static final double HELDOUT_FLOOR_HIGH = 0.96;

    static final double HELDOUT_FLOOR_IMMINENT = 0.95;

    private static DefaultRiskScreen screen;

    @BeforeAll
    static void loadScreen() {
        screen = DefaultRiskScreen.create();
    }

    @AfterAll
    static void closeScreen() {
        screen.close();
    }

    private static RiskMetrics evaluate(String file) throws IOException {
        return RiskMetrics.of(screen, RiskDataSet.read(Path.of("src/test/resources/risk", file)));
    }

    @Test
    void meetsTheRecallAndFalsePositiveGatesOnTheDevelopmentSet() throws IOException {
        RiskMetrics m = evaluate("dev.tsv");
        assertThat(m.recallAtOrAbove(RiskLevel.HIGH))
                .as("HIGH recall on dev.tsv")
                .isGreaterThanOrEqualTo(MIN_RECALL_HIGH);
        assertThat(m.recallAtOrAbove(RiskLevel.IMMINENT))
                .as("IMMINENT recall on dev.tsv")
                .isGreaterThanOrEqualTo(MIN_RECALL_IMMINENT);
        assertThat(m.falsePositiveRate()).as("hard-negative FPR on dev.tsv").isLessThanOrEqualTo(MAX_HARD_NEGATIVE_FPR);
    }

    @Test
    void meetsTheFalsePositiveGateAndHoldsItsRecallFloorOnTheHeldOutSet() throws IOException {
        RiskMetrics m = evaluate("heldout.tsv");
        assertThat(m.falsePositiveRate())
                .as("hard-negative FPR on heldout.tsv")
                .isLessThanOrEqualTo(MAX_HARD_NEGATIVE_FPR);
        assertThat(m.recallAtOrAbove(RiskLevel.HIGH))
                .as("HIGH recall on heldout.tsv (target %s, floor %s)", MIN_RECALL_HIGH, HELDOUT_FLOOR_HIGH)
                .isGreaterThanOrEqualTo(HELDOUT_FLOOR_HIGH);
        assertThat(m.recallAtOrAbove(RiskLevel.IMMINENT))
                .as("IMMINENT recall on heldout.tsv (target %s, floor %s)", MIN_RECALL_IMMINENT, HELDOUT_FLOOR_IMMINENT)
                .isGreaterThanOrEqualTo(HELDOUT_FLOOR_IMMINENT);
    }
}
