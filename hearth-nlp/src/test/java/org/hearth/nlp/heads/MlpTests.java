package org.hearth.nlp.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTests {

    private static Mlp random(int inputs, int hidden, int outputs, long seed) {
        return random(inputs, hidden, outputs, 0, seed);
    }

    private static Mlp random(int inputs, int hidden, int outputs, int buckets, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w1 = new float[inputs * hidden];
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden * outputs];
        float[] b2 = new float[outputs];
        float[] words = new float[buckets * outputs];
        for (float[] a : List.of(w1, b1, w2, b2, words)) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextDouble(-1, 1);
            }
        }
        return new Mlp(inputs, hidden, outputs, w1, b1, w2, b2, buckets, words);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void anEnsembleScoresLikeTheAverageOfItsMembersLogits() {
        List<Mlp> members = List.of(random(6, 4, 3, 1), random(6, 5, 3, 2), random(6, 4, 3, 3));
        Mlp ensemble = Mlp.logitAverage(members);
        assertThat(ensemble.hidden()).isEqualTo(13);

        SplittableRandom inputs = new SplittableRandom(9);
        for (int trial = 0; trial < 50; trial++) {
            float[] x = new float[6];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) inputs.nextDouble(-2, 2);
            }
            double[] got = ensemble.scores(x);
            for (int k = 0; k < 3; k++) {
                double mean = 0;
                for (Mlp m : members) {
                    mean += logit(m.scores(x)[k]) / members.size();
                }
                assertThat(got[k]).isCloseTo(1 / (1 + Math.exp(-mean)), within(1e-5));
            }
        }
    }

    @Test
    void wordsAddTheirWeightsToTheLogitsScaledByHowManyThereAre() {
        int buckets = 8;
        float[] words = new float[buckets * 2];
        words[3 * 2] = 2f; // bucket 3 raises output 0
        words[5 * 2 + 1] = -4f; // bucket 5 lowers output 1
        Mlp zero = new Mlp(2, 1, 2, new float[2], new float[1], new float[2], new float[2], buckets, words);
        float[] x = {1f, 1f};
        assertThat(zero.scores(x, new int[0])).containsExactly(0.5, 0.5);
        double[] one = zero.scores(x, new int[] {3});
        assertThat(one[0]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-6));
        assertThat(one[1]).isCloseTo(0.5, within(1e-9));
        // Four words: each counts a half.
        double[] four = zero.scores(x, new int[] {1, 3, 5, 7});
        assertThat(four[0]).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-6));
        assertThat(four[1]).isCloseTo(1 / (1 + Math.exp(2)), within(1e-6));
        assertThatThrownBy(() -> zero.scores(x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("words");
    }

    @Test
    void aNetworkWithWordsReadsBackItsScores(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Mlp a = random(5, 4, 3, 16, 11);
        Mlp b = random(5, 4, 3, 16, 13);
        a.write(dir.resolve("a.mlp"));
        Mlp read;
        try (var in = java.nio.file.Files.newInputStream(dir.resolve("a.mlp"))) {
            read = Mlp.read(in);
        }
        assertThat(read.words()).isNotNull();
        assertThat(read.words().buckets()).isEqualTo(16);
        Mlp ensemble = Mlp.logitAverage(List.of(a, b));
        float[] x = {0.5f, -1f, 2f, 0f, 1f};
        for (String text : List.of("so proud of you", "rip little buddy", "ok")) {
            assertThat(read.scores(x, text)).containsExactly(a.scores(x, text));
            double[] got = ensemble.scores(x, text);
            for (int k = 0; k < 3; k++) {
                double mean = (logit(a.scores(x, text)[k]) + logit(b.scores(x, text)[k])) / 2;
                assertThat(got[k]).isCloseTo(1 / (1 + Math.exp(-mean)), within(1e-5));
            }
        }
        // A plain network and one with words cannot be averaged.
        assertThatThrownBy(() -> Mlp.logitAverage(List.of(a, random(5, 4, 3, 15))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnsembleOfOneIsTheNetworkItself() {
        Mlp one = random(4, 3, 2, 5);
        float[] x = {0.5f, -1f, 2f, 0f};
        assertThat(Mlp.logitAverage(List.of(one)).scores(x)).containsExactly(one.scores(x));
        assertThatThrownBy(() -> Mlp.logitAverage(List.of(one, random(4, 3, 3, 6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mlp.logitAverage(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
