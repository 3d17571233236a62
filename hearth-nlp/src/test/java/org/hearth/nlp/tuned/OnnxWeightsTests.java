package org.hearth.nlp.tuned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.nlp.OnnxEncoder;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxWeightsTests {

    private static byte[] model;

    @BeforeAll
    static void readModel() {
        model = OnnxEncoder.modelBytes(OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15.modelResource());
    }

    @Test
    void namesEveryWeightOfTheEncoderAfterBert() {
        Map<String, OnnxWeights.Tensor> all = OnnxWeights.read(model);
        assertThat(all).hasSize(197);
        for (int layer = 0; layer < 12; layer++) {
            assertThat(all).containsKeys(TrainableBert.layerWeightNames(layer).toArray(String[]::new));
        }
        assertThat(all.keySet()).noneMatch(n -> n.startsWith("onnx::"));
        assertThat(all.get("encoder.layer.3.intermediate.dense.weight").dims()).containsExactly(384, 1536);
        assertThat(all.get("encoder.layer.3.output.dense.weight").dims()).containsExactly(1536, 384);
        assertThat(all.get("embeddings.word_embeddings.weight").values()).hasSize(30522 * 384);
    }

    @Test
    void readsOnlyTheWeightsAskedFor() {
        Map<String, OnnxWeights.Tensor> some =
                OnnxWeights.read(model, Set.of("encoder.layer.11.output.dense.bias", "embeddings.LayerNorm.weight"));
        assertThat(some.keySet()).containsExactly("embeddings.LayerNorm.weight", "encoder.layer.11.output.dense.bias");
    }

    @Test
    void patchesWeightsByBertNameAndLeavesTheOthersAsTheyWere() {
        String matrix = "encoder.layer.11.attention.self.query.weight";
        String bias = "encoder.layer.0.output.LayerNorm.bias";
        Map<String, OnnxWeights.Tensor> before = OnnxWeights.read(model);
        float[] newMatrix = before.get(matrix).values().clone();
        newMatrix[0] += 1f;
        newMatrix[newMatrix.length - 1] = -3f;
        float[] newBias = new float[384];
        java.util.Arrays.fill(newBias, 0.25f);

        Map<String, OnnxWeights.Tensor> after =
                OnnxWeights.read(OnnxWeights.patch(model, Map.of(matrix, newMatrix, bias, newBias)));

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(after.get(matrix).values()).containsExactly(newMatrix);
        assertThat(after.get(bias).values()).containsExactly(newBias);
        String untouched = "encoder.layer.11.attention.self.key.weight";
        assertThat(after.get(untouched).values())
                .containsExactly(before.get(untouched).values());
    }

    @Test
    void refusesAWeightItDoesNotHaveOrOfAnotherSize() {
        assertThatThrownBy(() -> OnnxWeights.patch(model, Map.of("encoder.layer.12.output.dense.bias", new float[384])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoder.layer.12.output.dense.bias");
        assertThatThrownBy(() -> OnnxWeights.patch(model, Map.of("encoder.layer.0.output.dense.bias", new float[3])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another size");
    }

    @Test
    void refusesBytesThatAreNotAModel() {
        assertThatThrownBy(() -> OnnxWeights.read(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OnnxWeights.read(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no graph");
    }

    @Test
    void quantizesATunedMatrixTheWayTheShippedQuantizedModelWasQuantized() {
        // Putting the full-precision model's own matrices into the quantized model must give the
        // quantized model back: same int8 values, same scales, so the same vectors.
        byte[] quantized = OnnxEncoder.modelBytes(OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15_Q.modelResource());
        Set<String> matrices = new java.util.HashSet<>();
        for (int layer = 8; layer < 12; layer++) {
            TrainableBert.layerWeightNames(layer).stream()
                    .filter(n -> n.endsWith(".weight") && !n.contains("LayerNorm"))
                    .forEach(matrices::add);
        }
        Map<String, float[]> own = new java.util.HashMap<>();
        OnnxWeights.read(model, matrices).forEach((n, t) -> own.put(n, t.values()));
        assertThat(own).hasSize(24);
        Map<String, float[]> nudged = new java.util.HashMap<>();
        own.forEach((n, v) -> {
            float[] x = v.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1.1f;
            }
            nudged.put(n, x);
        });
        List<String> texts = List.of("I can't stop crying and I don't know why", "thanks, that's lovely");

        float[][] shipped = raw(quantized).embed(texts);
        float[][] requantized = raw(OnnxWeights.patch(quantized, own)).embed(texts);
        float[][] changed = raw(OnnxWeights.patch(quantized, nudged)).embed(texts);

        for (int t = 0; t < texts.size(); t++) {
            assertThat(requantized[t]).containsExactly(shipped[t], within(1e-5f));
            assertThat(maxDifference(changed[t], shipped[t])).isGreaterThan(0.05);
        }
    }

    @Test
    void refusesAQuantizedMatrixOfAnotherSize() {
        byte[] quantized = OnnxEncoder.modelBytes(OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15_Q.modelResource());
        assertThatThrownBy(() -> OnnxWeights.patch(
                        quantized, Map.of("encoder.layer.9.intermediate.dense.weight", new float[384 * 10])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another size");
    }

    private static OnnxEncoder raw(byte[] bytes) {
        return OnnxEncoder.rawCls(
                "test", bytes, OnnxSentenceEmbedder.Candidate.BGE_SMALL_EN_V15.tokenizerResource(), true);
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
