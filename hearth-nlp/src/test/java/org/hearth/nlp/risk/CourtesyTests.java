package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed grammar of thanks and sign-offs. The second list is the one that matters: every
 * farewell-note wording the team could think of that borrows a sign-off's words, and every short
 * answer that carries a time or a means, must fall outside it, so that the model's rating of it
 * stands.
 */
class CourtesyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ok, thanks. goodnight",
                "Ok thanks, goodnight!",
                "ok, thanks. goodnight",
                "k thx bye",
                "thanks for listening",
                "thank you so much, that really helped",
                "That helped, thanks 🙏",
                "ok im off to bed, night night",
                "I'm logging off now",
                "I'll log off now, night",
                "logging off for tonight, talk tomorrow",
                "gotta go, thanks for listening tonight",
                "I have to go now, talk tomorrow",
                "Bye, I will come back tomorrow",
                "Good night, take care",
                "Have a nice day, bye",
                "byeee",
                "gn",
                "ttyl",
                "cya",
                "See you later!",
                "catch ya later",
                "kk",
                "ok",
                "hmm ok",
                "cheers, sleep well",
                "ty",
                "I'll stop here for tonight",
                "Until next time",
                "I'll write again next week",
                "I'll write more later",
                "That's all for today",
                "see you on Monday"
            })
    void acceptsThanksAcknowledgementsAndSignOffs(String text) {
        assertThat(Courtesy.isOnlyCourtesy(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // farewell notes that borrow a sign-off's words
                "goodbye",
                "Goodbye dear",
                "farewell",
                "thank you for everything, goodbye",
                "thanks for everything",
                "thanks for everything. bye",
                "bye everyone",
                "bye forever",
                "bye for good",
                "goodnight forever",
                "goodnight world",
                "good night, for the last time",
                "last goodnight",
                "sorry. bye",
                "i love you all, goodnight",
                "love you, bye",
                "this is goodbye",
                "take care of mum for me",
                "take care of yourselves",
                "i won't be back",
                "ok, i won't talk again",
                "see you on the other side",
                "see you never",
                "logging off for good",
                "signing off permanently",
                "i'm going to sleep and not wake up",
                "off to sleep forever",
                "i'm off to end it",
                "I'm leaving now",
                "leaving now",
                "gotta go, the rope is ready",
                "thanks, I have the pills now",
                "bye mum",
                "tell her i said goodbye",
                "it's time",
                "I'll stop here",
                "that's it",
                "that's all",
                "that's enough",
                "I'll be gone by next week",
                "I'll write a letter tonight",
                "I'll write my note later",
                "until the end",
                // answers that carry a time: alone they answer "when?"
                "tonight",
                "now.",
                "ok tonight",
                "soon",
                "tomorrow",
                "again",
                // answers and words a courtesy is not
                "yes",
                "no",
                "",
                "   ",
                "🙂",
                "ill",
            })
    void refusesFarewellsTimesAndEverythingElse(String text) {
        assertThat(Courtesy.isOnlyCourtesy(text)).isFalse();
    }

    @Test
    void refusesLongMessagesWhateverTheirWords() {
        String longThanks = "thanks ".repeat(20).strip();
        assertThat(longThanks.length()).isGreaterThan(Courtesy.MAX_LENGTH);
        assertThat(Courtesy.isOnlyCourtesy(longThanks)).isFalse();
        assertThat(Courtesy.isOnlyCourtesy("thanks ".repeat(5).strip())).isTrue();
    }
}
