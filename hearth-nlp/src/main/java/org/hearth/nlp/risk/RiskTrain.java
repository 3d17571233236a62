package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.heads.Mlp;
import org.hearth.nlp.train.EmbeddingCache;
import org.hearth.nlp.train.MlpTrainer;
import org.jspecify.annotations.Nullable;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the risk head over the standard sentence embedding and chooses its decision rule by
 * cross-validation. Deterministic for a given seed. Writes the head's file ({@code risk-head.mlp}
 * for {@code --algorithm mlp}, else {@code risk-head.tribuo}) and {@code manifest.json}.
 *
 * <p>Data: every {@code --data} is a file or a folder of {@code .tsv} files, either in the first
 * head's format ({@code level<TAB>text}, every NONE row a hard negative) or in the labelled sets'
 * format ({@link RiskDataSet}). Rows with earlier turns are not trained on (the head reads one text
 * and their level depends on the thread) but are scored in cross-validation like the screen would.
 *
 * <p>Decision rule, recall first: with k-fold cross-validation every training text gets a rating
 * from a head that did not see it; the full screen (lexical stage, context, that rating) is then
 * replayed, and the cumulative-probability threshold for IMMINENT, then for HIGH or above, is the
 * highest one at which the screen's recall of that level reaches {@code --target-recall} (0.98),
 * which is the one with the fewest false positives. The threshold never goes below {@code
 * --min-threshold}. The veto ceiling is the lowest probability at which the head lifted an at-risk
 * text that a lexical frame would have vetoed, so the veto costs no cross-validated recall; it is
 * never above 0.99, so a head that sure always stands.
 *
 * <p>False-positive budget: if the replayed screen's hard-negative FPR at the recall-first
 * thresholds exceeds {@code --max-fpr} (0.05, the clinical gate), both thresholds rise together to
 * the lowest common floor that brings it within; the manifest's cross-validated figures then show a
 * recall below the target, and say so honestly rather than flagging one text in five.
 *
 * <p>{@code RiskTrain --data <tsv or dir> [--data ...] --out <dir> --seed N [--dev <tsv>]...
 * [--algorithm lr|fm|mlp] [--hidden H] [--dropout P] [--epochs E] [--learning-rate R] [--folds K] [--target-recall R]
 * [--min-threshold T] [--threshold-moderate T|cv] [--data-version V] [--cache <dir>]
 * [--train-only <tsv or dir>]... [--label-weights HIGH=2,IMMINENT=2] [--noise]
 * [--ensemble N]}
 *
 * <p>{@code --train-only} rows are trained on in every fold and in the final head but are not
 * replayed, so they move neither the thresholds nor the cross-validated figures except through
 * the head (dev.tsv: the lexical rules were written from its rows, so replaying it would flatter
 * the rules and loosen the thresholds). {@code --label-weights} weights every training example of a
 * level.
 */
public final class RiskTrain {

    static final String DATA_NAME = "hearth-risk-train";
    static final String LEGACY_HEADER = "level\ttext";

    /** The veto ceiling never exceeds this: a head this sure always overrules a lexical frame. */
    static final double MAX_VETO_CEILING = 0.99;

    /** The MODERATE cut-off unless chosen by cross-validation: only a sure head flags on its own. */
    static final double MODERATE_TOP = 0.99;

    /** {@code --threshold-moderate cv}: the MODERATE cut-off is chosen by cross-validation too. */
    static final double MODERATE_BY_CV = -1;

    record Options(
            List<Path> data,
            Path out,
            long seed,
            List<Path> dev,
            String algorithm,
            int epochs,
            double learningRate,
            int folds,
            double targetRecall,
            double minThreshold,
            double maxFpr,
            double thresholdModerate,
            String dataVersion,
            @Nullable Path cache,
            List<Path> trainOnly,
            Map<RiskLevel, Float> labelWeights,
            int hidden,
            double dropout,
            boolean noise,
            int ensemble) {}

    private RiskTrain() {}

    public static void main(String[] args) throws IOException {
        List<Path> data = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        Path out = null;
        long seed = 17;
        String algorithm = "lr";
        Integer epochs = null;
        Double learningRate = null;
        int hidden = 256;
        double dropout = 0.3;
        boolean noise = false;
        int ensemble = 1;
        int folds = 5;
        double targetRecall = 0.98;
        double minThreshold = 0.2;
        double maxFpr = 0.05;
        double thresholdModerate = MODERATE_TOP;
        String dataVersion = "1";
        Path cache = null;
        List<Path> trainOnly = new ArrayList<>();
        Map<RiskLevel, Float> labelWeights = new java.util.EnumMap<>(RiskLevel.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data.add(CommandPaths.resolve(args[++i]));
                case "--out" -> out = outPath(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--dev" -> dev.add(CommandPaths.resolve(args[++i]));
                case "--algorithm" -> algorithm = args[++i];
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--learning-rate" -> learningRate = Double.parseDouble(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--target-recall" -> targetRecall = Double.parseDouble(args[++i]);
                case "--min-threshold" -> minThreshold = Double.parseDouble(args[++i]);
                case "--max-fpr" -> maxFpr = Double.parseDouble(args[++i]);
                case "--threshold-moderate", "--threshold" -> thresholdModerate = moderateOption(args[++i]);
                case "--data-version" -> dataVersion = args[++i];
                case "--cache" -> cache = outPath(args[++i]);
                case "--train-only" -> trainOnly.add(CommandPaths.resolve(args[++i]));
                case "--label-weights" -> labelWeights = labelWeights(args[++i]);
                case "--hidden" -> hidden = Integer.parseInt(args[++i]);
                case "--dropout" -> dropout = Double.parseDouble(args[++i]);
                case "--noise" -> noise = true;
                case "--ensemble" -> ensemble = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (data.isEmpty() || out == null || !List.of("lr", "fm", "mlp").contains(algorithm)) {
            System.err.println("usage: RiskTrain --data <tsv or dir> --out <dir> --seed N [--dev <tsv>]"
                    + " [--algorithm lr|fm|mlp]");
            System.exit(2);
            return;
        }
        boolean mlp = algorithm.equals("mlp");
        if (ensemble < 1 || (ensemble > 1 && !mlp)) {
            System.err.println("--ensemble N (N >= 1) applies to mlp only");
            System.exit(2);
            return;
        }
        if (mlp && !labelWeights.isEmpty()) {
            System.err.println("--label-weights applies to lr and fm only");
            System.exit(2);
            return;
        }
        SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();
        String manifest = train(
                new Options(
                        data,
                        out,
                        seed,
                        dev,
                        algorithm,
                        epochs != null ? epochs : mlp ? 40 : 80,
                        learningRate != null ? learningRate : mlp ? 0.001 : 0.2,
                        folds,
                        targetRecall,
                        minThreshold,
                        maxFpr,
                        thresholdModerate,
                        dataVersion,
                        cache,
                        trainOnly,
                        labelWeights,
                        hidden,
                        dropout,
                        noise,
                        ensemble),
                embedder);
        System.out.println(manifest);
    }

    /** {@code HIGH=2,IMMINENT=2}: a weight per level for every training example of it (default 1). */
    static Map<RiskLevel, Float> labelWeights(String arg) {
        Map<RiskLevel, Float> out = new java.util.EnumMap<>(RiskLevel.class);
        for (String pair : arg.split(",")) {
            String[] kv = pair.split("=");
            out.put(RiskLevel.valueOf(kv[0].trim()), Float.parseFloat(kv[1].trim()));
        }
        return out;
    }

    private static Path outPath(String arg) {
        Path path = Path.of(arg);
        String base = System.getProperty("hearth.nlp.basedir");
        return path.isAbsolute() || base == null ? path : Path.of(base).resolve(path);
    }

    /** A training text: its label, earlier turns (usually none) and whether it is a hard negative. */
    record Labelled(RiskLevel level, String text, List<String> context, boolean hardNegative) {

        Labelled(RiskLevel level, String text) {
            this(level, text, List.of(), level == RiskLevel.NONE);
        }

        RiskDataSet.Row asRow(String id) {
            return new RiskDataSet.Row(
                    id, level, Set.of(), hardNegative ? Set.of("hard-negative") : Set.of(), context, text);
        }
    }

    /** Reads one file in either format, or every {@code .tsv} of a folder in name order. */
    static List<Labelled> readTrain(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                        .sorted()
                        .toList();
            }
            List<Labelled> rows = new ArrayList<>();
            for (Path f : files) {
                rows.addAll(readTrain(f));
            }
            return rows;
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.getFirst().equals(RiskDataSet.HEADER)) {
            return RiskDataSet.read(path).stream()
                    .map(r -> new Labelled(r.level(), r.text(), r.context(), r.hardNegative()))
                    .toList();
        }
        if (lines.isEmpty() || !lines.getFirst().equals(LEGACY_HEADER)) {
            throw new IOException("expected the header: level text, or " + RiskDataSet.HEADER.replace('\t', ' '));
        }
        List<Labelled> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException("line " + (i + 1) + " has no tab");
            }
            rows.add(new Labelled(RiskLevel.valueOf(line.substring(0, tab)), line.substring(tab + 1)));
        }
        return rows;
    }

    /** The learner and its hyper-parameters ({@code hidden}, {@code dropout} for the MLP only). */
    record Spec(
            String algorithm,
            int epochs,
            double learningRate,
            long seed,
            Map<RiskLevel, Float> labelWeights,
            int hidden,
            double dropout,
            int ensemble) {

        Spec(String algorithm, int epochs, double learningRate, long seed) {
            this(algorithm, epochs, learningRate, seed, Map.of(), 256, 0.3, 1);
        }

        Spec(String algorithm, int epochs, double learningRate, long seed, Map<RiskLevel, Float> labelWeights) {
            this(algorithm, epochs, learningRate, seed, labelWeights, 256, 0.3, 1);
        }

        float weight(RiskLevel level) {
            return labelWeights.getOrDefault(level, 1f);
        }

        Trainer<Label> trainer() {
            AdaGrad adaGrad = new AdaGrad(learningRate, 0.1);
            if (algorithm.equals("fm")) {
                // A factorization machine: the linear model plus pairwise interactions of rank 8, the
                // non-linear learner Tribuo 4.3 offers (it has no MLP).
                return new FMClassificationTrainer(
                        new LogMulticlass(), adaGrad, epochs, Integer.MAX_VALUE, 1, seed, 8, 0.1);
            }
            return new LinearSGDTrainer(new LogMulticlass(), adaGrad, epochs, Integer.MAX_VALUE, 1, seed);
        }

        MlpTrainer.Settings mlpSettings(int member) {
            return new MlpTrainer.Settings(hidden, epochs, learningRate, 16, dropout, 0.01, seed + member);
        }

        Spec withSeed(long seed) {
            return new Spec(algorithm, epochs, learningRate, seed, labelWeights, hidden, dropout, ensemble);
        }

        String describe() {
            return switch (algorithm) {
                case "fm" -> "factorization machine (Tribuo FMClassificationTrainer, rank 8, LogMulticlass, AdaGrad)";
                case "mlp" ->
                    "MLP (Hearth Mlp: input → " + hidden + " ReLU, dropout " + dropout
                            + " → three ordinal sigmoids MODERATE+, HIGH+, IMMINENT; binary cross-entropy, AdamW,"
                            + " minibatch 16, weight decay 0.01)"
                            + (ensemble > 1
                                    ? "; an ensemble of " + ensemble + " such networks, seeds " + seed + " to "
                                            + (seed + ensemble - 1) + ", logits averaged, stored as one network"
                                    : "");
                default -> "logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad)";
            };
        }
    }

    static Model<Label> fit(
            List<Labelled> rows, SentenceEmbedder embedder, long seed, int epochs, double learningRate) {
        float[][] vectors =
                embedder.embedAll(rows.stream().map(Labelled::text).toList()).toArray(new float[0][]);
        return fit(rows, vectors, new Spec("lr", epochs, learningRate, seed));
    }

    static Model<Label> fit(List<Labelled> rows, float[][] vectors, Spec spec) {
        String[] names = TrainedRiskModel.featureNames(vectors.length == 0 ? 0 : vectors[0].length);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance(DATA_NAME, factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            var example = TrainedRiskModel.example(
                    names, vectors[i], new Label(rows.get(i).level().name()));
            example.setWeight(spec.weight(rows.get(i).level()));
            dataset.add(example);
        }
        return spec.trainer().train(dataset);
    }

    /** Fits the head the spec names: a Tribuo classifier, or the MLP with ordinal outputs. */
    static RiskHead head(List<Labelled> rows, float[][] vectors, Spec spec) {
        if (!spec.algorithm().equals("mlp")) {
            return RiskHead.tribuo(fit(rows, vectors, spec), vectors[0].length);
        }
        List<Set<String>> labels =
                rows.stream().map(r -> ordinalLabels(r.level())).toList();
        // Single networks differ from seed to seed by several points of recall on unseen text; the
        // average of their logits is steadier, and costs the screen only a wider hidden layer.
        List<Mlp> members = new ArrayList<>();
        for (int m = 0; m < spec.ensemble(); m++) {
            members.add(MlpTrainer.fit(labels, vectors, RiskHead.ORDINAL_OUTPUTS, spec.mlpSettings(m), (e, n) -> {}));
        }
        return RiskHead.mlp(Mlp.logitAverage(members));
    }

    /** The "at or above" questions a level answers yes to, as the MLP's outputs name them. */
    static Set<String> ordinalLabels(RiskLevel level) {
        Set<String> out = new java.util.HashSet<>();
        if (level.atLeast(RiskLevel.MODERATE)) {
            out.add("MODERATE+");
        }
        if (level.atLeast(RiskLevel.HIGH)) {
            out.add("HIGH+");
        }
        if (level == RiskLevel.IMMINENT) {
            out.add("IMMINENT");
        }
        return out;
    }

    /** Rows a head is trained on: those without earlier turns. */
    static boolean trainable(Labelled row) {
        return row.context().isEmpty();
    }

    /** The fold of a row: a hash of its text and the seed, so a row's fold does not depend on order. */
    static int fold(Labelled row, long seed, int folds) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < row.text().length(); i++) {
            h = (h ^ row.text().charAt(i)) * 0x100000001B3L;
        }
        return (int) Math.floorMod(h ^ (h >>> 29), (long) folds);
    }

    /** Cumulative probabilities (MODERATE+, HIGH+, IMMINENT) of each row from a head that did not train on it. */
    static double[][] crossValidate(List<Labelled> rows, float[][] vectors, Spec spec, int folds) {
        return crossValidate(rows, vectors, List.of(), new float[0][], spec, folds);
    }

    /**
     * As above, with extra rows that every fold trains on and none scores (rows kept out of the
     * replay, such as dev.tsv, whose texts the lexical rules were written from).
     */
    static double[][] crossValidate(
            List<Labelled> rows,
            float[][] vectors,
            List<Labelled> extra,
            float[][] extraVectors,
            Spec spec,
            int folds) {
        return crossValidate(rows, vectors, null, null, extra, extraVectors, null, spec, folds);
    }

    /**
     * As above, where a row trained on also brings its noisy copy ({@code --noise}), if given; a
     * copy is only ever trained on in the folds that train on its row, so it cannot leak a held-out
     * row into the head that scores it. What the screen reads beside a row's text ({@code parts}, as
     * {@link TrainedRiskModel#readings} gives them: a long text's parts, a thread; null for a row read
     * whole only) is scored by the same fold's head and merged as {@link TrainedRiskModel#rate} merges
     * it, so the replay is the shipped screen's.
     */
    static double[][] crossValidate(
            List<Labelled> rows,
            float[][] vectors,
            float @Nullable [][] noisy,
            float @Nullable [][][] parts,
            List<Labelled> extra,
            float[][] extraVectors,
            float @Nullable [][] extraNoisy,
            Spec spec,
            int folds) {
        double[][] out = new double[rows.size()][];
        for (int k = 0; k < folds; k++) {
            List<Labelled> trainRows = new ArrayList<>();
            List<float[]> trainVectors = new ArrayList<>();
            for (int i = 0; i < extra.size(); i++) {
                addTrainable(trainRows, trainVectors, extra.get(i), extraVectors[i], extraNoisy, i);
            }
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i), spec.seed(), folds) != k) {
                    addTrainable(trainRows, trainVectors, rows.get(i), vectors[i], noisy, i);
                }
            }
            RiskHead head = head(trainRows, trainVectors.toArray(new float[0][]), spec);
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i), spec.seed(), folds) == k) {
                    out[i] = head.cumulative(vectors[i]);
                    if (parts != null && parts[i] != null) {
                        List<double[]> scored = new ArrayList<>(parts[i].length);
                        for (float[] part : parts[i]) {
                            scored.add(head.cumulative(part));
                        }
                        out[i] = TrainedRiskModel.withParts(out[i], scored);
                    }
                }
            }
        }
        return out;
    }

    private static void addTrainable(
            List<Labelled> toRows,
            List<float[]> toVectors,
            Labelled row,
            float[] vector,
            float @Nullable [][] noisy,
            int index) {
        if (!trainable(row)) {
            return;
        }
        toRows.add(row);
        toVectors.add(vector);
        if (noisy != null) {
            toRows.add(row);
            toVectors.add(noisy[index]);
        }
    }

    /**
     * The text with a token that carries no meaning for risk added before or after it: an order or
     * ticket number, a link, a hexadecimal id, a code. Members paste such things; a head that never
     * saw them can read one as risk (measured: an MLP trained without them flagged a calm line about
     * a river in 183 of 300 tries once a random id was added). Deterministic for the seed and index.
     */
    static String withNoise(String text, long seed, int index) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 31 + index);
        String hex = Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
        String token =
                switch (r.nextInt(6)) {
                    case 0 -> new java.util.UUID(r.nextLong(), r.nextLong()).toString();
                    case 1 -> hex;
                    case 2 -> "https://example.org/" + hex.substring(0, 8);
                    case 3 -> "#" + (100000 + r.nextInt(900000));
                    case 4 -> "ref " + hex.substring(0, 6).toUpperCase(Locale.ROOT) + "-" + r.nextInt(1000);
                    default -> "qx" + hex;
                };
        return r.nextBoolean() ? text + " " + token : token + " " + text;
    }

    /** What the screen decides for a row without its model stage, and whether a frame could veto. */
    record LexicalView(RiskLevel level, boolean vetoable) {}

    static LexicalView[] lexicalViews(List<Labelled> rows) {
        LexicalStage lexical = new LexicalStage();
        LexicalView[] out = new LexicalView[rows.size()];
        RiskModel none = text -> new RiskModel.Rating(RiskLevel.NONE, 1);
        try (DefaultRiskScreen screen = new DefaultRiskScreen(lexical, none, Duration.ofSeconds(30))) {
            for (int i = 0; i < rows.size(); i++) {
                Labelled r = rows.get(i);
                RiskLevel level = screen.screen(r.text(), r.context()).level();
                boolean vetoable = r.context().isEmpty()
                        && !lexical.analyze(r.text()).frames().isEmpty()
                        && !level.atLeast(RiskLevel.MODERATE);
                out[i] = new LexicalView(level, vetoable);
            }
        }
        return out;
    }

    /** The level the head gives a row under the thresholds, with its probability. */
    static RiskModel.Rating rating(double[] cumulative, TrainedRiskModel.Thresholds t) {
        return TrainedRiskModel.decide(cumulative, t);
    }

    /** The screen's level for a row: the higher of the lexical view and the head, unless vetoed. */
    static RiskLevel combined(LexicalView lex, double[] cumulative, TrainedRiskModel.Thresholds t) {
        RiskModel.Rating r = rating(cumulative, t);
        if (!r.level().atLeast(RiskLevel.MODERATE)) {
            return lex.level();
        }
        if (lex.vetoable() && r.probability() < t.vetoCeiling()) {
            return lex.level();
        }
        return RiskLevel.max(lex.level(), r.level());
    }

    /** {@code --threshold-moderate}: a cut-off, or {@code cv} for {@link #MODERATE_BY_CV}. */
    static double moderateOption(String arg) {
        return arg.equals("cv") ? MODERATE_BY_CV : Double.parseDouble(arg);
    }

    /**
     * Chooses the thresholds and the veto ceiling as the class comment says; a {@code moderate} of
     * {@link #MODERATE_BY_CV} chooses the MODERATE cut-off too ({@link #moderateCurve}).
     */
    static TrainedRiskModel.Thresholds choose(
            List<Labelled> rows,
            double[][] cv,
            LexicalView[] lex,
            double target,
            double floor,
            double maxFpr,
            double moderate) {
        if (moderate == MODERATE_BY_CV) {
            List<TrainedRiskModel.Thresholds> curve = moderateCurve(rows, cv, lex, target, floor, maxFpr);
            return curve.getLast();
        }
        return chooseAt(rows, cv, lex, target, floor, maxFpr, moderate);
    }

    /**
     * The thresholds at each MODERATE cut-off from {@link #MODERATE_TOP} down in steps of 0.01,
     * as long as the replayed screen keeps every HIGH and IMMINENT catch it makes at the top one and
     * stays within the false-positive budget; the last is the chosen one. The gated levels come
     * first: a MODERATE catch is never bought with a HIGH or IMMINENT one, and a false alarm a
     * lower cut-off adds must fit the budget the HIGH and IMMINENT thresholds left.
     */
    static List<TrainedRiskModel.Thresholds> moderateCurve(
            List<Labelled> rows, double[][] cv, LexicalView[] lex, double target, double floor, double maxFpr) {
        List<TrainedRiskModel.Thresholds> curve = new ArrayList<>();
        TrainedRiskModel.Thresholds top = chooseAt(rows, cv, lex, target, floor, maxFpr, MODERATE_TOP);
        curve.add(top);
        RiskMetrics atTop = metrics(rows, cv, lex, top);
        for (int step = 98; step >= Math.ceil(floor * 100); step--) {
            TrainedRiskModel.Thresholds t = chooseAt(rows, cv, lex, target, floor, maxFpr, step / 100.0);
            RiskMetrics m = metrics(rows, cv, lex, t);
            // Double.compare: a level without rows has a recall of NaN at every cut-off alike.
            boolean keeps = Double.compare(m.recallAtOrAbove(RiskLevel.HIGH), atTop.recallAtOrAbove(RiskLevel.HIGH))
                            >= 0
                    && Double.compare(m.recallAtOrAbove(RiskLevel.IMMINENT), atTop.recallAtOrAbove(RiskLevel.IMMINENT))
                            >= 0
                    && m.falsePositiveRate() <= maxFpr;
            if (!keeps) {
                break;
            }
            curve.add(t);
        }
        return curve;
    }

    private static TrainedRiskModel.Thresholds chooseAt(
            List<Labelled> rows,
            double[][] cv,
            LexicalView[] lex,
            double target,
            double floor,
            double maxFpr,
            double moderate) {
        double imminentForRecall = highestReaching(rows, cv, lex, RiskLevel.IMMINENT, target, floor, 2, i -> false);
        double highForRecall =
                highestReaching(rows, cv, lex, RiskLevel.HIGH, target, floor, 1, i -> cv[i][2] >= imminentForRecall);
        // The false-positive budget: both thresholds rise together to the lowest common floor that
        // keeps the replayed screen's hard-negative FPR within maxFpr.
        TrainedRiskModel.Thresholds noVeto = null;
        for (int step = 0; step <= 1000; step++) {
            double lift = step / 1000.0;
            TrainedRiskModel.Thresholds t = new TrainedRiskModel.Thresholds(
                    moderate, Math.max(highForRecall, lift), Math.max(imminentForRecall, lift), 0);
            if (falsePositiveRate(rows, cv, lex, t) <= maxFpr) {
                noVeto = t;
                break;
            }
        }
        if (noVeto == null) {
            noVeto = new TrainedRiskModel.Thresholds(moderate, 1.01, 1.01, 0);
        }
        double ceiling = 1;
        for (int i = 0; i < rows.size(); i++) {
            RiskModel.Rating r = rating(cv[i], noVeto);
            boolean lifted =
                    rows.get(i).level().atLeast(RiskLevel.MODERATE) && r.level().compareTo(lex[i].level()) > 0;
            if (lex[i].vetoable() && lifted) {
                ceiling = Math.min(ceiling, r.probability());
            }
        }
        // Even when no framed at-risk text was lifted, a head at least this sure always stands.
        return new TrainedRiskModel.Thresholds(
                noVeto.moderate(), noVeto.high(), noVeto.imminent(), Math.min(ceiling, MAX_VETO_CEILING));
    }

    static double falsePositiveRate(
            List<Labelled> rows, double[][] cv, LexicalView[] lex, TrainedRiskModel.Thresholds t) {
        int negatives = 0;
        int flagged = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).hardNegative()) {
                negatives++;
                if (combined(lex[i], cv[i], t).atLeast(RiskLevel.MODERATE)) {
                    flagged++;
                }
            }
        }
        return negatives == 0 ? 0 : (double) flagged / negatives;
    }

    private static double highestReaching(
            List<Labelled> rows,
            double[][] cv,
            LexicalView[] lex,
            RiskLevel level,
            double target,
            double floor,
            int column,
            java.util.function.IntPredicate caughtAbove) {
        int positives = 0;
        int caught = 0;
        List<Double> rescuable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).level() != level) {
                continue;
            }
            positives++;
            if (lex[i].level().atLeast(level) || caughtAbove.test(i)) {
                caught++;
            } else {
                rescuable.add(cv[i][column]);
            }
        }
        int needed = (int) Math.ceil(target * positives - 1e-9) - caught;
        if (needed <= 0) {
            return Math.max(floor, 0.99);
        }
        rescuable.sort(java.util.Comparator.reverseOrder());
        if (needed > rescuable.size()) {
            return floor;
        }
        return Math.max(floor, rescuable.get(needed - 1));
    }

    /** Figures of the replayed screen over cross-validated ratings. */
    static String figures(
            List<Labelled> rows, double[][] cv, LexicalView[] lex, TrainedRiskModel.@Nullable Thresholds t) {
        return summary(metrics(rows, cv, lex, t));
    }

    static RiskMetrics metrics(
            List<Labelled> rows, double[][] cv, LexicalView[] lex, TrainedRiskModel.@Nullable Thresholds t) {
        RiskMetrics m = new RiskMetrics();
        for (int i = 0; i < rows.size(); i++) {
            RiskLevel level = t == null ? lex[i].level() : combined(lex[i], cv[i], t);
            m.add(rows.get(i).asRow("cv-" + i), new Screening(level, Set.of(), List.of(), false));
        }
        return m;
    }

    static String summary(RiskMetrics m) {
        return String.format(
                Locale.ROOT,
                "{\"recallModerateOrAbove\": %.3f, \"recallHighOrAbove\": %.3f, \"recallImminentOrAbove\": %.3f,"
                        + " \"hardNegativeFalsePositiveRate\": %.3f}",
                m.recallAtOrAbove(RiskLevel.MODERATE),
                m.recallAtOrAbove(RiskLevel.HIGH),
                m.recallAtOrAbove(RiskLevel.IMMINENT),
                m.falsePositiveRate());
    }

    static String train(Options o, SentenceEmbedder embedder) throws IOException {
        List<Labelled> rows = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path p : o.data()) {
            rows.addAll(readTrain(p));
            files.add("hearth-nlp/data/risk/" + p.getFileName());
        }
        List<Labelled> extra = new ArrayList<>();
        for (Path p : o.trainOnly()) {
            extra.addAll(readTrain(p));
            files.add("hearth-nlp/" + hearthNlpRelative(p) + " (trained on, not replayed)");
        }
        float[][] vectors = vectors(o, embedder, rows);
        float[][] extraVectors = vectors(o, embedder, extra);
        Spec spec = new Spec(
                o.algorithm(),
                o.epochs(),
                o.learningRate(),
                o.seed(),
                o.labelWeights(),
                o.hidden(),
                o.dropout(),
                o.ensemble());

        float[][] noisy = o.noise() ? noisyVectors(o, embedder, rows, 0) : null;
        float[][] extraNoisy = o.noise() ? noisyVectors(o, embedder, extra, rows.size()) : null;
        double[][] cv = crossValidate(
                rows, vectors, noisy, partVectors(o, embedder, rows), extra, extraVectors, extraNoisy, spec, o.folds());
        LexicalView[] lex = lexicalViews(rows);
        TrainedRiskModel.Thresholds t =
                choose(rows, cv, lex, o.targetRecall(), o.minThreshold(), o.maxFpr(), o.thresholdModerate());
        String cvLexical = figures(rows, cv, lex, null);
        String cvScreen = figures(rows, cv, lex, t);
        String cvNoVeto =
                figures(rows, cv, lex, new TrainedRiskModel.Thresholds(t.moderate(), t.high(), t.imminent(), 0));

        RiskHead fitted = fitAll(rows, vectors, noisy, extra, extraVectors, extraNoisy, spec);
        writeHead(fitted, o.out());
        List<String> devFigures = devFigures(new TrainedRiskModel(embedder, fitted, t), o.dev());
        long hardNegatives = rows.stream().filter(Labelled::hardNegative).count();
        String hyper = String.format(
                Locale.ROOT,
                "{\"epochs\": %d, \"learningRate\": %s, \"folds\": %d, \"targetRecall\": %s, \"minThreshold\": %s,"
                        + " \"maxFpr\": %s, \"labelWeights\": %s, \"noisyCopies\": %s}",
                o.epochs(),
                o.learningRate(),
                o.folds(),
                o.targetRecall(),
                o.minThreshold(),
                o.maxFpr(),
                weightsJson(o.labelWeights()),
                o.noise());
        String manifest = manifest(
                spec.describe(),
                fitted.fileName(),
                new ManifestData(
                        o.dataVersion(),
                        files,
                        rows.size(),
                        (int) (rows.stream().filter(RiskTrain::trainable).count()
                                + extra.stream().filter(RiskTrain::trainable).count()),
                        hardNegatives),
                o.seed(),
                hyper,
                t,
                embedder,
                new String[] {cvLexical, cvScreen, cvNoVeto},
                devFigures);
        Files.writeString(o.out().resolve(TrainedRiskModel.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
        return manifest;
    }

    /** The head trained on every trainable row and train-only row (with their noisy copies, if given). */
    static RiskHead fitAll(
            List<Labelled> rows,
            float[][] vectors,
            float @Nullable [][] noisy,
            List<Labelled> extra,
            float[][] extraVectors,
            float @Nullable [][] extraNoisy,
            Spec spec) {
        List<Labelled> trainRows = new ArrayList<>();
        List<float[]> trainVectors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            addTrainable(trainRows, trainVectors, rows.get(i), vectors[i], noisy, i);
        }
        for (int i = 0; i < extra.size(); i++) {
            addTrainable(trainRows, trainVectors, extra.get(i), extraVectors[i], extraNoisy, i);
        }
        return head(trainRows, trainVectors.toArray(new float[0][]), spec);
    }

    /** Writes a head to a model directory, which holds one head: another kind's file, from an earlier run, goes. */
    static void writeHead(RiskHead head, Path dir) throws IOException {
        Files.createDirectories(dir);
        head.write(dir);
        List<String> own = List.of(head.fileName().split("\\+"));
        for (String other : List.of(RiskHead.TRIBUO_FILE, RiskHead.MLP_FILE, RiskHead.TUNED_FILE)) {
            if (!own.contains(other)) {
                Files.deleteIfExists(dir.resolve(other));
            }
        }
    }

    /** The full screen's figures with a model stage on each labelled set, as manifest entries. */
    static List<String> devFigures(RiskModel model, List<Path> sets) throws IOException {
        List<String> out = new ArrayList<>();
        try (DefaultRiskScreen screen = new DefaultRiskScreen(new LexicalStage(), model, Duration.ofSeconds(30))) {
            for (Path dev : sets) {
                RiskMetrics m = RiskMetrics.of(screen, RiskDataSet.read(dev));
                out.add(String.format(Locale.ROOT, "{\"set\": \"%s\", \"screen\": %s}", dev.getFileName(), summary(m)));
            }
        }
        return out;
    }

    /** What a manifest says of the data a head was trained on. */
    record ManifestData(String version, List<String> files, int rows, int trainedRows, long hardNegatives) {}

    /**
     * A head's manifest: what {@link TrainedRiskModel} reads back (the file, the thresholds, the
     * embedding model) and the figures it was chosen on; {@code crossValidated} holds the replay's
     * figures with the lexical stage alone, with the head, and with the head but no veto.
     */
    static String manifest(
            String algorithm,
            String modelFile,
            ManifestData data,
            long seed,
            String hyperParameters,
            TrainedRiskModel.Thresholds t,
            SentenceEmbedder embedder,
            String[] crossValidated,
            List<String> devFigures) {
        return String.format(
                Locale.ROOT,
                """
                {
                  "head": "risk",
                  "algorithm": "%s",
                  "modelFile": "%s",
                  "data": {"name": "%s", "version": "%s", "files": %s, "rows": %d, "trainedRows": %d, "hardNegatives": %d},
                  "trainedOn": "%s",
                  "seed": %d,
                  "hyperParameters": %s,
                  "thresholdModerate": %s,
                  "thresholdHigh": %s,
                  "thresholdImminent": %s,
                  "vetoCeiling": %s,
                  "decision": "IMMINENT if P(IMMINENT) >= thresholdImminent, else HIGH if P(>= HIGH) >= thresholdHigh, else MODERATE if P(>= MODERATE) >= thresholdModerate; a lexical frame vetoes below vetoCeiling",
                  "embeddingModel": "%s",
                  "dimensions": %d,
                  "crossValidated": {"lexicalAlone": %s, "screen": %s, "screenWithoutVeto": %s},
                  "dev": [%s]
                }
                """,
                algorithm,
                modelFile,
                DATA_NAME,
                data.version(),
                data.files().stream().map(f -> "\"" + f + "\"").toList(),
                data.rows(),
                data.trainedRows(),
                data.hardNegatives(),
                LocalDate.now(ZoneOffset.UTC),
                seed,
                hyperParameters,
                round(t.moderate()),
                round(t.high()),
                round(t.imminent()),
                round(t.vetoCeiling()),
                embedder.modelId(),
                embedder.dimensions(),
                crossValidated[0],
                crossValidated[1],
                crossValidated[2],
                String.join(", ", devFigures));
    }

    /** The embedding of each row's noisy copy ({@link #withNoise}); {@code first} numbers the rows apart. */
    static float[][] noisyVectors(Options o, SentenceEmbedder embedder, List<Labelled> rows, int first) {
        List<String> texts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            texts.add(withNoise(rows.get(i).text(), o.seed(), first + i));
        }
        return new EmbeddingCache(o.cache()).embed(embedder, texts);
    }

    /** The head's input for each row: the embedding of its text. */
    static float[][] vectors(Options o, SentenceEmbedder embedder, List<Labelled> rows) {
        return new EmbeddingCache(o.cache())
                .embed(embedder, rows.stream().map(Labelled::text).toList());
    }

    /**
     * The embeddings of what the screen reads beside each row's text ({@link
     * TrainedRiskModel#readings}: a long text's parts, the thread of a row with context); null for a
     * row read whole only.
     */
    static float[][][] partVectors(Options o, SentenceEmbedder embedder, List<Labelled> rows) {
        List<String> texts = new ArrayList<>();
        List<List<String>> perRow = new ArrayList<>(rows.size());
        for (Labelled row : rows) {
            List<String> readings = TrainedRiskModel.readings(row.text(), row.context());
            perRow.add(readings);
            texts.addAll(readings);
        }
        float[][] flat = texts.isEmpty() ? new float[0][] : new EmbeddingCache(o.cache()).embed(embedder, texts);
        float[][][] out = new float[rows.size()][][];
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            int n = perRow.get(i).size();
            if (n > 0) {
                out[i] = Arrays.copyOfRange(flat, next, next + n);
                next += n;
            }
        }
        return out;
    }

    static String weightsJson(Map<RiskLevel, Float> weights) {
        StringBuilder b = new StringBuilder("{");
        for (RiskLevel level : RiskLevel.values()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('"').append(level.name()).append("\": ").append(weights.getOrDefault(level, 1f));
        }
        return b.append('}').toString();
    }

    static String hearthNlpRelative(Path p) {
        String s = p.toAbsolutePath().normalize().toString().replace('\\', '/');
        int at = s.indexOf("hearth-nlp/");
        return at < 0 ? p.getFileName().toString() : s.substring(at + "hearth-nlp/".length());
    }

    /**
     * Thresholds are written with six decimals, rounded down, so that the shipped head's decision on a
     * cross-validated probability that sat exactly on a threshold does not change.
     */
    static String round(double v) {
        return String.format(Locale.ROOT, "%.6f", Math.floor(v * 1e6) / 1e6);
    }
}
