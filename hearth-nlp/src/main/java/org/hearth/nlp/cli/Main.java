package org.hearth.nlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.heads.Ekman;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadManifest;
import org.hearth.nlp.heads.HeadSpec;
import org.hearth.nlp.heads.Mlp;
import org.hearth.nlp.heads.WordFeatures;
import org.hearth.nlp.train.Corpus;
import org.hearth.nlp.train.EmbeddingCache;
import org.hearth.nlp.train.HeadEvaluation;
import org.hearth.nlp.train.HeadTrainer;
import org.hearth.nlp.train.MlpTrainer;
import org.hearth.nlp.tuned.TunedEmotions;
import org.hearth.nlp.tuned.TunedSentenceEmbedder;
import org.jspecify.annotations.Nullable;
import org.tribuo.Model;

/**
 * The hearth-nlp command line: {@code train <head> --data <path> [--seed N] [--out <dir>]} and
 * {@code eval <head> --data <path> [--model-dir <dir>]}. Relative paths are resolved against the
 * system property {@code hearth.nlp.basedir} (the module folder when run through Maven), else the
 * working directory.
 */
public final class Main {

    private static final String DEFAULT_EMBEDDER = OnnxSentenceEmbedder.STANDARD.shortName();
    private static final String TUNED_EMBEDDER = "emotions-tuned";

    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("train") || args[0].equals("eval"))) {
            System.err.println("""
                    usage: train <head> --data <path> [--seed N] [--out <dir>] [--embedder <name>]
                                        [--algorithm lr|fm|mlp] [--epochs N] [--lr X] [--minibatch N]
                                        emotions with mlp: [--hidden N] [--dropout X] [--weight-decay X]
                                        [--ekman-outputs true|false] [--thresholds dev|holdout]
                                        [--word-buckets N (0: vector only)] [--word-l2 X] [--ensemble N]
                                        emotions fine-tuned: --fine-tune [--layers N] [--epochs N] [--lr X]
                                        [--head-lr X] [--dropout X] [--minibatch N] [--thresholds dev|fixed]
                           eval  <head> --data <path> [--model-dir <dir>] [--embedder <name>]
                    heads: emotions (data: the GoEmotions folder), sentiment, intent, distortions
                           (data: hearth-nlp/data or one of its sub-folders)""");
            System.exit(2);
        }
        HeadSpec spec = HeadSpec.byName(args[1]);
        Map<String, String> opts = options(args);
        if (!opts.containsKey("data")) {
            throw new IllegalArgumentException("--data <path> is required");
        }
        Path data = resolve(opts.get("data"));
        EmbeddingCache cache = new EmbeddingCache(
                opts.containsKey("no-cache") ? null : resolve(opts.getOrDefault("cache", "target/embedding-cache")));
        if (args[0].equals("train") && opts.containsKey("fine-tune")) {
            if (spec != HeadSpec.EMOTIONS) {
                throw new IllegalArgumentException("--fine-tune is implemented for the emotions head only");
            }
            TunedEmotions.train(
                    data,
                    opts,
                    trainingData(spec, data),
                    resolve(opts.getOrDefault("out", "src/main/resources/" + spec.resourceDir())));
        } else if (args[0].equals("train")) {
            train(spec, data, opts, cache);
        } else {
            eval(spec, data, opts, cache);
        }
    }

    private static void train(HeadSpec spec, Path data, Map<String, String> opts, EmbeddingCache cache)
            throws IOException {
        SentenceEmbedder embedder = embedder(opts.getOrDefault("embedder", DEFAULT_EMBEDDER));
        boolean emotions = spec == HeadSpec.EMOTIONS;
        HeadTrainer.Settings settings = new HeadTrainer.Settings(
                // The shipped emotions head is an MLP; --algorithm lr gives the earlier logistic regression.
                opts.getOrDefault("algorithm", emotions ? "mlp" : "lr"),
                Integer.parseInt(opts.getOrDefault("epochs", emotions ? "15" : "30")),
                Double.parseDouble(opts.getOrDefault("lr", emotions ? "0.5" : "0.1")),
                Integer.parseInt(opts.getOrDefault("minibatch", emotions ? "8" : "4")),
                Integer.parseInt(opts.getOrDefault("factors", "16")),
                Long.parseLong(opts.getOrDefault("seed", "17")));
        List<Corpus.Row> trainRows = rows(spec, data, "train");
        List<Corpus.Row> devRows = rows(spec, data, "dev");
        float[][] trainX = cache.embed(embedder, texts(trainRows));
        float[][] devX = cache.embed(embedder, texts(devRows));
        if (settings.algorithm().equals("mlp")) {
            if (!emotions) {
                throw new IllegalArgumentException("--algorithm mlp is implemented for the emotions head only");
            }
            trainMlpEmotions(spec, data, opts, embedder, trainRows, trainX, devRows, devX);
            return;
        }

        long start = System.nanoTime();
        Model<?> model = HeadTrainer.fit(spec, trainRows, trainX, settings);
        System.err.printf("trained %s in %d ms%n", spec.headName(), (System.nanoTime() - start) / 1_000_000);
        List<String> labels = emotions ? Corpus.goEmotionLabels(data) : HeadTrainer.labelsFor(spec, trainRows);
        Map<String, Double> thresholds = Map.of();
        String thresholdSource = "argmax";
        if (emotions) {
            // GoEmotions' authors provide dev for this: thresholds are tuned there, never on test.
            Head untuned = Head.of(
                    spec,
                    model,
                    manifest(spec, labels, Map.of(), embedder, data, settings, Map.of()),
                    embedder.dimensions());
            double[][] devScores = HeadEvaluation.score(untuned, devRows, devX);
            Map<String, Double> tuned = new LinkedHashMap<>(HeadEvaluation.tuneThresholds(labels, devRows, devScores));
            // Each Ekman group is then decided on its own derived score (its best member's score).
            List<String> groups = List.copyOf(Ekman.GROUPS.keySet());
            double[][] groupScores = new double[devScores.length][];
            for (int i = 0; i < devScores.length; i++) {
                groupScores[i] = Ekman.groupScores(labels, devScores[i]);
            }
            List<Set<String>> goldGroups = HeadEvaluation.toGroups(
                    devRows.stream().map(Corpus.Row::labels).toList());
            List<Corpus.Row> groupRows =
                    goldGroups.stream().map(g -> new Corpus.Row("", g)).toList();
            HeadEvaluation.tuneThresholds(groups, groupRows, groupScores)
                    .forEach((g, t) -> tuned.put(Ekman.thresholdKey(g), t));
            thresholds = tuned;
            thresholdSource = "tuned per label and per Ekman group for F1 on the GoEmotions dev split";
        } else if (spec == HeadSpec.DISTORTIONS) {
            List<String> withNone = new ArrayList<>(labels);
            withNone.add(HeadSpec.NO_DISTORTION);
            labels = withNone;
            // Our own dev set stays unseen: thresholds come from out-of-fold scores on train.
            thresholds = HeadEvaluation.tuneThresholds(
                    labels, trainRows, outOfFoldScores(spec, trainRows, trainX, settings, labels, embedder, data));
            thresholdSource = "tuned per label for F1 on 5-fold out-of-fold scores of the train split";
        }
        Map<String, Object> hyper = new LinkedHashMap<>(settings.asMap());
        hyper.put("thresholds", thresholdSource);
        HeadManifest draft = manifest(spec, labels, thresholds, embedder, data, settings, hyper);
        Head head = Head.of(spec, model, draft, embedder.dimensions());
        HeadEvaluation.Result result = HeadEvaluation.evaluate(head, devRows, devX);
        System.out.println(result.report());
        Map<String, Object> dev = new LinkedHashMap<>(result.figures());
        dev.put("split", "dev");
        HeadManifest manifest = new HeadManifest(
                draft.head(),
                draft.labels(),
                draft.thresholds(),
                draft.embeddingModel(),
                draft.trainingData(),
                draft.trainedOn(),
                draft.seed(),
                draft.hyperParameters(),
                dev);
        Path out = resolve(opts.getOrDefault("out", "src/main/resources/" + spec.resourceDir()));
        Files.createDirectories(out);
        // Head.load prefers model.mlp: an MLP left in the folder would shadow the new model.
        Files.deleteIfExists(out.resolve(Head.MLP_FILE));
        Files.deleteIfExists(out.resolve(Head.TUNED_FILE));
        model.serializeToFile(out.resolve(Head.MODEL_FILE));
        manifest.write(out.resolve(Head.MANIFEST_FILE));
        System.out.printf(
                "wrote %s (%d bytes) and %s to %s%n",
                Head.MODEL_FILE, Files.size(out.resolve(Head.MODEL_FILE)), Head.MANIFEST_FILE, out);
    }

    /**
     * The emotions head as an MLP: one output per GoEmotions label and, unless turned off, one per
     * Ekman group learned directly on the grouped labels.
     */
    private static void trainMlpEmotions(
            HeadSpec spec,
            Path data,
            Map<String, String> opts,
            SentenceEmbedder embedder,
            List<Corpus.Row> trainRows,
            float[][] trainX,
            List<Corpus.Row> devRows,
            float[][] devX)
            throws IOException {
        MlpTrainer.Settings settings = new MlpTrainer.Settings(
                // The defaults are the shipped head's settings, so plain `train emotions` rebuilds it.
                Integer.parseInt(opts.getOrDefault("hidden", "384")),
                Integer.parseInt(opts.getOrDefault("epochs", "12")),
                Double.parseDouble(opts.getOrDefault("lr", "0.002")),
                Integer.parseInt(opts.getOrDefault("minibatch", "32")),
                Double.parseDouble(opts.getOrDefault("dropout", "0.4")),
                Double.parseDouble(opts.getOrDefault("weight-decay", "0.01")),
                Long.parseLong(opts.getOrDefault("seed", "17")));
        boolean ekmanOutputs = Boolean.parseBoolean(opts.getOrDefault("ekman-outputs", "true"));
        String tuneOn = opts.getOrDefault("thresholds", "dev");
        if (!List.of("dev", "holdout", "folds").contains(tuneOn)) {
            throw new IllegalArgumentException("--thresholds must be dev, holdout or folds");
        }
        int folds = Integer.parseInt(opts.getOrDefault("folds", "5"));
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2");
        }
        List<String> outputs = new ArrayList<>(Corpus.goEmotionLabels(data));
        if (ekmanOutputs) {
            Ekman.GROUPS.keySet().forEach(g -> outputs.add(Ekman.thresholdKey(g)));
        }
        List<Corpus.Row> fitRows = new ArrayList<>();
        List<float[]> fitX = new ArrayList<>();
        List<Corpus.Row> tuneRows = new ArrayList<>();
        List<float[]> tuneX = new ArrayList<>();
        for (int i = 0; i < trainRows.size(); i++) {
            // holdout: every tenth train row is kept back for the thresholds and never trained on.
            boolean held = tuneOn.equals("holdout") && i % 10 == 9;
            (held ? tuneRows : fitRows).add(withGroups(trainRows.get(i), ekmanOutputs));
            (held ? tuneX : fitX).add(trainX[i]);
        }
        if (tuneOn.equals("dev")) {
            devRows.forEach(r -> tuneRows.add(withGroups(r, ekmanOutputs)));
            tuneX.addAll(List.of(devX));
        }
        float[][] tuneVectors = tuneX.toArray(float[][]::new);
        int wordBuckets = Integer.parseInt(opts.getOrDefault("word-buckets", "16384"));
        if (wordBuckets < 0) {
            throw new IllegalArgumentException("--word-buckets must be 0 (no word part) or more");
        }
        double wordL2 = Double.parseDouble(opts.getOrDefault("word-l2", "0.0001"));
        MlpTrainer.@Nullable Words words = null;
        if (wordBuckets > 0) {
            WordFeatures features = new WordFeatures(wordBuckets);
            words = new MlpTrainer.Words(
                    wordBuckets,
                    wordL2,
                    fitRows.stream().map(r -> features.buckets(r.text())).toArray(int[][]::new));
        }
        Map<String, Object> hyper = new LinkedHashMap<>(settings.asMap());
        if (words != null) {
            hyper.put(
                    "words",
                    "words and word pairs (Tribuo TokenPipeline, BreakIterator tokens) hashed into " + wordBuckets
                            + " buckets, a weight per bucket and output added to the logits, L2 " + wordL2);
        }
        hyper.put("outputs", ekmanOutputs ? "28 GoEmotions labels + 7 Ekman groups" : "28 GoEmotions labels");
        hyper.put(
                "thresholds",
                switch (tuneOn) {
                    case "dev" -> "tuned per output for F1 on the GoEmotions dev split";
                    case "holdout" ->
                        "tuned per output for F1 on every tenth GoEmotions train row, held out of training"
                                + " (dev never seen)";
                    default ->
                        "tuned per output for F1 on " + folds + "-fold out-of-fold scores of the GoEmotions train"
                                + " split (one network per fold, same settings; dev never seen)";
                });
        HeadManifest untunedManifest = manifest(spec, outputs, Map.of(), embedder, data, null, hyper);
        int members = Integer.parseInt(opts.getOrDefault("ensemble", "1"));
        if (members < 1) {
            throw new IllegalArgumentException("--ensemble must be at least 1");
        }
        if (members > 1) {
            hyper.put(
                    "ensemble",
                    members + " networks, seeds " + settings.seed() + " to "
                            + (settings.seed() + members - 1) + ", logits averaged (stored as one network of "
                            + members * settings.hidden() + " hidden units)");
        }
        long start = System.nanoTime();
        List<Mlp> trained = new ArrayList<>();
        for (int member = 0; member < members; member++) {
            MlpTrainer.Settings memberSettings = settings.withSeed(settings.seed() + member);
            trained.add(fitEmotionMlp(
                    spec,
                    opts,
                    embedder,
                    outputs,
                    fitRows,
                    fitX,
                    words,
                    tuneRows,
                    tuneVectors,
                    devRows,
                    devX,
                    untunedManifest,
                    memberSettings,
                    start));
            System.err.printf(
                    "member %d of %d trained (%d s)%n",
                    member + 1, members, (System.nanoTime() - start) / 1_000_000_000);
        }
        Mlp mlp = Mlp.logitAverage(trained);
        System.err.printf("trained %s (mlp) in %d ms%n", spec.headName(), (System.nanoTime() - start) / 1_000_000);
        Head untuned = Head.of(spec, mlp, untunedManifest, embedder.dimensions());
        Map<String, Double> thresholds = tuneOn.equals("folds")
                ? HeadEvaluation.tuneThresholds(
                        outputs,
                        fitRows,
                        outOfFoldScores(
                                spec, embedder, outputs, fitRows, fitX, words, untunedManifest, settings, folds))
                : HeadEvaluation.tuneThresholds(
                        outputs, tuneRows, HeadEvaluation.score(untuned, tuneRows, tuneVectors));
        HeadManifest draft = withThresholds(untunedManifest, thresholds);
        HeadEvaluation.Result result =
                HeadEvaluation.evaluate(Head.of(spec, mlp, draft, embedder.dimensions()), devRows, devX);
        System.out.println(result.report());
        Map<String, Object> dev = new LinkedHashMap<>(result.figures());
        dev.put("split", "dev");
        HeadManifest manifest = new HeadManifest(
                draft.head(),
                draft.labels(),
                draft.thresholds(),
                draft.embeddingModel(),
                draft.trainingData(),
                draft.trainedOn(),
                settings.seed(),
                draft.hyperParameters(),
                dev);
        Path out = resolve(opts.getOrDefault("out", "src/main/resources/" + spec.resourceDir()));
        Files.createDirectories(out);
        // One head folder holds one model, so nobody mistakes a stale Tribuo file for the head.
        Files.deleteIfExists(out.resolve(Head.MODEL_FILE));
        // Head.load prefers a fine-tuned encoder: one left in the folder would shadow the new MLP.
        Files.deleteIfExists(out.resolve(Head.TUNED_FILE));
        mlp.write(out.resolve(Head.MLP_FILE));
        manifest.write(out.resolve(Head.MANIFEST_FILE));
        System.out.printf(
                "wrote %s (%d bytes) and %s to %s%n",
                Head.MLP_FILE, Files.size(out.resolve(Head.MLP_FILE)), Head.MANIFEST_FILE, out);
    }

    /**
     * Scores every row with a network trained on the other folds (row {@code i} is in fold
     * {@code i % folds}), so thresholds can be tuned on the whole train split without touching dev.
     */
    private static double[][] outOfFoldScores(
            HeadSpec spec,
            SentenceEmbedder embedder,
            List<String> outputs,
            List<Corpus.Row> rows,
            List<float[]> x,
            MlpTrainer.@Nullable Words words,
            HeadManifest untunedManifest,
            MlpTrainer.Settings settings,
            int folds) {
        double[][] scores = new double[rows.size()][];
        long start = System.nanoTime();
        for (int f = 0; f < folds; f++) {
            List<Set<String>> foldLabels = new ArrayList<>();
            List<float[]> foldX = new ArrayList<>();
            List<int[]> foldWords = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (i % folds != f) {
                    foldLabels.add(rows.get(i).labels());
                    foldX.add(x.get(i));
                    if (words != null) {
                        foldWords.add(words.rows()[i]);
                    }
                }
            }
            Mlp net = MlpTrainer.fit(
                    foldLabels,
                    foldX.toArray(float[][]::new),
                    words == null
                            ? null
                            : new MlpTrainer.Words(words.buckets(), words.l2(), foldWords.toArray(int[][]::new)),
                    outputs,
                    settings,
                    (e, m) -> {});
            Head h = Head.of(spec, net, untunedManifest, embedder.dimensions());
            for (int i = f; i < rows.size(); i += folds) {
                scores[i] = h.scores(x.get(i), rows.get(i).text());
            }
            System.err.printf(
                    "fold %d of %d scored (%d s)%n", f + 1, folds, (System.nanoTime() - start) / 1_000_000_000);
        }
        return scores;
    }

    /** One network of the emotions head; with {@code --verbose}, dev figures after every epoch. */
    private static Mlp fitEmotionMlp(
            HeadSpec spec,
            Map<String, String> opts,
            SentenceEmbedder embedder,
            List<String> outputs,
            List<Corpus.Row> fitRows,
            List<float[]> fitX,
            MlpTrainer.@Nullable Words words,
            List<Corpus.Row> tuneRows,
            float[][] tuneVectors,
            List<Corpus.Row> devRows,
            float[][] devX,
            HeadManifest untunedManifest,
            MlpTrainer.Settings settings,
            long start) {
        return MlpTrainer.fit(
                fitRows.stream().map(Corpus.Row::labels).toList(),
                fitX.toArray(float[][]::new),
                words,
                outputs,
                settings,
                (epoch, net) -> {
                    if (opts.containsKey("verbose")) {
                        Head h = Head.of(spec, net, untunedManifest, embedder.dimensions());
                        // With --thresholds folds there is no tuning part yet: the epoch figures tune on dev.
                        List<Corpus.Row> on = tuneRows.isEmpty() ? devRows : tuneRows;
                        float[][] onX = tuneRows.isEmpty() ? devX : tuneVectors;
                        Map<String, Double> t =
                                HeadEvaluation.tuneThresholds(outputs, on, HeadEvaluation.score(h, on, onX));
                        HeadEvaluation.Result r = HeadEvaluation.evaluate(
                                Head.of(spec, net, withThresholds(untunedManifest, t), embedder.dimensions()),
                                devRows,
                                devX);
                        System.err.printf(
                                "epoch %d (%d s): dev macro-F1 %.4f, Ekman %.4f%n",
                                epoch,
                                (System.nanoTime() - start) / 1_000_000_000,
                                r.figure("macroF1"),
                                r.figure("ekmanMacroF1"));
                    }
                });
    }

    private static Corpus.Row withGroups(Corpus.Row row, boolean ekmanOutputs) {
        if (!ekmanOutputs) {
            return row;
        }
        Set<String> labels = new java.util.LinkedHashSet<>(row.labels());
        labels.addAll(Ekman.groupOutputs(row.labels()));
        return new Corpus.Row(row.text(), labels);
    }

    private static HeadManifest withThresholds(HeadManifest m, Map<String, Double> thresholds) {
        return new HeadManifest(
                m.head(),
                m.labels(),
                thresholds,
                m.embeddingModel(),
                m.trainingData(),
                m.trainedOn(),
                m.seed(),
                m.hyperParameters(),
                m.dev());
    }

    private static double[][] outOfFoldScores(
            HeadSpec spec,
            List<Corpus.Row> rows,
            float[][] x,
            HeadTrainer.Settings settings,
            List<String> labels,
            SentenceEmbedder embedder,
            Path data) {
        int folds = 5;
        double[][] scores = new double[rows.size()][];
        for (int f = 0; f < folds; f++) {
            List<Corpus.Row> foldRows = new ArrayList<>();
            List<float[]> foldX = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (i % folds != f) {
                    foldRows.add(rows.get(i));
                    foldX.add(x[i]);
                }
            }
            Model<?> m = HeadTrainer.fit(spec, foldRows, foldX.toArray(float[][]::new), settings);
            Head h = Head.of(
                    spec,
                    m,
                    manifest(spec, labels, Map.of(), embedder, data, settings, Map.of()),
                    embedder.dimensions());
            for (int i = f; i < rows.size(); i += folds) {
                scores[i] = h.scores(x[i]);
            }
        }
        return scores;
    }

    private static void eval(HeadSpec spec, Path data, Map<String, String> opts, EmbeddingCache cache) {
        Head probe = opts.containsKey("model-dir")
                ? Head.load(spec, resolve(opts.get("model-dir")), 384)
                : Head.load(spec, 384);
        List<Corpus.Row> devRows = rows(spec, data, "dev");
        if (probe.ownEncoder()) {
            // A fine-tuned head reads the texts with its own encoder; there is no shared vector to make.
            double[][] scores = HeadEvaluation.score(probe, devRows, new float[devRows.size()][0]);
            HeadEvaluation.Result shipped =
                    HeadEvaluation.emotions(probe.labels(), probe.manifest().thresholds(), devRows, scores);
            HeadEvaluation.Result untuned = HeadEvaluation.emotions(
                    probe.labels(), TunedEmotions.fixedThresholds(probe.labels()), devRows, scores);
            System.out.println(shipped.report());
            TunedEmotions.printReadings(shipped, untuned);
            return;
        }
        String embedderName = opts.getOrDefault("embedder", probe.manifest().embeddingModel());
        SentenceEmbedder embedder = embedder(embedderName.contains("+tuned:") ? TUNED_EMBEDDER : embedderName);
        Head head = opts.containsKey("model-dir")
                ? Head.load(spec, resolve(opts.get("model-dir")), embedder.dimensions())
                : Head.load(spec, embedder.dimensions());
        float[][] devX = cache.embed(embedder, texts(devRows));
        HeadEvaluation.Result result = HeadEvaluation.evaluate(head, devRows, devX);
        System.out.println(result.report());
    }

    /**
     * An embedder by name: a shipped encoder, or {@code emotions-tuned}, the shipped emotions head's
     * fine-tuned encoder, which the analyzer's other heads read.
     */
    static SentenceEmbedder embedder(String name) {
        if (name.equals(TUNED_EMBEDDER)) {
            var tuned = Head.load(HeadSpec.EMOTIONS, 384).tuned();
            if (tuned == null) {
                throw new IllegalStateException("the shipped emotions head has no fine-tuned encoder");
            }
            return new TunedSentenceEmbedder(tuned);
        }
        return OnnxSentenceEmbedder.of(OnnxSentenceEmbedder.Candidate.byName(name));
    }

    private static HeadManifest manifest(
            HeadSpec spec,
            List<String> labels,
            Map<String, Double> thresholds,
            SentenceEmbedder embedder,
            Path data,
            HeadTrainer.@Nullable Settings settings,
            Map<String, Object> hyper) {
        return new HeadManifest(
                spec.headName(),
                labels,
                thresholds,
                embedder.modelId(),
                trainingData(spec, data),
                LocalDate.now(ZoneOffset.UTC).toString(),
                settings == null ? 0 : settings.seed(),
                hyper,
                Map.of());
    }

    private static Map<String, String> trainingData(HeadSpec spec, Path data) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == HeadSpec.EMOTIONS) {
            m.put("name", "GoEmotions");
            m.put(
                    "version",
                    "google-research goemotions data/original via monologg/GoEmotions-pytorch@b75f9d3a"
                            + "8b76bc1060687925b04ca98a1b8ea66b; train split " + sha(data.resolve("train.tsv")));
            m.put("licence", "Apache-2.0");
            m.put(
                    "attribution",
                    "GoEmotions by Google Research (github.com/google-research/google-research/tree/master/goemotions),"
                            + " Apache License 2.0. Demszky, Movshovitz-Attias, Ko, Cowen, Nemade, Ravi: GoEmotions:"
                            + " A Dataset of Fine-Grained Emotions, ACL 2020.");
        } else {
            m.put("name", "hearth-nlp/data (written by the Hearth team)");
            m.put("version", "train files " + sha(trainFiles(data)));
            m.put("licence", "same as Hearth");
        }
        return m;
    }

    private static List<Path> trainFiles(Path data) {
        Path direct = data.resolve("train.tsv");
        if (Files.isRegularFile(direct)) {
            return List.of(direct);
        }
        try (Stream<Path> s = Files.list(data)) {
            return s.map(d -> d.resolve("train.tsv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha(Path file) {
        return sha(List.of(file));
    }

    private static String sha(List<Path> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                d.update(Files.readAllBytes(f));
            }
            return "sha256:" + HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Corpus.Row> rows(HeadSpec spec, Path data, String split) {
        return spec == HeadSpec.EMOTIONS ? Corpus.goEmotions(data, split) : Corpus.hearth(data, split, spec.headName());
    }

    private static List<String> texts(List<Corpus.Row> rows) {
        return rows.stream().map(Corpus.Row::text).toList();
    }

    private static Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p;
        }
        String base = System.getProperty("hearth.nlp.basedir");
        return base == null ? p.toAbsolutePath() : Path.of(base).resolve(p).normalize();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("no-cache") || key.equals("verbose") || key.equals("fine-tune")) {
                m.put(key, "true");
            } else if (i + 1 < args.length) {
                m.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
        }
        return m;
    }
}
