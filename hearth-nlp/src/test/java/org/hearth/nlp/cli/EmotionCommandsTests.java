package org.hearth.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.nlp.heads.HeadManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emotions head's train and eval commands with the MLP, on a tiny GoEmotions-shaped folder. */
class EmotionCommandsTests {

    private static final List<String> LABELS = List.of(
            "admiration",
            "amusement",
            "anger",
            "annoyance",
            "approval",
            "caring",
            "confusion",
            "curiosity",
            "desire",
            "disappointment",
            "disapproval",
            "disgust",
            "embarrassment",
            "excitement",
            "fear",
            "gratitude",
            "grief",
            "joy",
            "love",
            "nervousness",
            "optimism",
            "pride",
            "realization",
            "relief",
            "remorse",
            "sadness",
            "surprise",
            "neutral");

    /** Lines written for this test, a few per label that the tiny model can tell apart. */
    private static final List<String[]> LINES = List.of(
            new String[] {"Thank you so much for helping me", "gratitude"},
            new String[] {"Thanks a lot, that was kind of you", "gratitude"},
            new String[] {"I really appreciate you, thank you", "gratitude"},
            new String[] {"Many thanks for the quick reply", "gratitude"},
            new String[] {"I am so sad that my dog died", "sadness,grief"},
            new String[] {"I cried all night, I feel so down", "sadness"},
            new String[] {"Everything feels hopeless and grey today", "sadness"},
            new String[] {"My heart is broken since she left", "sadness"},
            new String[] {"This makes me furious, how dare they", "anger"},
            new String[] {"I am so angry I could scream", "anger"},
            new String[] {"Stop lying to me, I hate this", "anger,annoyance"},
            new String[] {"That idiot cut me off again", "anger"},
            new String[] {"The meeting is at three on Tuesday", "neutral"},
            new String[] {"I bought bread and milk", "neutral"},
            new String[] {"The bus leaves from platform two", "neutral"},
            new String[] {"It is a Wednesday in March", "neutral"},
            new String[] {"I'm terrified of what the scan will show", "fear,nervousness"},
            new String[] {"I am scared to walk home alone", "fear"},
            new String[] {"What if something awful happens tonight", "fear"},
            new String[] {"My hands shake before every exam", "nervousness"});

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws IOException {
        Files.write(dir.resolve("labels.txt"), LABELS);
        List<String> train = new ArrayList<>();
        List<String> dev = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            String[] l = LINES.get(i);
            StringBuilder idx = new StringBuilder();
            for (String name : l[1].split(",")) {
                idx.append(idx.isEmpty() ? "" : ",").append(LABELS.indexOf(name));
            }
            String line = l[0] + "\t" + idx + "\tid" + i;
            // Each line once in train; every fourth also in dev so each label appears there.
            train.add(line);
            if (i % 4 == 0) {
                dev.add(line);
            }
        }
        Files.write(dir.resolve("train.tsv"), train);
        Files.write(dir.resolve("dev.tsv"), dev);
    }

    private static String run(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(args);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String[] train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "train",
                "emotions",
                "--data",
                dir.toString(),
                "--out",
                out.toString(),
                "--cache",
                dir.resolve("cache").toString(),
                "--hidden",
                "16",
                "--epochs",
                "4",
                "--minibatch",
                "4"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static HeadManifest manifest(Path folder) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve("manifest.json"))) {
            return HeadManifest.read(in);
        }
    }

    @Test
    void writesTheSameMlpTwiceForTheSameSeedAndAnotherForAnotherSeed() throws IOException {
        run(train(dir.resolve("a")));
        run(train(dir.resolve("b")));
        run(train(dir.resolve("c"), "--seed", "18"));
        byte[] a = Files.readAllBytes(dir.resolve("a/model.mlp"));
        assertThat(Files.readAllBytes(dir.resolve("b/model.mlp"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("c/model.mlp"))).isNotEqualTo(a);
        assertThat(dir.resolve("a/model.tribuo")).doesNotExist();

        HeadManifest m = manifest(dir.resolve("a"));
        assertThat(m.labels()).hasSize(35).contains("ekman:sadness");
        assertThat(m.thresholds()).containsKeys("grief", "ekman:fear");
        assertThat(m.hyperParameters())
                .containsEntry("algorithm", "mlp")
                .containsEntry("thresholds", "tuned per output for F1 on the GoEmotions dev split");
        assertThat(m.seed()).isEqualTo(17);
        assertThat(m.dev()).containsKeys("macroF1", "ekmanMacroF1");
    }

    @Test
    void tunesThresholdsOnAHeldOutPartOfTrainWhenAsked() throws IOException {
        run(train(dir.resolve("h"), "--thresholds", "holdout"));
        assertThat(manifest(dir.resolve("h"))
                        .hyperParameters()
                        .get("thresholds")
                        .toString())
                .contains("every tenth GoEmotions train row")
                .contains("dev never seen");
    }

    @Test
    void tunesThresholdsOnOutOfFoldScoresWhenAsked() throws IOException {
        run(train(dir.resolve("f"), "--thresholds", "folds", "--folds", "2"));
        HeadManifest folds = manifest(dir.resolve("f"));
        assertThat(folds.hyperParameters().get("thresholds").toString())
                .contains("2-fold out-of-fold scores")
                .contains("dev never seen");
        org.hearth.nlp.heads.Mlp single;
        try (InputStream in = Files.newInputStream(dir.resolve("f/model.mlp"))) {
            single = org.hearth.nlp.heads.Mlp.read(in);
        }
        assertThat(single.hidden()).isEqualTo(16);
    }

    @Test
    void recordsTheWordPartOrLeavesItOut() throws IOException {
        run(train(dir.resolve("w")));
        assertThat(manifest(dir.resolve("w")).hyperParameters().get("words").toString())
                .contains("16384 buckets");
        run(train(dir.resolve("v"), "--word-buckets", "0"));
        assertThat(manifest(dir.resolve("v")).hyperParameters()).doesNotContainKey("words");
        try (InputStream in = Files.newInputStream(dir.resolve("v/model.mlp"))) {
            assertThat(org.hearth.nlp.heads.Mlp.read(in).words()).isNull();
        }
    }

    @Test
    void evaluatesAnMlpHeadFromItsFolder() throws IOException {
        run(train(dir.resolve("e")));
        String report = run(
                "eval",
                "emotions",
                "--data",
                dir.toString(),
                "--model-dir",
                dir.resolve("e").toString(),
                "--cache",
                dir.resolve("cache").toString());
        assertThat(report)
                .contains("emotions (28 GoEmotions labels), 5 rows")
                .contains("ekman (7 groups, the head's own output per group)")
                .contains("macro-F1");
    }

    @Test
    void fineTunesTheEncoderEvaluatesItAndGivesWayToAnMlpTrainedLater() throws IOException {
        Path out = dir.resolve("t");
        String log = run(
                "train",
                "emotions",
                "--fine-tune",
                "--data",
                dir.toString(),
                "--out",
                out.toString(),
                "--layers",
                "1",
                "--epochs",
                "2",
                "--minibatch",
                "4",
                "--max-pieces",
                "32");
        assertThat(out.resolve("encoder.tuned")).exists();
        assertThat(out.resolve("model.mlp")).doesNotExist();
        assertThat(log)
                .contains("dev after epoch 2")
                .contains("dev scored as served (ONNX Runtime, bge-small-en-v15-q)");
        HeadManifest m = manifest(out);
        assertThat(m.embeddingModel()).contains("top 1 layers fine-tuned");
        assertThat(m.labels()).hasSize(35);
        assertThat(m.hyperParameters()).containsEntry("trainedLayers", 1).containsEntry("epochs", 2);
        assertThat(m.dev()).containsKeys("macroF1", "ekmanMacroF1", "ekmanMacroF1AtFixedThreshold");

        String report = run("eval", "emotions", "--data", dir.toString(), "--model-dir", out.toString());
        assertThat(report)
                .contains("emotions (28 GoEmotions labels), 5 rows")
                .contains("at thresholds tuned on dev")
                .contains("at one fixed threshold 0.30 for every output");

        run(train(out));
        assertThat(out.resolve("model.mlp")).exists();
        assertThat(out.resolve("encoder.tuned")).doesNotExist();
    }
}
