package org.hearth.nlp.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTests {

    private static Mlp random(int inputs, int hidden, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w1 = new float[inputs * hidden];
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden * outputs];
        float[] b2 = new float[outputs];
        for (float[] a : List.of(w1, b1, w2, b2)) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextDouble(-1, 1);
            }
        }
        return new Mlp(inputs, hidden, outputs, w1, b1, w2, b2);
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
    void anEnsembleOfOneIsTheNetworkItself() {
        Mlp one = random(4, 3, 2, 5);
        float[] x = {0.5f, -1f, 2f, 0f};
        assertThat(Mlp.logitAverage(List.of(one)).scores(x)).containsExactly(one.scores(x));
        assertThatThrownBy(() -> Mlp.logitAverage(List.of(one, random(4, 3, 3, 6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mlp.logitAverage(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
