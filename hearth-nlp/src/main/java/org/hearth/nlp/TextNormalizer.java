package org.hearth.nlp;

import java.text.Normalizer;
import java.util.Locale;

/** Brings free text into the one form every model and lexicon in Hearth reads. */
public final class TextNormalizer {

    private TextNormalizer() {}

    /**
     * Folds Unicode compatibility forms, curly quotes and runs of white space, and lower-cases.
     *
     * @param text any member text
     * @return the normalized text, never longer than the input by more than a few characters
     */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"');
        return folded.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
