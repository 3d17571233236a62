package org.hearth.nlp.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WordFeaturesTests {

    private final WordFeatures words = new WordFeatures(1 << 15);

    @Test
    void givesTheSameBucketsWhateverTheCaseSpacingOrQuotes() {
        int[] plain = words.buckets("I'm so proud of you");
        assertThat(plain).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(words.buckets("  I\u2019M   SO PROUD of you ")).containsExactly(plain);
        // Four words, three pairs, and "i'm": a bucket for each at most.
        assertThat(plain.length).isBetween(6, 9);
        assertThat(java.util.Arrays.stream(plain).allMatch(b -> b >= 0 && b < 1 << 15))
                .isTrue();
    }

    @Test
    void aDifferentWordGivesDifferentBuckets() {
        int[] proud = words.buckets("so proud of you");
        int[] happy = words.buckets("so happy for you");
        assertThat(proud).isNotEqualTo(happy);
        // "so" and "you" are shared.
        assertThat(java.util.Arrays.stream(proud)
                        .filter(b -> contains(happy, b))
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void isStableAcrossInstancesAndThreads() throws Exception {
        List<String> texts = List.of("thank you so much", "lol that is hilarious", "rip my poor dog", "ugh, again?!");
        List<int[]> expected = texts.stream().map(words::buckets).toList();
        WordFeatures other = new WordFeatures(1 << 15);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<int[]>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<int[]>> run = () -> {
                    List<int[]> out = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        out.add(other.buckets(texts.get(i % texts.size())));
                    }
                    return out;
                };
                runs.add(pool.submit(run));
            }
            for (Future<List<int[]>> run : runs) {
                List<int[]> got = run.get();
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).containsExactly(expected.get(i % texts.size()));
                }
            }
        }
    }

    @Test
    void aTextWithoutWordsHasNoBuckets() {
        assertThat(words.buckets("   ")).isEmpty();
        assertThatThrownBy(() -> new WordFeatures(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean contains(int[] a, int v) {
        return java.util.Arrays.stream(a).anyMatch(x -> x == v);
    }
}
