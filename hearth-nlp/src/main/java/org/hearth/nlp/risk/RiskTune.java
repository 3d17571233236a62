package org.hearth.nlp.risk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.tuned.EncoderTuning;
import org.hearth.nlp.tuned.TunedClassifier;
import org.hearth.nlp.tuned.TunedWeights;
import org.jspecify.annotations.Nullable;

/**
 * The risk head as a fine-tuned encoder: the top layers of bge-small tuned together with three
 * sigmoids on the [CLS] state, one per ordinal question (MODERATE or above, HIGH or above,
 * IMMINENT), on the same rows, folds, replay and threshold rule as {@link RiskTrain}.
 *
 * <p>Every fold's model is scored as it would be served (its weights put into the quantized
 * encoder, on ONNX Runtime), so the thresholds are chosen on the figures the screen will read.
 *
 * <p>{@code RiskTune --data <tsv or dir>... [--train-only <tsv or dir>]... --out <dir> [--dev <tsv>]...
 * [--seed N] [--folds K] [--max-fpr F] [--target-recall R] [--min-threshold T]
 * [--threshold-moderate T|cv] [--layers L] [--epochs E] [--batch B] [--lr R] [--head-lr R]
 * [--dropout P] [--max-pieces N] [--noise] [--blend] [--cache <dir>] [--data-version V]
 * [--ratings <file>]}
 *
 * <p>{@code --noise} trains every row also as a noisy copy, as {@code RiskTrain --noise} does.
 * {@code --blend} trains the shipped kind of MLP head over the shared embedding on the same rows and
 * folds ({@code --cache} keeps its embeddings) and ships the mean of the two heads' probabilities,
 * with thresholds chosen on the mean. {@code --threshold-moderate cv} chooses the MODERATE cut-off
 * by cross-validation ({@link RiskTrain#moderateCurve}) and prints every step of it. {@code
 * --ratings} writes the cross-validated ratings to a file, or reads them from it when it exists, so
 * the thresholds can be chosen again without the folds' training.
 */
public final class RiskTune {

    private RiskTune() {}

    record Options(
            List<Path> data,
            List<Path> trainOnly,
            Path out,
            List<Path> dev,
            int folds,
            double maxFpr,
            double targetRecall,
            double minThreshold,
            double thresholdModerate,
            boolean noise,
            boolean blend,
            String dataVersion,
            @Nullable Path cache,
            @Nullable Path ratings,
            EncoderTuning.Settings settings) {}

    public static void main(String[] args) throws IOException {
        List<Path> data = new ArrayList<>();
        List<Path> trainOnly = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        Path out = null;
        long seed = 17;
        int folds = 5;
        double maxFpr = 0.05;
        double targetRecall = 0.98;
        double minThreshold = 0.2;
        double thresholdModerate = RiskTrain.MODERATE_TOP;
        Path ratings = null;
        boolean noise = false;
        boolean blend = false;
        String dataVersion = "1";
        Path cache = null;
        int layers = 4;
        int epochs = 4;
        int batch = 32;
        float lr = 1e-4f;
        float headLr = 1e-3f;
        float dropout = 0.1f;
        int maxPieces = 256;
        float maxGradNorm = 1f;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data.add(CommandPaths.resolve(args[++i]));
                case "--train-only" -> trainOnly.add(CommandPaths.resolve(args[++i]));
                case "--dev" -> dev.add(CommandPaths.resolve(args[++i]));
                case "--out" -> out = CommandPaths.resolve(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--max-fpr" -> maxFpr = Double.parseDouble(args[++i]);
                case "--target-recall" -> targetRecall = Double.parseDouble(args[++i]);
                case "--min-threshold" -> minThreshold = Double.parseDouble(args[++i]);
                case "--threshold-moderate" -> thresholdModerate = RiskTrain.moderateOption(args[++i]);
                case "--ratings" -> ratings = CommandPaths.resolve(args[++i]);
                case "--noise" -> noise = true;
                case "--blend" -> blend = true;
                case "--cache" -> cache = CommandPaths.resolve(args[++i]);
                case "--data-version" -> dataVersion = args[++i];
                case "--layers" -> layers = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--lr" -> lr = Float.parseFloat(args[++i]);
                case "--head-lr" -> headLr = Float.parseFloat(args[++i]);
                case "--dropout" -> dropout = Float.parseFloat(args[++i]);
                case "--max-pieces" -> maxPieces = Integer.parseInt(args[++i]);
                case "--max-grad-norm" -> maxGradNorm = Float.parseFloat(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (data.isEmpty() || out == null) {
            System.err.println("usage: RiskTune --data <tsv or dir>... --out <dir> [--train-only <tsv or dir>]..."
                    + " [--dev <tsv>]...");
            System.exit(2);
            return;
        }
        EncoderTuning.Settings settings = new EncoderTuning.Settings(
                layers, epochs, batch, lr, headLr, 0.01f, dropout, 0.1f, maxPieces, seed, maxGradNorm);
        tune(new Options(
                data,
                trainOnly,
                out,
                dev,
                folds,
                maxFpr,
                targetRecall,
                minThreshold,
                thresholdModerate,
                noise,
                blend,
                dataVersion,
                cache,
                ratings,
                settings));
    }

    /** The MLP head of a blend: {@code RiskTrain --algorithm mlp} with its defaults. */
    static final RiskTrain.Spec SHARED_SPEC = new RiskTrain.Spec("mlp", 40, 0.001, 17, Map.of(), 256, 0.3, 1);

    static final String BASE = "bge-small-en-v15";
    static final String SERVED = "bge-small-en-v15-q";

    static void tune(Options o) throws IOException {
        List<RiskTrain.Labelled> rows = new ArrayList<>();
        for (Path p : o.data()) {
            rows.addAll(RiskTrain.readTrain(p));
        }
        List<RiskTrain.Labelled> extra = new ArrayList<>();
        for (Path p : o.trainOnly()) {
            extra.addAll(RiskTrain.readTrain(p));
        }
        RiskTrain.LexicalView[] lex = RiskTrain.lexicalViews(rows);
        Path ratings = o.ratings();
        boolean reuse = ratings != null && Files.exists(ratings);
        double[][] own;
        double[][] sharedCv = null;
        if (reuse) {
            double[][][] read = readRatings(ratings, rows, o.blend());
            own = read[0];
            sharedCv = read[1];
            System.out.printf("cross-validated ratings read from %s%n", ratings);
        } else {
            own = crossValidate(o, rows, extra, lex);
        }
        requireFinite(own, "the tuned head's cross-validated ratings");
        TrainedRiskModel.Thresholds ownT = choose(o, rows, own, lex);
        System.out.printf(
                "cross-validated, as served: %s at %s; lexical alone %s%n",
                RiskTrain.figures(rows, own, lex, ownT), describe(ownT), RiskTrain.figures(rows, own, lex, null));
        SharedHead shared = o.blend() ? sharedHead(o, rows, extra, sharedCv == null) : null;
        if (shared != null) {
            sharedCv =
                    requireFinite(sharedCv == null ? shared.cv() : sharedCv, "the MLP head's cross-validated ratings");
            TrainedRiskModel.Thresholds alone = choose(o, rows, sharedCv, lex);
            System.out.printf(
                    "cross-validated, the MLP head alone: %s at %s%n",
                    RiskTrain.figures(rows, sharedCv, lex, alone), describe(alone));
        }
        if (ratings != null && !reuse) {
            writeRatings(ratings, rows, own, sharedCv);
        }
        double[][] cv = sharedCv == null ? own : mean(own, sharedCv);
        if (o.thresholdModerate() == RiskTrain.MODERATE_BY_CV) {
            for (TrainedRiskModel.Thresholds step :
                    RiskTrain.moderateCurve(rows, cv, lex, o.targetRecall(), o.minThreshold(), o.maxFpr())) {
                System.out.printf(
                        "  MODERATE cut-off %.2f: %s at %s%n",
                        step.moderate(), RiskTrain.figures(rows, cv, lex, step), describe(step));
            }
        }
        TrainedRiskModel.Thresholds t = choose(o, rows, cv, lex);
        if (shared != null) {
            System.out.printf(
                    "cross-validated, the blend: %s at %s%n", RiskTrain.figures(rows, cv, lex, t), describe(t));
        }

        List<RiskTrain.Labelled> all = new ArrayList<>();
        extra.stream().filter(RiskTrain::trainable).forEach(all::add);
        rows.stream().filter(RiskTrain::trainable).forEach(all::add);
        TunedWeights weights = fit(o, all, List.of(), (epoch, scores) -> {});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        weights.write(bytes);
        RiskHead tuned = RiskHead.tuned(bytes.toByteArray());
        RiskHead head = shared == null ? tuned : RiskHead.blend(shared.all(), tuned);
        RiskTrain.writeHead(head, o.out());
        SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();
        List<String> devFigures = RiskTrain.devFigures(new TrainedRiskModel(embedder, head, t), o.dev());
        devFigures.forEach(System.out::println);
        List<String> files = new ArrayList<>();
        o.data().forEach(p -> files.add("hearth-nlp/data/risk/" + p.getFileName()));
        o.trainOnly()
                .forEach(
                        p -> files.add("hearth-nlp/" + RiskTrain.hearthNlpRelative(p) + " (trained on, not replayed)"));
        Map<String, Object> hyper = new LinkedHashMap<>(o.settings().asMap());
        hyper.put("folds", o.folds());
        hyper.put("targetRecall", o.targetRecall());
        hyper.put("minThreshold", o.minThreshold());
        hyper.put("maxFpr", o.maxFpr());
        hyper.put("noisyCopies", o.noise());
        hyper.put("blend", o.blend());
        hyper.put(
                "moderateCutOff",
                o.thresholdModerate() == RiskTrain.MODERATE_BY_CV ? "cross-validated" : o.thresholdModerate());
        hyper.put("base", BASE);
        hyper.put("servedOn", SERVED);
        String manifest = RiskTrain.manifest(
                (shared == null ? "" : "the mean of the shipped MLP head (" + SHARED_SPEC.describe() + ") and a ")
                        + "fine-tuned encoder, top " + o.settings().trainedLayers()
                        + " layers, three ordinal sigmoids on [CLS]",
                head.fileName(),
                new RiskTrain.ManifestData(
                        o.dataVersion(),
                        files,
                        rows.size(),
                        all.size(),
                        rows.stream().filter(RiskTrain.Labelled::hardNegative).count()),
                o.settings().seed(),
                json(hyper),
                t,
                embedder,
                new String[] {
                    RiskTrain.figures(rows, cv, lex, null),
                    RiskTrain.figures(rows, cv, lex, t),
                    RiskTrain.figures(
                            rows, cv, lex, new TrainedRiskModel.Thresholds(t.moderate(), t.high(), t.imminent(), 0))
                },
                devFigures);
        Files.writeString(o.out().resolve(TrainedRiskModel.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
        System.out.printf(
                "wrote %s (%d bytes) and %s%n", head.fileName(), bytes.size(), TrainedRiskModel.MANIFEST_FILE);
    }

    /**
     * Thresholds chosen on ratings that are not numbers would be chosen on the other rows alone (a
     * comparison with NaN is never true), so a fold that diverged stops the command instead.
     */
    static double[][] requireFinite(double[][] ratings, String what) {
        long bad = Arrays.stream(ratings)
                .filter(r -> r == null || Arrays.stream(r).anyMatch(v -> !Double.isFinite(v)))
                .count();
        if (bad > 0) {
            throw new IllegalStateException(what + ": " + bad + " of " + ratings.length + " rows are not finite");
        }
        return ratings;
    }

    /** Every row's cumulative probabilities from the fold that did not train on it, as served. */
    private static double[][] crossValidate(
            Options o, List<RiskTrain.Labelled> rows, List<RiskTrain.Labelled> extra, RiskTrain.LexicalView[] lex)
            throws IOException {
        long seed = o.settings().seed();
        int epochs = o.settings().epochs();
        double[][][] cvByEpoch = new double[epochs][rows.size()][];
        double[][] cv = new double[rows.size()][];
        for (int k = 0; k < o.folds(); k++) {
            List<RiskTrain.Labelled> train = new ArrayList<>();
            extra.stream().filter(RiskTrain::trainable).forEach(train::add);
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (RiskTrain.fold(rows.get(i), seed, o.folds()) == k) {
                    held.add(i);
                } else if (RiskTrain.trainable(rows.get(i))) {
                    train.add(rows.get(i));
                }
            }
            Readings readings = Readings.of(held.stream().map(rows::get).toList());
            System.out.printf(
                    "fold %d of %d: %d rows trained, %d scored%n", k + 1, o.folds(), train.size(), held.size());
            final int fold = k;
            TunedWeights weights = fit(o, train, readings.texts(), (epoch, scores) -> {
                double[][] merged = readings.merge(scores);
                for (int j = 0; j < held.size(); j++) {
                    cvByEpoch[epoch - 1][held.get(j)] = merged[j];
                }
                System.out.printf("  fold %d, epoch %d done%n", fold + 1, epoch);
            });
            double[][] served = readings.merge(served(weights).scoresAll(readings.texts()));
            for (int j = 0; j < held.size(); j++) {
                cv[held.get(j)] = served[j];
            }
        }
        for (int e = 0; e < epochs; e++) {
            TrainedRiskModel.Thresholds t = choose(o, rows, cvByEpoch[e], lex);
            System.out.printf(
                    "cross-validated after epoch %d (training's full precision): %s at %s%n",
                    e + 1, RiskTrain.figures(rows, cvByEpoch[e], lex, t), describe(t));
        }
        return cv;
    }

    /**
     * {@code --ratings}: the cross-validated ratings, one row per training row (its level, then the
     * tuned head's three probabilities and, for a blend, the MLP head's), so the thresholds can be
     * chosen again without training the folds again.
     */
    static void writeRatings(Path file, List<RiskTrain.Labelled> rows, double[][] own, double @Nullable [][] shared)
            throws IOException {
        StringBuilder b = new StringBuilder("level\ttuned\tshared\n");
        for (int i = 0; i < rows.size(); i++) {
            b.append(rows.get(i).level()).append('\t').append(joined(own[i])).append('\t');
            b.append(shared == null ? "" : joined(shared[i])).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    static double[][][] readRatings(Path file, List<RiskTrain.Labelled> rows, boolean blend) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != rows.size() + 1) {
            throw new IOException(file + " holds " + (lines.size() - 1) + " ratings for " + rows.size() + " rows");
        }
        double[][] own = new double[rows.size()][];
        double[][] shared = blend ? new double[rows.size()][] : null;
        for (int i = 0; i < rows.size(); i++) {
            String[] f = lines.get(i + 1).split("\t", -1);
            if (!f[0].equals(rows.get(i).level().name())) {
                throw new IOException(file + " line " + (i + 2) + " is not the rating of the same row");
            }
            own[i] = parsed(f[1]);
            if (shared != null) {
                if (f[2].isEmpty()) {
                    throw new IOException(file + " holds no MLP ratings for a blend");
                }
                shared[i] = parsed(f[2]);
            }
        }
        return new double[][][] {own, shared};
    }

    private static String joined(double[] p) {
        StringBuilder b = new StringBuilder();
        for (double v : p) {
            b.append(b.isEmpty() ? "" : " ").append(v);
        }
        return b.toString();
    }

    private static double[] parsed(String s) {
        String[] parts = s.split(" ");
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            p[i] = Double.parseDouble(parts[i]);
        }
        return p;
    }

    /** A flat map of numbers, booleans and strings as a JSON object, in its order. */
    static String json(Map<String, Object> values) {
        StringBuilder b = new StringBuilder("{");
        for (var e : values.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            Object v = e.getValue();
            String value = v instanceof Number || v instanceof Boolean ? String.valueOf(v) : "\"" + v + "\"";
            b.append('"').append(e.getKey()).append("\": ").append(value);
        }
        return b.append('}').toString();
    }

    /**
     * An MLP head over the shared embedding: its cross-validated probabilities (unless they were not
     * asked for) and the head trained on all rows.
     */
    record SharedHead(double @Nullable [][] cv, RiskHead all) {}

    /**
     * The shipped kind of MLP head ({@code RiskTrain --algorithm mlp --noise} with its defaults) on
     * the same rows and the same folds (the fold of a row depends only on its text and the seed).
     */
    static SharedHead sharedHead(
            Options o, List<RiskTrain.Labelled> rows, List<RiskTrain.Labelled> extra, boolean crossValidate) {
        long seed = o.settings().seed();
        RiskTrain.Options ro = new RiskTrain.Options(
                o.data(),
                o.out(),
                seed,
                List.of(),
                "mlp",
                40,
                0.001,
                o.folds(),
                o.targetRecall(),
                o.minThreshold(),
                o.maxFpr(),
                o.thresholdModerate(),
                o.dataVersion(),
                o.cache(),
                o.trainOnly(),
                Map.of(),
                256,
                0.3,
                true,
                1);
        SentenceEmbedder e = OnnxSentenceEmbedder.standard();
        RiskTrain.Spec spec = SHARED_SPEC.withSeed(seed);
        float[][] vectors = RiskTrain.vectors(ro, e, rows);
        float[][] noisy = RiskTrain.noisyVectors(ro, e, rows, 0);
        float[][] extraVectors = RiskTrain.vectors(ro, e, extra);
        float[][] extraNoisy = RiskTrain.noisyVectors(ro, e, extra, rows.size());
        double[][] cv = crossValidate
                ? RiskTrain.crossValidate(
                        rows,
                        vectors,
                        noisy,
                        RiskTrain.partVectors(ro, e, rows),
                        extra,
                        extraVectors,
                        extraNoisy,
                        spec,
                        o.folds())
                : null;
        return new SharedHead(cv, RiskTrain.fitAll(rows, vectors, noisy, extra, extraVectors, extraNoisy, spec));
    }

    static double[][] mean(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int c = 0; c < a[i].length; c++) {
                out[i][c] = (a[i][c] + b[i][c]) / 2;
            }
        }
        return out;
    }

    static String describe(TrainedRiskModel.Thresholds t) {
        return String.format(
                Locale.ROOT, "HIGH %.3f, IMMINENT %.3f, veto below %.3f", t.high(), t.imminent(), t.vetoCeiling());
    }

    private static TrainedRiskModel.Thresholds choose(
            Options o, List<RiskTrain.Labelled> rows, double[][] cv, RiskTrain.LexicalView[] lex) {
        return RiskTrain.choose(rows, cv, lex, o.targetRecall(), o.minThreshold(), o.maxFpr(), o.thresholdModerate());
    }

    private static TunedWeights fit(
            Options o,
            List<RiskTrain.Labelled> train,
            List<String> watch,
            java.util.function.BiConsumer<Integer, double[][]> afterEpoch)
            throws IOException {
        List<String> texts = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            RiskTrain.Labelled row = train.get(i);
            float[] target = targets(row.level());
            texts.add(row.text());
            targets.add(target);
            if (o.noise()) {
                texts.add(RiskTrain.withNoise(row.text(), o.settings().seed(), i));
                targets.add(target);
            }
        }
        EncoderTuning tuning = new EncoderTuning(
                OnnxSentenceEmbedder.Candidate.byName(BASE),
                OnnxSentenceEmbedder.Candidate.byName(SERVED),
                o.settings(),
                System.out);
        return tuning.train(
                new EncoderTuning.Examples(texts, targets.toArray(new float[0][])),
                watch,
                (epoch, scores) -> afterEpoch.accept(epoch, ordinal(scores)));
    }

    private static TunedClassifier served(TunedWeights weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        weights.write(bytes);
        return TunedClassifier.readUnshared(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The three ordinal targets of a level: MODERATE or above, HIGH or above, IMMINENT. */
    static float[] targets(RiskLevel level) {
        return new float[] {
            level.atLeast(RiskLevel.MODERATE) ? 1f : 0f,
            level.atLeast(RiskLevel.HIGH) ? 1f : 0f,
            level == RiskLevel.IMMINENT ? 1f : 0f
        };
    }

    private static double[][] ordinal(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = RiskHead.ordinal(scores[i]);
        }
        return out;
    }

    /**
     * The texts the screen's model stage reads for some rows, flattened: each row's text, then what
     * {@link TrainedRiskModel#readings} reads beside it; {@link #merge} turns their scores back into
     * one set of cumulative probabilities per row, as the served model merges them.
     */
    record Readings(List<String> texts, int[] first, int[] count) {

        static Readings of(List<RiskTrain.Labelled> rows) {
            List<String> texts = new ArrayList<>();
            int[] first = new int[rows.size()];
            int[] count = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                first[i] = texts.size();
                texts.add(rows.get(i).text());
                List<String> more = TrainedRiskModel.readings(
                        rows.get(i).text(), rows.get(i).context());
                texts.addAll(more);
                count[i] = 1 + more.size();
            }
            return new Readings(texts, first, count);
        }

        double[][] merge(double[][] scores) {
            double[][] out = new double[first.length][];
            for (int i = 0; i < first.length; i++) {
                double[] whole = RiskHead.ordinal(scores[first[i]]);
                List<double[]> parts = new ArrayList<>();
                for (int j = 1; j < count[i]; j++) {
                    parts.add(RiskHead.ordinal(scores[first[i] + j]));
                }
                out[i] = TrainedRiskModel.withParts(whole, parts);
            }
            return out;
        }
    }
}
