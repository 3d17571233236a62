package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxSentenceEmbedderTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2Quantized();

    /** Short, odd and long texts: one of them is past the model's 512-word-piece window. */
    private static final List<String> VARIED = List.of(
            "I can't sleep at night",
            "ok",
            "honestly idk anymore 😭😭 everything is soooo much rn!!!",
            "Je suis très fatigué, naïve café résumé — and the em dash too",
            "My dad's \"advice\" was: just   get over it... (thanks, dad)",
            "\tTabs\nand new lines\r\nin one text\u00a0with a no-break space",
            "I keep replaying the argument with my sister. ".repeat(60));

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
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

    @Test
    void givesEachTextInABatchTheVectorItGetsAlone() {
        // Holds for the quantized models only because they are not padded into one ONNX call.
        assertBatchEqualsSingles(embedder);
        assertBatchEqualsSingles(OnnxSentenceEmbedder.standard());
    }

    @Test
    void padsFullPrecisionBatchesWithoutChangingTheVectors() {
        assertBatchEqualsSingles(OnnxSentenceEmbedder.allMiniLmL6V2());
    }

    private static void assertBatchEqualsSingles(SentenceEmbedder embedder) {
        List<float[]> batch = embedder.embedAll(VARIED);
        for (int i = 0; i < VARIED.size(); i++) {
            assertThat(maxAbsDifference(batch.get(i), embedder.embed(VARIED.get(i))))
                    .as("text %d", i)
                    .isLessThan(1e-4);
        }
    }

    @Test
    void computesTheVectorsLangChain4jComputesWithClsPooling() {
        // The shipped heads were trained on vectors from LangChain4j's own encoder.
        assertSameVectors(OnnxSentenceEmbedder.standard(), new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    @Test
    void computesTheVectorsLangChain4jComputesWithMeanPooling() {
        assertSameVectors(embedder, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    private static void assertSameVectors(SentenceEmbedder ours, EmbeddingModel theirs) {
        List<float[]> mine = ours.embedAll(VARIED);
        for (int i = 0; i < VARIED.size(); i++) {
            float[] reference =
                    theirs.embed(TextSegment.from(VARIED.get(i))).content().vector();
            assertThat(mine.get(i)).hasSameSizeAs(reference);
            assertThat(maxAbsDifference(mine.get(i), reference))
                    .as("text %d", i)
                    .isLessThan(1e-4);
        }
    }

    @Test
    void refusesATextWithoutWords() {
        assertThatThrownBy(() -> embedder.embed("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
