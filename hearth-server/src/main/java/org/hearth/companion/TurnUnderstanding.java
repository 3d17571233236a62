package org.hearth.companion;

import java.util.Map;
import java.util.Set;

/**
 * What the NLP heads (and {@link CueDetector}) made of one member turn. Labels are the NLP
 * engine's strings: the 28 GoEmotions labels as keys of {@code emotions} (intensity 0..1), an Ekman
 * group ({@code anger, disgust, fear, joy, sadness, surprise, neutral}), a sentiment
 * ({@code negative, neutral, positive}), an intent ({@code venting, seeking-advice, question,
 * gratitude, greeting, goodbye, small-talk, other}) and cognitive distortions
 * ({@code all-or-nothing, overgeneralization, mental-filter, should-statements, labeling,
 * personalization, magnification, emotional-reasoning, mind-reading, fortune-telling}). It carries
 * no text.
 */
public record TurnUnderstanding(
        Map<String, Double> emotions,
        String dominantEkman,
        String sentiment,
        String intent,
        Set<String> distortions,
        int wordCount,
        Set<Cue> cues) {

    public static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
    public static final Set<String> INTENTS =
            Set.of("venting", "seeking-advice", "question", "gratitude", "greeting", "goodbye", "small-talk", "other");
    public static final Set<String> DISTORTIONS = Set.of(
            "all-or-nothing",
            "overgeneralization",
            "mental-filter",
            "should-statements",
            "labeling",
            "personalization",
            "magnification",
            "emotional-reasoning",
            "mind-reading",
            "fortune-telling");

    /** Rejects labels outside the lists above, so a renamed NLP label fails loudly, not silently. */
    public TurnUnderstanding {
        emotions = Map.copyOf(emotions);
        distortions = Set.copyOf(distortions);
        cues = Set.copyOf(cues);
        for (var entry : emotions.entrySet()) {
            if (!Emotions.isLabel(entry.getKey())) {
                throw new IllegalArgumentException("Unknown emotion label: " + entry.getKey());
            }
            if (entry.getValue() < 0 || entry.getValue() > 1) {
                throw new IllegalArgumentException("Emotion intensity outside 0..1 for " + entry.getKey());
            }
        }
        require(Emotions.EKMAN_GROUPS, dominantEkman, "Ekman group");
        require(SENTIMENTS, sentiment, "sentiment");
        require(INTENTS, intent, "intent");
        distortions.forEach(d -> require(DISTORTIONS, d, "distortion"));
        if (wordCount < 0) {
            throw new IllegalArgumentException("wordCount must not be negative");
        }
    }

    /** An understanding without conversational cues. */
    public TurnUnderstanding(
            Map<String, Double> emotions,
            String dominantEkman,
            String sentiment,
            String intent,
            Set<String> distortions,
            int wordCount) {
        this(emotions, dominantEkman, sentiment, intent, distortions, wordCount, Set.of());
    }

    private static void require(Set<String> allowed, String value, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Unknown " + what + ": " + value);
        }
    }
}
