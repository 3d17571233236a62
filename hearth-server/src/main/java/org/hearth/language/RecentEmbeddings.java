package org.hearth.language;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.nlp.SentenceEmbedder;

/**
 * Remembers the vectors of the last few texts for a few seconds, so that one message read by both
 * the safety screen and the companion's understanding is embedded once, not twice. The cache keys
 * are SHA-256 digests, never the texts, and it holds vectors only briefly: what a member typed does
 * not stay in memory because of it.
 */
final class RecentEmbeddings implements SentenceEmbedder {

    private final SentenceEmbedder embedder;
    private final Cache<ByteBuffer, float[]> recent;

    RecentEmbeddings(SentenceEmbedder embedder, Duration keepFor, int capacity) {
        this.embedder = embedder;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(keepFor)
                .maximumSize(capacity)
                .build();
    }

    @Override
    public String modelId() {
        return embedder.modelId();
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return recent.get(digest(text), key -> embedder.embed(text)).clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<ByteBuffer> keys = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            ByteBuffer key = digest(text);
            keys.add(key);
            if (recent.getIfPresent(key) == null) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                recent.put(digest(missing.get(i)), fresh.get(i));
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = recent.getIfPresent(keys.get(i));
            out.add(vector != null ? vector.clone() : embedder.embed(texts.get(i)));
        }
        return out;
    }

    private static ByteBuffer digest(String text) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
