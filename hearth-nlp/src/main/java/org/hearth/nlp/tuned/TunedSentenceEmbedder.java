package org.hearth.nlp.tuned;

import java.util.Arrays;
import java.util.List;
import org.hearth.nlp.SentenceEmbedder;

/**
 * The fine-tuned emotions encoder as the analyzer's sentence embedder: its [CLS] state, L2-normalized.
 * The analyzer's other heads read this vector, so one encoder pass serves every head; the risk
 * screen keeps the shared encoder of ADR 0002.
 */
public final class TunedSentenceEmbedder implements SentenceEmbedder {

    private final TunedClassifier encoder;

    public TunedSentenceEmbedder(TunedClassifier encoder) {
        this.encoder = encoder;
    }

    @Override
    public String modelId() {
        return encoder.modelId();
    }

    @Override
    public int dimensions() {
        return encoder.hidden();
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return Arrays.stream(encoder.states(texts))
                .map(TunedSentenceEmbedder::normalized)
                .toList();
    }

    /** A state scaled to unit length (a zero state stays zero). */
    public static float[] normalized(float[] state) {
        double sum = 0;
        for (float v : state) {
            sum += v * v;
        }
        float[] out = state.clone();
        if (sum == 0) {
            return out;
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < out.length; i++) {
            out[i] /= norm;
        }
        return out;
    }
}
