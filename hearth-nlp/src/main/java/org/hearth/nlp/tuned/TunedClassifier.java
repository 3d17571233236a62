package org.hearth.nlp.tuned;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.nlp.OnnxEncoder;
import org.hearth.nlp.OnnxSentenceEmbedder;

/**
 * A multi-label classifier on its own fine-tuned encoder: a shipped encoder (full precision or its
 * int8-quantized form) with the tuned weights
 * of a {@link TunedWeights} file put in, run on ONNX Runtime, and a linear layer with a sigmoid per
 * label on the [CLS] token's last hidden state. Thread-safe; load it once per process.
 */
public final class TunedClassifier {

    /** The classifier's weight names in a {@link TunedWeights} file. */
    static final String WEIGHT = "classifier.weight";

    static final String BIAS = "classifier.bias";

    private final OnnxEncoder encoder;
    private final float[] weight;
    private final float[] bias;
    private final int hidden;
    private final String servedModel;
    private final String modelId;

    TunedClassifier(TunedWeights tuned) {
        this(tuned, "unsaved");
    }

    private TunedClassifier(TunedWeights tuned, String fingerprint) {
        OnnxSentenceEmbedder.Candidate base = OnnxSentenceEmbedder.Candidate.byName(tuned.baseModel());
        OnnxSentenceEmbedder.Candidate served = OnnxSentenceEmbedder.Candidate.byName(tuned.servedModel());
        var weights = tuned.apply(OnnxWeights.read(
                OnnxEncoder.modelBytes(base.modelResource()), tuned.deltas().keySet()));
        byte[] model = OnnxEncoder.modelBytes(served.modelResource());
        this.encoder = OnnxEncoder.rawCls(
                served.shortName() + " (tuned)",
                OnnxWeights.patch(model, weights),
                served.tokenizerResource(),
                served.quantized());
        this.weight = required(tuned, WEIGHT);
        this.bias = required(tuned, BIAS);
        this.hidden = encoder.dimensions();
        this.servedModel = served.shortName();
        this.modelId = served.modelId() + "+tuned:" + fingerprint;
        if (weight.length != hidden * bias.length) {
            throw new IllegalArgumentException("the classifier does not fit the encoder's " + hidden + " dimensions");
        }
    }

    /**
     * Classifiers served from files, by the SHA-256 of the file: each file is put into an encoder
     * once per JVM, however many screens, heads or application contexts load it. A classifier is
     * immutable and thread-safe, so they share it.
     */
    private static final Map<String, TunedClassifier> SERVED = new ConcurrentHashMap<>();

    /** Loads a classifier to serve from a {@link TunedWeights} file, once per JVM for the same bytes. */
    public static TunedClassifier read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        String hash = sha256(bytes);
        try {
            return SERVED.computeIfAbsent(hash, h -> {
                try {
                    return fromBytes(bytes, h);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Loads a classifier that no one else shares, for a training command that scores many
     * short-lived models (one per fold) and must not keep them all.
     */
    public static TunedClassifier readUnshared(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return fromBytes(bytes, sha256(bytes));
    }

    private static TunedClassifier fromBytes(byte[] bytes, String hash) throws IOException {
        return new TunedClassifier(TunedWeights.read(new ByteArrayInputStream(bytes)), hash.substring(0, 16));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tuned encoder's name: the served model's id and a hash of the file, so that heads trained on
     * its states ({@link TunedSentenceEmbedder}) name exactly this encoder in their manifests.
     */
    public String modelId() {
        return modelId;
    }

    /** The [CLS] state of each text, as the classifier reads it (not normalized), in order. */
    public float[][] states(List<String> texts) {
        return encoder.embed(texts);
    }

    /** Each label's probability for a state from {@link #states}. */
    public double[] classify(float[] state) {
        return classify(state, weight, bias);
    }

    private static float[] required(TunedWeights tuned, String name) {
        float[] v = tuned.classifier().get(name);
        if (v == null) {
            throw new IllegalArgumentException("the tuned-encoder file has no " + name);
        }
        return v;
    }

    /** The length of a state. */
    public int hidden() {
        return hidden;
    }

    /** The number of labels scored. */
    public int labels() {
        return bias.length;
    }

    /** The encoder the tuned weights were put into for serving (its short name). */
    public String servedModel() {
        return servedModel;
    }

    /** Each label's probability for one text. */
    public double[] scores(String text) {
        return scoresAll(List.of(text))[0];
    }

    /** Each label's probability for each text, in order. */
    public double[][] scoresAll(List<String> texts) {
        float[][] cls = encoder.embed(texts);
        double[][] out = new double[cls.length][];
        for (int i = 0; i < cls.length; i++) {
            out[i] = classify(cls[i], weight, bias);
        }
        return out;
    }

    /** Sigmoid of {@code x · W + b}, with W stored input-major ({@code hidden × labels}). */
    static double[] classify(float[] x, float[] weight, float[] bias) {
        int labels = bias.length;
        double[] z = new double[labels];
        for (int j = 0; j < labels; j++) {
            z[j] = bias[j];
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            int row = i * labels;
            for (int j = 0; j < labels; j++) {
                z[j] += xi * weight[row + j];
            }
        }
        for (int j = 0; j < labels; j++) {
            z[j] = 1 / (1 + Math.exp(-z[j]));
        }
        return z;
    }
}
