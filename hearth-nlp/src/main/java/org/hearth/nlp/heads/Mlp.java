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

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;

    /**
     * @param w1 inputs × hidden, input-major
     * @param b1 hidden
     * @param w2 hidden × outputs, hidden-major
     * @param b2 outputs
     */
    public Mlp(int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
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
        int total = 0;
        for (Mlp m : members) {
            if (m.inputs != in || m.outputs != out) {
                throw new IllegalArgumentException("ensemble members must share inputs and outputs");
            }
            total += m.hidden;
        }
        float scale = 1f / members.size();
        float[] w1 = new float[in * total];
        float[] b1 = new float[total];
        float[] w2 = new float[total * out];
        float[] b2 = new float[out];
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
            first += m.hidden;
        }
        return new Mlp(in, total, out, w1, b1, w2, b2);
    }

    /** One probability per output. */
    public double[] scores(float[] x) {
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
            out.writeInt(FORMAT);
            out.writeInt(inputs);
            out.writeInt(hidden);
            out.writeInt(outputs);
            for (float[] a : new float[][] {w1, b1, w2, b2}) {
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
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not a Hearth MLP file (format " + FORMAT + ")");
            }
            int inputs = in.readInt();
            int hidden = in.readInt();
            int outputs = in.readInt();
            float[] w1 = readFloats(in, inputs * hidden);
            float[] b1 = readFloats(in, hidden);
            float[] w2 = readFloats(in, hidden * outputs);
            float[] b2 = readFloats(in, outputs);
            return new Mlp(inputs, hidden, outputs, w1, b1, w2, b2);
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
