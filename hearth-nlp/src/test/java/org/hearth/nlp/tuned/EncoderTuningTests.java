package org.hearth.nlp.tuned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fine-tuning on PyTorch, small enough for the test run: one layer, a few dozen texts. */
class EncoderTuningTests {

    private static final List<String> THANKS = List.of(
            "thank you so much for listening",
            "thanks, that really helped me",
            "I'm so grateful you were there",
            "thank you, honestly, it means a lot",
            "cheers for the advice, it worked",
            "thanks for being patient with me",
            "really appreciate you taking the time",
            "thank you thank you thank you");
    private static final List<String> ANGER = List.of(
            "this is so unfair and I'm furious",
            "nobody ever listens, it makes me so angry",
            "I hate how they treat me at work",
            "stop telling me what to do",
            "I am sick of being ignored",
            "they lied again and I'm livid",
            "why does everyone keep messing with me",
            "I'm done with their nonsense");
    private static final List<String> WATCH =
            List.of("thanks a lot, you helped so much", "I'm really angry at my brother", "thank you for your help");

    private static final EncoderTuning.Settings SETTINGS =
            new EncoderTuning.Settings(1, 6, 4, 1e-4f, 2e-2f, 0.01f, 0.1f, 0.1f, 32, 7, 0f);

    private static TunedWeights first;
    private static double[][] firstWatch;

    @BeforeAll
    static void tuneOnce() throws IOException {
        double[][][] watch = new double[1][][];
        first = tune(watch);
        firstWatch = watch[0];
    }

    private static TunedWeights tune(double[][][] lastWatch) throws IOException {
        List<String> texts = new ArrayList<>(THANKS);
        texts.addAll(ANGER);
        float[][] targets = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            targets[i] = i < THANKS.size() ? new float[] {1, 0} : new float[] {0, 1};
        }
        // Served in full precision, so that PyTorch's and ONNX Runtime's scores can be compared exactly.
        EncoderTuning tuning = new EncoderTuning(
                OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15,
                OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15,
                SETTINGS,
                new PrintStream(OutputStream.nullOutputStream()));
        return tuning.train(
                new EncoderTuning.Examples(texts, targets), WATCH, (epoch, scores) -> lastWatch[0] = scores);
    }

    @Test
    void changesOnlyTheTopLayerAndLearnsTheLabels() {
        assertThat(first.deltas().keySet()).hasSize(16).allMatch(n -> n.startsWith("encoder.layer.11."));
        assertThat(first.deltas().values()).anyMatch(d -> {
            for (short s : d) {
                if (s != 0) {
                    return true;
                }
            }
            return false;
        });
        assertThat(firstWatch[0][0]).isGreaterThan(firstWatch[1][0] + 0.2);
        assertThat(firstWatch[2][0]).isGreaterThan(firstWatch[1][0] + 0.2);
        assertThat(firstWatch[1][1]).isGreaterThan(firstWatch[0][1] + 0.2);
    }

    @Test
    void servesOnOnnxRuntimeWhatItLearnedOnPyTorch() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.write(bytes);
        double[][] served = TunedClassifier.read(new ByteArrayInputStream(bytes.toByteArray()))
                .scoresAll(WATCH);
        for (int i = 0; i < WATCH.size(); i++) {
            assertThat(served[i]).containsExactly(firstWatch[i], within(1e-3));
        }
    }

    @Test
    void givesTheSameWeightsForTheSameSeed() throws IOException {
        TunedWeights again = tune(new double[1][][]);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        first.write(a);
        again.write(b);
        assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
    }

    @Test
    void startsEveryStepFromThisStepsGradientAlone() {
        // PyTorch adds each backward pass to the stored gradient; an update must clear it, or every
        // step would follow the sum of all earlier gradients.
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        try (ai.djl.ndarray.NDManager manager = engine.newBaseManager()) {
            ai.djl.ndarray.NDArray p = manager.create(new float[] {1f, -2f});
            p.setRequiresGradient(true);
            ai.djl.training.optimizer.Optimizer sgd = ai.djl.training.optimizer.Optimizer.sgd()
                    .setLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(0.1f))
                    .build();
            for (int step = 0; step < 2; step++) {
                try (ai.djl.training.GradientCollector gc = engine.newGradientCollector()) {
                    gc.backward(p.mul(p).sum());
                }
                float[] before = p.toFloatArray();
                float[] grad = p.getGradient().toFloatArray();
                assertThat(grad)
                        .as("step %d's gradient is 2p of this step", step)
                        .containsExactly(new float[] {2 * before[0], 2 * before[1]}, within(1e-6f));
                EncoderTuning.update(sgd, "p", p);
                assertThat(p.getGradient().toFloatArray()).containsExactly(0f, 0f);
            }
            assertThat(p.toFloatArray()).containsExactly(new float[] {0.64f, -1.28f}, within(1e-6f));
        }
    }

    private static final Engine TORCH = Engine.getEngine("PyTorch");

    /** A weight whose gradient PyTorch tracks. */
    private static NDArray weight(NDManager manager, float... values) {
        NDArray w = manager.create(values);
        w.setRequiresGradient(true);
        return w;
    }

    /** Computes the loss with gradients recorded (inside the collector) and runs the backward pass. */
    private static void backward(java.util.function.Supplier<NDArray> loss) {
        try (GradientCollector gc = TORCH.newGradientCollector()) {
            gc.backward(loss.get());
        }
    }

    @Test
    void dropsAStepWhoseGradientIsNotFiniteAndLeavesNoTraceOfIt() {
        // A fold of the risk head's cross-validation once went to NaN mid-epoch and every later
        // rating with it; a step that is not finite is dropped instead, its gradient cleared.
        try (NDManager manager = TORCH.newBaseManager()) {
            NDArray p = weight(manager, 1f, -2f);
            NDArray q = weight(manager, 3f);
            backward(() -> p.mul(Float.NaN).sum().add(q.mul(q).sum()));
            assertThat(p.getGradient().toFloatArray()[0]).isNaN();

            assertThat(EncoderTuning.Step.take(1f, Map.of("p", p, "q", q), 1f)).isFalse();

            assertThat(p.getGradient().toFloatArray()).containsExactly(0f, 0f);
            assertThat(q.getGradient().toFloatArray()).containsExactly(0f);
            assertThat(p.toFloatArray()).containsExactly(1f, -2f);
        }
    }

    @Test
    void dropsAStepWhoseLossIsNotFiniteThoughItsGradientIs() {
        try (NDManager manager = TORCH.newBaseManager()) {
            NDArray p = weight(manager, 1f, -2f);
            backward(() -> p.mul(p).sum());

            assertThat(EncoderTuning.Step.take(Float.POSITIVE_INFINITY, Map.of("p", p), 0f))
                    .isFalse();
            assertThat(p.getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void scalesTheGradientsDownToTheirMaximumGlobalNormAndLeavesSmallerOnesAlone() {
        try (NDManager manager = TORCH.newBaseManager()) {
            NDArray p = weight(manager, 1.5f);
            NDArray q = weight(manager, 2f);
            // gradients 2p = 3 and 2q = 4: a global norm of 5
            backward(() -> p.mul(p).sum().add(q.mul(q).sum()));

            assertThat(EncoderTuning.Step.take(0.5f, Map.of("p", p, "q", q), 1f))
                    .isTrue();
            assertThat(p.getGradient().toFloatArray()).containsExactly(new float[] {0.6f}, within(1e-6f));
            assertThat(q.getGradient().toFloatArray()).containsExactly(new float[] {0.8f}, within(1e-6f));

            assertThat(EncoderTuning.Step.take(0.5f, Map.of("p", p, "q", q), 0f))
                    .as("no clipping when the maximum is 0")
                    .isTrue();
            assertThat(EncoderTuning.Step.take(0.5f, Map.of("p", p, "q", q), 2f))
                    .as("a norm below the maximum")
                    .isTrue();
            assertThat(q.getGradient().toFloatArray()).containsExactly(new float[] {0.8f}, within(1e-6f));
        }
    }
}
