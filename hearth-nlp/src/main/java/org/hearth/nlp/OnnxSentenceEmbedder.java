package org.hearth.nlp;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;

/** Sentence embeddings computed in-process by ONNX Runtime from a model shipped in a Maven artifact. */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private final EmbeddingModel model;
    private final String modelId;

    private OnnxSentenceEmbedder(EmbeddingModel model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    /** The default model: all-MiniLM-L6-v2, quantized. Runs batches on the calling thread. */
    public static OnnxSentenceEmbedder allMiniLmL6V2Quantized() {
        Executor sameThread = Runnable::run;
        return new OnnxSentenceEmbedder(
                new AllMiniLmL6V2QuantizedEmbeddingModel(sameThread), "all-minilm-l6-v2-q@langchain4j-1.20.0-beta30");
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimensions() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList();
    }
}
