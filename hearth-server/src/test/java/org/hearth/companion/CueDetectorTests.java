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
