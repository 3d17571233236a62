package org.hearth.nlp.heads;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hearth.nlp.TextNormalizer;
import org.tribuo.Feature;
import org.tribuo.data.text.impl.TokenPipeline;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * The words and word pairs of a text as hashed bucket numbers: the sparse input a head can read
 * beside the sentence vector. A sentence vector blurs the few words that carry an emotion ("proud",
 * "relieved", "rip", "lol"); a weight per word keeps them. Tokenizing and hashing are Tribuo's
 * ({@link TokenPipeline} over a {@link BreakIteratorTokenizer}, MurmurHash3 with Tribuo's fixed
 * seed), so the same text gives the same buckets in every process.
 *
 * <p>Safe to share between threads: each thread gets its own pipeline, since a pipeline holds one
 * tokenizer with state.
 */
public final class WordFeatures {

    private static final String HASH_PREFIX = "-hash=";

    private final int buckets;
    private final ThreadLocal<TokenPipeline> pipeline;

    /** @param buckets how many hash buckets the words and word pairs fall into */
    public WordFeatures(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be positive");
        }
        this.buckets = buckets;
        this.pipeline = ThreadLocal.withInitial(
                () -> new TokenPipeline(new BreakIteratorTokenizer(Locale.ROOT), 2, false, buckets));
    }

    public int buckets() {
        return buckets;
    }

    /** The distinct buckets of the text's words and word pairs, ascending; empty for a text with no word. */
    public int[] buckets(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return new int[0];
        }
        List<Feature> features = pipeline.get().process("", normalized);
        int[] out = new int[features.size()];
        int n = 0;
        for (Feature f : features) {
            String name = f.getName();
            int at = name.lastIndexOf(HASH_PREFIX);
            out[n++] = Math.floorMod(Integer.parseInt(name.substring(at + HASH_PREFIX.length())), buckets);
        }
        Arrays.sort(out, 0, n);
        return Arrays.stream(out, 0, n).distinct().toArray();
    }
}
