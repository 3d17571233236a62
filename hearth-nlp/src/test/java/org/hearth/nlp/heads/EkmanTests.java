package org.hearth.nlp.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EkmanTests {

    private static final List<String> EMOTIONS =
            Ekman.GROUPS.values().stream().flatMap(List::stream).toList();

    @Test
    void derivesAGroupFromItsBestMemberWhenTheHeadHasNoGroupOutputs() {
        double[] scores = new double[EMOTIONS.size()];
        scores[EMOTIONS.indexOf("annoyance")] = 0.7;
        scores[EMOTIONS.indexOf("anger")] = 0.2;
        double[] groups = Ekman.groupScores(EMOTIONS, scores);
        assertThat(groups[0]).isEqualTo(0.7);
        assertThat(Ekman.emotionCount(EMOTIONS)).isEqualTo(28);
    }

    @Test
    void readsAGroupFromItsOwnOutputWhenTheHeadHasOne() {
        List<String> labels = new ArrayList<>(EMOTIONS);
        Ekman.GROUPS.keySet().forEach(g -> labels.add(Ekman.thresholdKey(g)));
        double[] scores = new double[labels.size()];
        scores[EMOTIONS.indexOf("annoyance")] = 0.7;
        scores[labels.indexOf("ekman:anger")] = 0.4;
        scores[labels.indexOf("ekman:neutral")] = 0.9;
        double[] groups = Ekman.groupScores(labels, scores);
        assertThat(groups[0]).isEqualTo(0.4);
        assertThat(groups[6]).isEqualTo(0.9);
        assertThat(Ekman.emotionCount(labels)).isEqualTo(28);
    }

    @Test
    void namesTheGroupOutputsOfARowsEmotions() {
        assertThat(Ekman.groupOutputs(Set.of("grief", "remorse", "curiosity")))
                .containsExactlyInAnyOrder("ekman:sadness", "ekman:surprise");
    }
}
