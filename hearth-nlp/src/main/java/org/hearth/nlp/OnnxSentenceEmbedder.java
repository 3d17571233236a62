package org.hearth.nlp;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Sentence embeddings computed in-process by ONNX Runtime from a model shipped in a Maven artifact.
 *
 * <p>LangChain4j holds each ONNX session in a static field, so a model is loaded once per JVM no
 * matter how many embedders are created, and ONNX Runtime sessions may be run from many threads.
 * Batches run on the calling thread: the server already serves requests on many threads, and a
 * private pool per call would only compete with them for the same cores.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private static final String VERSION = "@langchain4j-1.20.0-beta30";

    /** The candidate models, by the short name the command line and the manifests use. */
    public enum Candidate {
        ALL_MINILM_L6_V2("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new),
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new),
        BGE_SMALL_EN_V15("bge-small-en-v15", BgeSmallEnV15EmbeddingModel::new),
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel::new);

        private final String shortName;
        private final Function<Executor, EmbeddingModel> factory;

        Candidate(String shortName, Function<Executor, EmbeddingModel> factory) {
            this.shortName = shortName;
            this.factory = factory;
        }

        /** The short name, e.g. {@code all-minilm-l6-v2-q}. */
        public String shortName() {
            return shortName;
        }

        /** The id recorded in manifests: the short name and the LangChain4j release it ships in. */
        public String modelId() {
            return shortName + VERSION;
        }

        /**
         * Finds a candidate by short name or by full model id.
         *
         * @throws IllegalArgumentException if no candidate has that name
         */
        public static Candidate byName(String name) {
            for (Candidate c : values()) {
                if (c.shortName.equals(name) || c.modelId().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown embedding model: " + name);
        }
    }

    /** The model Hearth's shipped heads are trained on (see docs/adr/0002). */
    public static final Candidate STANDARD = Candidate.BGE_SMALL_EN_V15_Q;

    private final EmbeddingModel model;
    private final String modelId;

    private OnnxSentenceEmbedder(Candidate candidate) {
        Executor sameThread = Runnable::run;
        this.model = candidate.factory.apply(sameThread);
        this.modelId = candidate.modelId();
    }

    /** Creates an embedder for one of the candidate models. */
    public static OnnxSentenceEmbedder of(Candidate candidate) {
        return new OnnxSentenceEmbedder(candidate);
    }

    /**
     * The embedder the shipped heads read: bge-small-en-v1.5, quantized (see docs/adr/0002).
     * Anything that shares vectors with the {@code Analyzer} must use this one.
     */
    public static OnnxSentenceEmbedder standard() {
        return of(STANDARD);
    }

    /** all-MiniLM-L6-v2, quantized: the fastest candidate. */
    public static OnnxSentenceEmbedder allMiniLmL6V2Quantized() {
        return of(Candidate.ALL_MINILM_L6_V2_Q);
    }

    /** all-MiniLM-L6-v2 in full precision. */
    public static OnnxSentenceEmbedder allMiniLmL6V2() {
        return of(Candidate.ALL_MINILM_L6_V2);
    }

    /** bge-small-en-v1.5, quantized. */
    public static OnnxSentenceEmbedder bgeSmallEnV15Quantized() {
        return of(Candidate.BGE_SMALL_EN_V15_Q);
    }

    /** bge-small-en-v1.5 in full precision. */
    public static OnnxSentenceEmbedder bgeSmallEnV15() {
        return of(Candidate.BGE_SMALL_EN_V15);
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
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList();
    }
}
