package org.hearth.nlp;

import java.util.List;

/**
 * What Hearth understands of one text. Carries labels and scores only, never the text itself, so
 * it may be logged or stored as a derived signal.
 *
 * @param emotions the 28 GoEmotions labels (27 emotions and {@code neutral}) in the data set's order
 * @param ekman the 7 Ekman groups derived from the 28: a group's score is its highest member's
 *     score, compared with the group's own threshold (tuned on GoEmotions dev)
 * @param sentiment {@code negative}, {@code neutral} or {@code positive}
 * @param intent one of {@code venting}, {@code seeking-advice}, {@code question}, {@code gratitude},
 *     {@code greeting}, {@code goodbye}, {@code small-talk}, {@code other}
 * @param distortions the 10 cognitive distortions; none present means no distortion was found
 */
public record Analysis(
        List<LabelScore> emotions,
        List<LabelScore> ekman,
        String sentiment,
        String intent,
        List<LabelScore> distortions) {

    public Analysis {
        emotions = List.copyOf(emotions);
        ekman = List.copyOf(ekman);
        distortions = List.copyOf(distortions);
    }

    /** Whether any cognitive distortion is present. */
    public boolean hasDistortion() {
        return distortions.stream().anyMatch(LabelScore::present);
    }
}
