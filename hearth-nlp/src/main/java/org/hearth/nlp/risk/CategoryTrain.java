package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.heads.Mlp;
import org.hearth.nlp.heads.WordFeatures;
import org.hearth.nlp.train.EmbeddingCache;
import org.hearth.nlp.train.MlpTrainer;
import org.jspecify.annotations.Nullable;

/**
 * Trains the {@link CategoryHead}: {@code CategoryTrain --data <tsv or dir>... --out <dir> [--seed
 * N] [--folds N] [--dev <tsv>]... [--cache <dir>] [--min-precision P] [--min-precision-third-party
 * P]}.
 *
 * <p>It learns from the at-risk rows (MODERATE and above) whose writers gave them categories. Each
 * category's threshold is chosen on cross-validated scores: the one with the best F1 among those
 * whose precision reaches {@code --min-precision} (0.8). THIRD_PARTY has a stricter floor (0.9):
 * on its own it routes the member to the helper protocol instead of their own crisis card, the one
 * mistake here that takes help away rather than adding it. A category no threshold qualifies for is
 * never given. The head then never routes a member to the helper protocol by itself ({@link
 * CategoryHead#decide}); the manifest counts the cross-validated rows where that rule dropped
 * THIRD_PARTY. Deterministic for a seed. The per-category figures of the cross-validation and of
 * the {@code --dev} sets go into the manifest and to standard output.
 */
public final class CategoryTrain {

    static final int WORD_BUCKETS = 16_384;
    static final double WORD_L2 = 1e-4;
    static final MlpTrainer.Settings DEFAULTS = new MlpTrainer.Settings(128, 30, 0.001, 16, 0.3, 0.01, 17);

    private static final RiskCategory[] CATEGORIES = RiskCategory.values();

    record Options(
            List<Path> data,
            Path out,
            long seed,
            int folds,
            List<Path> dev,
            @Nullable Path cache,
            double minPrecision,
            double minPrecisionThirdParty) {}

    /** A training row: the text and its categories. */
    record Example(String text, Set<RiskCategory> categories) {}

    private CategoryTrain() {}

    public static void main(String[] args) throws IOException {
        List<Path> data = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        Path out = null;
        long seed = DEFAULTS.seed();
        int folds = 5;
        Path cache = null;
        double minPrecision = 0.8;
        double minPrecisionThirdParty = 0.9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data.add(CommandPaths.resolve(args[++i]));
                case "--dev" -> dev.add(CommandPaths.resolve(args[++i]));
                case "--out" -> out = CommandPaths.resolve(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--cache" -> cache = CommandPaths.resolve(args[++i]);
                case "--min-precision" -> minPrecision = Double.parseDouble(args[++i]);
                case "--min-precision-third-party" -> minPrecisionThirdParty = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (data.isEmpty() || out == null || folds < 2) {
            System.err.println("usage: CategoryTrain --data <tsv or dir>... --out <dir> [--seed N] [--folds N >= 2]"
                    + " [--dev <tsv>]... [--cache <dir>] [--min-precision P] [--min-precision-third-party P]");
            System.exit(2);
            return;
        }
        System.out.println(train(
                new Options(data, out, seed, folds, dev, cache, minPrecision, minPrecisionThirdParty),
                OnnxSentenceEmbedder.standard()));
    }

    /** The at-risk rows with categories of a file, or of every {@code .tsv} of a folder in name order. */
    static List<Example> read(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                        .sorted()
                        .toList();
            }
        } else {
            files = List.of(path);
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) {
            for (RiskDataSet.Row r : RiskDataSet.read(f)) {
                if (r.level().atLeast(RiskLevel.MODERATE) && !r.categories().isEmpty()) {
                    out.add(new Example(r.text(), r.categories()));
                }
            }
        }
        return out;
    }

    static String train(Options o, SentenceEmbedder embedder) throws IOException {
        List<Example> rows = new ArrayList<>();
        for (Path p : o.data()) {
            rows.addAll(read(p));
        }
        float[][] x = new EmbeddingCache(o.cache())
                .embed(embedder, rows.stream().map(Example::text).toList());
        MlpTrainer.Settings settings = DEFAULTS.withSeed(o.seed());
        WordFeatures words = new WordFeatures(WORD_BUCKETS);
        int[][] buckets = rows.stream().map(r -> words.buckets(r.text())).toArray(int[][]::new);

        double[][] cv = new double[rows.size()][];
        for (int k = 0; k < o.folds(); k++) {
            List<Integer> fit = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i), o.seed(), o.folds()) != k) {
                    fit.add(i);
                }
            }
            Mlp net = fit(rows, x, buckets, fit, settings);
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i), o.seed(), o.folds()) == k) {
                    cv[i] = net.scores(x[i], buckets[i]);
                }
            }
        }
        double[] thresholds = new double[CATEGORIES.length];
        for (int c = 0; c < CATEGORIES.length; c++) {
            double floor = CATEGORIES[c] == RiskCategory.THIRD_PARTY ? o.minPrecisionThirdParty() : o.minPrecision();
            thresholds[c] = threshold(rows, cv, c, floor);
        }
        List<Set<RiskCategory>> cvPredicted = new ArrayList<>();
        int helperDropped = 0;
        for (double[] s : cv) {
            Set<RiskCategory> kept = CategoryHead.decide(s, thresholds);
            cvPredicted.add(kept);
            helperDropped += kept.contains(RiskCategory.THIRD_PARTY) || !predictsThirdParty(s, thresholds) ? 0 : 1;
        }
        String cvFigures = figures(rows, cvPredicted);

        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            all.add(i);
        }
        Mlp net = fit(rows, x, buckets, all, settings);
        CategoryHead head = new CategoryHead(net, thresholds);
        Files.createDirectories(o.out());
        net.write(o.out().resolve(CategoryHead.MODEL_FILE));

        List<String> devFigures = new ArrayList<>();
        for (Path d : o.dev()) {
            List<Example> devRows = read(d);
            float[][] devX = new EmbeddingCache(o.cache())
                    .embed(embedder, devRows.stream().map(Example::text).toList());
            List<Set<RiskCategory>> predicted = new ArrayList<>();
            for (int i = 0; i < devRows.size(); i++) {
                predicted.add(head.categories(devX[i], devRows.get(i).text()));
            }
            devFigures.add(String.format(
                    Locale.ROOT, "{\"set\": \"%s\", \"figures\": %s}", d.getFileName(), figures(devRows, predicted)));
        }
        StringBuilder thresholdFields = new StringBuilder();
        for (int c = 0; c < CATEGORIES.length; c++) {
            thresholdFields.append(String.format(
                    Locale.ROOT, "  \"threshold_%s\": %s,%n", CATEGORIES[c].name(), RiskTrain.round(thresholds[c])));
        }
        String manifest = String.format(
                Locale.ROOT,
                """
                {
                  "head": "risk-categories",
                  "modelFile": "%s",
                  "data": {"files": %s, "rows": %d},
                  "trainedOn": "%s",
                  "seed": %d,
                  "hyperParameters": {"hidden": %d, "epochs": %d, "learningRate": %s, "minibatch": %d, "dropout": %s, "weightDecay": %s, "wordBuckets": %d, "wordL2": %s, "folds": %d, "minPrecision": %s, "minPrecisionThirdParty": %s},
                %s  "decision": "every category whose score reaches its threshold; thresholds give the best cross-validated F1 at the minimum precision",
                  "embeddingModel": "%s",
                  "dimensions": %d,
                  "crossValidated": %s,
                  "crossValidatedThirdPartyDropped": %d,
                  "dev": [%s]
                }
                """,
                CategoryHead.MODEL_FILE,
                o.data().stream().map(p -> "\"" + p.getFileName() + "\"").toList(),
                rows.size(),
                LocalDate.now(ZoneOffset.UTC),
                o.seed(),
                settings.hidden(),
                settings.epochs(),
                settings.learningRate(),
                settings.minibatch(),
                settings.dropout(),
                settings.weightDecay(),
                WORD_BUCKETS,
                WORD_L2,
                o.folds(),
                o.minPrecision(),
                o.minPrecisionThirdParty(),
                thresholdFields,
                embedder.modelId(),
                embedder.dimensions(),
                cvFigures,
                helperDropped,
                String.join(", ", devFigures));
        Files.writeString(o.out().resolve(CategoryHead.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
        return manifest;
    }

    private static boolean predictsThirdParty(double[] scores, double[] thresholds) {
        int c = RiskCategory.THIRD_PARTY.ordinal();
        return scores[c] >= thresholds[c];
    }

    private static Mlp fit(
            List<Example> rows, float[][] x, int[][] buckets, List<Integer> use, MlpTrainer.Settings settings) {
        List<Set<String>> labels = new ArrayList<>(use.size());
        float[][] fx = new float[use.size()][];
        int[][] fb = new int[use.size()][];
        for (int j = 0; j < use.size(); j++) {
            int i = use.get(j);
            Set<String> names = new java.util.HashSet<>();
            for (RiskCategory c : rows.get(i).categories()) {
                names.add(c.name());
            }
            labels.add(names);
            fx[j] = x[i];
            fb[j] = buckets[i];
        }
        List<String> outputs = Arrays.stream(CATEGORIES).map(Enum::name).toList();
        return MlpTrainer.fit(
                labels, fx, new MlpTrainer.Words(WORD_BUCKETS, WORD_L2, fb), outputs, settings, (epoch, net) -> {});
    }

    static int fold(Example row, long seed, int folds) {
        return RiskTrain.fold(new RiskTrain.Labelled(RiskLevel.HIGH, row.text()), seed, folds);
    }

    /**
     * The threshold with the best F1 for category {@code c} among those whose precision reaches
     * {@code minPrecision}; above every score (the category is never given) if none does.
     */
    static double threshold(List<Example> rows, double[][] scores, int c, double minPrecision) {
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b][c], scores[a][c]));
        int positives = 0;
        for (Example r : rows) {
            if (r.categories().contains(CATEGORIES[c])) {
                positives++;
            }
        }
        double best = -1;
        double threshold = 1.01;
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (rows.get(order[k]).categories().contains(CATEGORIES[c])) {
                tp++;
            }
            // Only cut between distinct scores: a threshold gives every row at that score the category.
            if (k + 1 < order.length && scores[order[k + 1]][c] == scores[order[k]][c]) {
                continue;
            }
            double precision = (double) tp / (k + 1);
            double recall = positives == 0 ? 0 : (double) tp / positives;
            double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (precision >= minPrecision && f1 > best) {
                best = f1;
                threshold = scores[order[k]][c];
            }
        }
        return threshold;
    }

    /**
     * Per category precision, recall, F1 and count, and how many rows whose writer is at risk
     * themselves (no THIRD_PARTY in their labels) would be routed to the helper protocol ({@link
     * RiskCategory#helperCase}).
     */
    static String figures(List<Example> rows, List<Set<RiskCategory>> predicted) {
        StringBuilder b = new StringBuilder("{");
        for (RiskCategory c : CATEGORIES) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean truth = rows.get(i).categories().contains(c);
                boolean said = predicted.get(i).contains(c);
                tp += truth && said ? 1 : 0;
                fp += !truth && said ? 1 : 0;
                fn += truth && !said ? 1 : 0;
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            b.append(String.format(
                    Locale.ROOT,
                    "\"%s\": {\"precision\": %.3f, \"recall\": %.3f, \"f1\": %.3f, \"n\": %d}, ",
                    c.name(),
                    p,
                    r,
                    f1,
                    tp + fn));
        }
        int misrouted = 0;
        int none = 0;
        for (int i = 0; i < rows.size(); i++) {
            // The data marks someone else's risk with THIRD_PARTY beside its kind; without it the risk is the writer's.
            if (!rows.get(i).categories().contains(RiskCategory.THIRD_PARTY)
                    && RiskCategory.helperCase(predicted.get(i))) {
                misrouted++;
            }
            if (predicted.get(i).isEmpty()) {
                none++;
            }
        }
        return b.append(String.format(
                        Locale.ROOT,
                        "\"rows\": %d, \"noCategory\": %d, \"ownRiskRoutedToHelper\": %d}",
                        rows.size(),
                        none,
                        misrouted))
                .toString();
    }
}
