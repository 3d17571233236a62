package org.hearth.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hearth.nlp.train.Corpus;

/**
 * The labelled dev sets the quality gates read, embedded once per test JVM: embedding GoEmotions'
 * 5.4k dev texts takes about 20 s, so every test shares these vectors.
 */
final class DevSets {

    static final SentenceEmbedder EMBEDDER = OnnxSentenceEmbedder.standard();

    /** Hearth's own data, relative to the module folder (surefire's working directory). */
    static final Path HEARTH_DATA = Path.of("data");

    private static Embedded goEmotions;
    private static Embedded hearthDev;

    record Embedded(List<Corpus.Row> rows, float[][] vectors) {}

    private DevSets() {}

    /**
     * Where GoEmotions lives: {@code HEARTH_GOEMOTIONS_DIR} (system property or environment), else
     * {@code ../../shared/datasets/goemotions} from the module folder, as on CI.
     */
    static Optional<Path> goEmotionsDir() {
        String configured = System.getProperty("HEARTH_GOEMOTIONS_DIR", System.getenv("HEARTH_GOEMOTIONS_DIR"));
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("../../shared/datasets/goemotions");
        return Files.isRegularFile(dir.resolve("dev.tsv")) ? Optional.of(dir) : Optional.empty();
    }

    static synchronized Embedded goEmotionsDev(Path dir) {
        if (goEmotions == null) {
            goEmotions = embed(Corpus.goEmotions(dir, "dev"));
        }
        return goEmotions;
    }

    /** Every row of data/*&#47;dev.tsv for one column, with the vectors shared across columns. */
    static synchronized Embedded hearthDev(String column) {
        if (hearthDev == null) {
            hearthDev = embed(Corpus.hearth(HEARTH_DATA, "dev", "intent"));
        }
        return new Embedded(Corpus.hearth(HEARTH_DATA, "dev", column), hearthDev.vectors());
    }

    private static Embedded embed(List<Corpus.Row> rows) {
        List<float[]> v = EMBEDDER.embedAll(rows.stream().map(Corpus.Row::text).toList());
        return new Embedded(rows, v.toArray(float[][]::new));
    }
}
