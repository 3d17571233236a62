package org.hearth.nlp.risk;

import java.util.regex.Pattern;
import org.hearth.nlp.TextNormalizer;

/**
 * Recognises a message made of nothing but courtesies: an acknowledgement, thanks, a good night, a
 * sign-off ("ok, thanks. goodnight", "logging off now, talk tomorrow", "k thx").
 *
 * <p>The grammar is closed: every word of the message must belong to one of the phrases below, so a
 * single word outside them ("goodbye", "forever", "everyone", "sorry", "last", "love", "for
 * everything", "pills", a name) and the message is not a courtesy. That is deliberate: a farewell
 * note borrows the words of a sign-off and adds the words that make it final, and those words are
 * not here. "Goodbye" and "farewell" are left out on purpose, as are "leaving" and "going" alone;
 * they are sign-offs in most mouths and farewells in some, and the screen does not guess which.
 */
final class Courtesy {

    private static final String ACK =
            "ok|okay|okie|okey|k|kk|alright|allright|right|well|anyway|anyways|so|cool|great|lol|haha|oh|hm+";
    private static final String THANKS = "(?:thanks|thank you|thank u|thankyou|thanx|thx|ty|tysm|cheers|ta)"
            + "(?: again)?(?: so much| a lot| very much| heaps)?"
            + "(?: for (?:listening|the chat|chatting|talking|the talk|the help|your help|helping|helping me"
            + "|today|tonight|this))?";
    private static final String HELPED = "(?:that|this|it|you) (?:really )?(?:helps|helped|was helpful)(?: a lot)?";
    private static final String NIGHT =
            "good ?night|g ?night|nite|night(?: night)?|nighty night|gn|sleep well|sweet dreams";
    private static final String BYE = "by+e+(?: by+e+)?(?: now| for now)?|cya|see (?:ya|you|u)|later|laters|ttyl"
            + "|catch (?:you|ya) later|(?:until|till|til) next time"
            + "|(?:talk|speak) (?:to (?:you|u)(?: later| tomorrow| soon| then)?|later|tomorrow|soon|then)";
    private static final String WISH =
            "have a (?:good|nice|great|lovely) (?:night|day|evening|weekend|one)|you too|take care";
    private static final String OFF = "(?:(?:i'm|im|i am|i'll|ill|i will) )?(?:off(?: to (?:bed|sleep))?"
            + "|going to (?:bed|sleep)|heading to bed|heading off|logging off|log off|signing off|sign off)";
    private static final String MUST_GO = "(?:(?:i )?(?:gotta|got to|have to|need to|must) go|gtg|g2g)";
    private static final String BACK = "(?:i'll|ill|i will) (?:be back|come back|check in|write(?: more)?)(?: again)?";
    /** A pause bounded in time: "I'll stop here for tonight", "that's all for today"; unbounded it may be final. */
    private static final String PAUSE = "(?:(?:i'll|ill|i will|let's|lets) (?:stop|leave it) (?:here|there)"
            + "|(?:that's|thats|that is) (?:all|it|enough)(?: from me)?) for (?:now|today|tonight|the night)";

    /** When, only as the tail of a closing ("talk tomorrow", "logging off for tonight"): alone it answers "when?". */
    private static final String WHEN = "(?: (?:now|for now|for (?:tonight|today|the night)|tonight|today|tomorrow"
            + "|then|soon|again|next (?:week|time)|this week|in the morning|on the weekend"
            + "|on (?:mon|tues|wednes|thurs|fri|satur|sun)day))*";

    private static final String CLOSING =
            "(?:" + String.join("|", THANKS, HELPED, NIGHT, BYE, WISH, OFF, MUST_GO, BACK, PAUSE) + ")" + WHEN;

    private static final String PHRASE = "(?:" + CLOSING + "|" + ACK + ")";

    private static final Pattern ONLY_COURTESIES = Pattern.compile(PHRASE + "(?: " + PHRASE + ")*");

    /** Emoji, punctuation and symbols a sign-off may carry; apostrophes stay (they are part of words). */
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}' ]+");

    private Courtesy() {}

    /** Longer than this and a message is not a courtesy, whatever its words (it also bounds the match). */
    static final int MAX_LENGTH = 120;

    /** Whether the whole message is courtesies and nothing else (an empty message is not). */
    static boolean isOnlyCourtesy(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        String words = NOT_WORDS
                .matcher(TextNormalizer.normalize(text))
                .replaceAll(" ")
                .replaceAll("\\s+", " ")
                .strip();
        return !words.isEmpty() && ONLY_COURTESIES.matcher(words).matches();
    }
}
