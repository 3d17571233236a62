package org.hearth.nlp.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hearth.nlp.SentenceEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * Embeds a list of texts once per model and keeps the vectors on disk, so that trying another
 * hyper-parameter on 43k GoEmotions rows costs seconds instead of minutes. The key is the model id
 * and a hash of the texts, so a changed data file or model never reads stale vectors.
 */
public final class EmbeddingCache {

    private final @Nullable Path dir;

    /** @param dir where vectors are kept, or null to embed every time */
    public EmbeddingCache(@Nullable Path dir) {
        this.dir = dir;
    }

    /** Returns one vector per text, in order, embedding in batches of 64 on a cache miss. */
    public float[][] embed(SentenceEmbedder embedder, List<String> texts) {
        Path file = dir == null ? null : dir.resolve(key(embedder.modelId(), texts) + ".f32");
        if (file != null && Files.isRegularFile(file)) {
            return read(file, texts.size(), embedder.dimensions());
        }
        float[][] vectors = new float[texts.size()][];
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 64) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + 64));
            List<float[]> out = embedder.embedAll(batch);
            for (int i = 0; i < out.size(); i++) {
                vectors[from + i] = out.get(i);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.err.printf(
                "embedded %d texts with %s in %d ms (%.0f texts/s)%n",
                texts.size(), embedder.modelId(), ms, texts.size() * 1000.0 / Math.max(1, ms));
        if (file != null) {
            write(file, vectors);
        }
        return vectors;
    }

    private static String key(String modelId, List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                sha.update(t.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            String safeModel = modelId.replaceAll("[^A-Za-z0-9.-]", "_");
            return safeModel + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[][] read(Path file, int rows, int dims) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            float[][] out = new float[rows][dims];
            for (float[] row : out) {
                for (int j = 0; j < dims; j++) {
                    row[j] = in.readFloat();
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, float[][] vectors) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                for (float[] row : vectors) {
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
