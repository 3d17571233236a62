package org.hearth.nlp.tuned;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.heads.Ekman;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadManifest;
import org.hearth.nlp.train.Corpus;
import org.hearth.nlp.train.HeadEvaluation;

/**
 * {@code train emotions --fine-tune}: the emotions head as a fine-tuned encoder. Trains on GoEmotions
 * train, watches dev after each epoch, then writes {@link Head#TUNED_FILE} and the manifest, with
 * dev figures measured on the written file as the analyzer serves it (ONNX Runtime, half-precision
 * deltas applied), at thresholds tuned on dev and at one fixed threshold for every label.
 */
public final class TunedEmotions {

    /** The single threshold of the untuned reading. */
    public static final double FIXED_THRESHOLD = 0.3;

    private TunedEmotions() {}

    public static void train(Path data, Map<String, String> opts, Map<String, String> trainingData, Path out)
            throws IOException {
        EncoderTuning.Settings settings = new EncoderTuning.Settings(
                Integer.parseInt(opts.getOrDefault("layers", "4")),
                Integer.parseInt(opts.getOrDefault("epochs", "3")),
                Integer.parseInt(opts.getOrDefault("minibatch", "32")),
                Float.parseFloat(opts.getOrDefault("lr", "0.0001")),
                Float.parseFloat(opts.getOrDefault("head-lr", "0.001")),
                Float.parseFloat(opts.getOrDefault("weight-decay", "0.01")),
                Float.parseFloat(opts.getOrDefault("dropout", "0.1")),
                Float.parseFloat(opts.getOrDefault("warm-up", "0.1")),
                Integer.parseInt(opts.getOrDefault("max-pieces", "128")),
                Long.parseLong(opts.getOrDefault("seed", "17")),
                Float.parseFloat(opts.getOrDefault("max-grad-norm", "0")));
        String thresholdsOn = opts.getOrDefault("thresholds", "dev");
        if (!List.of("dev", "fixed").contains(thresholdsOn)) {
            throw new IllegalArgumentException("--thresholds must be dev or fixed with --fine-tune");
        }
        OnnxSentenceEmbedder.Candidate base =
                OnnxSentenceEmbedder.Candidate.byName(opts.getOrDefault("base", "bge-small-en-v15"));
        if (base.quantized()) {
            throw new IllegalArgumentException("fine-tuning needs a full-precision encoder, not " + base.shortName());
        }
        List<Corpus.Row> trainRows = limit(Corpus.goEmotions(data, "train"), opts.get("limit"));
        List<Corpus.Row> devRows = limit(Corpus.goEmotions(data, "dev"), opts.get("dev-limit"));
        List<String> outputs = new ArrayList<>(Corpus.goEmotionLabels(data));
        Ekman.GROUPS.keySet().forEach(g -> outputs.add(Ekman.thresholdKey(g)));
        List<Corpus.Row> devWithGroups =
                devRows.stream().map(TunedEmotions::withGroups).toList();

        OnnxSentenceEmbedder.Candidate served =
                OnnxSentenceEmbedder.Candidate.byName(opts.getOrDefault("serve-on", base.shortName() + "-q"));
        if (!served.shortName().startsWith(base.shortName())) {
            throw new IllegalArgumentException("--serve-on must be " + base.shortName() + " or its quantized form");
        }
        EncoderTuning tuning = new EncoderTuning(base, served, settings, System.out);
        double[][][] lastWatch = new double[1][][];
        TunedWeights weights = tuning.train(
                new EncoderTuning.Examples(
                        trainRows.stream().map(Corpus.Row::text).toList(), targets(trainRows, outputs)),
                devRows.stream().map(Corpus.Row::text).toList(),
                (epoch, scores) -> {
                    lastWatch[0] = scores;
                    System.out.printf("  dev after epoch %d: %s%n", epoch, figures(outputs, devWithGroups, scores));
                });

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        weights.write(bytes);
        TunedClassifier asServed = TunedClassifier.readUnshared(new ByteArrayInputStream(bytes.toByteArray()));
        long start = System.nanoTime();
        double[][] devScores =
                asServed.scoresAll(devRows.stream().map(Corpus.Row::text).toList());
        System.out.printf(
                "dev scored as served (ONNX Runtime, %s) in %d s; largest difference from training's own"
                        + " full-precision scores %.5f%n",
                served.shortName(),
                (System.nanoTime() - start) / 1_000_000_000,
                largestDifference(devScores, lastWatch[0]));

        Map<String, Double> fixed = fixedThresholds(outputs);
        Map<String, Double> tuned = HeadEvaluation.tuneThresholds(outputs, devWithGroups, devScores);
        HeadEvaluation.Result atFixed = HeadEvaluation.emotions(outputs, fixed, devRows, devScores);
        HeadEvaluation.Result atTuned = HeadEvaluation.emotions(outputs, tuned, devRows, devScores);
        Map<String, Double> shipped = thresholdsOn.equals("dev") ? tuned : fixed;
        HeadEvaluation.Result result = thresholdsOn.equals("dev") ? atTuned : atFixed;
        System.out.println(result.report());
        printReadings(atTuned, atFixed);

        Map<String, Object> hyper = new LinkedHashMap<>(settings.asMap());
        hyper.put("outputs", "28 GoEmotions labels + 7 Ekman groups, a sigmoid each on the [CLS] state");
        hyper.put(
                "thresholds",
                thresholdsOn.equals("dev")
                        ? "tuned per output for F1 on the GoEmotions dev split"
                        : "one fixed threshold " + FIXED_THRESHOLD + " for every output");
        hyper.put("rows", trainRows.size());
        Map<String, Object> dev = new LinkedHashMap<>(result.figures());
        dev.put("split", "dev");
        dev.put("macroF1AtFixedThreshold", atFixed.figure("macroF1"));
        dev.put("ekmanMacroF1AtFixedThreshold", atFixed.figure("ekmanMacroF1"));
        HeadManifest manifest = new HeadManifest(
                "emotions",
                outputs,
                shipped,
                served.modelId() + ", top " + settings.trainedLayers() + " layers fine-tuned (" + Head.TUNED_FILE + ")",
                trainingData,
                LocalDate.now(ZoneOffset.UTC).toString(),
                settings.seed(),
                hyper,
                dev);
        Files.createDirectories(out);
        Files.write(out.resolve(Head.TUNED_FILE), bytes.toByteArray());
        // Head.load prefers the tuned file; the others would only be dead weight beside it.
        Files.deleteIfExists(out.resolve(Head.MLP_FILE));
        Files.deleteIfExists(out.resolve(Head.MODEL_FILE));
        manifest.write(out.resolve(Head.MANIFEST_FILE));
        System.out.printf("wrote %s (%d bytes) and %s to %s%n", Head.TUNED_FILE, bytes.size(), Head.MANIFEST_FILE, out);
    }

    private static List<Corpus.Row> limit(List<Corpus.Row> rows, String limit) {
        return limit == null ? rows : rows.subList(0, Math.min(rows.size(), Integer.parseInt(limit)));
    }

    private static Corpus.Row withGroups(Corpus.Row row) {
        Set<String> labels = new LinkedHashSet<>(row.labels());
        labels.addAll(Ekman.groupOutputs(row.labels()));
        return new Corpus.Row(row.text(), labels);
    }

    static float[][] targets(List<Corpus.Row> rows, List<String> outputs) {
        float[][] out = new float[rows.size()][outputs.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (String l : withGroups(rows.get(i)).labels()) {
                out[i][outputs.indexOf(l)] = 1f;
            }
        }
        return out;
    }

    /** The two dev readings of an emotions head: at thresholds tuned on dev, and at {@link #FIXED_THRESHOLD}. */
    public static void printReadings(HeadEvaluation.Result tunedOnDev, HeadEvaluation.Result atFixed) {
        System.out.printf(
                "at thresholds tuned on dev: macro-F1 %.4f, Ekman %.4f%n",
                tunedOnDev.figure("macroF1"), tunedOnDev.figure("ekmanMacroF1"));
        System.out.printf(
                "at one fixed threshold %.2f for every output: macro-F1 %.4f, Ekman %.4f%n",
                FIXED_THRESHOLD, atFixed.figure("macroF1"), atFixed.figure("ekmanMacroF1"));
    }

    /** {@link #FIXED_THRESHOLD} for every output. */
    public static Map<String, Double> fixedThresholds(List<String> outputs) {
        Map<String, Double> out = new LinkedHashMap<>();
        outputs.forEach(o -> out.put(o, FIXED_THRESHOLD));
        return out;
    }

    private static String figures(List<String> outputs, List<Corpus.Row> devWithGroups, double[][] scores) {
        HeadEvaluation.Result fixed = HeadEvaluation.emotions(outputs, fixedThresholds(outputs), devWithGroups, scores);
        HeadEvaluation.Result tuned = HeadEvaluation.emotions(
                outputs, HeadEvaluation.tuneThresholds(outputs, devWithGroups, scores), devWithGroups, scores);
        return String.format(
                "macro-F1 %.4f / Ekman %.4f at %.2f; %.4f / %.4f dev-tuned",
                fixed.figure("macroF1"),
                fixed.figure("ekmanMacroF1"),
                FIXED_THRESHOLD,
                tuned.figure("macroF1"),
                tuned.figure("ekmanMacroF1"));
    }

    private static double largestDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
