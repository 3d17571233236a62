package org.hearth.nlp.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.nlp.SentenceEmbedder;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The risk head: a Tribuo classifier over the sentence embedding, trained by {@link RiskTrain}.
 *
 * <p>The head predicts a distribution over the five levels. It supports the highest level whose
 * cumulative probability (that level or any above it) reaches the threshold recorded in the
 * manifest; below MODERATE it supports nothing, because the lexical stage owns distress signals
 * and a model that flags everyday venting would only train people to ignore it.
 */
final class TribuoRiskModel implements RiskModel {

    static final String RESOURCE_DIR = "/models/risk/";
    static final String MODEL_FILE = "risk-head.tribuo";
    static final String MANIFEST_FILE = "manifest.json";

    private final SentenceEmbedder embedder;
    private final Model<Label> model;
    private final double threshold;
    private final String[] featureNames;

    TribuoRiskModel(SentenceEmbedder embedder, Model<Label> model, double threshold) {
        this.embedder = embedder;
        this.model = model;
        this.threshold = threshold;
        this.featureNames = featureNames(embedder.dimensions());
    }

    /** Loads the shipped head from the class path. */
    static TribuoRiskModel load(SentenceEmbedder embedder) {
        try (InputStream modelIn = resource(MODEL_FILE);
                InputStream manifestIn = resource(MANIFEST_FILE)) {
            Model<?> raw = Model.deserializeFromStream(modelIn);
            if (!raw.validate(Label.class)) {
                throw new IllegalStateException("risk head is not a label classifier");
            }
            @SuppressWarnings("unchecked")
            Model<Label> model = (Model<Label>) raw;
            String manifest = new String(manifestIn.readAllBytes(), StandardCharsets.UTF_8);
            String expectedEmbedder = stringField(manifest, "embeddingModel");
            if (!expectedEmbedder.equals(embedder.modelId())) {
                throw new IllegalStateException("risk head was trained on a different embedding model");
            }
            return new TribuoRiskModel(embedder, model, numberField(manifest, "threshold"));
        } catch (IOException e) {
            throw new UncheckedIOException("risk head could not be read", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TribuoRiskModel.class.getResourceAsStream(RESOURCE_DIR + name);
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

    @Override
    public Rating rate(String text) {
        float[] vector = embedder.embed(text);
        return rateVector(vector);
    }

    Rating rateVector(float[] vector) {
        Prediction<Label> prediction = model.predict(example(featureNames, vector, LabelFactoryHolder.UNKNOWN));
        return decide(prediction.getOutputScores(), threshold);
    }

    /** The highest level at or above MODERATE whose cumulative probability reaches the threshold. */
    static Rating decide(Map<String, Label> scores, double threshold) {
        double cumulative = 0;
        RiskLevel[] levels = RiskLevel.values();
        for (int i = levels.length - 1; i >= RiskLevel.MODERATE.ordinal(); i--) {
            Label l = scores.get(levels[i].name());
            cumulative += l == null ? 0 : l.getScore();
            if (cumulative >= threshold) {
                return new Rating(levels[i], cumulative);
            }
        }
        return new Rating(RiskLevel.NONE, 1 - cumulative);
    }

    /** Keeps Tribuo's unknown label in one place. */
    static final class LabelFactoryHolder {
        static final Label UNKNOWN = org.tribuo.classification.LabelFactory.UNKNOWN_LABEL;

        private LabelFactoryHolder() {}
    }
}
