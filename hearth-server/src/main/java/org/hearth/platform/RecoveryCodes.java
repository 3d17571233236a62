package org.hearth.platform;

import java.security.SecureRandom;

/**
 * Recovery codes of the private-journal mode: 20 symbols of Crockford's base32 (100 random bits) in
 * five groups of four, e.g. {@code 7KQ2-M9XD-…}. Reading one back forgives case, spaces, dashes and
 * the letters Crockford maps to digits (O to 0; I and L to 1), since people copy these by hand.
 */
final class RecoveryCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int SYMBOLS = 20;
    private static final SecureRandom random = new SecureRandom();

    private RecoveryCodes() {}

    static String fresh() {
        StringBuilder code = new StringBuilder(SYMBOLS + SYMBOLS / 4);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical symbols of a typed code, without separators; what the wrap key is derived from. */
    static char[] normalize(char[] typed) {
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (char c : typed) {
            char upper = Character.toUpperCase(c);
            switch (upper) {
                case ' ', '-', '\t' -> {}
                case 'O' -> symbols.append('0');
                case 'I', 'L' -> symbols.append('1');
                default -> symbols.append(upper);
            }
        }
        char[] result = new char[symbols.length()];
        symbols.getChars(0, symbols.length(), result, 0);
        return result;
    }

    static char[] normalize(String typed) {
        return normalize(typed.toCharArray());
    }
}
