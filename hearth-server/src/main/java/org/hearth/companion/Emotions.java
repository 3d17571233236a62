package org.hearth.companion;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The GoEmotions labels the NLP heads produce, their Ekman groups, and how the realizer names
 * each feeling in a sentence.
 */
final class Emotions {

    static final Set<String> EKMAN_GROUPS = Set.of("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral");

    // The grouping published with the GoEmotions data set.
    private static final Map<String, String> GROUP = Map.ofEntries(
            Map.entry("anger", "anger"),
            Map.entry("annoyance", "anger"),
            Map.entry("disapproval", "anger"),
            Map.entry("disgust", "disgust"),
            Map.entry("fear", "fear"),
            Map.entry("nervousness", "fear"),
            Map.entry("joy", "joy"),
            Map.entry("amusement", "joy"),
            Map.entry("approval", "joy"),
            Map.entry("excitement", "joy"),
            Map.entry("gratitude", "joy"),
            Map.entry("love", "joy"),
            Map.entry("optimism", "joy"),
            Map.entry("relief", "joy"),
            Map.entry("pride", "joy"),
            Map.entry("admiration", "joy"),
            Map.entry("desire", "joy"),
            Map.entry("caring", "joy"),
            Map.entry("sadness", "sadness"),
            Map.entry("disappointment", "sadness"),
            Map.entry("embarrassment", "sadness"),
            Map.entry("grief", "sadness"),
            Map.entry("remorse", "sadness"),
            Map.entry("surprise", "surprise"),
            Map.entry("realization", "surprise"),
            Map.entry("confusion", "surprise"),
            Map.entry("curiosity", "surprise"),
            Map.entry("neutral", "neutral"));

    // Adjective phrases that fit "you're feeling {feeling}" and "that {feeling} feeling" alike.
    private static final Map<String, String> ADJECTIVE = Map.ofEntries(
            Map.entry("admiration", "moved"),
            Map.entry("amusement", "amused"),
            Map.entry("anger", "angry"),
            Map.entry("annoyance", "irritated"),
            Map.entry("approval", "reassured"),
            Map.entry("caring", "protective"),
            Map.entry("confusion", "confused"),
            Map.entry("curiosity", "curious"),
            Map.entry("desire", "a strong longing"),
            Map.entry("disappointment", "let down"),
            Map.entry("disapproval", "uneasy"),
            Map.entry("disgust", "repelled"),
            Map.entry("embarrassment", "embarrassed"),
            Map.entry("excitement", "excited"),
            Map.entry("fear", "scared"),
            Map.entry("gratitude", "grateful"),
            Map.entry("grief", "heavy with loss"),
            Map.entry("joy", "glad"),
            Map.entry("love", "full of love"),
            Map.entry("nervousness", "anxious"),
            Map.entry("optimism", "hopeful"),
            Map.entry("pride", "proud"),
            Map.entry("realization", "struck by something new"),
            Map.entry("relief", "relieved"),
            Map.entry("remorse", "regretful"),
            Map.entry("sadness", "sad"),
            Map.entry("surprise", "caught off guard"),
            Map.entry("neutral", "a mix of things"));

    private static final Set<String> DISTRESS =
            Set.of("sadness", "grief", "fear", "nervousness", "remorse", "disappointment");

    private Emotions() {}

    static boolean isLabel(String label) {
        return GROUP.containsKey(label);
    }

    /** The Ekman group of a GoEmotions label, or the label itself when it already is a group. */
    static String group(String label) {
        String group = GROUP.get(label);
        if (group == null) {
            throw new IllegalArgumentException("Unknown emotion label: " + label);
        }
        return group;
    }

    static String adjective(String label) {
        String adjective = ADJECTIVE.get(label);
        return adjective == null ? "the way you feel" : adjective;
    }

    /**
     * The highest intensity among the sadness and fear family of labels; "acute" distress in the
     * policy is this crossing its threshold.
     */
    static double distress(Map<String, Double> emotions) {
        double max = 0;
        for (String label : DISTRESS) {
            Double value = emotions.get(label);
            if (value != null && value > max) {
                max = value;
            }
        }
        return max;
    }

    /** The strongest non-neutral label at or above {@code floor}, else null. */
    static @Nullable String strongest(Map<String, Double> emotions, double floor) {
        String best = null;
        double bestScore = floor;
        for (var entry : emotions.entrySet()) {
            if (!entry.getKey().equals("neutral") && entry.getValue() >= bestScore) {
                if (best == null
                        || entry.getValue() > bestScore
                        || (entry.getValue() == bestScore && entry.getKey().compareTo(best) < 0)) {
                    best = entry.getKey();
                    bestScore = entry.getValue();
                }
            }
        }
        return best;
    }
}
