package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RiskTune --blend} on a small run (one tuned layer, two folds, one epoch): what it writes,
 * that the screen serves the blend, and that the category head still reads the shared embedding.
 */
class RiskTuneTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();

    @TempDir
    static Path tmp;

    private static Path out;
    private static String printed;

    private static String tune(Path train, Path to, String... more) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "--data",
                    train.toString(),
                    "--out",
                    to.toString(),
                    "--dev",
                    "src/test/resources/risk/dev-v7.tsv",
                    "--folds",
                    "2",
                    "--layers",
                    "1",
                    "--epochs",
                    "1",
                    "--max-pieces",
                    "48",
                    "--noise",
                    "--blend",
                    "--seed",
                    "5",
                    "--data-version",
                    "test",
                    "--threshold-moderate",
                    "cv"));
            args.addAll(List.of(more));
            RiskTune.main(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void tuneOnce() throws IOException {
        out = tmp.resolve("model");
        Files.createDirectories(out);
        // A head of another kind left in the directory by an earlier run must not survive.
        Files.writeString(out.resolve(RiskHead.TRIBUO_FILE), "stale");
        printed = tune(
                RiskCommandsTests.smallTrainingSet(tmp, 5),
                out,
                "--ratings",
                ratings().toString());
    }

    @Test
    void writesBothHeadsOfTheBlendAndAManifestTheScreenReads() throws IOException {
        assertThat(out.resolve(RiskHead.TUNED_FILE)).exists();
        assertThat(out.resolve(RiskHead.MLP_FILE)).exists();
        assertThat(out.resolve(RiskHead.TRIBUO_FILE)).doesNotExist();
        String manifest = Files.readString(out.resolve(TrainedRiskModel.MANIFEST_FILE));
        assertThat(manifest)
                .contains(
                        "\"modelFile\": \"risk-head.mlp+risk-encoder.tuned\"",
                        "\"noisyCopies\": true",
                        "\"blend\": true",
                        "\"trainedLayers\": 1",
                        "\"servedOn\": \"bge-small-en-v15-q\"",
                        "\"set\": \"dev-v7.tsv\"",
                        "\"embeddingModel\": \"" + embedder.modelId() + "\"");
        assertThat(printed)
                .contains(
                        "cross-validated, as served:",
                        "cross-validated after epoch 1",
                        "the MLP head alone:",
                        "the blend:");

        TrainedRiskModel model = TrainedRiskModel.load(embedder, out);
        TrainedRiskModel.Thresholds t = model.thresholds();
        assertThat(t.high()).isEqualTo(TrainedRiskModel.numberField(manifest, "thresholdHigh"));
        RiskModel.Rating rating = model.rate("I swallowed every pill in the house an hour ago");
        assertThat(rating.probability()).isBetween(0.0, 1.0);
    }

    @Test
    void scoresWithItsOwnEncoderNotTheSharedEmbedding() throws IOException {
        RiskHead head = read(RiskHead.TUNED_FILE);
        String text = "I have the pills in my hand and I am going to take them tonight";
        float[] own = head.inputs(embedder, List.of(text)).getFirst();
        float[] shared = embedder.embed(text);
        assertThat(head.readsSharedEmbedding()).isFalse();
        assertThat(own).hasSize(shared.length).isNotEqualTo(shared);
        assertThat(head.cumulative(own)[0]).isGreaterThanOrEqualTo(head.cumulative(own)[1]);
    }

    private static RiskHead read(String file) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve(file))) {
            return RiskHead.read(file, in, embedder.dimensions());
        }
    }

    @Test
    void theBlendAveragesTheTwoHeadsEachOnItsOwnInput() throws IOException {
        RiskHead mlp = read(RiskHead.MLP_FILE);
        RiskHead tuned = read(RiskHead.TUNED_FILE);
        RiskHead blend = RiskHead.blend(mlp, tuned);
        String text = "I have the pills in my hand and I am going to take them tonight";

        float[] input = blend.inputs(embedder, List.of(text)).getFirst();
        double[] a = mlp.cumulative(embedder.embed(text));
        double[] b = tuned.cumulative(tuned.inputs(embedder, List.of(text)).getFirst());
        double[] mean = blend.cumulative(input);
        for (int c = 0; c < 3; c++) {
            assertThat(mean[c]).isCloseTo((a[c] + b[c]) / 2, org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(blend.fileName()).isEqualTo("risk-head.mlp+risk-encoder.tuned");
        assertThat(blend.readsSharedEmbedding()).isFalse();
        TrainedRiskModel loaded = TrainedRiskModel.load(embedder, out);
        assertThat(loaded.rate(text).probability())
                .as("the screen loads the same blend from the directory")
                .isCloseTo(
                        TrainedRiskModel.decide(mean, loaded.thresholds()).probability(),
                        org.assertj.core.api.Assertions.within(1e-6));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskHead.blend(tuned, mlp))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCategoryHeadBesideItReadsTheSharedEmbedding() throws IOException {
        RiskHead head = RiskHead.blend(read(RiskHead.MLP_FILE), read(RiskHead.TUNED_FILE));
        CategoryHead categories = CategoryHead.readIfPresent(
                name -> TrainedRiskModel.class.getResourceAsStream(TrainedRiskModel.RESOURCE_DIR + name));
        assertThat(categories).isNotNull();
        CountingEmbedder counting = new CountingEmbedder();
        // Thresholds at zero: every text is rated IMMINENT, so every rating asks for categories.
        TrainedRiskModel model =
                new TrainedRiskModel(counting, head, new TrainedRiskModel.Thresholds(0, 0, 0, 0), categories);
        String text = "my dad collapsed in the kitchen and he isn't breathing properly";
        assertThat(model.rate(text).categories())
                .isNotEmpty()
                .isEqualTo(categories.categories(embedder.embed(text), text));
        // The category head takes the shared half of the blend's input: the text is embedded once.
        assertThat(counting.texts).isEqualTo(1);
    }

    /** The standard embedder, counting the texts it embeds. */
    private static final class CountingEmbedder implements SentenceEmbedder {
        int texts;

        @Override
        public String modelId() {
            return embedder.modelId();
        }

        @Override
        public int dimensions() {
            return embedder.dimensions();
        }

        @Override
        public float[] embed(String text) {
            texts++;
            return embedder.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> all) {
            texts += all.size();
            return embedder.embedAll(all);
        }
    }

    private static Path ratings() {
        return tmp.resolve("ratings.tsv");
    }

    @Test
    void givesTheSameFilesForTheSameSeedAndChoosesTheCutOffsAgainFromSavedRatings() throws IOException {
        assertThat(printed).contains("MODERATE cut-off 0.99:");
        assertThat(Files.readAllLines(ratings()))
                .hasSize(1 + RiskTrain.readTrain(tmp.resolve("train-small.tsv")).size());
        Path again = tmp.resolve("from-ratings");
        String second = tune(
                RiskCommandsTests.smallTrainingSet(tmp, 5),
                again,
                "--ratings",
                ratings().toString());
        assertThat(second).contains("cross-validated ratings read from").doesNotContain("fold 1 of 2");
        String manifest = Files.readString(out.resolve(TrainedRiskModel.MANIFEST_FILE));
        String reread = Files.readString(again.resolve(TrainedRiskModel.MANIFEST_FILE));
        for (String field : List.of("thresholdModerate", "thresholdHigh", "thresholdImminent", "vetoCeiling")) {
            assertThat(TrainedRiskModel.numberField(reread, field))
                    .as(field)
                    .isEqualTo(TrainedRiskModel.numberField(manifest, field));
        }
        assertThat(manifest).contains("\"moderateCutOff\": \"cross-validated\"");
        for (String file : List.of(RiskHead.TUNED_FILE, RiskHead.MLP_FILE)) {
            assertThat(Files.readAllBytes(again.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    @Test
    void refusesToChooseThresholdsOnRatingsThatAreNotNumbers() {
        double[][] ratings = {{0.1, 0.05, 0.01}, {Double.NaN, 0.2, 0.1}, {0.9, 0.8, 0.7}, null};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskTune.requireFinite(ratings, "fold ratings"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fold ratings: 2 of 4 rows are not finite");
        double[][] fine = {{0.1, 0.05, 0.01}};
        assertThat(RiskTune.requireFinite(fine, "fold ratings")).isSameAs(fine);
    }
}
