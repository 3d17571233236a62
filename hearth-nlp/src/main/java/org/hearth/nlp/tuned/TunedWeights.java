package org.hearth.nlp.tuned;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What fine-tuning changed in an encoder, and the classifier trained with it: the file a tuned head
 * ships instead of a second copy of the encoder.
 *
 * <p>Each changed encoder weight is stored as its difference from the base model in half precision
 * (fine-tuning moves weights by a few thousandths, which half precision keeps to about four
 * significant digits), so the file is a quarter of the changed weights' full size; the served weight
 * is {@code base + delta}, computed in single precision the same way at training and serving time.
 * The classifier is stored in full precision. The whole file is gzip-compressed.
 *
 * @param baseModel the full-precision encoder the deltas apply to, as its short name (e.g. {@code bge-small-en-v15})
 * @param servedModel the encoder the tuned weights are put into for serving: the base itself, or its
 *     int8-quantized form (e.g. {@code bge-small-en-v15-q}), whose tuned matrices are then
 *     quantized the same way
 * @param deltas changed encoder weights by BERT name, as IEEE half-precision bits
 * @param classifier the classifier's weights by name
 */
public record TunedWeights(
        String baseModel, String servedModel, Map<String, short[]> deltas, Map<String, float[]> classifier) {

    private static final int MAGIC = 0x48544557; // "HTEW"
    private static final int VERSION = 2;

    /** The deltas that turn {@code base} into {@code tuned} (same names), rounded to half precision. */
    public static Map<String, short[]> deltas(Map<String, float[]> base, Map<String, float[]> tuned) {
        Map<String, short[]> out = new LinkedHashMap<>();
        tuned.forEach((name, values) -> {
            float[] b = base.get(name);
            short[] d = new short[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Float.floatToFloat16(values[i] - b[i]);
            }
            out.put(name, d);
        });
        return out;
    }

    /** The served encoder weights: each base weight plus its delta. */
    public Map<String, float[]> apply(Map<String, OnnxWeights.Tensor> base) {
        Map<String, float[]> out = new LinkedHashMap<>();
        deltas.forEach((name, d) -> {
            OnnxWeights.Tensor b = base.get(name);
            if (b == null || b.values().length != d.length) {
                throw new IllegalArgumentException("the tuned weight " + name + " does not fit the base model");
            }
            float[] v = new float[d.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.values()[i] + Float.float16ToFloat(d[i]);
            }
            out.put(name, v);
        });
        return out;
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out), 1 << 16))) {
            o.writeInt(MAGIC);
            o.writeInt(VERSION);
            o.writeUTF(baseModel);
            o.writeUTF(servedModel);
            o.writeInt(deltas.size());
            for (var e : deltas.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeInt(e.getValue().length);
                for (short s : e.getValue()) {
                    o.writeShort(s);
                }
            }
            o.writeInt(classifier.size());
            for (var e : classifier.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    o.writeFloat(f);
                }
            }
        }
    }

    public static TunedWeights read(InputStream in) throws IOException {
        try (DataInputStream i = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
            if (i.readInt() != MAGIC || i.readInt() != VERSION) {
                throw new IOException("not a tuned-encoder file of version " + VERSION);
            }
            String base = i.readUTF();
            String served = i.readUTF();
            Map<String, short[]> deltas = new LinkedHashMap<>();
            for (int n = i.readInt(); n > 0; n--) {
                String name = i.readUTF();
                short[] d = new short[i.readInt()];
                for (int k = 0; k < d.length; k++) {
                    d[k] = i.readShort();
                }
                deltas.put(name, d);
            }
            Map<String, float[]> classifier = new LinkedHashMap<>();
            for (int n = i.readInt(); n > 0; n--) {
                String name = i.readUTF();
                float[] v = new float[i.readInt()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = i.readFloat();
                }
                classifier.put(name, v);
            }
            return new TunedWeights(base, served, deltas, classifier);
        }
    }
}
