package org.hearth.nlp.heads;

import java.util.List;

/**
 * What each task head predicts. Multi-label heads decide every label on its own (a sigmoid per
 * label and a tuned threshold); single-label heads pick the most probable of their labels.
 */
public enum HeadSpec {
    EMOTIONS("emotions", true, List.of()),
    SENTIMENT("sentiment", false, List.of("negative", "neutral", "positive")),
    INTENT(
            "intent",
            false,
            List.of(
                    "venting",
                    "seeking-advice",
                    "question",
                    "gratitude",
                    "greeting",
                    "goodbye",
                    "small-talk",
                    "other")),
    DISTORTIONS(
            "distortions",
            true,
            List.of(
                    "all-or-nothing",
                    "overgeneralization",
                    "mental-filter",
                    "should-statements",
                    "labeling",
                    "personalization",
                    "magnification",
                    "emotional-reasoning",
                    "mind-reading",
                    "fortune-telling"));

    /** The label a distortion row carries when it shows no distortion; the head learns it too. */
    public static final String NO_DISTORTION = "none";

    private final String headName;
    private final boolean multiLabel;
    private final List<String> labels;

    HeadSpec(String headName, boolean multiLabel, List<String> labels) {
        this.headName = headName;
        this.multiLabel = multiLabel;
        this.labels = labels;
    }

    /** The name used on the command line and as the model folder. */
    public String headName() {
        return headName;
    }

    /** Whether several labels may be present at once. */
    public boolean multiLabel() {
        return multiLabel;
    }

    /** The fixed label list; empty for emotions, whose labels come from the data set. */
    public List<String> fixedLabels() {
        return labels;
    }

    /** The classpath folder holding this head's model and manifest. */
    public String resourceDir() {
        return "models/" + headName + "/";
    }

    /**
     * Finds a head by its command-line name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static HeadSpec byName(String name) {
        for (HeadSpec h : values()) {
            if (h.headName.equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException(
                "unknown head '" + name + "'; known: emotions, sentiment, intent, distortions");
    }
}
