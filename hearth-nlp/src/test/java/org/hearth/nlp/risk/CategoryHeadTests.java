package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The category head: its thresholds, its training command, and how the risk model uses it. */
class CategoryHeadTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();

    private static CategoryTrain.Example row(RiskCategory... categories) {
        return new CategoryTrain.Example("t", EnumSet.copyOf(List.of(categories)));
    }

    @Test
    void choosesTheThresholdWithTheBestF1AtTheMinimumPrecision() {
        // SUICIDE (column 0) scored 0.9, 0.8, 0.7 for three rows that have it and 0.75, 0.6 for two
        // that do not.
        List<CategoryTrain.Example> rows = List.of(
                row(RiskCategory.SUICIDE),
                row(RiskCategory.SUICIDE),
                row(RiskCategory.SUICIDE),
                row(RiskCategory.MEDICAL),
                row(RiskCategory.MEDICAL));
        double[][] scores = {{0.9}, {0.8}, {0.7}, {0.75}, {0.6}};
        // Best F1 (6/7) at 0.7: three of four flagged are right, precision 0.75.
        assertThat(CategoryTrain.threshold(rows, scores, 0, 0.7)).isEqualTo(0.7);
        // At precision 0.8 or more, 0.8 is best (two of two, F1 0.8).
        assertThat(CategoryTrain.threshold(rows, scores, 0, 0.8)).isEqualTo(0.8);
        // Nothing reaches precision above 1: never given.
        assertThat(CategoryTrain.threshold(rows, scores, 0, 1.01)).isGreaterThan(1);
    }

    @Test
    void cutsOnlyBetweenDistinctScores() {
        List<CategoryTrain.Example> rows =
                List.of(row(RiskCategory.SUICIDE), row(RiskCategory.MEDICAL), row(RiskCategory.SUICIDE));
        double[][] scores = {{0.9}, {0.9}, {0.2}};
        // The two rows at 0.9 go together (precision 0.5); at 0.2 precision is 2/3.
        assertThat(CategoryTrain.threshold(rows, scores, 0, 0.6)).isEqualTo(0.2);
    }

    @Test
    void givesEveryCategoryThatReachesItsThreshold() {
        double[] t = {0.5, 0.5, 0.5, 0.5, 0.5, 0.9};
        assertThat(CategoryHead.decide(new double[] {0.6, 0.1, 0.1, 0.1, 0.7, 0.8}, t))
                .containsExactly(RiskCategory.SUICIDE, RiskCategory.MEDICAL);
        assertThat(CategoryHead.decide(new double[] {0.1, 0.1, 0.1, 0.1, 0.7, 0.95}, t))
                .containsExactly(RiskCategory.MEDICAL, RiskCategory.THIRD_PARTY);
        // Someone else's risk alone would take the member's crisis card away: the head never says that.
        assertThat(CategoryHead.decide(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.95}, t))
                .isEmpty();
        assertThat(CategoryHead.decide(new double[] {0.1, 0.1, 0.1, 0.8, 0.1, 0.95}, t))
                .containsExactly(RiskCategory.ABUSE);
        assertThat(CategoryHead.decide(new double[6], t)).isEmpty();
    }

    @Test
    void theHelperProtocolIsForSomeoneElsesRiskAlone() {
        assertThat(RiskCategory.helperCase(Set.of(RiskCategory.THIRD_PARTY))).isTrue();
        assertThat(RiskCategory.helperCase(Set.of(RiskCategory.THIRD_PARTY, RiskCategory.ABUSE)))
                .isTrue();
        assertThat(RiskCategory.helperCase(Set.of(RiskCategory.THIRD_PARTY, RiskCategory.SUICIDE)))
                .isFalse();
        assertThat(RiskCategory.helperCase(Set.of(RiskCategory.MEDICAL))).isFalse();
        assertThat(RiskCategory.helperCase(Set.of())).isFalse();
    }

    @Test
    void trainsAHeadTheRiskModelLoadsFromItsDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("head");
        Path dev = Path.of("src/test/resources/risk/dev-v3.tsv");
        String manifest = CategoryTrain.train(
                new CategoryTrain.Options(
                        List.of(Path.of("data/risk/written-v3")), out, 5, 2, List.of(dev), null, 0.8, 0.9),
                embedder);
        assertThat(manifest)
                .contains("\"threshold_THIRD_PARTY\"", "\"crossValidated\"", "\"set\": \"dev-v3.tsv\"")
                .contains("\"ownRiskRoutedToHelper\"");
        assertThat(Files.size(out.resolve(CategoryHead.MODEL_FILE))).isPositive();
        CategoryHead head = CategoryHead.readIfPresent(name -> Files.newInputStream(out.resolve(name)));
        assertThat(head).isNotNull();
        assertThat(head.inputs()).isEqualTo(embedder.dimensions());
        // A directory without the files has no category head.
        assertThat(CategoryHead.readIfPresent(name -> Files.newInputStream(tmp.resolve(name))))
                .isNull();
    }

    @Test
    void theCommandIsDeterministicForASeed(@TempDir Path tmp) throws IOException {
        for (String run : List.of("a", "b")) {
            CategoryTrain.main(new String[] {
                "--data",
                "data/risk/written-v4",
                "--out",
                tmp.resolve(run).toString(),
                "--seed",
                "3",
                "--folds",
                "2",
                "--min-precision",
                "0.7",
                "--min-precision-third-party",
                "0.95",
                "--cache",
                tmp.resolve("cache").toString()
            });
        }
        assertThat(Files.readAllBytes(tmp.resolve("a").resolve(CategoryHead.MODEL_FILE)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(CategoryHead.MODEL_FILE)));
        assertThat(Files.readString(tmp.resolve("a").resolve(CategoryHead.MANIFEST_FILE)))
                .contains("\"seed\": 3", "\"minPrecision\": 0.7", "\"minPrecisionThirdParty\": 0.95", "\"folds\": 2");
    }

    @Test
    void theShippedModelNamesTheCategoryOfACrisisItCaught() {
        TrainedRiskModel model = TrainedRiskModel.load(embedder);
        RiskModel.Rating chest = model.rate(
                "my chest is crushing and my left arm has gone numb, I'm sweating and can't catch my breath");
        assertThat(chest.level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        assertThat(chest.categories()).contains(RiskCategory.MEDICAL);
        RiskModel.Rating calm = model.rate("made soup and watched half a film, early night");
        assertThat(calm.categories()).isEmpty();
    }
}
