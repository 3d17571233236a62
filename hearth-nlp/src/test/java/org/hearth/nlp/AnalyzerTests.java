package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTests {

    private static final Analyzer analyzer = Analyzer.load(DevSets.EMBEDDER);

    @Test
    void reportsEveryLabelOfEveryHead() {
        Analysis a = analyzer.analyze("I couldn't sleep again and I'm dreading work tomorrow");
        assertThat(a.emotions()).hasSize(28);
        assertThat(a.emotions().getFirst().label()).isEqualTo("admiration");
        assertThat(a.emotions().getLast().label()).isEqualTo("neutral");
        assertThat(a.ekman())
                .extracting(LabelScore::label)
                .containsExactly("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral");
        assertThat(a.distortions())
                .extracting(LabelScore::label)
                .containsExactly(
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
        assertThat(a.emotions()).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    }

    @Test
    void recognisesGratitudeAndGreeting() {
        assertThat(analyzer.analyze("thank you so much, that really helped me").intent())
                .isEqualTo("gratitude");
        assertThat(analyzer.analyze("hello, good morning").intent()).isEqualTo("greeting");
    }

    @Test
    void findsFortuneTellingInAHopelessPrediction() {
        Analysis a = analyzer.analyze("I'm going to fail the interview tomorrow, I just know it");
        assertThat(a.hasDistortion()).isTrue();
        assertThat(a.distortions())
                .filteredOn(LabelScore::present)
                .extracting(LabelScore::label)
                .contains("fortune-telling");
        assertThat(a.sentiment()).isEqualTo("negative");
    }

    @Test
    void findsNoDistortionInAPlainStatementOfFeeling() {
        Analysis a = analyzer.analyze("I went for a walk with my sister this afternoon and it was nice");
        assertThat(a.hasDistortion()).isFalse();
        assertThat(a.sentiment()).isEqualTo("positive");
    }

    @Test
    void scoresEkmanGroupsWithTheHeadsOwnGroupOutputs() {
        Analysis a = analyzer.analyze("Thank you, I'm so grateful and happy for your help!");
        LabelScore joy = a.ekman().get(3);
        assertThat(joy.label()).isEqualTo("joy");
        assertThat(joy.present()).isTrue();
        assertThat(a.ekman().get(4).present()).as("sadness").isFalse();
        assertThat(a.emotions()).hasSize(28);
        assertThat(a.emotions()).extracting(LabelScore::label).noneMatch(l -> l.startsWith("ekman:"));
        assertThat(a.emotions()).filteredOn(s -> s.label().equals("gratitude")).allMatch(LabelScore::present);

        Analysis sad = analyzer.analyze("My grandmother died last night and I can't stop crying");
        assertThat(sad.ekman().get(4).label()).isEqualTo("sadness");
        assertThat(sad.ekman().get(4).present()).isTrue();
        assertThat(sad.ekman().get(4).score()).isGreaterThan(sad.ekman().get(3).score());
    }

    @Test
    void answersABatchInOrderLikeSingleCalls() {
        List<String> texts = List.of("bye, talk tomorrow", "nobody ever listens to me", "what is CBT?");
        List<Analysis> batch = analyzer.analyzeAll(texts);
        assertThat(batch).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            Analysis single = analyzer.analyze(texts.get(i));
            assertThat(batch.get(i).intent()).isEqualTo(single.intent());
            assertThat(batch.get(i).emotions().get(0).score())
                    .isCloseTo(single.emotions().get(0).score(), org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> analyzer.analyze("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
