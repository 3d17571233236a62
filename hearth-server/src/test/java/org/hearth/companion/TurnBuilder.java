package org.hearth.companion;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Writes a turn the way the NLP heads would report it, plus the cues found in its text. */
final class TurnBuilder {

    private static final CueDetector CUES = new CueDetector();

    private final Map<String, Double> emotions = new HashMap<>();
    private String ekman = "neutral";
    private String sentiment = "neutral";
    private String intent = "venting";
    private final Set<String> distortions = new HashSet<>();
    private int words;
    private Set<Cue> cues = Set.of();

    static TurnBuilder says(String text) {
        var builder = new TurnBuilder();
        builder.words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        builder.cues = CUES.detect(text);
        return builder;
    }

    TurnBuilder emotion(String label, double intensity) {
        emotions.put(label, intensity);
        return this;
    }

    TurnBuilder ekman(String group) {
        this.ekman = group;
        return this;
    }

    TurnBuilder sentiment(String sentiment) {
        this.sentiment = sentiment;
        return this;
    }

    TurnBuilder intent(String intent) {
        this.intent = intent;
        return this;
    }

    TurnBuilder distortion(String... labels) {
        distortions.addAll(Set.of(labels));
        return this;
    }

    TurnUnderstanding understood() {
        return new TurnUnderstanding(emotions, ekman, sentiment, intent, distortions, words, cues);
    }
}
