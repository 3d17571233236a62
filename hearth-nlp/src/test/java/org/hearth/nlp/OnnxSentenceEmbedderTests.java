package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxSentenceEmbedderTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2Quantized();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedSentences() {
        List<float[]> v = embedder.embedAll(
                List.of("I can't sleep at night", "I lie awake every night", "The train leaves at noon"));
        assertThat(v).hasSize(3);
        assertThat(v.get(0)).hasSize(embedder.dimensions());
        assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void embedsOneTextLikeABatchOfOne() {
        float[] single = embedder.embed("work was exhausting today");
        float[] batch = embedder.embedAll(List.of("work was exhausting today")).getFirst();
        assertThat(cosine(single, batch)).isGreaterThan(0.999);
    }
}
