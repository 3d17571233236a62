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
