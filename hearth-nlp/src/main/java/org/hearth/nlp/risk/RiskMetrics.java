package org.hearth.nlp.risk;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figures of a screen on a labelled set, as clinical-safety.md asks the eval command to print. */
final class RiskMetrics {

    private final int[][] confusion = new int[5][5];
    private final Map<RiskCategory, int[]> categoryHits = new EnumMap<>(RiskCategory.class);
    /** Per category: how often the screen gave it to a categorised at-risk text, and how often rightly. */
    private final Map<RiskCategory, int[]> categoryGiven = new EnumMap<>(RiskCategory.class);

    private int caughtWithLabels;
    private int caughtWithoutCategory;
    private int ownRiskToHelper;
    private int hardNegatives;
    private int hardNegativesAtModerate;
    private int hardNegativesAtLow;
    private int degraded;

    static RiskMetrics of(RiskScreen screen, List<RiskDataSet.Row> rows) {
        RiskMetrics m = new RiskMetrics();
        for (RiskDataSet.Row row : rows) {
            m.add(row, screen.screen(row.text(), row.context()));
        }
        return m;
    }

    void add(RiskDataSet.Row row, Screening screening) {
        confusion[row.level().ordinal()][screening.level().ordinal()]++;
        if (screening.degraded()) {
            degraded++;
        }
        if (row.hardNegative()) {
            hardNegatives++;
            if (screening.level().atLeast(RiskLevel.MODERATE)) {
                hardNegativesAtModerate++;
            }
            if (screening.level().atLeast(RiskLevel.LOW)) {
                hardNegativesAtLow++;
            }
        }
        if (row.level().atLeast(RiskLevel.MODERATE)
                && !row.categories().isEmpty()
                && screening.level().atLeast(RiskLevel.MODERATE)) {
            caughtWithLabels++;
            if (screening.categories().isEmpty()) {
                caughtWithoutCategory++;
            }
            // The data marks someone else's risk with THIRD_PARTY beside its kind (SUICIDE, MEDICAL);
            // a row without it is the writer's own.
            if (!row.categories().contains(RiskCategory.THIRD_PARTY)
                    && RiskCategory.helperCase(screening.categories())) {
                ownRiskToHelper++;
            }
            for (RiskCategory c : screening.categories()) {
                int[] g = categoryGiven.computeIfAbsent(c, k -> new int[2]);
                g[1]++;
                if (row.categories().contains(c)) {
                    g[0]++;
                }
            }
        }
        for (RiskCategory c : row.categories()) {
            int[] h = categoryHits.computeIfAbsent(c, k -> new int[2]);
            h[1]++;
            if (screening.categories().contains(c)) {
                h[0]++;
            }
        }
    }

    int total(RiskLevel truth) {
        int n = 0;
        for (int p = 0; p < 5; p++) {
            n += confusion[truth.ordinal()][p];
        }
        return n;
    }

    /** Share of texts labelled {@code level} that the screen put at that level or above. */
    double recallAtOrAbove(RiskLevel level) {
        int hit = 0;
        for (int p = level.ordinal(); p < 5; p++) {
            hit += confusion[level.ordinal()][p];
        }
        return ratio(hit, total(level));
    }

    /** Share of texts labelled {@code level} that the screen put at exactly that level. */
    double recallExact(RiskLevel level) {
        return ratio(confusion[level.ordinal()][level.ordinal()], total(level));
    }

    /** Share of texts the screen put at exactly {@code level} that carry that label. */
    double precision(RiskLevel level) {
        int predicted = 0;
        for (int t = 0; t < 5; t++) {
            predicted += confusion[t][level.ordinal()];
        }
        return ratio(confusion[level.ordinal()][level.ordinal()], predicted);
    }

    /** Share of hard negatives screened at MODERATE or above: the build gate's false-positive rate. */
    double falsePositiveRate() {
        return ratio(hardNegativesAtModerate, hardNegatives);
    }

    /** Share of hard negatives screened at LOW or above. */
    double falsePositiveRateAtLow() {
        return ratio(hardNegativesAtLow, hardNegatives);
    }

    double categoryRecall(RiskCategory c) {
        int[] h = categoryHits.getOrDefault(c, new int[2]);
        return ratio(h[0], h[1]);
    }

    /** Of the categories the screen gave to categorised at-risk texts it caught, the share that were right. */
    double categoryPrecision(RiskCategory c) {
        int[] g = categoryGiven.getOrDefault(c, new int[2]);
        return ratio(g[0], g[1]);
    }

    /** Caught at-risk texts with labelled categories that the screen gave no category. */
    int caughtWithoutCategory() {
        return caughtWithoutCategory;
    }

    /** Caught at-risk texts whose writer is at risk who would get the helper protocol, not their own. */
    int ownRiskToHelper() {
        return ownRiskToHelper;
    }

    int hardNegatives() {
        return hardNegatives;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    String report() {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (RiskLevel l : RiskLevel.values()) {
            n += total(l);
        }
        out.append(String.format(
                Locale.ROOT, "texts: %d, hard negatives: %d, degraded screenings: %d%n%n", n, hardNegatives, degraded));
        out.append(String.format(
                Locale.ROOT, "%-9s %6s %14s %12s %10s%n", "level", "n", "recall(>=lvl)", "recall(=lvl)", "precision"));
        for (RiskLevel l : RiskLevel.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-9s %6d %14.3f %12.3f %10.3f%n",
                    l,
                    total(l),
                    recallAtOrAbove(l),
                    recallExact(l),
                    precision(l)));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nfalse-positive rate on hard negatives (>= MODERATE): %.3f (%d/%d)%n",
                falsePositiveRate(),
                hardNegativesAtModerate,
                hardNegatives));
        out.append(String.format(
                Locale.ROOT,
                "share of hard negatives at >= LOW: %.3f (%d/%d)%n%n",
                falsePositiveRateAtLow(),
                hardNegativesAtLow,
                hardNegatives));
        out.append("category recall (the category among the screening's categories) and precision"
                + " (on categorised at-risk texts caught)\n");
        for (RiskCategory c : RiskCategory.values()) {
            int[] h = categoryHits.getOrDefault(c, new int[2]);
            int[] g = categoryGiven.getOrDefault(c, new int[2]);
            out.append(String.format(
                    Locale.ROOT,
                    "  %-15s %.3f (%d/%d)   %.3f (%d/%d)%n",
                    c,
                    categoryRecall(c),
                    h[0],
                    h[1],
                    categoryPrecision(c),
                    g[0],
                    g[1]));
        }
        out.append(String.format(
                Locale.ROOT,
                "categorised at-risk texts caught without any category: %d/%d;"
                        + " given the helper protocol though the writer is at risk: %d%n",
                caughtWithoutCategory,
                caughtWithLabels,
                ownRiskToHelper));
        out.append("\nconfusion matrix (rows: label, columns: screened)\n");
        out.append(String.format(Locale.ROOT, "%-9s", ""));
        for (RiskLevel l : RiskLevel.values()) {
            out.append(String.format(Locale.ROOT, "%9s", l));
        }
        out.append('\n');
        for (RiskLevel t : RiskLevel.values()) {
            out.append(String.format(Locale.ROOT, "%-9s", t));
            for (RiskLevel p : RiskLevel.values()) {
                out.append(String.format(Locale.ROOT, "%9d", confusion[t.ordinal()][p.ordinal()]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
