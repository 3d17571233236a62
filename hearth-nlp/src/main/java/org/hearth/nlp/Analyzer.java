package org.hearth.nlp;

import java.util.ArrayList;
import java.util.List;
import org.hearth.nlp.heads.Ekman;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadSpec;

/**
 * Hearth's language understanding: emotions, Ekman groups, sentiment, intent and cognitive
 * distortions for a text. Each text is embedded once and every head reads that one vector.
 * Immutable and safe to share between threads; load it once per process.
 */
public final class Analyzer {

    /** Texts longer than this are cut before embedding; the models read 256 word pieces at most. */
    public static final int MAX_CHARS = 4000;

    private final SentenceEmbedder embedder;
    private final Head emotions;
    private final Head sentiment;
    private final Head intent;
    private final Head distortions;

    private Analyzer(SentenceEmbedder embedder, Head emotions, Head sentiment, Head intent, Head distortions) {
        this.embedder = embedder;
        this.emotions = emotions;
        this.sentiment = sentiment;
        this.intent = intent;
        this.distortions = distortions;
        for (Head h : List.of(emotions, sentiment, intent, distortions)) {
            if (!h.ownEncoder() && !h.manifest().embeddingModel().equals(embedder.modelId())) {
                throw new IllegalStateException("head " + h.spec().headName() + " was trained on "
                        + h.manifest().embeddingModel() + " but the embedder is " + embedder.modelId());
            }
        }
    }

    /**
     * Loads the heads shipped in this jar on top of the given embedder.
     *
     * @throws IllegalStateException if a head was trained on another embedding model
     */
    public static Analyzer load(SentenceEmbedder embedder) {
        int d = embedder.dimensions();
        return new Analyzer(
                embedder,
                Head.load(HeadSpec.EMOTIONS, d),
                Head.load(HeadSpec.SENTIMENT, d),
                Head.load(HeadSpec.INTENT, d),
                Head.load(HeadSpec.DISTORTIONS, d));
    }

    /** The embedder whose vectors the heads read. */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    /**
     * Analyzes one text.
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public Analysis analyze(String text) {
        String prepared = prepare(text);
        return analyzeEmbedding(prepared, embedder.embed(prepared));
    }

    /**
     * Analyzes many texts in one embedding batch, answering in the same order.
     *
     * @throws IllegalArgumentException if any text is blank
     */
    public List<Analysis> analyzeAll(List<String> texts) {
        List<String> prepared = texts.stream().map(Analyzer::prepare).toList();
        List<float[]> vectors = embedder.embedAll(prepared);
        List<Analysis> out = new ArrayList<>(vectors.size());
        for (int j = 0; j < vectors.size(); j++) {
            out.add(analyzeEmbedding(prepared.get(j), vectors.get(j)));
        }
        return out;
    }

    /**
     * Runs the heads on a text and the vector that {@link #embedder()} produced for it (the emotions
     * head also reads the text's words).
     */
    public Analysis analyzeEmbedding(String text, float[] vector) {
        double[] e = emotions.scores(vector, text);
        boolean[] ePresent = emotions.decide(e);
        List<LabelScore> emotionScores =
                labelScores(emotions.labels(), e, ePresent, Ekman.emotionCount(emotions.labels()));

        List<String> groups = List.copyOf(Ekman.GROUPS.keySet());
        double[] groupScores = Ekman.groupScores(emotions.labels(), e);
        boolean[] groupPresent = Ekman.groupPresent(emotions, groupScores, ePresent);
        List<LabelScore> ekman = labelScores(groups, groupScores, groupPresent, groups.size());

        double[] s = sentiment.scores(vector);
        double[] i = intent.scores(vector);
        double[] d = distortions.scores(vector);
        List<LabelScore> distortionScores = labelScores(
                distortions.labels(),
                d,
                distortions.decide(d),
                HeadSpec.DISTORTIONS.fixedLabels().size());
        return new Analysis(
                emotionScores,
                ekman,
                sentiment.labels().get(Head.argMax(s)),
                intent.labels().get(Head.argMax(i)),
                distortionScores);
    }

    private static List<LabelScore> labelScores(List<String> labels, double[] scores, boolean[] present, int count) {
        List<LabelScore> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(new LabelScore(labels.get(j), scores[j], present[j]));
        }
        return out;
    }

    private static String prepare(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        String stripped = text.strip();
        return stripped.length() > MAX_CHARS ? stripped.substring(0, MAX_CHARS) : stripped;
    }
}
