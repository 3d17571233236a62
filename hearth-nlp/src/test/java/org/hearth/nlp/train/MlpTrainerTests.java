package org.hearth.nlp.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.nlp.heads.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpTrainerTests {

    private static final MlpTrainer.Settings SETTINGS = new MlpTrainer.Settings(32, 40, 0.01, 16, 0.0, 0.0, 7);

    /**
     * Two labels on 4-d points: "same" when the first two coordinates have the same sign (XOR,
     * which no linear model separates), "right" when the third is positive (linear).
     */
    private record Problem(List<Set<String>> labels, float[][] x) {}

    private static Problem problem(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Set<String>> labels = new ArrayList<>();
        float[][] x = new float[n][4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) r.nextDouble(-1, 1);
            }
            Set<String> l = new java.util.HashSet<>();
            if (x[i][0] * x[i][1] > 0) {
                l.add("same");
            }
            if (x[i][2] > 0) {
                l.add("right");
            }
            labels.add(l);
        }
        return new Problem(labels, x);
    }

    private static double accuracy(Mlp mlp, Problem p, int output, String label) {
        int correct = 0;
        for (int i = 0; i < p.x().length; i++) {
            boolean predicted = mlp.scores(p.x()[i])[output] >= 0.5;
            correct += predicted == p.labels().get(i).contains(label) ? 1 : 0;
        }
        return (double) correct / p.x().length;
    }

    @Test
    void learnsALabelNoLinearModelCanSeparate() {
        Problem train = problem(2000, 1);
        Problem test = problem(500, 2);
        Mlp mlp = MlpTrainer.fit(train.labels(), train.x(), List.of("same", "right"), SETTINGS, (e, m) -> {});
        // A linear model is at chance (about 0.5) on "same".
        assertThat(accuracy(mlp, test, 0, "same")).isGreaterThan(0.9);
        assertThat(accuracy(mlp, test, 1, "right")).isGreaterThan(0.95);
    }

    @Test
    void learnsFromWordsWhatTheVectorDoesNotCarry() {
        // The label is in one word of the text only; the vectors are noise.
        List<String> moods = List.of("proud", "relieved", "nervous", "grateful");
        org.hearth.nlp.heads.WordFeatures features = new org.hearth.nlp.heads.WordFeatures(4096);
        SplittableRandom r = new SplittableRandom(21);
        List<Set<String>> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        float[][] x = new float[1200][4];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) r.nextDouble(-1, 1);
            }
            String mood = moods.get(r.nextInt(moods.size()));
            texts.add("today i felt " + mood + " about the "
                    + List.of("exam", "job", "trip").get(r.nextInt(3)));
            labels.add(mood.equals("proud") ? Set.of("pride") : Set.of());
        }
        int[][] words = texts.stream().map(features::buckets).toArray(int[][]::new);
        Mlp withWords = MlpTrainer.fit(
                labels, x, new MlpTrainer.Words(4096, 1e-4, words), List.of("pride"), SETTINGS, (e, m) -> {});
        Mlp without = MlpTrainer.fit(labels, x, List.of("pride"), SETTINGS, (e, m) -> {});
        int right = 0;
        int rightWithout = 0;
        for (int i = 0; i < 200; i++) {
            String mood = moods.get(i % moods.size());
            float[] noise = {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1), 0, 0};
            boolean truth = mood.equals("proud");
            right += withWords.scores(noise, "so " + mood + " of the whole thing")[0] >= 0.5 == truth ? 1 : 0;
            rightWithout += without.scores(noise)[0] >= 0.5 == truth ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(196);
        // From the noise alone it can only say "not proud", right three times in four at best.
        assertThat(rightWithout).isLessThanOrEqualTo(160);
    }

    @Test
    void givesTheSameNetworkForTheSameSeed(@TempDir Path dir) throws Exception {
        Problem train = problem(300, 3);
        Mlp a = MlpTrainer.fit(train.labels(), train.x(), List.of("same", "right"), SETTINGS, (e, m) -> {});
        Mlp b = MlpTrainer.fit(train.labels(), train.x(), List.of("same", "right"), SETTINGS, (e, m) -> {});
        a.write(dir.resolve("a.mlp"));
        b.write(dir.resolve("b.mlp"));
        assertThat(Files.readAllBytes(dir.resolve("a.mlp"))).isEqualTo(Files.readAllBytes(dir.resolve("b.mlp")));
        Mlp other = MlpTrainer.fit(
                train.labels(),
                train.x(),
                List.of("same", "right"),
                new MlpTrainer.Settings(32, 40, 0.01, 16, 0.0, 0.0, 8),
                (e, m) -> {});
        other.write(dir.resolve("c.mlp"));
        assertThat(Files.readAllBytes(dir.resolve("c.mlp"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a.mlp")));
    }

    @Test
    void readsBackTheScoresItWrote(@TempDir Path dir) throws Exception {
        Problem train = problem(300, 4);
        Mlp mlp = MlpTrainer.fit(
                train.labels(),
                train.x(),
                List.of("same", "right"),
                new MlpTrainer.Settings(16, 3, 0.01, 16, 0.2, 0.01, 5),
                (e, m) -> {});
        mlp.write(dir.resolve("m.mlp"));
        Mlp read;
        try (InputStream in = Files.newInputStream(dir.resolve("m.mlp"))) {
            read = Mlp.read(in);
        }
        for (float[] x : train.x()) {
            assertThat(read.scores(x)).containsExactly(mlp.scores(x));
        }
    }
}
