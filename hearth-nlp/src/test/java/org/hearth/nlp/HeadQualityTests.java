package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Optional;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadSpec;
import org.hearth.nlp.train.HeadEvaluation;
import org.hearth.nlp.tuned.TunedEmotions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Build gates: the shipped model files, measured on their dev sets, must not fall below these
 * floors. Each floor sits a little under the figure measured when the model was trained (recorded
 * in the head's manifest.json), so a regression fails the build but run-to-run noise does not.
 */
class HeadQualityTests {

    /**
     * GoEmotions dev (5,426 rows), macro-F1 over the 28 labels, thresholds tuned on dev: measured
     * 0.551 (bge-small with its top 4 layers fine-tuned, served quantized; 0.482 for the MLP on the
     * frozen vector and words before it). Issue #3's target is 0.46.
     */
    static final double EMOTIONS_MACRO_F1_FLOOR = 0.53;
    /**
     * GoEmotions dev, macro-F1 over the 7 Ekman groups from the head's own output per group,
     * thresholds tuned on dev: measured 0.648 (0.593 before fine-tuning). Issue #3's target is 0.64.
     */
    static final double EKMAN_MACRO_F1_FLOOR = 0.635;
    /**
     * The same two figures with one threshold, {@link TunedEmotions#FIXED_THRESHOLD} (0.3), for every output, so that no figure here rests
     * on thresholds fitted to dev: measured 0.506 and 0.640.
     */
    static final double EMOTIONS_MACRO_F1_FIXED_FLOOR = 0.49;

    static final double EKMAN_MACRO_F1_FIXED_FLOOR = 0.63;
    /** hearth-nlp/data dev (275 rows), intent accuracy: measured 0.945. */
    static final double INTENT_ACCURACY_FLOOR = 0.90;
    /** hearth-nlp/data dev, sentiment accuracy: measured 0.920. */
    static final double SENTIMENT_ACCURACY_FLOOR = 0.87;
    /** hearth-nlp/data dev, any distortion present vs none, F1: measured 0.889. */
    static final double DISTORTION_PRESENT_F1_FLOOR = 0.85;
    /** hearth-nlp/data dev, macro-F1 over the 10 distortions: measured 0.778. */
    static final double DISTORTION_MACRO_F1_FLOOR = 0.72;

    private static Head shipped(HeadSpec spec) {
        return Head.load(spec, DevSets.EMBEDDER.dimensions());
    }

    private static HeadEvaluation.Result evaluate(HeadSpec spec) {
        DevSets.Embedded dev = DevSets.hearthDev(spec.headName());
        return HeadEvaluation.evaluate(shipped(spec), dev.rows(), dev.vectors());
    }

    @Test
    void intentHeadMeetsItsFloorOnHearthDev() {
        assertThat(evaluate(HeadSpec.INTENT).figure("accuracy")).isGreaterThanOrEqualTo(INTENT_ACCURACY_FLOOR);
    }

    @Test
    void sentimentHeadMeetsItsFloorOnHearthDev() {
        assertThat(evaluate(HeadSpec.SENTIMENT).figure("accuracy")).isGreaterThanOrEqualTo(SENTIMENT_ACCURACY_FLOOR);
    }

    @Test
    void distortionHeadMeetsItsFloorsOnHearthDev() {
        HeadEvaluation.Result result = evaluate(HeadSpec.DISTORTIONS);
        assertThat(result.figure("presentF1")).isGreaterThanOrEqualTo(DISTORTION_PRESENT_F1_FLOOR);
        assertThat(result.figure("macroF1")).isGreaterThanOrEqualTo(DISTORTION_MACRO_F1_FLOOR);
    }

    @Test
    void emotionHeadMeetsItsFloorsOnGoEmotionsDev() {
        Optional<Path> dir = DevSets.goEmotionsDir();
        if (dir.isEmpty()) {
            String message = "GoEmotions not found: set HEARTH_GOEMOTIONS_DIR or place it at"
                    + " ../../shared/datasets/goemotions relative to hearth-nlp";
            if (Boolean.getBoolean("hearth.require-datasets")) {
                fail(message + " (hearth.require-datasets=true)");
            }
            Assumptions.abort(message + "; skipping the emotion quality gate");
        }
        DevSets.Embedded dev = DevSets.goEmotionsDev(dir.get());
        Head head = shipped(HeadSpec.EMOTIONS);
        double[][] scores = HeadEvaluation.score(head, dev.rows(), dev.vectors());
        HeadEvaluation.Result result =
                HeadEvaluation.emotions(head.labels(), head.manifest().thresholds(), dev.rows(), scores);
        assertThat(result.figure("rows")).isEqualTo(5426.0);
        assertThat(result.figure("macroF1")).isGreaterThanOrEqualTo(EMOTIONS_MACRO_F1_FLOOR);
        assertThat(result.figure("ekmanMacroF1")).isGreaterThanOrEqualTo(EKMAN_MACRO_F1_FLOOR);

        HeadEvaluation.Result untuned = HeadEvaluation.emotions(
                head.labels(), TunedEmotions.fixedThresholds(head.labels()), dev.rows(), scores);
        assertThat(untuned.figure("macroF1")).isGreaterThanOrEqualTo(EMOTIONS_MACRO_F1_FIXED_FLOOR);
        assertThat(untuned.figure("ekmanMacroF1")).isGreaterThanOrEqualTo(EKMAN_MACRO_F1_FIXED_FLOOR);
    }
}
