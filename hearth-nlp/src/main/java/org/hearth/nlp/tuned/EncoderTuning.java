package org.hearth.nlp.tuned;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hearth.nlp.OnnxEncoder;
import org.hearth.nlp.OnnxSentenceEmbedder;

/**
 * Fine-tunes the top layers of a shipped encoder together with a multi-label classifier on its [CLS]
 * state, on PyTorch through DJL (AdamW, linear warm-up then linear decay, dropout as BERT uses it,
 * binary cross-entropy per label). The layers below the tuned ones are frozen, so their output is
 * computed once per text and cached. Deterministic for a seed on a given machine and thread count.
 */
public final class EncoderTuning {

    /** The training settings. */
    public record Settings(
            int trainedLayers,
            int epochs,
            int batch,
            float learningRate,
            float classifierLearningRate,
            float weightDecay,
            float dropout,
            float warmUp,
            int maxPieces,
            long seed,
            float maxGradNorm) {

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainedLayers", trainedLayers);
            m.put("epochs", epochs);
            m.put("batch", batch);
            m.put("learningRate", learningRate);
            m.put("classifierLearningRate", classifierLearningRate);
            m.put("weightDecay", weightDecay);
            m.put("dropout", dropout);
            m.put("warmUp", warmUp);
            m.put("maxPieces", maxPieces);
            if (maxGradNorm > 0) {
                m.put("maxGradNorm", maxGradNorm);
            }
            m.put("optimizer", "AdamW (DJL), linear warm-up then linear decay to 0, on PyTorch (DJL engine)");
            return m;
        }
    }

    /** Texts and their multi-hot targets. */
    public record Examples(List<String> texts, float[][] targets) {}

    /** Attention heads per layer: 12 in bge-small (and in the MiniLM candidates). */
    private static final int HEADS = 12;

    static {
        // The PyTorch library ships in a Maven artifact; DJL must never try to fetch one at run time.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final OnnxSentenceEmbedder.Candidate base;
    private final OnnxSentenceEmbedder.Candidate served;
    private final Settings settings;
    private final PrintStream log;

    /**
     * @param base the full-precision encoder to tune
     * @param served the encoder the tuned weights will be served in: {@code base} or its quantized form
     */
    public EncoderTuning(
            OnnxSentenceEmbedder.Candidate base,
            OnnxSentenceEmbedder.Candidate served,
            Settings settings,
            PrintStream log) {
        this.base = base;
        this.served = served;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Trains on {@code train}; after each epoch calls {@code afterEpoch} with the epoch number and the
     * model's scores for {@code watch} (which it never trains on).
     */
    public TunedWeights train(
            Examples train, List<String> watch, java.util.function.BiConsumer<Integer, double[][]> afterEpoch)
            throws IOException {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) settings.seed);
        byte[] model = OnnxEncoder.modelBytes(base.modelResource());
        Map<String, OnnxWeights.Tensor> onnx = OnnxWeights.read(model);
        int labels = train.targets[0].length;
        try (NDManager manager = engine.newBaseManager();
                HuggingFaceTokenizer tokenizer = tokenizer()) {
            TrainableBert bert = new TrainableBert(manager, onnx, HEADS, settings.trainedLayers, settings.dropout);
            int hidden = bert.hidden();
            Random random = new Random(settings.seed);
            float[] w0 = new float[hidden * labels];
            double scale = Math.sqrt(1.0 / hidden);
            for (int i = 0; i < w0.length; i++) {
                w0[i] = (float) (random.nextGaussian() * scale);
            }
            NDArray weight = manager.create(w0, new Shape(hidden, labels));
            NDArray bias = manager.zeros(new Shape(labels));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);

            Pieces trainPieces = pieces(tokenizer, train.texts);
            Pieces watchPieces = pieces(tokenizer, watch);
            long t0 = System.nanoTime();
            float[][] trainLower = lower(manager, bert, trainPieces);
            float[][] watchLower = lower(manager, bert, watchPieces);
            log.printf(
                    "frozen part computed for %d + %d texts in %d s%n",
                    train.texts.size(), watch.size(), (System.nanoTime() - t0) / 1_000_000_000);

            List<int[]> batches = batches(trainPieces, random);
            int steps = settings.epochs * batches.size();
            Optimizer encoderOpt = adamW(settings.learningRate, steps);
            Optimizer headOpt = adamW(settings.classifierLearningRate, steps);
            Map<String, NDArray> tuned = bert.trained();
            Map<String, NDArray> parameters = new LinkedHashMap<>(tuned);
            parameters.put(TunedClassifier.WEIGHT, weight);
            parameters.put(TunedClassifier.BIAS, bias);
            Loss loss = Loss.sigmoidBinaryCrossEntropyLoss();
            int skipped = 0;
            for (int epoch = 1; epoch <= settings.epochs; epoch++) {
                if (epoch > 1) {
                    batches = batches(trainPieces, random);
                }
                double sum = 0;
                int taken = 0;
                long start = System.nanoTime();
                for (int b = 0; b < batches.size(); b++) {
                    int[] rows = batches.get(b);
                    try (NDManager step = manager.newSubManager();
                            GradientCollector gc = engine.newGradientCollector()) {
                        NDArray mask = maskArray(step, trainPieces, rows);
                        NDArray x = lowerArray(step, trainLower, trainPieces, rows, hidden);
                        NDArray h = bert.upper(x, mask, true).get(":, 0, :");
                        h = ai.djl.nn.norm.Dropout.dropout(h, settings.dropout, true)
                                .singletonOrThrow();
                        NDArray logits = h.matMul(weight).add(bias);
                        NDArray target = step.create(gather(train.targets, rows));
                        NDArray l = loss.evaluate(new NDList(target), new NDList(logits));
                        gc.backward(l);
                        float value = l.getFloat();
                        if (!Step.take(value, parameters, settings.maxGradNorm)) {
                            skipped++;
                            if (skipped > Math.max(3, steps / 100)) {
                                throw new IllegalStateException("training diverged: " + skipped
                                        + " steps with a loss or gradient that is not finite, by epoch " + epoch);
                            }
                            continue;
                        }
                        sum += value;
                        taken++;
                        for (var e : tuned.entrySet()) {
                            update(encoderOpt, e.getKey(), e.getValue());
                        }
                        update(headOpt, TunedClassifier.WEIGHT, weight);
                        update(headOpt, TunedClassifier.BIAS, bias);
                    }
                    if ((b + 1) % 200 == 0) {
                        log.printf(
                                "  epoch %d, batch %d of %d, loss %.4f, %d s%n",
                                epoch,
                                b + 1,
                                batches.size(),
                                sum / Math.max(1, taken),
                                (System.nanoTime() - start) / 1_000_000_000);
                    }
                }
                log.printf(
                        "epoch %d: loss %.4f in %d s%s%n",
                        epoch,
                        sum / Math.max(1, taken),
                        (System.nanoTime() - start) / 1_000_000_000,
                        skipped == 0 ? "" : " (" + skipped + " steps skipped so far: not finite)");
                afterEpoch.accept(epoch, scores(manager, bert, weight, bias, watchLower, watchPieces));
            }
            Map<String, float[]> baseValues = new LinkedHashMap<>();
            tuned.keySet().forEach(n -> baseValues.put(n, onnx.get(n).values()));
            Map<String, float[]> classifier = new LinkedHashMap<>();
            classifier.put(TunedClassifier.WEIGHT, weight.toFloatArray());
            classifier.put(TunedClassifier.BIAS, bias.toFloatArray());
            return new TunedWeights(
                    base.shortName(),
                    served.shortName(),
                    TunedWeights.deltas(baseValues, bert.trainedValues()),
                    classifier);
        }
    }

    /**
     * Readies one step's gradients: a step whose loss or gradient is not finite is dropped (its
     * gradients set to zero, so the next backward pass starts clean, and no weight moves), and the
     * gradients of a step whose global norm is above {@code maxNorm} are scaled down to it (when
     * {@code maxNorm > 0}), as BERT fine-tuning usually clips them.
     */
    static final class Step {

        private Step() {}

        /** @return whether the optimizer should take the step */
        static boolean take(float loss, Map<String, NDArray> parameters, float maxNorm) {
            double squares = 0;
            for (NDArray p : parameters.values()) {
                try (NDArray g = p.getGradient();
                        NDArray sq = g.square();
                        NDArray s = sq.sum()) {
                    squares += s.getFloat();
                }
            }
            double norm = Math.sqrt(squares);
            if (!Float.isFinite(loss) || !Double.isFinite(norm)) {
                for (NDArray p : parameters.values()) {
                    try (NDArray g = p.getGradient()) {
                        g.set(new NDIndex("..."), 0f);
                    }
                }
                return false;
            }
            if (maxNorm > 0 && norm > maxNorm) {
                float scale = (float) (maxNorm / norm);
                for (NDArray p : parameters.values()) {
                    try (NDArray g = p.getGradient()) {
                        g.muli(scale);
                    }
                }
            }
            return true;
        }
    }

    /**
     * One optimizer step for one weight. PyTorch adds every backward pass to a weight's stored
     * gradient and DJL's gradient collector does not clear it; DJL's optimizers do, after the update
     * ({@code EncoderTuningTests.startsEveryStepFromThisStepsGradientAlone} holds them to it).
     */
    static void update(Optimizer optimizer, String name, NDArray parameter) {
        try (NDArray grad = parameter.getGradient()) {
            optimizer.update(name, parameter, grad);
        }
    }

    private Optimizer adamW(float rate, int steps) {
        int warm = Math.max(1, Math.round(settings.warmUp * steps));
        Tracker decay = ai.djl.training.tracker.LinearTracker.builder()
                .setBaseValue(rate)
                .optSlope(-rate / Math.max(1, steps - warm))
                .optMinValue(0f)
                .build();
        Tracker schedule = Tracker.warmUp()
                .setMainTracker(decay)
                .optWarmUpSteps(warm)
                .optWarmUpBeginValue(0f)
                .build();
        return Optimizer.adamW()
                .optLearningRateTracker(schedule)
                .optWeightDecays(settings.weightDecay)
                .build();
    }

    private HuggingFaceTokenizer tokenizer() throws IOException {
        try (InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(base.tokenizerResource())) {
            if (in == null) {
                throw new IllegalStateException("no tokenizer " + base.tokenizerResource());
            }
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        }
    }

    private record Pieces(long[][] ids) {}

    private Pieces pieces(HuggingFaceTokenizer tokenizer, List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            Encoding e = tokenizer.encode(texts.get(i), true, false);
            long[] id = e.getIds();
            if (id.length > settings.maxPieces) {
                long sep = id[id.length - 1];
                id = Arrays.copyOf(id, settings.maxPieces);
                id[id.length - 1] = sep;
            }
            ids[i] = id;
        }
        return new Pieces(ids);
    }

    /** Batches of rows of similar length (less padding), in a seeded random order. */
    private List<int[]> batches(Pieces pieces, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pieces.ids.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int chunk = settings.batch * 50;
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < order.size(); from += chunk) {
            List<Integer> part = new ArrayList<>(order.subList(from, Math.min(order.size(), from + chunk)));
            part.sort(Comparator.comparingInt(i -> pieces.ids[i].length));
            for (int b = 0; b < part.size(); b += settings.batch) {
                out.add(part.subList(b, Math.min(part.size(), b + settings.batch)).stream()
                        .mapToInt(Integer::intValue)
                        .toArray());
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static int width(Pieces pieces, int[] rows) {
        int w = 0;
        for (int r : rows) {
            w = Math.max(w, pieces.ids[r].length);
        }
        return w;
    }

    private static NDArray maskArray(NDManager m, Pieces pieces, int[] rows) {
        int w = width(pieces, rows);
        float[] mask = new float[rows.length * w];
        for (int k = 0; k < rows.length; k++) {
            Arrays.fill(mask, k * w, k * w + pieces.ids[rows[k]].length, 1f);
        }
        return m.create(mask, new Shape(rows.length, w));
    }

    private static NDArray lowerArray(NDManager m, float[][] lower, Pieces pieces, int[] rows, int hidden) {
        int w = width(pieces, rows);
        float[] x = new float[rows.length * w * hidden];
        for (int k = 0; k < rows.length; k++) {
            float[] v = lower[rows[k]];
            System.arraycopy(v, 0, x, k * w * hidden, v.length);
        }
        return m.create(x, new Shape(rows.length, w, hidden));
    }

    /** The frozen part's output per text (its own length × hidden, no padding). */
    private static float[][] lower(NDManager manager, TrainableBert bert, Pieces pieces) {
        float[][] out = new float[pieces.ids.length][];
        Integer[] order = new Integer[pieces.ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> pieces.ids[i].length));
        int hidden = bert.hidden();
        for (int from = 0; from < order.length; from += 64) {
            int[] rows = new int[Math.min(64, order.length - from)];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = order[from + k];
            }
            int w = width(pieces, rows);
            try (NDManager step = manager.newSubManager()) {
                long[] ids = new long[rows.length * w];
                for (int k = 0; k < rows.length; k++) {
                    System.arraycopy(pieces.ids[rows[k]], 0, ids, k * w, pieces.ids[rows[k]].length);
                }
                NDArray x = bert.lower(step.create(ids, new Shape(rows.length, w)), maskArray(step, pieces, rows));
                float[] all = x.toFloatArray();
                for (int k = 0; k < rows.length; k++) {
                    int len = pieces.ids[rows[k]].length;
                    out[rows[k]] = Arrays.copyOfRange(all, k * w * hidden, k * w * hidden + len * hidden);
                }
            }
        }
        return out;
    }

    private static double[][] scores(
            NDManager manager, TrainableBert bert, NDArray weight, NDArray bias, float[][] lower, Pieces pieces) {
        double[][] out = new double[lower.length][];
        int hidden = bert.hidden();
        for (int from = 0; from < lower.length; from += 64) {
            int[] rows = new int[Math.min(64, lower.length - from)];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = from + k;
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray h = bert.upper(
                                lowerArray(step, lower, pieces, rows, hidden), maskArray(step, pieces, rows), false)
                        .get(":, 0, :");
                float[] p =
                        ai.djl.nn.Activation.sigmoid(h.matMul(weight).add(bias)).toFloatArray();
                int labels = (int) bias.getShape().get(0);
                for (int k = 0; k < rows.length; k++) {
                    double[] s = new double[labels];
                    for (int j = 0; j < labels; j++) {
                        s[j] = p[k * labels + j];
                    }
                    out[rows[k]] = s;
                }
            }
        }
        return out;
    }

    private static float[][] gather(float[][] targets, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = targets[rows[k]];
        }
        return out;
    }
}
