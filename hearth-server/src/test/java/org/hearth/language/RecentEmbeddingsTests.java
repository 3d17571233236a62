package org.hearth.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.Test;

class RecentEmbeddingsTests {

    /** Counts what reaches the model; a text's vector is its length, so results can be checked. */
    static final class Counting implements SentenceEmbedder {
        final List<String> embedded = new ArrayList<>();
        int batches;

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public synchronized float[] embed(String text) {
            embedded.add(text);
            return new float[] {text.length()};
        }

        @Override
        public synchronized List<float[]> embedAll(List<String> texts) {
            batches++;
            embedded.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length()}).toList();
        }
    }

    private final Counting model = new Counting();
    private final RecentEmbeddings embeddings = new RecentEmbeddings(model, Duration.ofSeconds(10), 16);

    @Test
    void embedsAMessageReadTwiceOnlyOnce() {
        float[] first = embeddings.embed("I could not sleep again");
        first[0] = -1;
        float[] second = embeddings.embed("I could not sleep again");

        assertThat(second).containsExactly(23f);
        assertThat(model.embedded).containsExactly("I could not sleep again");
        assertThat(embeddings.embed("I slept well")).containsExactly(12f);
        assertThat(model.embedded).hasSize(2);
    }

    @Test
    void aBatchSendsOnlyTheTextsNotSeenRecently() {
        embeddings.embed("seen");

        List<float[]> vectors = embeddings.embedAll(List.of("seen", "new one", "seen", "another"));

        assertThat(vectors).extracting(v -> v[0]).containsExactly(4f, 7f, 4f, 7f);
        assertThat(model.embedded).containsExactly("seen", "new one", "another");
        assertThat(model.batches).isEqualTo(1);
        assertThat(embeddings.embedAll(List.of("new one", "seen"))).hasSize(2);
        assertThat(model.batches).isEqualTo(1);
    }
}
