package org.hearth.nlp.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.hearth.nlp.heads.Mlp;
import org.jspecify.annotations.Nullable;

/**
 * Learns an {@link Mlp} for a multi-label head: binary cross-entropy on every output, AdamW with a
 * linearly decaying learning rate, inverted dropout on the hidden layer, and each output's bias
 * started at the log-odds of its label's frequency so rare labels do not start out drowned.
 *
 * <p>Hand-written for the reasons given on {@link Mlp}. It is single-threaded on purpose: float
 * sums in a fixed order make the same seed give the same weights bit for bit, and on the 2-core
 * servers Hearth targets a second training thread would only take a core from the rest.
 */
public final class MlpTrainer {

    /**
     * Trainer settings.
     *
     * @param hidden hidden ReLU units
     * @param epochs passes over the data
     * @param learningRate Adam's initial step, decayed linearly to zero over the run
     * @param minibatch examples per step
     * @param dropout the probability of dropping a hidden unit while training
     * @param weightDecay decoupled (AdamW) weight decay on the weight matrices
     * @param seed initialisation, shuffling and dropout seed
     */
    public record Settings(
            int hidden, int epochs, double learningRate, int minibatch, double dropout, double weightDecay, long seed) {

        /** The same settings with another seed (the members of an ensemble, a command's --seed). */
        public Settings withSeed(long otherSeed) {
            return new Settings(hidden, epochs, learningRate, minibatch, dropout, weightDecay, otherSeed);
        }

        /** The settings as written to the manifest. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", "mlp");
            m.put("network", "input → " + hidden + " ReLU → sigmoid per output");
            m.put("loss", "binary cross-entropy per output");
            m.put("optimiser", "AdamW, learning rate decayed linearly to 0");
            m.put("learningRate", learningRate);
            m.put("epochs", epochs);
            m.put("minibatch", minibatch);
            m.put("dropout", dropout);
            m.put("weightDecay", weightDecay);
            return m;
        }
    }

    /**
     * The word part of a network ({@link Mlp#words()}): each row's hashed words and word pairs.
     *
     * @param buckets hash buckets
     * @param l2 the L2 penalty on a word weight, applied when a step touches its word
     * @param rows each training row's buckets, as {@link org.hearth.nlp.heads.WordFeatures#buckets(String)} gives them
     */
    public record Words(int buckets, double l2, int[][] rows) {}

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private MlpTrainer() {}

    /**
     * Fits a network whose outputs are {@code outputs}, in order; a row is a positive example of
     * every output its label set contains.
     *
     * @param afterEpoch called with the epoch number (from 1) and the network so far; may be a no-op
     */
    public static Mlp fit(
            List<Set<String>> labels,
            float[][] x,
            List<String> outputs,
            Settings s,
            BiConsumer<Integer, Mlp> afterEpoch) {
        return fit(labels, x, null, outputs, s, afterEpoch);
    }

    /**
     * Fits a network that also reads each row's words, when {@code words} is given: the word weights
     * learn with the same Adam steps, updated only for the words a minibatch contains (as a sparse
     * Adam does), with an L2 penalty instead of weight decay.
     */
    public static Mlp fit(
            List<Set<String>> labels,
            float[][] x,
            @Nullable Words words,
            List<String> outputs,
            Settings s,
            BiConsumer<Integer, Mlp> afterEpoch) {
        int n = x.length;
        int d = x[0].length;
        int h = s.hidden();
        int k = outputs.size();
        float[][] y = new float[n][k];
        double[] positives = new double[k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                if (labels.get(r).contains(outputs.get(c))) {
                    y[r][c] = 1;
                    positives[c]++;
                }
            }
        }

        SplittableRandom random = new SplittableRandom(s.seed());
        float[] w1 = new float[d * h];
        float[] b1 = new float[h];
        float[] w2 = new float[h * k];
        float[] b2 = new float[k];
        double limit1 = Math.sqrt(6.0 / d); // He, for ReLU
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) random.nextDouble(-limit1, limit1);
        }
        double limit2 = Math.sqrt(6.0 / (h + k)); // Glorot
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) random.nextDouble(-limit2, limit2);
        }
        for (int c = 0; c < k; c++) {
            double p = Math.min(0.999, Math.max(1e-4, positives[c] / n));
            b2[c] = (float) Math.log(p / (1 - p));
        }
        int buckets = words == null ? 0 : words.buckets();
        float[] wWords = new float[buckets * k];
        float[] gWords = new float[buckets * k];
        float[] mWords = new float[buckets * k];
        float[] vWords = new float[buckets * k];
        boolean[] touched = new boolean[buckets];
        int[] touchedList = new int[buckets];
        float[][] params = {w1, b1, w2, b2};
        float[][] grads = {new float[w1.length], new float[h], new float[w2.length], new float[k]};
        float[][] m = {new float[w1.length], new float[h], new float[w2.length], new float[k]};
        float[][] v = {new float[w1.length], new float[h], new float[w2.length], new float[k]};
        boolean[] decays = {true, false, true, false};

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int stepsPerEpoch = (n + s.minibatch() - 1) / s.minibatch();
        long totalSteps = (long) stepsPerEpoch * s.epochs();
        long step = 0;
        float keep = (float) (1 - s.dropout());
        float[] hid = new float[h];
        float[] mask = new float[h];
        float[] dOut = new float[k];
        float[] dHid = new float[h];
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += s.minibatch()) {
                int to = Math.min(n, from + s.minibatch());
                for (float[] g : grads) {
                    java.util.Arrays.fill(g, 0);
                }
                int touchedCount = 0;
                for (int b = from; b < to; b++) {
                    int r = order[b];
                    float[] xr = x[r];
                    int[] wr = words == null ? new int[0] : words.rows()[r];
                    float ww = Mlp.wordWeight(wr.length);
                    System.arraycopy(b1, 0, hid, 0, h);
                    for (int i = 0; i < d; i++) {
                        float xi = xr[i];
                        int off = i * h;
                        for (int j = 0; j < h; j++) {
                            hid[j] += xi * w1[off + j];
                        }
                    }
                    for (int j = 0; j < h; j++) {
                        boolean kept = s.dropout() == 0 || random.nextDouble() < keep;
                        mask[j] = hid[j] > 0 && kept ? 1 / keep : 0;
                        hid[j] *= mask[j];
                    }
                    for (int c = 0; c < k; c++) {
                        float o = b2[c];
                        for (int j = 0; j < h; j++) {
                            o += hid[j] * w2[j * k + c];
                        }
                        for (int wb : wr) {
                            o += ww * wWords[wb * k + c];
                        }
                        dOut[c] = (float) (1 / (1 + Math.exp(-o))) - y[r][c];
                    }
                    for (int wb : wr) {
                        if (!touched[wb]) {
                            touched[wb] = true;
                            touchedList[touchedCount++] = wb;
                        }
                        int off = wb * k;
                        for (int c = 0; c < k; c++) {
                            gWords[off + c] += ww * dOut[c];
                        }
                    }
                    float[] gW2 = grads[2];
                    for (int j = 0; j < h; j++) {
                        float hj = hid[j];
                        int off = j * k;
                        float sum = 0;
                        for (int c = 0; c < k; c++) {
                            gW2[off + c] += hj * dOut[c];
                            sum += w2[off + c] * dOut[c];
                        }
                        dHid[j] = sum * mask[j];
                    }
                    for (int c = 0; c < k; c++) {
                        grads[3][c] += dOut[c];
                    }
                    float[] gW1 = grads[0];
                    for (int i = 0; i < d; i++) {
                        float xi = xr[i];
                        int off = i * h;
                        for (int j = 0; j < h; j++) {
                            gW1[off + j] += xi * dHid[j];
                        }
                    }
                    for (int j = 0; j < h; j++) {
                        grads[1][j] += dHid[j];
                    }
                }
                step++;
                double lr = s.learningRate() * (1 - (double) (step - 1) / totalSteps);
                adamW(params, grads, m, v, decays, step, lr, s.weightDecay(), 1.0f / (to - from));
                if (words != null) {
                    sparseAdam(
                            wWords,
                            gWords,
                            mWords,
                            vWords,
                            touchedList,
                            touchedCount,
                            k,
                            step,
                            lr,
                            words.l2(),
                            1.0f / (to - from));
                    for (int t = 0; t < touchedCount; t++) {
                        touched[touchedList[t]] = false;
                    }
                }
            }
            afterEpoch.accept(epoch, new Mlp(d, h, k, w1, b1, w2, b2, buckets, wWords));
        }
        return new Mlp(d, h, k, w1, b1, w2, b2, buckets, wWords);
    }

    /** Adam on the rows of the words a minibatch touched; clears their gradients afterwards. */
    private static void sparseAdam(
            float[] w,
            float[] g,
            float[] m,
            float[] v,
            int[] rows,
            int count,
            int width,
            long step,
            double lr,
            double l2,
            float scale) {
        float stepSize = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
        float penalty = (float) l2;
        for (int t = 0; t < count; t++) {
            int off = rows[t] * width;
            for (int i = off; i < off + width; i++) {
                float gi = g[i] * scale + penalty * w[i];
                m[i] = (float) BETA1 * m[i] + (float) (1 - BETA1) * gi;
                v[i] = (float) BETA2 * v[i] + (float) (1 - BETA2) * gi * gi;
                w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + (float) EPSILON);
                g[i] = 0;
            }
        }
    }

    private static void adamW(
            float[][] params,
            float[][] grads,
            float[][] m,
            float[][] v,
            boolean[] decays,
            long step,
            double lr,
            double weightDecay,
            float scale) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float c1 = (float) (1 - BETA1);
        float c2 = (float) (1 - BETA2);
        float stepSize = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
        float eps = (float) EPSILON;
        for (int p = 0; p < params.length; p++) {
            float[] w = params[p];
            float[] g = grads[p];
            float[] mp = m[p];
            float[] vp = v[p];
            float decay = decays[p] ? (float) (1 - lr * weightDecay) : 1f;
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] * scale;
                mp[i] = b1 * mp[i] + c1 * gi;
                vp[i] = b2 * vp[i] + c2 * gi * gi;
                w[i] = w[i] * decay - stepSize * mp[i] / ((float) Math.sqrt(vp[i]) + eps);
            }
        }
    }
}
