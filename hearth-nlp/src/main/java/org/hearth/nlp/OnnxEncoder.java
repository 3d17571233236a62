package org.hearth.nlp;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One BERT-style sentence encoder on ONNX Runtime: a session built once per JVM with one intra-op
 * thread, and the model's own HuggingFace tokenizer.
 *
 * <p>Why not LangChain4j's {@code OnnxBertBiEncoder} alone: it runs every text through ONNX on
 * its own, tokenizes each text three times, and its session uses ONNX Runtime's default thread
 * pool (one thread per core), so two callers on a 2-core server fight over the same cores and
 * tail latency explodes. This encoder tokenizes once, runs texts of similar length as one padded
 * batch where that does not change the vectors (full-precision models only, see below), and keeps
 * each call on the calling thread, so concurrency comes from the server's own
 * request threads. Texts longer than the model's window (512 word pieces) are still handed to
 * LangChain4j's encoder, built on the same session, which splits them and averages the parts; the
 * vectors are the ones LangChain4j computes (tested in {@code OnnxSentenceEmbedderTests}).
 */
public final class OnnxEncoder {

    /** Word pieces the model reads at most, including [CLS] and [SEP]. */
    static final int MAX_TOKENS = 512;

    /** Texts per ONNX call for full-precision models; sorted by length first to limit padding. */
    static final int MAX_BATCH = 16;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final PoolingMode pooling;
    private final boolean tokenTypes;
    private final int dimensions;
    private final int maxBatch;
    private final @Nullable AbstractInProcessEmbeddingModel longTexts;
    private final boolean normalized;

    private OnnxEncoder(String modelResource, String tokenizerResource, PoolingMode pooling, boolean quantized) {
        this(modelResource, resource(modelResource), tokenizerResource, pooling, quantized, true);
    }

    private OnnxEncoder(
            String modelName,
            byte[] model,
            String tokenizerResource,
            PoolingMode pooling,
            boolean quantized,
            boolean normalized) {
        try {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // With one thread there is no pool to spin; this keeps an idle server at 0 % CPU too.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = environment.createSession(model, options);
            this.normalized = normalized;
            this.tokenizer = HuggingFaceTokenizer.newInstance(stream(tokenizerResource), Map.of("padding", "false"));
            this.pooling = pooling;
            // A dynamically quantized model picks its int8 scale from the whole input tensor, so
            // in a padded batch a text's vector would depend on the other texts (measured: up to
            // 0.02 per component). Those models see one text per call, which keeps every vector
            // equal to the one the heads were trained on.
            this.maxBatch = quantized ? 1 : MAX_BATCH;
            this.tokenTypes = session.getInputNames().contains("token_type_ids");
            if (normalized) {
                OnnxBertBiEncoder fallback =
                        new OnnxBertBiEncoder(environment, session, stream(tokenizerResource), pooling);
                this.longTexts = new AbstractInProcessEmbeddingModel(Runnable::run) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return fallback;
                    }
                };
            } else {
                this.longTexts = null;
            }
            this.dimensions = runBatch(List.of(Pieces.of(tokenizer.encode("hello", true, false))))[0].length;
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot load embedding model " + modelName, e);
        }
    }

    /**
     * An encoder on a model given as bytes (a fine-tuned copy of a shipped one) that answers the
     * [CLS] token's last hidden state as it is, not normalized, for a classifier trained on it. Texts
     * longer than the model's window are cut to its first {@link #MAX_TOKENS} word pieces.
     */
    public static OnnxEncoder rawCls(String modelName, byte[] model, String tokenizerResource, boolean quantized) {
        return new OnnxEncoder(modelName, model, tokenizerResource, PoolingMode.CLS, quantized, false);
    }

    /** The bytes of a model file on the classpath (a shipped encoder, to be patched). */
    public static byte[] modelBytes(String resource) {
        return resource(resource);
    }

    static OnnxEncoder load(String modelResource, String tokenizerResource, PoolingMode pooling, boolean quantized) {
        return new OnnxEncoder(modelResource, tokenizerResource, pooling, quantized);
    }

    public int dimensions() {
        return dimensions;
    }

    /** L2-normalized vectors, one per text, in order. */
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Pieces> encodings = new ArrayList<>(texts.size());
        List<Integer> shortOnes = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Pieces e = Pieces.of(tokenizer.encode(text, true, false));
            if (e.ids().length > MAX_TOKENS && longTexts == null) {
                encodings.add(e.cut(MAX_TOKENS));
                shortOnes.add(i);
            } else if (e.ids().length > MAX_TOKENS) {
                out[i] = longTexts.embed(text).content().vector();
            } else if (e.ids().length <= 2) {
                throw new IllegalArgumentException("cannot embed an empty or whitespace-only text");
            } else {
                encodings.add(e);
                shortOnes.add(i);
            }
        }
        Integer[] order = new Integer[encodings.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).ids().length));
        try {
            for (int from = 0; from < order.length; from += maxBatch) {
                int to = Math.min(order.length, from + maxBatch);
                List<Pieces> batch = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    batch.add(encodings.get(order[k]));
                }
                float[][] vectors = runBatch(batch);
                for (int k = from; k < to; k++) {
                    out[shortOnes.get(order[k])] = vectors[k - from];
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
        return out;
    }

    private float[][] runBatch(List<Pieces> batch) throws OrtException {
        int n = batch.size();
        int width = 0;
        for (Pieces e : batch) {
            width = Math.max(width, e.ids().length);
        }
        long[] ids = new long[n * width];
        long[] mask = new long[n * width];
        long[] types = new long[n * width];
        int[] lengths = new int[n];
        for (int r = 0; r < n; r++) {
            Pieces e = batch.get(r);
            long[] id = e.ids();
            lengths[r] = id.length;
            System.arraycopy(id, 0, ids, r * width, id.length);
            System.arraycopy(e.mask(), 0, mask, r * width, id.length);
            System.arraycopy(e.types(), 0, types, r * width, id.length);
        }
        long[] shape = {n, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor idT = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeT = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            inputs.put("input_ids", idT);
            inputs.put("attention_mask", maskT);
            if (tokenTypes) {
                inputs.put("token_type_ids", typeT);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] outShape = hidden.getInfo().getShape();
                int dims = (int) outShape[2];
                FloatBuffer values = hidden.getFloatBuffer();
                float[][] vectors = new float[n][];
                for (int r = 0; r < n; r++) {
                    float[] v = pool(values, r, width, dims, lengths[r]);
                    vectors[r] = normalized ? normalize(v) : v;
                }
                return vectors;
            }
        }
    }

    /** A text's word pieces as the model reads them. */
    private record Pieces(long[] ids, long[] mask, long[] types) {
        static Pieces of(Encoding e) {
            return new Pieces(e.getIds(), e.getAttentionMask(), e.getTypeIds());
        }

        /** The first {@code max} pieces, the last of them the closing [SEP]. */
        Pieces cut(int max) {
            long[] i = Arrays.copyOf(ids, max);
            i[max - 1] = ids[ids.length - 1];
            return new Pieces(i, Arrays.copyOf(mask, max), Arrays.copyOf(types, max));
        }
    }

    private float[] pool(FloatBuffer values, int row, int width, int dims, int length) {
        float[] v = new float[dims];
        int base = row * width * dims;
        if (pooling == PoolingMode.CLS) {
            values.get(base, v, 0, dims);
            return v;
        }
        // Mean over the text's own tokens ([CLS] and [SEP] included, padding excluded), as
        // LangChain4j does for an unpadded text.
        for (int t = 0; t < length; t++) {
            int off = base + t * dims;
            for (int j = 0; j < dims; j++) {
                v[j] += values.get(off + j);
            }
        }
        for (int j = 0; j < dims; j++) {
            v[j] /= length;
        }
        return v;
    }

    /** Scales a vector to unit length in place and returns it; a zero vector stays zero. */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return v;
    }

    private static InputStream stream(String name) {
        InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("model file " + name + " is not on the classpath");
        }
        return in;
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
