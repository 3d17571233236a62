package org.hearth.nlp.tuned;

import java.util.Arrays;
import java.util.List;
import org.hearth.nlp.OnnxEncoder;
import org.hearth.nlp.SentenceEmbedder;

/**
 * The fine-tuned emotions encoder as a sentence embedder: its [CLS] state, L2-normalized. The train
 * and eval commands use it ({@code --embedder emotions-tuned}) to measure a head on this encoder
 * instead of the shared one; the shipped heads other than emotions measured worse on it and read
 * the shared encoder of ADR 0002 (see ADR 0004).
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
        return Arrays.stream(encoder.states(texts)).map(OnnxEncoder::normalize).toList();
    }
}
