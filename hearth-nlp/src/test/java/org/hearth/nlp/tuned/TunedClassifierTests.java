package org.hearth.nlp.tuned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hearth.nlp.OnnxEncoder;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TunedClassifierTests {

    private static final OnnxSentenceEmbedder.Candidate BASE = OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15;
    private static final List<String> TEXTS =
            List.of("thank you so much, that helped", "why does nobody ever listen to me", "ok", "I can't sleep again");

    private static OnnxEncoder raw(byte[] model, boolean quantized) {
        return OnnxEncoder.rawCls("test", model, BASE.tokenizerResource(), quantized);
    }

    @Test
    void readsTheClsStateTheSentenceVectorIsMadeOf() {
        float[][] raw = raw(OnnxEncoder.modelBytes(BASE.modelResource()), false).embed(TEXTS);
        List<float[]> normalized = OnnxSentenceEmbedder.of(BASE).embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            double norm = 0;
            for (float v : raw[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            assertThat(norm).isGreaterThan(1.5);
            for (int j = 0; j < raw[i].length; j++) {
                assertThat(raw[i][j] / norm).isCloseTo(normalized.get(i)[j], within(1e-4));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bge-small-en-v15", "bge-small-en-v15-q"})
    void servesTheTunedWeightsNotTheBaseOnes(String servedOn) {
        OnnxSentenceEmbedder.Candidate served = OnnxSentenceEmbedder.Candidate.byName(servedOn);
        // The last layer's output norm bias is added to every state: a delta there moves [CLS] by it.
        String bias = "encoder.layer.11.output.LayerNorm.bias";
        short[] delta = new short[384];
        Arrays.fill(delta, Float.floatToFloat16(0.5f));
        float[] w = new float[384 * 2];
        w[0] = 1f; // label 0 reads dimension 0
        w[5 * 2 + 1] = -1f; // label 1 reads minus dimension 5
        TunedWeights tuned = new TunedWeights(
                BASE.shortName(),
                served.shortName(),
                Map.of(bias, delta),
                Map.of(TunedClassifier.WEIGHT, w, TunedClassifier.BIAS, new float[] {0f, 0.25f}));

        TunedClassifier classifier = new TunedClassifier(tuned);
        float[][] before = raw(OnnxEncoder.modelBytes(served.modelResource()), served.quantized())
                .embed(TEXTS);
        double[][] scores = classifier.scoresAll(TEXTS);

        assertThat(classifier.labels()).isEqualTo(2);
        assertThat(classifier.servedModel()).isEqualTo(servedOn);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(scores[i][0]).isCloseTo(sigmoid(before[i][0] + 0.5), within(1e-4));
            assertThat(scores[i][1]).isCloseTo(sigmoid(-(before[i][5] + 0.5) + 0.25), within(1e-4));
            assertThat(classifier.scores(TEXTS.get(i))).containsExactly(scores[i], within(1e-6));
        }
    }

    @Test
    void classifiesWithTheWeightsStoredInputMajor() {
        double[] p = TunedClassifier.classify(
                new float[] {1f, 2f}, new float[] {1f, 0f, -1f, 0f, 1f, 1f}, new float[] {0f, -2f, 0.5f});
        assertThat(p[0]).isCloseTo(sigmoid(1), within(1e-12));
        assertThat(p[1]).isCloseTo(sigmoid(0), within(1e-12));
        assertThat(p[2]).isCloseTo(sigmoid(1.5), within(1e-12));
    }

    @Test
    void refusesAClassifierThatDoesNotFitTheEncoder() {
        TunedWeights missing = new TunedWeights(
                BASE.shortName(), BASE.shortName(), Map.of(), Map.of(TunedClassifier.BIAS, new float[2]));
        TunedWeights wrongSize = new TunedWeights(
                BASE.shortName(),
                BASE.shortName(),
                Map.of(),
                Map.of(TunedClassifier.WEIGHT, new float[10], TunedClassifier.BIAS, new float[2]));
        assertThatThrownBy(() -> new TunedClassifier(missing)).hasMessageContaining("classifier.weight");
        assertThatThrownBy(() -> new TunedClassifier(wrongSize)).hasMessageContaining("384 dimensions");
    }

    @Test
    void cutsATextLongerThanTheWindowInsteadOfFailing() {
        TunedWeights none = new TunedWeights(
                BASE.shortName(),
                BASE.shortName(),
                Map.of(),
                Map.of(TunedClassifier.WEIGHT, new float[384], TunedClassifier.BIAS, new float[] {0f}));
        double[] p = new TunedClassifier(none).scores("I keep replaying the argument with my sister. ".repeat(80));
        assertThat(p).containsExactly(0.5);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void embedsAsTheEncoderItTunedWhenNothingWasTunedAndNamesItsFile() throws java.io.IOException {
        TunedWeights untouched = new TunedWeights(
                BASE.shortName(),
                BASE.shortName(),
                Map.of(),
                Map.of(TunedClassifier.WEIGHT, new float[384], TunedClassifier.BIAS, new float[] {0f}));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        untouched.write(file);
        TunedClassifier read = TunedClassifier.read(new java.io.ByteArrayInputStream(file.toByteArray()));
        TunedSentenceEmbedder embedder = new TunedSentenceEmbedder(read);

        List<float[]> tuned = embedder.embedAll(TEXTS);
        List<float[]> shipped = OnnxSentenceEmbedder.of(BASE).embedAll(TEXTS);

        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(embedder.modelId())
                .startsWith(BASE.modelId() + "+tuned:")
                .hasSize(BASE.modelId().length() + 23);
        assertThat(new TunedClassifier(untouched).modelId()).endsWith("+tuned:unsaved");
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(tuned.get(i)).containsExactly(shipped.get(i), within(1e-4f));
        }
        assertThat(embedder.embed(TEXTS.get(0))).containsExactly(tuned.get(0), within(1e-6f));
        // Served once per JVM for the same bytes; a training command's copies are its own.
        assertThat(TunedClassifier.read(new java.io.ByteArrayInputStream(file.toByteArray())))
                .isSameAs(read);
        TunedClassifier unshared = TunedClassifier.readUnshared(new java.io.ByteArrayInputStream(file.toByteArray()));
        assertThat(unshared).isNotSameAs(read);
        assertThat(unshared.modelId()).isEqualTo(read.modelId());
        assertThat(OnnxEncoder.normalize(new float[] {0f, 0f})).containsExactly(0f, 0f);
        assertThat(OnnxEncoder.normalize(new float[] {3f, 4f})).containsExactly(0.6f, 0.8f);
    }
}
