package org.hearth.nlp.risk;

import java.util.regex.Pattern;

/**
 * Takes out of a text what a person pastes rather than writes: a UUID, a long hex string, a long
 * code of letters and digits ("order 7G4K29LP0Q"), a long run of digits. The model stage reads the
 * text without them. They carry no risk, and both halves of the risk head moved on them: calm
 * journal lines with a random id appended were flagged HIGH (RISK.md, "Pasted ids").
 *
 * <p>Only tokens no risk wording can take: a code must be ten characters or more, hold four digits
 * or more and two letters or more, and no run of four letters (so "100milligrams" stays), and not
 * end in a dose unit; runs of digits must be nine or more long (dates, doses and counts are shorter).
 * The lexical stage always reads the text as written.
 */
final class PastedIds {

    private static final Pattern UUID =
            Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern HEX = Pattern.compile("(?i)\\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\\b");
    private static final Pattern CODE = Pattern.compile("(?i)\\b(?=(?:[a-z]*[0-9]){4})(?=(?:[0-9]*[a-z]){2})"
            + "(?![a-z0-9]*[a-z]{4})(?![a-z0-9]*(?:mg|mcg|ml|iu)\\b)[a-z0-9]{10,}\\b");
    private static final Pattern DIGITS = Pattern.compile("\\b[0-9]{9,}\\b");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private PastedIds() {}

    /** The text without pasted ids; the text itself when it has none, or nothing but them. */
    static String strip(String text) {
        String out = UUID.matcher(text).replaceAll("");
        out = HEX.matcher(out).replaceAll("");
        out = CODE.matcher(out).replaceAll("");
        out = DIGITS.matcher(out).replaceAll("");
        if (out.equals(text) || out.isBlank()) {
            return text;
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
