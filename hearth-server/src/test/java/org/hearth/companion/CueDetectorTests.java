package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CueDetectorTests {

    private final CueDetector detector = new CueDetector();

    @Test
    void findsReadinessInAQuestionAboutWhatToDo() {
        assertThat(detector.detect("Okay, so what can I do about it?")).contains(Cue.READY_FOR_ACTION);
        assertThat(detector.detect("Any tips for getting through tomorrow?")).contains(Cue.READY_FOR_ACTION);
    }

    @Test
    void findsPushbackWithEitherApostrophe() {
        assertThat(detector.detect("You don't get it at all")).contains(Cue.PUSHBACK);
        assertThat(detector.detect("you don\u2019t understand, that\u2019s not it"))
                .contains(Cue.PUSHBACK);
    }

    @Test
    void findsAcceptanceAndDecline() {
        assertThat(detector.detect("Sounds good, I'll try it tonight")).contains(Cue.ACCEPTS);
        assertThat(detector.detect("Maybe later, not now"))
                .contains(Cue.DECLINES)
                .doesNotContain(Cue.ACCEPTS);
    }

    @Test
    void findsAStepTheMemberNamesThemselves() {
        for (String text : java.util.List.of(
                "maybe I could text her tomorrow and say it hurt",
                "I think I'll call my brother tonight",
                "i might ask my boss for a day off",
                "I\u2019m going to book a GP appointment",
                "tomorrow i will talk to my tutor about the deadline",
                "I could try to go for a walk after lunch")) {
            assertThat(detector.detect(text)).as(text).contains(Cue.OWN_STEP);
        }
    }

    @Test
    void readsNoStepIntoWishesTalkOrSteplessPlans() {
        for (String text : java.util.List.of(
                "maybe I could just stay in bed all week",
                "I could never tell her how I feel",
                "I'll tell you what happened at work",
                "she should call me back but she won't",
                "I wish I could talk to someone",
                "I should start drinking again")) {
            assertThat(detector.detect(text)).as(text).doesNotContain(Cue.OWN_STEP);
        }
    }

    @Test
    void findsRuminationAndSleep() {
        assertThat(detector.detect("I lie awake at 3am and it goes round and round"))
                .contains(Cue.RUMINATION, Cue.SLEEP);
    }

    @Test
    void readsNoCueIntoOrdinaryWords() {
        assertThat(detector.detect("I'm sure the meeting went fine, work was long today"))
                .isEmpty();
    }
}
