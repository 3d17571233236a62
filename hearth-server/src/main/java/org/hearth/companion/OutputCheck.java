package org.hearth.companion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskScreen;
import org.hearth.nlp.risk.Screening;

/**
 * Decides whether a model's reply may be sent. It must pass every check; the first failing one is
 * the fallback reason. The risk screen is the safety module's own, the one every member text goes
 * through. The phrase checks are hand-written and deliberately broad: a false alarm only means the
 * member gets the curated reply, a miss means a generated diagnosis or dose reaches a person in
 * distress.
 */
final class OutputCheck {

    // "you have depression", "sounds like an anxiety disorder", "signs of PTSD", "you're bipolar"
    private static final Pattern DIAGNOSIS = Pattern.compile(
            "\\b(diagnos\\w*|disorder|syndrome|clinical(ly)?|psychiatric|mental illness|psychosis|psychotic"
                    + "|depression|depressive|bipolar|schizophreni\\w*|ptsd|ocd|adhd|autis\\w*|borderline"
                    + "|anorexi\\w*|bulimi\\w*|insomnia|panic attacks?|burnout)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern MEDICATION = Pattern.compile(
            "\\b(\\d+([.,]\\d+)?\\s?(mg|mcg|µg|ml|milligrams?|micrograms?)|doses?|dosage|overdos\\w*"
                    + "|pills?|tablets?|capsules?|medication|medicine|meds|prescri\\w*|antidepressants?"
                    + "|sedatives?|sleeping aids?|painkillers?|benzodiazepines?|ssris?|sertraline|fluoxetine"
                    + "|citalopram|escitalopram|paroxetine|venlafaxine|mirtazapine|quetiapine|lithium"
                    + "|diazepam|lorazepam|alprazolam|zolpidem|melatonin|ibuprofen|paracetamol|acetaminophen"
                    + "|aspirin|alcohol|drink(s|ing)?|drugs?|wine|beer|vodka|whiske?y|gin|rum|liquor|cannabis|weed)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // The risk screen reads a member's first-person text; a reply that tells the member to harm
    // themselves ("you should just end it") reads differently, so talk of harm is refused outright.
    private static final Pattern HARM = Pattern.compile(
            "\\b(suicid\\w*|kill(ing)? (yourself|myself|themselves)|end(ed|ing|s)? (it|it all|things|your life|my life)"
                    + "|take your (own )?life|hurt(ing)? yourself|harm(ing)? yourself|self[- ]harm\\w*|cut(ting)? yourself"
                    + "|hang(ing)? yourself|jump(ing)? (off|from)|overdos\\w*|noose|rope|razor|blade|weapon|gun)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // A sentence ends at . ! ? (or a run of them) followed by space or the end of the text.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u2026]+[\"'\u201D\u2019)]*(\\s+|$)");

    private final RiskScreen screen;
    private final int maxSentences;
    private final int maxCharacters;

    OutputCheck(RiskScreen screen, int maxSentences, int maxCharacters) {
        this.screen = screen;
        this.maxSentences = maxSentences;
        this.maxCharacters = maxCharacters;
    }

    /**
     * Why {@code reply} must not be sent, or empty when it may be.
     *
     * @param recentTurns the thread's recent turns, screened as the reply's context so an
     *     innocent-looking reply to a risky message is caught too
     */
    Optional<Fallback> reject(String reply, List<String> recentTurns) {
        String text = reply.strip();
        if (text.isEmpty()) {
            return Optional.of(Fallback.EMPTY_OUTPUT);
        }
        if (text.length() > maxCharacters || sentences(text) > maxSentences) {
            return Optional.of(Fallback.TOO_LONG);
        }
        Screening screening = screen.screen(text, recentTurns);
        if (screening.level().atLeast(RiskLevel.LOW)
                || screening.degraded()
                || HARM.matcher(text).find()) {
            return Optional.of(Fallback.UNSAFE_OUTPUT);
        }
        if (MEDICATION.matcher(text).find()) {
            return Optional.of(Fallback.MEDICATION);
        }
        if (DIAGNOSIS.matcher(text).find()) {
            return Optional.of(Fallback.DIAGNOSIS);
        }
        return Optional.empty();
    }

    static int sentences(String text) {
        int count = 0;
        var m = SENTENCE_END.matcher(text);
        int last = 0;
        while (m.find()) {
            if (!text.substring(last, m.start()).isBlank()) {
                count++;
            }
            last = m.end();
        }
        if (!text.substring(last).isBlank()) {
            count++;
        }
        return count;
    }
}
