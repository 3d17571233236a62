package org.hearth.nlp;

import java.util.List;

/**
 * Turns sentences into fixed-length vectors that every task head in Hearth reads. Implementations
 * load their model once and are safe to call from many threads.
 */
public interface SentenceEmbedder {

    /** The model's name and version, recorded in every head's manifest. */
    String modelId();

    /** The length of every vector this embedder returns. */
    int dimensions();

    /** Embeds one text; the vector is L2-normalized. */
    float[] embed(String text);

    /** Embeds many texts in one call, in the same order. */
    List<float[]> embedAll(List<String> texts);
}
