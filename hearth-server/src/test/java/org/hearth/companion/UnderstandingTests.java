package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.hearth.nlp.Analysis;
import org.hearth.nlp.LabelScore;
import org.junit.jupiter.api.Test;

class UnderstandingTests {

    @Test
    void keepsOnlyDistortionsTheHeadDecidedArePresent() {
        Analysis analysis = new Analysis(
                List.of(new LabelScore("nervousness", 0.62, true), new LabelScore("sadness", 0.2, false)),
                List.of(new LabelScore("fear", 0.62, true), new LabelScore("sadness", 0.7, false)),
                "negative",
                "venting",
                List.of(new LabelScore("labeling", 0.8, true), new LabelScore("mind-reading", 0.4, false)));
        TurnUnderstanding understood = Understanding.of(analysis, 9, Set.of(Cue.SLEEP));
        assertThat(understood.distortions()).containsExactly("labeling");
        assertThat(understood.emotions()).containsEntry("nervousness", 0.62).containsEntry("sadness", 0.2);
        assertThat(understood.dominantEkman())
                .as("a present group beats a stronger absent one")
                .isEqualTo("fear");
        assertThat(understood.sentiment()).isEqualTo("negative");
        assertThat(understood.intent()).isEqualTo("venting");
        assertThat(understood.wordCount()).isEqualTo(9);
        assertThat(understood.cues()).containsExactly(Cue.SLEEP);
    }

    @Test
    void neverReflectsANegativeMessageAsJoy() {
        // As the analyzer read "I always ruin everything, she's probably right about me".
        List<LabelScore> ekman = List.of(
                new LabelScore("joy", 0.66, true),
                new LabelScore("sadness", 0.21, false),
                new LabelScore("anger", 0.29, false));
        List<LabelScore> emotions = List.of(new LabelScore("approval", 0.49, true));
        List<LabelScore> distortions = List.of(new LabelScore("labeling", 0.7, true));

        TurnUnderstanding negative =
                Understanding.of(new Analysis(emotions, ekman, "negative", "venting", distortions), 9, Set.of());
        TurnUnderstanding positive =
                Understanding.of(new Analysis(emotions, ekman, "positive", "venting", distortions), 9, Set.of());

        assertThat(negative.dominantEkman()).isEqualTo("anger");
        assertThat(positive.dominantEkman()).isEqualTo("joy");
        // The policy reflects the strongest label: found on the running server, approval (0.49)
        // made the reply "That gladness counts" after the dominant group had been fixed.
        assertThat(negative.emotions()).doesNotContainKey("approval");
        assertThat(positive.emotions()).containsEntry("approval", 0.49);
    }

    @Test
    void countsWordsAcrossAnyWhitespace() {
        assertThat(Understanding.words("  I   can't\nsleep\tat night ")).isEqualTo(5);
        assertThat(Understanding.words("   ")).isZero();
    }
}
