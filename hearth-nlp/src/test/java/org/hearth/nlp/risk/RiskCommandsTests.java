package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** The train and eval commands, the shipped head and its decision rule. */
class RiskCommandsTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();

    private static String captureOut(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs the train command and returns what it printed. */
    private static String train(String... args) {
        return captureOut(() -> {
            try {
                RiskTrain.main(args);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The train command's arguments for a tiny, quick MLP head (two folds, 8 units, 2 epochs). */
    private static String[] tinyMlp(Path train, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--data",
                train.toString(),
                "--out",
                out.toString(),
                "--seed",
                "5",
                "--algorithm",
                "mlp",
                "--hidden",
                "8",
                "--epochs",
                "2",
                "--folds",
                "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Path smallTrainingSet(Path dir) throws IOException {
        return smallTrainingSet(dir, 4);
    }

    /** Every {@code step}-th row of {@code data/risk/train.tsv}, as a training file in {@code dir}. */
    static Path smallTrainingSet(Path dir, int step) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("data/risk/train.tsv"));
        StringBuilder out = new StringBuilder(lines.getFirst()).append('\n');
        for (int i = 1; i < lines.size(); i += step) {
            out.append(lines.get(i)).append('\n');
        }
        Path file = dir.resolve("train-small.tsv");
        Files.writeString(file, out);
        return file;
    }

    @Test
    void trainsTheSameHeadTwiceForTheSameSeed(@TempDir Path tmp) throws IOException {
        List<RiskTrain.Labelled> rows = RiskTrain.readTrain(smallTrainingSet(tmp));
        Model<Label> a = RiskTrain.fit(rows, embedder, 5, 5, 0.2);
        Model<Label> b = RiskTrain.fit(rows, embedder, 5, 5, 0.2);
        String[] names = TrainedRiskModel.featureNames(embedder.dimensions());
        for (String text : List.of("I want to die", "work was fine", "I took all my pills")) {
            float[] v = embedder.embed(text);
            Map<String, Label> sa = a.predict(
                            TrainedRiskModel.example(names, v, TrainedRiskModel.LabelFactoryHolder.UNKNOWN))
                    .getOutputScores();
            Map<String, Label> sb = b.predict(
                            TrainedRiskModel.example(names, v, TrainedRiskModel.LabelFactoryHolder.UNKNOWN))
                    .getOutputScores();
            for (String level : sa.keySet()) {
                assertThat(sb.get(level).getScore()).isEqualTo(sa.get(level).getScore());
            }
        }
    }

    @Test
    void writesAModelAndAManifestWithItsProvenance(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path dev = tmp.resolve("dev-mini.tsv");
        Files.writeString(
                dev,
                RiskDataSet.HEADER + "\n"
                        + "d1\tIMMINENT\tSUICIDE\t-\t-\tI swallowed the whole packet an hour ago\n"
                        + "d2\tNONE\t-\thard-negative\t-\tthis meeting is killing me\n");
        Path out = tmp.resolve("model");
        String printed = train(
                "--data",
                train.toString(),
                "--out",
                out.toString(),
                "--seed",
                "3",
                "--epochs",
                "3",
                "--dev",
                dev.toString(),
                "--folds",
                "3",
                "--threshold-moderate",
                "0.9",
                "--learning-rate",
                "0.3",
                "--data-version",
                "test");
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(printed).contains("\"seed\": 3");
        // Figures only: no text of the training or dev rows reaches the output or the manifest.
        assertThat(printed + Files.readString(out.resolve("manifest.json")))
                .doesNotContain("swallowed the whole packet", "meeting is killing me")
                .doesNotContain(Files.readAllLines(train).get(1).split("\t")[1]);
        assertThat(manifest)
                .contains("\"version\": \"test\"", "\"seed\": 3", "\"epochs\": 3", "\"folds\": 3")
                .contains("\"crossValidated\"", "\"lexicalAlone\"", "\"set\": \"dev-mini.tsv\"")
                .contains(embedder.modelId());
        TrainedRiskModel.Thresholds t = TrainedRiskModel.thresholds(manifest);
        assertThat(t.moderate()).isEqualTo(0.9);
        assertThat(t.high()).isBetween(0.2, 1.01);
        assertThat(t.imminent()).isBetween(0.2, 1.01);
        assertThat(t.vetoCeiling()).isBetween(0.0, 1.0);
        assertThat(Files.size(out.resolve(RiskHead.TRIBUO_FILE))).isGreaterThan(1000);
    }

    @Test
    void trainsOnTrainOnlyRowsWithoutReplayingThemAndRecordsTheLabelWeights(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path extra = tmp.resolve("extra.tsv");
        Files.writeString(
                extra,
                RiskDataSet.HEADER + "\n"
                        + "x1\tIMMINENT\tSUICIDE\t-\t-\tthe rope is up and I am standing on the chair\n"
                        + "x2\tNONE\t-\thard-negative\t-\tthe deadline is murdering my weekend\n"
                        + "x3\tHIGH\tSUICIDE\t-\tI can't cope\tI have the pills ready\n");
        Path out = tmp.resolve("model");
        String printed = train(
                "--data", train.toString(),
                "--train-only", extra.toString(),
                "--out", out.toString(),
                "--seed", "3",
                "--epochs", "3",
                "--folds", "3",
                "--label-weights", "HIGH=2, IMMINENT=3",
                "--data-version", "test");
        int trainRows = Files.readAllLines(train).size() - 1;
        String manifest = Files.readString(out.resolve("manifest.json"));
        // The extra rows are trained on (two of three: one has context) but are not replayed rows.
        assertThat(manifest)
                .contains("\"rows\": " + trainRows + ",", "\"trainedRows\": " + (trainRows + 2) + ",")
                .contains("extra.tsv (trained on, not replayed)")
                .contains("\"labelWeights\": {\"NONE\": 1.0, \"LOW\": 1.0, \"MODERATE\": 1.0, \"HIGH\": 2.0,"
                        + " \"IMMINENT\": 3.0}");
        assertThat(printed + manifest).doesNotContain("rope is up", "murdering my weekend", "pills ready");
    }

    @Test
    void trainsAnOrdinalMlpHeadThatEvalAndTheScreenLoadFromItsDirectory(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path out = tmp.resolve("model");
        Files.createDirectories(out);
        // A Tribuo head left over from an earlier run in the same directory must not survive.
        Files.writeString(out.resolve(RiskHead.TRIBUO_FILE), "stale");
        String[] args = {
            "--data", train.toString(),
            "--out", out.toString(),
            "--seed", "5",
            "--algorithm", "mlp",
            "--hidden", "16",
            "--epochs", "4",
            "--folds", "2",
            "--data-version", "test"
        };
        train(args);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(manifest).contains("\"modelFile\": \"risk-head.mlp\"", "three ordinal sigmoids", "→ 16 ReLU");
        assertThat(out.resolve(RiskHead.MLP_FILE)).exists();
        assertThat(out.resolve(RiskHead.TRIBUO_FILE)).doesNotExist();
        byte[] first = Files.readAllBytes(out.resolve(RiskHead.MLP_FILE));

        TrainedRiskModel model = TrainedRiskModel.load(embedder, out);
        RiskModel.Rating rating = model.rate("I swallowed every pill in the house an hour ago");
        assertThat(rating.probability()).isBetween(0.0, 1.0);

        train(args);
        assertThat(Files.readAllBytes(out.resolve(RiskHead.MLP_FILE)))
                .as("the same seed gives the same network")
                .isEqualTo(first);
    }

    @Test
    void trainsAnEnsembleOfSeedsStoredAsOneNetwork(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path out = tmp.resolve("model");
        Path single = tmp.resolve("single");
        train(tinyMlp(train, out, "--ensemble", "3"));
        train(tinyMlp(train, single));

        assertThat(Files.readString(out.resolve("manifest.json")))
                .contains("an ensemble of 3 such networks, seeds 5 to 7");
        org.hearth.nlp.heads.Mlp net;
        try (var in = Files.newInputStream(out.resolve(RiskHead.MLP_FILE))) {
            net = org.hearth.nlp.heads.Mlp.read(in);
        }
        assertThat(net.hidden()).isEqualTo(24);
        // The first member is the single network of the same seed, so the two heads differ only by
        // the other members.
        assertThat(TrainedRiskModel.load(embedder, out)
                        .rate("I swallowed every pill in the house")
                        .probability())
                .isNotEqualTo(TrainedRiskModel.load(embedder, single)
                        .rate("I swallowed every pill in the house")
                        .probability());
    }

    @Test
    void addsAMeaninglessTokenToANoisyCopyTheSameWayEveryTime() {
        String text = "walked by the river after work";
        String noisy = RiskTrain.withNoise(text, 17, 3);
        assertThat(noisy).contains(text).isNotEqualTo(text).isEqualTo(RiskTrain.withNoise(text, 17, 3));
        assertThat(RiskTrain.withNoise(text, 17, 4)).isNotEqualTo(noisy);
    }

    @Test
    void trainsOnNoisyCopiesWhenAsked(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path out = tmp.resolve("model");
        train(tinyMlp(train, out, "--noise"));
        int rows = Files.readAllLines(train).size() - 1;
        assertThat(Files.readString(out.resolve("manifest.json")))
                .contains("\"noisyCopies\": true", "\"trainedRows\": " + rows + ",");
    }

    @Test
    void anOrdinalHeadNeverRatesAHigherLevelAboveALowerOne() {
        // Output biases only: P(MODERATE+) 0.2, P(HIGH+) 0.6, P(IMMINENT) 0.9, which a sigmoid per
        // question can give; the cumulative figures must still fall from MODERATE to IMMINENT.
        float[] bias = {(float) Math.log(0.2 / 0.8), (float) Math.log(0.6 / 0.4), (float) Math.log(0.9 / 0.1)};
        var mlp = new org.hearth.nlp.heads.Mlp(1, 1, 3, new float[1], new float[1], new float[3], bias);
        double[] c = RiskHead.mlp(mlp).cumulative(new float[] {0});
        assertThat(c[2]).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c[1]).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c[0]).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(RiskTrain.ordinalLabels(RiskLevel.HIGH)).containsExactlyInAnyOrder("MODERATE+", "HIGH+");
        assertThat(RiskTrain.ordinalLabels(RiskLevel.LOW)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskHead.mlp(
                        new org.hearth.nlp.heads.Mlp(1, 1, 2, new float[1], new float[1], new float[2], new float[2])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesLabelWeights() {
        assertThat(RiskTrain.labelWeights("HIGH=2,IMMINENT=1.5"))
                .containsEntry(RiskLevel.HIGH, 2f)
                .containsEntry(RiskLevel.IMMINENT, 1.5f)
                .doesNotContainKey(RiskLevel.NONE);
        assertThat(RiskTrain.weightsJson(Map.of())).contains("\"IMMINENT\": 1.0");
    }

    @Test
    void shipsAManifestThatMatchesTheEmbedder() throws IOException {
        String manifest;
        try (var in = TrainedRiskModel.class.getResourceAsStream("/models/risk/manifest.json")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(TrainedRiskModel.stringField(manifest, "embeddingModel")).isEqualTo(embedder.modelId());
        assertThat(manifest).contains("\"seed\"", "\"trainedOn\"", "\"dev\"", "hearth-risk-train");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainedRiskModel.stringField(manifest, "missing"))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainedRiskModel.numberField(manifest, "missing"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void supportsTheHighestLevelWhoseCumulativeProbabilityReachesTheThreshold() {
        Map<String, Label> scores = Map.of(
                "NONE", new Label("NONE", 0.05),
                "LOW", new Label("LOW", 0.05),
                "MODERATE", new Label("MODERATE", 0.3),
                "HIGH", new Label("HIGH", 0.4),
                "IMMINENT", new Label("IMMINENT", 0.2));
        assertThat(TrainedRiskModel.decide(scores, 0.55).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(TrainedRiskModel.decide(scores, 0.2).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(TrainedRiskModel.decide(scores, 0.85).level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(TrainedRiskModel.decide(scores, 0.95).level()).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void decidesEachLevelAgainstItsOwnThreshold() {
        Map<String, Label> scores = Map.of(
                "NONE", new Label("NONE", 0.05),
                "LOW", new Label("LOW", 0.05),
                "MODERATE", new Label("MODERATE", 0.3),
                "HIGH", new Label("HIGH", 0.4),
                "IMMINENT", new Label("IMMINENT", 0.2));
        assertThat(TrainedRiskModel.decide(scores, new TrainedRiskModel.Thresholds(0.99, 0.99, 0.2, 0))
                        .level())
                .isEqualTo(RiskLevel.IMMINENT);
        RiskModel.Rating high = TrainedRiskModel.decide(scores, new TrainedRiskModel.Thresholds(0.99, 0.6, 0.25, 0));
        assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(high.probability()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TrainedRiskModel.decide(scores, new TrainedRiskModel.Thresholds(0.9, 0.61, 0.25, 0))
                        .level())
                .isEqualTo(RiskLevel.MODERATE);
        assertThat(TrainedRiskModel.decide(scores, new TrainedRiskModel.Thresholds(0.91, 0.61, 0.25, 0))
                        .level())
                .isEqualTo(RiskLevel.NONE);
    }

    @Test
    void readsTheThresholdsOfBothManifestLayouts() {
        assertThat(TrainedRiskModel.thresholds("{\"threshold\": 0.99}"))
                .isEqualTo(TrainedRiskModel.Thresholds.uniform(0.99));
        assertThat(TrainedRiskModel.thresholds("{\"thresholdModerate\": 0.99, \"thresholdHigh\": 0.5,"
                        + " \"thresholdImminent\": 0.4, \"vetoCeiling\": 0.7}"))
                .isEqualTo(new TrainedRiskModel.Thresholds(0.99, 0.5, 0.4, 0.7));
    }

    private static RiskTrain.Labelled row(RiskLevel level, boolean hardNegative) {
        return new RiskTrain.Labelled(level, "t", List.of(), hardNegative);
    }

    @Test
    void choosesTheHighestThresholdsThatReachTheRecallTargetAndAVetoThatCostsNoRecall() {
        // Four IMMINENT texts the lexical stage missed, rated 0.9, 0.8, 0.7, 0.6; one lexical hit.
        List<RiskTrain.Labelled> rows = List.of(
                row(RiskLevel.IMMINENT, false),
                row(RiskLevel.IMMINENT, false),
                row(RiskLevel.IMMINENT, false),
                row(RiskLevel.IMMINENT, false),
                row(RiskLevel.IMMINENT, false),
                row(RiskLevel.NONE, true),
                row(RiskLevel.NONE, true));
        double[][] cv = {
            {0.9, 0.9, 0.9},
            {0.8, 0.8, 0.8},
            {0.7, 0.7, 0.7},
            {0.6, 0.6, 0.6},
            {0, 0, 0},
            {0.65, 0.65, 0.65},
            {0.1, 0.1, 0.1}
        };
        RiskTrain.LexicalView miss = new RiskTrain.LexicalView(RiskLevel.NONE, false);
        RiskTrain.LexicalView framedMiss = new RiskTrain.LexicalView(RiskLevel.NONE, true);
        RiskTrain.LexicalView[] lex = {
            miss, framedMiss, miss, miss, new RiskTrain.LexicalView(RiskLevel.IMMINENT, false), framedMiss, miss
        };
        // Recall 0.8 needs 4 of 5: the lexical hit and three of the misses, so 0.7 for IMMINENT.
        TrainedRiskModel.Thresholds t = RiskTrain.choose(rows, cv, lex, 0.8, 0.2, 1.0, 0.99);
        assertThat(t.imminent()).isEqualTo(0.7);
        // The framed text the head lifted had 0.8: the veto only acts below it.
        assertThat(t.vetoCeiling()).isEqualTo(0.8);
        assertThat(RiskTrain.combined(lex[1], cv[1], t)).isEqualTo(RiskLevel.IMMINENT);
        assertThat(RiskTrain.falsePositiveRate(rows, cv, lex, t)).isZero();
        // Full recall would need 0.6, which flags the framed hard negative at 0.65 but for the veto.
        TrainedRiskModel.Thresholds all = RiskTrain.choose(rows, cv, lex, 1.0, 0.2, 1.0, 0.99);
        assertThat(all.imminent()).isEqualTo(0.6);
        assertThat(RiskTrain.combined(lex[5], cv[5], all)).isEqualTo(RiskLevel.NONE);
        // A false-positive budget of zero lifts the thresholds above that hard negative.
        TrainedRiskModel.Thresholds budget = RiskTrain.choose(
                rows,
                cv,
                new RiskTrain.LexicalView[] {miss, miss, miss, miss, lex[4], miss, miss},
                1.0,
                0.2,
                0.0,
                0.99);
        assertThat(budget.imminent()).isGreaterThan(0.65);
    }

    @Test
    void lowersTheModerateCutOffOnlyWhileItCostsNoHighCatchAndFitsTheBudget() {
        List<RiskTrain.Labelled> rows = new java.util.ArrayList<>(List.of(
                row(RiskLevel.HIGH, false),
                row(RiskLevel.HIGH, false),
                row(RiskLevel.MODERATE, false),
                row(RiskLevel.MODERATE, false),
                row(RiskLevel.MODERATE, false)));
        List<double[]> cv = new java.util.ArrayList<>(List.of(
                new double[] {0.95, 0.9, 0.1},
                new double[] {0.9, 0.8, 0.1},
                new double[] {0.97, 0.3, 0},
                new double[] {0.9, 0.3, 0},
                new double[] {0.6, 0.2, 0}));
        // Ten hard negatives: one the head finds fairly worrying at MODERATE, nine calm ones.
        for (int i = 0; i < 10; i++) {
            rows.add(row(RiskLevel.NONE, true));
            cv.add(i == 0 ? new double[] {0.85, 0.3, 0} : new double[] {0.1, 0.1, 0});
        }
        double[][] ratings = cv.toArray(new double[0][]);
        RiskTrain.LexicalView[] lex = new RiskTrain.LexicalView[rows.size()];
        java.util.Arrays.fill(lex, new RiskTrain.LexicalView(RiskLevel.NONE, false));

        List<TrainedRiskModel.Thresholds> curve = RiskTrain.moderateCurve(rows, ratings, lex, 1.0, 0.2, 0.05);
        assertThat(curve.getFirst().moderate()).isEqualTo(0.99);
        // At 0.85 the worrying hard negative would make the false-positive rate 0.1, over the budget.
        assertThat(curve.getLast().moderate()).isEqualTo(0.86);
        assertThat(curve).allSatisfy(t -> assertThat(t.high()).isEqualTo(0.8));
        assertThat(RiskTrain.metrics(rows, ratings, lex, curve.getFirst()).recallAtOrAbove(RiskLevel.MODERATE))
                .isZero();
        assertThat(RiskTrain.metrics(rows, ratings, lex, curve.getLast()).recallAtOrAbove(RiskLevel.MODERATE))
                .isEqualTo(2 / 3.0);
        assertThat(RiskTrain.choose(rows, ratings, lex, 1.0, 0.2, 0.05, RiskTrain.MODERATE_BY_CV))
                .isEqualTo(curve.getLast());
        // With room for that one false alarm it goes on down to the floor, catching the third.
        assertThat(RiskTrain.moderateCurve(rows, ratings, lex, 1.0, 0.2, 0.1)
                        .getLast()
                        .moderate())
                .isEqualTo(0.2);
        assertThat(RiskTrain.moderateOption("cv")).isEqualTo(RiskTrain.MODERATE_BY_CV);
        assertThat(RiskTrain.moderateOption("0.9")).isEqualTo(0.9);
    }

    @Test
    void theCrossValidatedReplayReadsALongRowsPartsAsTheScreenDoes() {
        // Forty IMMINENT rows at one point and forty NONE rows at another; one more IMMINENT row sits
        // with the NONE rows as a whole, but one of its parts sits with the IMMINENT rows.
        List<RiskTrain.Labelled> rows = new java.util.ArrayList<>();
        List<float[]> vectors = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 80; i++) {
            boolean atRisk = i % 2 == 0;
            rows.add(new RiskTrain.Labelled(atRisk ? RiskLevel.IMMINENT : RiskLevel.NONE, "row " + i));
            vectors.add(point(atRisk ? 1 : -1, random));
        }
        rows.add(new RiskTrain.Labelled(RiskLevel.IMMINENT, "the long row"));
        vectors.add(point(-1, random));
        float[][] x = vectors.toArray(new float[0][]);
        float[][][] parts = new float[rows.size()][][];
        parts[80] = new float[][] {point(-1, random), point(1, random)};
        RiskTrain.Spec spec = new RiskTrain.Spec("mlp", 30, 0.05, 7, Map.of(), 8, 0.0, 1);

        double[][] whole = RiskTrain.crossValidate(rows, x, null, null, List.of(), new float[0][], null, spec, 2);
        double[][] withParts = RiskTrain.crossValidate(rows, x, null, parts, List.of(), new float[0][], null, spec, 2);

        assertThat(whole[80][2]).isLessThan(0.5);
        assertThat(withParts[80][2]).isGreaterThanOrEqualTo(TrainedRiskModel.PART_MIN_PROBABILITY);
        // A row without parts is scored the same either way.
        for (int i = 0; i < 80; i++) {
            assertThat(withParts[i]).containsExactly(whole[i]);
        }
    }

    private static float[] point(int side, java.util.Random random) {
        float[] v = new float[4];
        v[0] = side;
        for (int j = 1; j < v.length; j++) {
            v[j] = (float) (0.1 * random.nextGaussian());
        }
        return v;
    }

    @Test
    void readsTrainingRowsInEitherFormatAndFromAFolder(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.tsv"), "level\ttext\nNONE\tmy feet are killing me\nHIGH\tI cut last night\n");
        Files.writeString(
                tmp.resolve("b.tsv"),
                RiskDataSet.HEADER + "\n"
                        + "x1\tLOW\t-\tventing\t-\tlong week\n"
                        + "x2\tHIGH\tSUICIDE\t-\tI want it to stop\tI have pills\n");
        Files.writeString(tmp.resolve("notes.md"), "not data");
        List<RiskTrain.Labelled> rows = RiskTrain.readTrain(tmp);
        assertThat(rows)
                .extracting(RiskTrain.Labelled::level)
                .containsExactly(RiskLevel.NONE, RiskLevel.HIGH, RiskLevel.LOW, RiskLevel.HIGH);
        assertThat(rows.getFirst().hardNegative()).isTrue();
        assertThat(rows.get(2).hardNegative()).isFalse();
        assertThat(rows.stream().filter(RiskTrain::trainable)).hasSize(3);
        assertThat(RiskTrain.fold(rows.get(0), 17, 5))
                .isEqualTo(RiskTrain.fold(rows.get(0), 17, 5))
                .isBetween(0, 4);
        Files.writeString(tmp.resolve("c.tsv"), "nonsense\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskTrain.readTrain(tmp.resolve("c.tsv")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void ratesTextWithTheShippedHead() {
        TrainedRiskModel head = TrainedRiskModel.load(embedder);
        assertThat(head.rate("what a lovely sunny afternoon in the park").level())
                .isEqualTo(RiskLevel.NONE);
    }

    @Test
    void printsEveryFigureTheSpecificationAsksFor(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("mini.tsv");
        Files.writeString(
                data,
                RiskDataSet.HEADER + "\n"
                        + "t1\tIMMINENT\tSUICIDE,MEDICAL\t-\t-\tI took every pill in the house\n"
                        + "t2\tNONE\t-\thard-negative,idiom\t-\tthis spreadsheet is killing me\n"
                        + "t3\tHIGH\tSUICIDE\tcontext\tI want it to stop\tI have pills\n"
                        + "t4\tLOW\t-\t-\t-\tthe weather is nice\n");
        String printed = captureOut(() -> {
            try {
                RiskEval.main(new String[] {"--data", data.toString(), "--misses"});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(printed)
                .contains("recall(>=lvl)", "precision", "false-positive rate on hard negatives", ">= LOW")
                .contains("category recall", "confusion matrix", "IMMINENT", "MEDICAL")
                .contains("t4 label=LOW screened=NONE")
                .doesNotContain("weather");
    }

    @Test
    void resolvesRelativeCommandPathsAgainstTheModule() {
        String before = System.getProperty("hearth.nlp.basedir");
        try {
            System.setProperty("hearth.nlp.basedir", "/somewhere/hearth-nlp");
            assertThat(CommandPaths.resolve("does/not/exist.tsv"))
                    .isEqualTo(Path.of("/somewhere/hearth-nlp/does/not/exist.tsv"));
            assertThat(CommandPaths.resolve("/abs/file.tsv")).isEqualTo(Path.of("/abs/file.tsv"));
        } finally {
            if (before == null) {
                System.clearProperty("hearth.nlp.basedir");
            } else {
                System.setProperty("hearth.nlp.basedir", before);
            }
        }
    }
}
