package org.hearth.nlp.tuned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
