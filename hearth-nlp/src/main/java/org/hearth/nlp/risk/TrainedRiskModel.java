package org.hearth.nlp.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.nlp.SentenceEmbedder;
import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The model stage as shipped: a {@link RiskHead} over the sentence embedding, trained by {@link
 * RiskTrain}, with the decision rule of its manifest.
 *
 * <p>The head gives cumulative probabilities (this level or any above it). The model supports the
 * highest level whose cumulative probability reaches the threshold recorded in the manifest; below
 * MODERATE it supports nothing, because the lexical stage owns distress signals and a model that
 * flags everyday venting would only train people to ignore it.
 */
final class TrainedRiskModel implements RiskModel {

    /** A text of at least this many words is also read in parts (see {@link #rate}). */
    static final int LONG_TEXT_WORDS = 40;
    /** A part holds whole sentences and at least this many words. */
    static final int PART_WORDS = 12;
    /** At most this many parts per text: a longer text gets longer parts, so the cost stays bounded. */
    static final int MAX_PARTS = 12;
    /** A part raises the rating only when the head is at least this sure of it. */
    static final double PART_MIN_PROBABILITY = 0.9;
    /** Earlier turns of a thread read with the text (see {@link #rate(String, List)}). */
    static final int THREAD_TURNS = 3;

    static final String RESOURCE_DIR = "/models/risk/";
    static final String MANIFEST_FILE = "manifest.json";

    private final SentenceEmbedder embedder;
    private final RiskHead head;
    private final Thresholds thresholds;
    private final @Nullable CategoryHead categories;

    /**
     * The decision rule's cut-offs on cumulative probabilities, chosen by {@link RiskTrain} by
     * cross-validation, and the ceiling under which a lexical frame may veto the head.
     */
    record Thresholds(double moderate, double high, double imminent, double vetoCeiling) {

        /** One threshold for every level, no veto (the rule of the first head). */
        static Thresholds uniform(double threshold) {
            return new Thresholds(threshold, threshold, threshold, 0);
        }
    }

    TrainedRiskModel(SentenceEmbedder embedder, RiskHead head, Thresholds thresholds) {
        this(embedder, head, thresholds, null);
    }

    /** @param categories the category head, or null for a model that gives no categories */
    TrainedRiskModel(
            SentenceEmbedder embedder, RiskHead head, Thresholds thresholds, @Nullable CategoryHead categories) {
        if (categories != null && categories.inputs() != embedder.dimensions()) {
            throw new IllegalStateException("the category head was trained on a different embedding model");
        }
        this.embedder = embedder;
        this.head = head;
        this.thresholds = thresholds;
        this.categories = categories;
    }

    /** Opens one file of a model directory. */
    @FunctionalInterface
    interface ModelFiles {
        InputStream open(String name) throws IOException;
    }

    /** Loads the shipped head from the class path. */
    static TrainedRiskModel load(SentenceEmbedder embedder) {
        return load(embedder, TrainedRiskModel::resource);
    }

    /** Loads a head that {@link RiskTrain} wrote to a directory ({@code RiskEval --model-dir}). */
    static TrainedRiskModel load(SentenceEmbedder embedder, java.nio.file.Path dir) {
        return load(embedder, name -> java.nio.file.Files.newInputStream(dir.resolve(name)));
    }

    private static TrainedRiskModel load(SentenceEmbedder embedder, ModelFiles files) {
        try (InputStream manifestIn = files.open(MANIFEST_FILE)) {
            String manifest = new String(manifestIn.readAllBytes(), StandardCharsets.UTF_8);
            String expectedEmbedder = stringField(manifest, "embeddingModel");
            if (!expectedEmbedder.equals(embedder.modelId())) {
                throw new IllegalStateException("risk head was trained on a different embedding model");
            }
            // Manifests written before the MLP head name no file: theirs is the Tribuo head.
            String file =
                    manifest.contains("\"modelFile\"") ? stringField(manifest, "modelFile") : RiskHead.TRIBUO_FILE;
            List<RiskHead> heads = new ArrayList<>();
            for (String part : file.split("\\+")) {
                try (InputStream modelIn = files.open(part)) {
                    heads.add(RiskHead.read(part, modelIn, embedder.dimensions()));
                }
            }
            RiskHead head = heads.size() == 1 ? heads.getFirst() : RiskHead.blend(heads.get(0), heads.get(1));
            return new TrainedRiskModel(embedder, head, thresholds(manifest), CategoryHead.readIfPresent(files));
        } catch (IOException e) {
            throw new UncheckedIOException("risk head could not be read", e);
        }
    }

    /** The thresholds of a manifest; a manifest of the first head has one threshold and no veto. */
    static Thresholds thresholds(String manifest) {
        if (!manifest.contains("\"thresholdHigh\"")) {
            return Thresholds.uniform(numberField(manifest, "threshold"));
        }
        return new Thresholds(
                numberField(manifest, "thresholdModerate"),
                numberField(manifest, "thresholdHigh"),
                numberField(manifest, "thresholdImminent"),
                numberField(manifest, "vetoCeiling"));
    }

    Thresholds thresholds() {
        return thresholds;
    }

    @Override
    public double vetoCeiling() {
        return thresholds.vetoCeiling();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TrainedRiskModel.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IOException("missing resource " + RESOURCE_DIR + name);
        }
        return in;
    }

    // The manifest is written by RiskTrain with a fixed layout; two fields are read back here, which
    // does not justify a JSON library in this module.
    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("manifest lacks " + name);
        }
        return m.group(1);
    }

    static double numberField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("manifest lacks " + name);
        }
        return Double.parseDouble(m.group(1));
    }

    static String[] featureNames(int dimensions) {
        String[] names = new String[dimensions];
        for (int i = 0; i < dimensions; i++) {
            names[i] = String.format("e%03d", i);
        }
        return names;
    }

    static Example<Label> example(String[] names, float[] vector, Label label) {
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return new ArrayExample<>(label, names, values);
    }

    /**
     * Rates the text as a whole and, for a long text, each part of a few sentences too, and keeps
     * the highest level. A sentence vector averages over the whole text, so one sentence of risk in
     * a long journal entry about the day ("I've written the letters, they're in the drawer") is
     * diluted below the thresholds. A part counts only when the head gives it at least {@link
     * #PART_MIN_PROBABILITY}: parts are short and out of context, and on the written deliveries no
     * head trained on (written-v7 and v8, 305 hard negatives) this caught 13 more HIGH and IMMINENT
     * texts for 2 more false alarms, against 19 for 8 without that floor.
     */
    @Override
    public Rating rate(String text) {
        return rate(text, List.of());
    }

    /**
     * As {@link #rate(String)}, and when the thread has earlier turns, the last {@link
     * #THREAD_TURNS} of them joined with this text are read as one more part (same floor): a
     * message such as "its fine now, its done" after "i took my lithium. all of it" carries its
     * risk only with the turns before it.
     */
    @Override
    public Rating rate(String written, List<String> writtenContext) {
        String text = PastedIds.strip(written);
        List<String> context = writtenContext.stream().map(PastedIds::strip).toList();
        float[] wholeVector = head.inputs(embedder, List.of(text)).getFirst();
        double[] whole = head.cumulative(wholeVector);
        // Nothing is above IMMINENT, so a text already rated there needs no parts.
        List<String> parts = whole[2] >= thresholds.imminent() ? List.of() : readings(text, context);
        if (parts.isEmpty()) {
            return withCategories(decide(whole, thresholds), wholeVector, text);
        }
        List<float[]> partVectors = head.inputs(embedder, parts);
        List<double[]> partScores = new ArrayList<>(parts.size());
        for (float[] vector : partVectors) {
            partScores.add(head.cumulative(vector));
        }
        Rating rating = decide(withParts(whole, partScores), thresholds);
        if (decide(whole, thresholds).level() == rating.level()) {
            return withCategories(rating, wholeVector, text);
        }
        // A part raised the level: its categories are the ones the rating is about.
        int column = rating.level().ordinal() - RiskLevel.MODERATE.ordinal();
        int source = 0;
        for (int i = 1; i < partScores.size(); i++) {
            if (partScores.get(i)[column] > partScores.get(source)[column]) {
                source = i;
            }
        }
        return withCategories(rating, partVectors.get(source), parts.get(source));
    }

    /**
     * The texts read beside the whole: a long text's parts ({@link #parts}, when there are two or
     * more) and, for a thread with earlier turns, the last {@link #THREAD_TURNS} of them joined with
     * the text ({@link #thread}).
     */
    static List<String> readings(String text, List<String> context) {
        List<String> parts = parts(text);
        List<String> out = new ArrayList<>(parts.size() > 1 ? parts : List.of());
        if (!context.isEmpty()) {
            out.add(thread(text, context));
        }
        return out;
    }

    /** The last {@link #THREAD_TURNS} earlier turns and the text, oldest first, as one text. */
    static String thread(String text, List<String> context) {
        List<String> turns = context.subList(Math.max(0, context.size() - THREAD_TURNS), context.size());
        StringBuilder b = new StringBuilder();
        for (String turn : turns) {
            String t = turn.strip();
            b.append(t);
            b.append(t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? " " : ". ");
        }
        return b.append(text.strip()).toString();
    }

    /**
     * The rating with the categories of the text it is about; {@code headInput} is what the head read
     * for that text, the shared embedding the category head reads unless the head has its own encoder.
     */
    private Rating withCategories(Rating rating, float[] headInput, String text) {
        if (categories == null || !rating.level().atLeast(RiskLevel.MODERATE)) {
            return rating;
        }
        float[] shared = head.sharedEmbedding(headInput);
        float[] vector = shared != null ? shared : embedder.embed(text);
        return new Rating(rating.level(), rating.probability(), categories.categories(vector, text));
    }

    /**
     * The probabilities a text is decided on once its parts are read: per level, the higher of the
     * whole text's and of any part's that reaches {@link #PART_MIN_PROBABILITY}. Deciding on these
     * is the same as rating the whole under the thresholds and each part under thresholds raised to
     * that floor, and keeping the highest level; the cross-validated replay in {@code RiskTrain}
     * uses the same function, so the thresholds it picks account for the parts.
     */
    static double[] withParts(double[] whole, List<double[]> parts) {
        double[] out = whole.clone();
        for (double[] part : parts) {
            for (int c = 0; c < out.length; c++) {
                if (part[c] >= PART_MIN_PROBABILITY && part[c] > out[c]) {
                    out[c] = part[c];
                }
            }
        }
        return out;
    }

    /**
     * The parts a long text is read in: consecutive whole sentences (the JDK's sentence
     * {@link BreakIterator}) gathered until a part has enough words; none for a short text.
     */
    static List<String> parts(String text) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        if (words < LONG_TEXT_WORDS) {
            return List.of();
        }
        int perPart = Math.max(PART_WORDS, (words + MAX_PARTS - 1) / MAX_PARTS);
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int inPart = 0;
        for (int start = sentences.first(), end = sentences.next();
                end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            part.append(part.isEmpty() ? "" : " ").append(sentence);
            inPart += sentence.split("\\s+").length;
            if (inPart >= perPart) {
                parts.add(part.toString());
                part.setLength(0);
                inPart = 0;
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** The highest level at or above MODERATE whose cumulative probability reaches the threshold. */
    static Rating decide(Map<String, Label> scores, double threshold) {
        return decide(scores, Thresholds.uniform(threshold));
    }

    /**
     * IMMINENT when its probability reaches {@code imminent}; else HIGH when the probability of
     * HIGH or above reaches {@code high}; else MODERATE when that of MODERATE or above reaches
     * {@code moderate}; else NONE (the head never emits LOW).
     */
    static Rating decide(Map<String, Label> scores, Thresholds t) {
        return decide(cumulative(scores), t);
    }

    /** As above, on cumulative probabilities (MODERATE+, HIGH+, IMMINENT). */
    static Rating decide(double[] cumulative, Thresholds t) {
        if (cumulative[2] >= t.imminent()) {
            return new Rating(RiskLevel.IMMINENT, cumulative[2]);
        }
        if (cumulative[1] >= t.high()) {
            return new Rating(RiskLevel.HIGH, cumulative[1]);
        }
        if (cumulative[0] >= t.moderate()) {
            return new Rating(RiskLevel.MODERATE, cumulative[0]);
        }
        return new Rating(RiskLevel.NONE, 1 - cumulative[0]);
    }

    /** Cumulative probabilities of MODERATE, HIGH and IMMINENT or above, in that order. */
    static double[] cumulative(Map<String, Label> scores) {
        double imminent = score(scores, RiskLevel.IMMINENT);
        double high = imminent + score(scores, RiskLevel.HIGH);
        double moderate = high + score(scores, RiskLevel.MODERATE);
        return new double[] {moderate, high, imminent};
    }

    private static double score(Map<String, Label> scores, RiskLevel level) {
        Label l = scores.get(level.name());
        return l == null ? 0 : l.getScore();
    }

    /** Keeps Tribuo's unknown label in one place. */
    static final class LabelFactoryHolder {
        static final Label UNKNOWN = org.tribuo.classification.LabelFactory.UNKNOWN_LABEL;

        private LabelFactoryHolder() {}
    }
}
