package org.hearth.nlp.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 per label, macro- and micro-averaged. Written out rather than taken
 * from Tribuo's evaluators because the multi-label heads decide with per-label thresholds that
 * Tribuo's evaluators do not know about.
 */
public final class Metrics {

    /** Counts for one label. */
    public record LabelFigures(String label, int support, int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<LabelFigures> perLabel;

    private Metrics(List<LabelFigures> perLabel) {
        this.perLabel = perLabel;
    }

    /** Scores predicted label sets against gold label sets over a fixed label list. */
    public static Metrics of(List<String> labels, List<Set<String>> gold, List<Set<String>> predicted) {
        List<LabelFigures> out = new ArrayList<>();
        for (String label : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int support = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean g = gold.get(i).contains(label);
                boolean p = predicted.get(i).contains(label);
                support += g ? 1 : 0;
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            out.add(new LabelFigures(label, support, tp, fp, fn));
        }
        return new Metrics(out);
    }

    public List<LabelFigures> perLabel() {
        return perLabel;
    }

    /** The unweighted mean of per-label F1. */
    public double macroF1() {
        return perLabel.stream().mapToDouble(LabelFigures::f1).average().orElse(0);
    }

    /** F1 over the pooled counts of every label. */
    public double microF1() {
        int tp = perLabel.stream().mapToInt(LabelFigures::tp).sum();
        int fp = perLabel.stream().mapToInt(LabelFigures::fp).sum();
        int fn = perLabel.stream().mapToInt(LabelFigures::fn).sum();
        return new LabelFigures("all", 0, tp, fp, fn).f1();
    }

    /** The macro and micro figures as the manifest stores them. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macroF1", round(macroF1()));
        m.put("microF1", round(microF1()));
        Map<String, Double> per = new LinkedHashMap<>();
        perLabel.forEach(l -> per.put(l.label(), round(l.f1())));
        m.put("f1", per);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A table of per-label figures followed by the averages. */
    public String table(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(String.format("%-22s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
        for (LabelFigures l : perLabel) {
            sb.append(String.format(
                    "%-22s %9.3f %9.3f %9.3f %8d%n", l.label(), l.precision(), l.recall(), l.f1(), l.support()));
        }
        sb.append(String.format("%-22s %29.3f%n", "macro-F1", macroF1()));
        sb.append(String.format("%-22s %29.3f%n", "micro-F1", microF1()));
        return sb.toString();
    }

    /** A confusion matrix for a single-label head: rows gold, columns predicted. */
    public static String confusion(List<String> labels, List<String> gold, List<String> predicted) {
        int n = labels.size();
        int[][] m = new int[n][n];
        for (int i = 0; i < gold.size(); i++) {
            int g = labels.indexOf(gold.get(i));
            int p = labels.indexOf(predicted.get(i));
            if (g >= 0 && p >= 0) {
                m[g][p]++;
            }
        }
        StringBuilder sb = new StringBuilder("confusion matrix (rows: gold, columns: predicted)\n");
        sb.append(String.format("%-15s", ""));
        for (String l : labels) {
            sb.append(String.format(" %6.6s", l));
        }
        sb.append('\n');
        for (int g = 0; g < n; g++) {
            sb.append(String.format("%-15s", labels.get(g)));
            for (int p = 0; p < n; p++) {
                sb.append(String.format(" %6d", m[g][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
