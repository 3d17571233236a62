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

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2Quantized();

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

    private static Path smallTrainingSet(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("data/risk/train.tsv"));
        StringBuilder out = new StringBuilder(lines.getFirst()).append('\n');
        for (int i = 1; i < lines.size(); i += 4) {
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
        String[] names = TribuoRiskModel.featureNames(embedder.dimensions());
        for (String text : List.of("I want to die", "work was fine", "I took all my pills")) {
            float[] v = embedder.embed(text);
            Map<String, Label> sa = a.predict(
                            TribuoRiskModel.example(names, v, TribuoRiskModel.LabelFactoryHolder.UNKNOWN))
                    .getOutputScores();
            Map<String, Label> sb = b.predict(
                            TribuoRiskModel.example(names, v, TribuoRiskModel.LabelFactoryHolder.UNKNOWN))
                    .getOutputScores();
            for (String level : sa.keySet()) {
                assertThat(sb.get(level).getScore()).isEqualTo(sa.get(level).getScore());
            }
        }
    }

    @Test
    void writesAModelAndAManifestWithItsProvenance(@TempDir Path tmp) throws IOException {
        Path train = smallTrainingSet(tmp);
        Path out = tmp.resolve("model");
        String printed = captureOut(() -> {
            try {
                RiskTrain.main(new String[] {
                    "--data",
                    train.toString(),
                    "--out",
                    out.toString(),
                    "--seed",
                    "3",
                    "--epochs",
                    "3",
                    "--dev",
                    "src/test/resources/risk/dev.tsv",
                    "--threshold",
                    "0.9",
                    "--learning-rate",
                    "0.3",
                    "--data-version",
                    "test"
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(printed).contains("\"seed\": 3");
        assertThat(manifest)
                .contains("\"version\": \"test\"", "\"seed\": 3", "\"epochs\": 3", "\"headAlone\"")
                .contains(embedder.modelId());
        assertThat(TribuoRiskModel.numberField(manifest, "threshold")).isEqualTo(0.9);
        assertThat(Files.size(out.resolve(TribuoRiskModel.MODEL_FILE))).isGreaterThan(1000);
    }

    @Test
    void shipsAManifestThatMatchesTheEmbedder() throws IOException {
        String manifest;
        try (var in = TribuoRiskModel.class.getResourceAsStream("/models/risk/manifest.json")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(TribuoRiskModel.stringField(manifest, "embeddingModel")).isEqualTo(embedder.modelId());
        assertThat(manifest).contains("\"seed\"", "\"trainedOn\"", "\"dev\"", "hearth-risk-train");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TribuoRiskModel.stringField(manifest, "missing"))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TribuoRiskModel.numberField(manifest, "missing"))
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
        assertThat(TribuoRiskModel.decide(scores, 0.55).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(TribuoRiskModel.decide(scores, 0.2).level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(TribuoRiskModel.decide(scores, 0.85).level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(TribuoRiskModel.decide(scores, 0.95).level()).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void ratesTextWithTheShippedHead() {
        TribuoRiskModel head = TribuoRiskModel.load(embedder);
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
