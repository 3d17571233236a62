package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void foldsCurlyQuotesCaseAndWhitespace() {
        assertThat(TextNormalizer.normalize("  I DON\u2019T\t want\n\nto  ")).isEqualTo("i don't want to");
    }

    @Test
    void foldsCompatibilityCharacters() {
        assertThat(TextNormalizer.normalize("ｐｉｌｌｓ")).isEqualTo("pills");
    }
}
