package org.hearth.nlp.tuned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunedWeightsTests {

    private static final Map<String, OnnxWeights.Tensor> BASE = Map.of(
            "a", new OnnxWeights.Tensor(new long[] {3}, new float[] {0.5f, -1.25f, 2f}),
            "b", new OnnxWeights.Tensor(new long[] {2}, new float[] {0f, 0.1f}));

    @Test
    void keepsWhatTuningChangedToAboutFourDigitsOfTheChange() {
        Map<String, float[]> tuned = Map.of("a", new float[] {0.5012f, -1.2431f, 1.9f});
        Map<String, short[]> deltas =
                TunedWeights.deltas(Map.of("a", BASE.get("a").values()), tuned);
        float[] served =
                new TunedWeights("m", "m", deltas, Map.of()).apply(BASE).get("a");
        for (int i = 0; i < 3; i++) {
            double change = tuned.get("a")[i] - BASE.get("a").values()[i];
            assertThat((double) (served[i] - BASE.get("a").values()[i]))
                    .isCloseTo(change, within(Math.abs(change) / 1000));
        }
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Map<String, short[]> deltas = new LinkedHashMap<>();
        deltas.put("a", new short[] {Float.floatToFloat16(0.01f), 0, Float.floatToFloat16(-0.5f)});
        deltas.put("b", new short[] {1, 2});
        Map<String, float[]> classifier = new LinkedHashMap<>();
        classifier.put("classifier.weight", new float[] {1.5f, -2f});
        classifier.put("classifier.bias", new float[] {0.25f});
        TunedWeights written = new TunedWeights("bge-small-en-v15", "bge-small-en-v15-q", deltas, classifier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written.write(out);

        TunedWeights read = TunedWeights.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(read.baseModel()).isEqualTo("bge-small-en-v15");
        assertThat(read.servedModel()).isEqualTo("bge-small-en-v15-q");
        assertThat(read.deltas().keySet()).containsExactly("a", "b");
        assertThat(read.deltas().get("a")).containsExactly(deltas.get("a"));
        assertThat(read.classifier().get("classifier.weight")).containsExactly(1.5f, -2f);
        float[] applied = read.apply(BASE).get("a");
        assertThat(applied[0]).isCloseTo(0.51f, within(1e-5f));
        assertThat(applied[1]).isEqualTo(-1.25f);
        assertThat(applied[2]).isEqualTo(1.5f);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        read.write(again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void refusesDeltasThatDoNotFitTheBase() {
        TunedWeights wrongSize = new TunedWeights("m", "m", Map.of("a", new short[2]), Map.of());
        TunedWeights unknown = new TunedWeights("m", "m", Map.of("c", new short[2]), Map.of());
        assertThatThrownBy(() -> wrongSize.apply(BASE)).hasMessageContaining("a does not fit");
        assertThatThrownBy(() -> unknown.apply(BASE)).hasMessageContaining("c does not fit");
    }

    @Test
    void refusesAFileOfAnotherKind() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var o = new java.util.zip.GZIPOutputStream(gz)) {
            o.write(new byte[] {0, 0, 0, 1, 0, 0, 0, 1});
        }
        assertThatThrownBy(() -> TunedWeights.read(new ByteArrayInputStream(gz.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a tuned-encoder file");
    }
}
