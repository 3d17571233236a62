package org.hearth.nlp;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings computed in-process by ONNX Runtime from a model shipped in a Maven artifact
 * (LangChain4j's in-process embedding jars, which carry the ONNX file and its tokenizer).
 *
 * <p>Each model's ONNX session is loaded once per JVM, however many embedders are created, and is
 * shared by every thread. A call runs on the calling thread only (one ONNX intra-op thread): the
 * server already serves requests on many threads, and a pool per call would only make concurrent
 * callers compete for the same cores. For the full-precision models {@link #embedAll} runs texts
 * of similar length as one padded batch; the quantized models take one text per ONNX call, because
 * their dynamic int8 scales would make a text's vector depend on the rest of its batch.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private static final String VERSION = "@langchain4j-1.20.0-beta30";

    private static final Map<Candidate, OnnxEncoder> ENCODERS = new ConcurrentHashMap<>();

    /** The candidate models, by the short name the command line and the manifests use. */
    public enum Candidate {
        ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", PoolingMode.MEAN),
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN),
        BGE_SMALL_EN_V15("bge-small-en-v15", "bge-small-en-v1.5", PoolingMode.CLS),
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q", PoolingMode.CLS);

        private final String shortName;
        private final String fileStem;
        private final PoolingMode pooling;

        Candidate(String shortName, String fileStem, PoolingMode pooling) {
            this.shortName = shortName;
            this.fileStem = fileStem;
            this.pooling = pooling;
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

        /** Whether the model is int8-quantized (then it reads one text per ONNX call). */
        public boolean quantized() {
            return shortName.endsWith("-q");
        }

        /** The ONNX file of this model on the classpath. */
        public String modelResource() {
            return fileStem + ".onnx";
        }

        /** The HuggingFace tokenizer file of this model on the classpath. */
        public String tokenizerResource() {
            return fileStem + "-tokenizer.json";
        }

        private OnnxEncoder load() {
            // The file names and pooling are those of LangChain4j's model classes for this release.
            return OnnxEncoder.load(fileStem + ".onnx", fileStem + "-tokenizer.json", pooling, quantized());
        }
    }

    /** The model Hearth's shipped heads are trained on (see docs/adr/0002). */
    public static final Candidate STANDARD = Candidate.BGE_SMALL_EN_V15_Q;

    private final OnnxEncoder encoder;
    private final String modelId;

    private OnnxSentenceEmbedder(Candidate candidate) {
        this.encoder = ENCODERS.computeIfAbsent(candidate, Candidate::load);
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
        return encoder.dimensions();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the text has no word piece (empty or whitespace only)
     */
    @Override
    public float[] embed(String text) {
        return encoder.embed(List.of(text))[0];
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if any text has no word piece (empty or whitespace only)
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(encoder.embed(texts));
    }
}
