package org.hearth.companion;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the {@link Cue}s in a member's text with a few English phrase patterns. It reads the text
 * and keeps nothing: no field, no log, no exception message carries it.
 */
public final class CueDetector {

    /**
     * Things a member might say they will do that are steps worth affirming: reaching out, asking,
     * booking, getting help; never "you" ("I'll tell you what happened"). A bare "maybe I could
     * just stay in bed" names no step and is not one.
     */
    private static final String STEP_VERB =
            "(?:text|call|ring|phone|message|email|write (?:to|her|him|them)|talk to|speak to|ask|tell|explain|apologi[sz]e"
                    + "|book|make an appointment|see (?:a|my|the) (?:doctor|gp|counsel+or|therapist)|reach out|invite"
                    + "|sign up|go for a (?:walk|run|swim)|get some (?:fresh air|help))\\b(?! (?:you|u)\\b)";

    // Phrases, not single words, so "I'm sure it's fine" does not read as accepting an offer.
    private static final Map<Cue, Pattern> PATTERNS = Map.of(
            Cue.READY_FOR_ACTION,
            compile(
                    "what (?:can|could|should|do) i do|what would help|how (?:do|can|could) i (?:stop|deal|cope|handle|fix|get)"
                            + "|any (?:advice|tips|ideas)|i want to (?:change|do something|feel better|try)|i'?m ready to"
                            + "|help me (?:figure|work|sort)|where do i start|what(?:'s| is) a first step"),
            Cue.PUSHBACK,
            compile(
                    "you (?:don'?t|do not) (?:get|understand)|you'?re not listening|that'?s not (?:it|what i (?:meant|said)|helpful|true)"
                            + "|that (?:doesn'?t|does not|won'?t) help|easy for you to say|stop trying to fix|you have no idea"
                            + "|that'?s not how it works|you'?re missing the point"),
            Cue.ACCEPTS,
            compile(
                    "i'?ll (?:try|give it a go|do it|give that a try)|let'?s (?:do|try)|sounds good|i'?d like that|yes,? please"
                            + "|ok(?:ay)?,? (?:let'?s|i'?ll)|i can try|worth a try|i'?ll give it a shot"),
            Cue.OWN_STEP,
            compile(
                    "(?:maybe|perhaps|i guess|i think|i suppose|tomorrow|tonight|later|this week(?:end)?) i(?: could| can| might| should|'?ll| will)"
                            + "(?: just| at least| finally| try to| try and)? " + STEP_VERB
                            + "|(?<!wish |if |only )i (?:could|might|should) (?:try to |try and )?" + STEP_VERB
                            + "|i'?m (?:going to|gonna) (?:try to )?" + STEP_VERB
                            + "|i'?ll (?:try to )?" + STEP_VERB),
            Cue.DECLINES,
            compile(
                    "not now|no,? thanks|no thank you|maybe later|i don'?t (?:want|feel like) (?:to|doing)|not (?:up|ready) for (?:that|it)"),
            Cue.RUMINATION,
            compile(
                    "can'?t stop thinking|keeps? (?:going round|replaying|coming back)|over and over|on (?:a )?(?:loop|repeat)"
                            + "|can'?t (?:switch|turn) (?:it )?off|stuck on|goes round and round|can'?t let (?:it )?go"),
            Cue.SLEEP,
            compile(
                    "\\bsleep|insomnia|awake (?:at|until|till|all)|can'?t (?:fall|get) (?:a)?sleep|\\bbedtime|middle of the night|\\b[1-5] ?am\\b"));

    private static Pattern compile(String alternatives) {
        return Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE);
    }

    /** Returns the cues present in {@code memberText}; empty when none are. */
    public Set<Cue> detect(String memberText) {
        String text = memberText.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Set<Cue> found = EnumSet.noneOf(Cue.class);
        PATTERNS.forEach((cue, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(cue);
            }
        });
        return found;
    }
}
