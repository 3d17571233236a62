package org.hearth.nlp.heads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven Ekman groups as GoEmotions' authors map their 28 labels onto them. */
public final class Ekman {

    /** Group name to its GoEmotions members, in the order the API reports the groups. */
    public static final Map<String, List<String>> GROUPS = groups();

    private Ekman() {}

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("anger", List.of("anger", "annoyance", "disapproval"));
        m.put("disgust", List.of("disgust"));
        m.put("fear", List.of("fear", "nervousness"));
        m.put(
                "joy",
                List.of(
                        "joy",
                        "amusement",
                        "approval",
                        "excitement",
                        "gratitude",
                        "love",
                        "optimism",
                        "relief",
                        "pride",
                        "admiration",
                        "desire",
                        "caring"));
        m.put("sadness", List.of("sadness", "disappointment", "embarrassment", "grief", "remorse"));
        m.put("surprise", List.of("surprise", "realization", "confusion", "curiosity"));
        m.put("neutral", List.of("neutral"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The manifest key of a group's own threshold, e.g. {@code ekman:anger}. */
    public static String thresholdKey(String group) {
        return "ekman:" + group;
    }

    /**
     * Each group's score, in {@link #GROUPS} order. A head with its own output per group (labelled
     * {@code ekman:<group>}, learned directly on the grouped labels) gives that output; otherwise
     * the score is the highest among the group's members.
     */
    public static double[] groupScores(List<String> labels, double[] scores) {
        double[] out = new double[GROUPS.size()];
        int g = 0;
        for (var e : GROUPS.entrySet()) {
            int own = labels.indexOf(thresholdKey(e.getKey()));
            if (own >= 0) {
                out[g++] = scores[own];
                continue;
            }
            double best = 0;
            for (String m : e.getValue()) {
                best = Math.max(best, scores[labels.indexOf(m)]);
            }
            out[g++] = best;
        }
        return out;
    }

    /**
     * How many of a head's labels are GoEmotions emotions: they come first, before any
     * {@code ekman:<group>} outputs.
     */
    public static int emotionCount(List<String> labels) {
        int n = 0;
        while (n < labels.size() && !labels.get(n).startsWith("ekman:")) {
            n++;
        }
        return n;
    }

    /** A row's Ekman outputs ({@code ekman:<group>}) for its GoEmotions labels. */
    public static java.util.Set<String> groupOutputs(java.util.Set<String> emotions) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        emotions.forEach(l -> out.add(thresholdKey(groupOf(l))));
        return out;
    }

    /**
     * Which groups are present. A group whose threshold the manifest records (tuned on GoEmotions dev
     * for the group's own F1) compares its score with it; otherwise the group is present when any
     * member label is.
     */
    public static boolean[] groupPresent(Head emotions, double[] groupScores, boolean[] labelPresent) {
        return groupPresent(emotions.labels(), emotions.manifest().thresholds(), groupScores, labelPresent);
    }

    /** As {@link #groupPresent(Head, double[], boolean[])}, for a head's labels and thresholds. */
    public static boolean[] groupPresent(
            List<String> labels, Map<String, Double> thresholds, double[] groupScores, boolean[] labelPresent) {
        boolean[] out = new boolean[GROUPS.size()];
        int g = 0;
        for (var e : GROUPS.entrySet()) {
            Double t = thresholds.get(thresholdKey(e.getKey()));
            if (t != null) {
                out[g] = groupScores[g] >= t;
            } else {
                for (String m : e.getValue()) {
                    out[g] |= labelPresent[labels.indexOf(m)];
                }
            }
            g++;
        }
        return out;
    }

    /** The group a GoEmotions label belongs to. */
    public static String groupOf(String emotion) {
        for (var e : GROUPS.entrySet()) {
            if (e.getValue().contains(emotion)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a GoEmotions label: " + emotion);
    }
}
