package org.hearth.nlp.heads;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A multi-layer perceptron with one hidden layer of ReLU units and one sigmoid per output: the
 * network of the multi-label MLP heads. Immutable after construction and safe to share between
 * threads.
 *
 * <p>Written by hand: Tribuo 4.3 has no MLP trainer ({@code tribuo-classification-mlp} does not
 * exist at 4.3.2), SMILE is GPL-3.0, and DJL or TensorFlow-Java would need native engines of
 * hundreds of megabytes that cannot be fetched at run time. The forward pass is two small
 * matrix products; {@code org.hearth.nlp.train.MlpTrainer} learns the weights.
 *
 * <p>Weights are stored input-major ({@code w1[i * hidden + h]}) so both the forward pass and the
 * trainer's gradient update run as contiguous multiply-adds that the JIT vectorizes.
 */
public final class Mlp {

    private static final int MAGIC = 0x484D4C50; // "HMLP"
    private static final int FORMAT = 1;
    /** The format of a network with a word part ({@link #words()}). */
    private static final int FORMAT_WITH_WORDS = 2;

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final int buckets;
    private final float[] wWords;
    private final @Nullable WordFeatures words;

    /**
     * @param w1 inputs × hidden, input-major
     * @param b1 hidden
     * @param w2 hidden × outputs, hidden-major
     * @param b2 outputs
     */
    public Mlp(int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
        this(inputs, hidden, outputs, w1, b1, w2, b2, 0, new float[0]);
    }

    /**
     * A network with a word part: besides the hidden layer, every hashed word or word pair of the
     * text ({@link WordFeatures}) adds its own weight to each output's logit, each word counting
     * {@code 1 / sqrt(number of words)} so long and short texts weigh alike.
     *
     * @param buckets the word part's hash buckets; 0 for a network without one
     * @param wWords buckets × outputs, bucket-major
     */
    public Mlp(
            int inputs,
            int hidden,
            int outputs,
            float[] w1,
            float[] b1,
            float[] w2,
            float[] b2,
            int buckets,
            float[] wWords) {
        if (buckets < 0 || wWords.length != buckets * outputs) {
            throw new IllegalArgumentException("word weights do not match " + buckets + " buckets × " + outputs);
        }
        if (w1.length != inputs * hidden
                || b1.length != hidden
                || w2.length != hidden * outputs
                || b2.length != outputs) {
            throw new IllegalArgumentException("weight shapes do not match " + inputs + "×" + hidden + "×" + outputs);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2.clone();
        this.buckets = buckets;
        this.wWords = wWords.clone();
        this.words = buckets == 0 ? null : new WordFeatures(buckets);
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    public int outputs() {
        return outputs;
    }

    /** The word features this network reads beside the vector, or null if it reads none. */
    public @Nullable WordFeatures words() {
        return words;
    }

    /** How much one word counts towards a logit, for a text with {@code n} distinct words and pairs. */
    public static float wordWeight(int n) {
        return n == 0 ? 0 : (float) (1 / Math.sqrt(n));
    }

    /**
     * The ensemble of networks of the same inputs and outputs whose logits are averaged, as one
     * network: the members' hidden units side by side, their output weights divided by their
     * number, their output biases averaged. It scores exactly like averaging the members' logits
     * and then taking the sigmoid, at the cost of one network with all their hidden units.
     */
    public static Mlp logitAverage(java.util.List<Mlp> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one network");
        }
        int in = members.getFirst().inputs;
        int out = members.getFirst().outputs;
        int buckets = members.getFirst().buckets;
        int total = 0;
        for (Mlp m : members) {
            if (m.inputs != in || m.outputs != out || m.buckets != buckets) {
                throw new IllegalArgumentException("ensemble members must share inputs, word buckets and outputs");
            }
            total += m.hidden;
        }
        float scale = 1f / members.size();
        float[] w1 = new float[in * total];
        float[] b1 = new float[total];
        float[] w2 = new float[total * out];
        float[] b2 = new float[out];
        float[] wWords = new float[buckets * out];
        int first = 0;
        for (Mlp m : members) {
            for (int i = 0; i < in; i++) {
                System.arraycopy(m.w1, i * m.hidden, w1, i * total + first, m.hidden);
            }
            System.arraycopy(m.b1, 0, b1, first, m.hidden);
            for (int j = 0; j < m.hidden * out; j++) {
                w2[first * out + j] = m.w2[j] * scale;
            }
            for (int k = 0; k < out; k++) {
                b2[k] += m.b2[k] * scale;
            }
            for (int j = 0; j < wWords.length; j++) {
                wWords[j] += m.wWords[j] * scale;
            }
            first += m.hidden;
        }
        return new Mlp(in, total, out, w1, b1, w2, b2, buckets, wWords);
    }

    /**
     * One probability per output, for a network without a word part.
     *
     * @throws IllegalStateException if the network also reads the text's words
     */
    public double[] scores(float[] x) {
        if (words != null) {
            throw new IllegalStateException("this network also reads the text's words");
        }
        return scores(x, new int[0]);
    }

    /** One probability per output, for a text's vector and its word buckets ({@link #words()}). */
    public double[] scores(float[] x, String text) {
        return scores(x, words == null ? new int[0] : words.buckets(text));
    }

    /** One probability per output, for a vector and word buckets already computed. */
    public double[] scores(float[] x, int[] wordBuckets) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("expected a vector of " + inputs + ", got " + x.length);
        }
        float[] h = b1.clone();
        for (int i = 0; i < inputs; i++) {
            float xi = x[i];
            int off = i * hidden;
            for (int j = 0; j < hidden; j++) {
                h[j] += xi * w1[off + j];
            }
        }
        float[] o = b2.clone();
        float weight = wordWeight(wordBuckets.length);
        for (int b : wordBuckets) {
            int off = b * outputs;
            for (int k = 0; k < outputs; k++) {
                o[k] += weight * wWords[off + k];
            }
        }
        for (int j = 0; j < hidden; j++) {
            float hj = h[j];
            if (hj <= 0) {
                continue;
            }
            int off = j * outputs;
            for (int k = 0; k < outputs; k++) {
                o[k] += hj * w2[off + k];
            }
        }
        double[] out = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            out[k] = 1 / (1 + Math.exp(-o[k]));
        }
        return out;
    }

    /** Writes the network in Hearth's small binary format (big-endian floats). */
    public void write(Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(buckets == 0 ? FORMAT : FORMAT_WITH_WORDS);
            out.writeInt(inputs);
            out.writeInt(hidden);
            out.writeInt(outputs);
            if (buckets > 0) {
                out.writeInt(buckets);
            }
            for (float[] a : new float[][] {w1, b1, w2, b2, wWords}) {
                for (float v : a) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a network written by {@link #write}.
     *
     * @throws IllegalArgumentException if the stream is not such a file
     */
    public static Mlp read(InputStream stream) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
            int format = in.readInt() == MAGIC ? in.readInt() : -1;
            if (format != FORMAT && format != FORMAT_WITH_WORDS) {
                throw new IllegalArgumentException(
                        "not a Hearth MLP file (format " + FORMAT + " or " + FORMAT_WITH_WORDS + ")");
            }
            int inputs = in.readInt();
            int hidden = in.readInt();
            int outputs = in.readInt();
            int buckets = format == FORMAT_WITH_WORDS ? in.readInt() : 0;
            float[] w1 = readFloats(in, inputs * hidden);
            float[] b1 = readFloats(in, hidden);
            float[] w2 = readFloats(in, hidden * outputs);
            float[] b2 = readFloats(in, outputs);
            float[] wWords = readFloats(in, buckets * outputs);
            return new Mlp(inputs, hidden, outputs, w1, b1, w2, b2, buckets, wWords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
