package org.hearth.nlp.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.nlp.heads.Ekman;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadSpec;

/** Measures a head on labelled rows and tunes multi-label thresholds. */
public final class HeadEvaluation {

    /**
     * The outcome of one evaluation.
     *
     * @param report the human-readable tables the eval command prints
     * @param figures the headline numbers, as stored in the manifest
     */
    public record Result(String report, Map<String, Object> figures) {
        /** A headline figure by name, e.g. {@code macroF1} or {@code accuracy}. */
        public double figure(String name) {
            return ((Number) figures.get(name)).doubleValue();
        }
    }

    private HeadEvaluation() {}

    /** Scores every row (its vector, and its text for a head that reads words), in row order. */
    public static double[][] score(Head head, List<Corpus.Row> rows, float[][] vectors) {
        if (rows.size() != vectors.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + vectors.length + " vectors");
        }
        if (head.ownEncoder()) {
            return head.scoresOfTexts(rows.stream().map(Corpus.Row::text).toList());
        }
        double[][] out = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = head.scores(vectors[i], rows.get(i).text());
        }
        return out;
    }

    /**
     * Picks, per label, the threshold in 0.02…0.90 that maximizes that label's F1 on the rows;
     * 0.5 for a label the rows never show.
     */
    public static Map<String, Double> tuneThresholds(List<String> labels, List<Corpus.Row> rows, double[][] scores) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            String label = labels.get(j);
            int positives = 0;
            for (Corpus.Row r : rows) {
                positives += r.labels().contains(label) ? 1 : 0;
            }
            if (positives == 0) {
                out.put(label, 0.5);
                continue;
            }
            double bestT = 0.5;
            double bestF1 = -1;
            for (int step = 2; step <= 90; step++) {
                double t = step / 100.0;
                int tp = 0;
                int fp = 0;
                for (int i = 0; i < rows.size(); i++) {
                    if (scores[i][j] >= t) {
                        if (rows.get(i).labels().contains(label)) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                double f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    bestT = t;
                }
            }
            out.put(label, bestT);
        }
        return out;
    }

    /** Evaluates a head on labelled rows and their vectors. */
    public static Result evaluate(Head head, List<Corpus.Row> rows, float[][] vectors) {
        double[][] scores = score(head, rows, vectors);
        return switch (head.spec()) {
            case EMOTIONS -> emotions(head, rows, scores);
            case DISTORTIONS -> distortions(head, rows, scores);
            case SENTIMENT, INTENT -> single(head, rows, scores);
        };
    }

    private static List<Set<String>> decided(Head head, double[][] scores) {
        List<Set<String>> out = new ArrayList<>();
        for (double[] s : scores) {
            boolean[] present = head.decide(s);
            Set<String> labels = new LinkedHashSet<>();
            for (int j = 0; j < present.length; j++) {
                if (present[j]) {
                    labels.add(head.labels().get(j));
                }
            }
            out.add(labels);
        }
        return out;
    }

    private static Result emotions(Head head, List<Corpus.Row> rows, double[][] scores) {
        return emotions(head.labels(), head.manifest().thresholds(), rows, scores);
    }

    /**
     * Evaluates emotion scores (GoEmotions labels first, then any {@code ekman:<group>} outputs) at
     * the given thresholds (0.5 for a label without one).
     */
    public static Result emotions(
            List<String> labels, Map<String, Double> thresholds, List<Corpus.Row> rows, double[][] scores) {
        List<Set<String>> predicted = new ArrayList<>();
        List<boolean[]> decisions = new ArrayList<>();
        for (double[] s : scores) {
            boolean[] present = new boolean[s.length];
            Set<String> p = new LinkedHashSet<>();
            for (int j = 0; j < s.length; j++) {
                present[j] = s[j] >= thresholds.getOrDefault(labels.get(j), 0.5);
                if (present[j]) {
                    p.add(labels.get(j));
                }
            }
            decisions.add(present);
            predicted.add(p);
        }
        List<String> emotionLabels = labels.subList(0, Ekman.emotionCount(labels));
        predicted.forEach(p -> p.retainAll(emotionLabels));
        List<Set<String>> gold = rows.stream()
                .map(r -> {
                    Set<String> s = new LinkedHashSet<>(r.labels());
                    s.retainAll(emotionLabels);
                    return s;
                })
                .toList();
        Metrics emotions = Metrics.of(emotionLabels, gold, predicted);
        List<String> groups = List.copyOf(Ekman.GROUPS.keySet());
        List<Set<String>> predictedGroups = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double[] groupScores = Ekman.groupScores(labels, scores[i]);
            boolean[] present = Ekman.groupPresent(labels, thresholds, groupScores, decisions.get(i));
            Set<String> g = new HashSet<>();
            for (int j = 0; j < present.length; j++) {
                if (present[j]) {
                    g.add(groups.get(j));
                }
            }
            predictedGroups.add(g);
        }
        Metrics ekman = Metrics.of(groups, toGroups(gold), predictedGroups);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", rows.size());
        figures.put("macroF1", Metrics.round(emotions.macroF1()));
        figures.put("microF1", Metrics.round(emotions.microF1()));
        figures.put("ekmanMacroF1", Metrics.round(ekman.macroF1()));
        figures.put("ekmanMicroF1", Metrics.round(ekman.microF1()));
        figures.put("f1", emotions.summary().get("f1"));
        figures.put("ekmanF1", ekman.summary().get("f1"));
        String report = emotions.table("emotions (28 GoEmotions labels), " + rows.size() + " rows") + "\n"
                + ekman.table(
                        labels.size() > emotionLabels.size()
                                ? "ekman (7 groups, the head's own output per group)"
                                : "ekman (7 groups derived from the 28)");
        return new Result(report, figures);
    }

    /** The Ekman groups of each row's GoEmotions labels. */
    public static List<Set<String>> toGroups(List<Set<String>> labelSets) {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> s : labelSets) {
            Set<String> g = new HashSet<>();
            s.forEach(l -> g.add(Ekman.groupOf(l)));
            out.add(g);
        }
        return out;
    }

    private static Result distortions(Head head, List<Corpus.Row> rows, double[][] scores) {
        List<String> distortionLabels = HeadSpec.DISTORTIONS.fixedLabels();
        List<Set<String>> predicted = decided(head, scores);
        predicted.forEach(s -> s.remove(HeadSpec.NO_DISTORTION));
        List<Set<String>> gold = rows.stream()
                .map(r -> {
                    Set<String> s = new LinkedHashSet<>(r.labels());
                    s.remove(HeadSpec.NO_DISTORTION);
                    return s;
                })
                .toList();
        Metrics perLabel = Metrics.of(distortionLabels, gold, predicted);
        List<Set<String>> goldAny =
                gold.stream().map(HeadEvaluation::anyDistortion).toList();
        List<Set<String>> predictedAny =
                predicted.stream().map(HeadEvaluation::anyDistortion).toList();
        Metrics present = Metrics.of(List.of("distortion-present"), goldAny, predictedAny);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", rows.size());
        figures.put("macroF1", Metrics.round(perLabel.macroF1()));
        figures.put("microF1", Metrics.round(perLabel.microF1()));
        figures.put("presentF1", Metrics.round(present.macroF1()));
        figures.put(
                "presentPrecision", Metrics.round(present.perLabel().getFirst().precision()));
        figures.put("presentRecall", Metrics.round(present.perLabel().getFirst().recall()));
        figures.put("f1", perLabel.summary().get("f1"));
        String report = perLabel.table("distortions (10 labels), " + rows.size() + " rows") + "\n"
                + present.table("any distortion present vs none");
        return new Result(report, figures);
    }

    private static Set<String> anyDistortion(Set<String> labels) {
        return labels.isEmpty() ? Set.of() : Set.of("distortion-present");
    }

    private static Result single(Head head, List<Corpus.Row> rows, double[][] scores) {
        List<String> gold = rows.stream().map(r -> r.labels().iterator().next()).toList();
        List<String> predicted = new ArrayList<>();
        for (double[] s : scores) {
            predicted.add(head.labels().get(Head.argMax(s)));
        }
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        double accuracy = (double) correct / Math.max(1, gold.size());
        Metrics m = Metrics.of(
                head.labels(),
                gold.stream().map(Set::of).toList(),
                predicted.stream().map(Set::of).toList());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", rows.size());
        figures.put("accuracy", Metrics.round(accuracy));
        figures.put("macroF1", Metrics.round(m.macroF1()));
        figures.put("microF1", Metrics.round(m.microF1()));
        figures.put("f1", m.summary().get("f1"));
        String report = m.table(head.spec().headName() + ", " + rows.size() + " rows")
                + String.format("%-22s %29.3f%n%n", "accuracy", accuracy)
                + Metrics.confusion(head.labels(), gold, predicted);
        return new Result(report, figures);
    }
}
