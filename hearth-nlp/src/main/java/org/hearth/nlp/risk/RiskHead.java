package org.hearth.nlp.risk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.heads.Mlp;
import org.hearth.nlp.tuned.TunedClassifier;
import org.hearth.nlp.tuned.TunedWeights;
import org.jspecify.annotations.Nullable;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A fitted risk head over a sentence vector: the cumulative probabilities the decision rule reads,
 * {@code [P(MODERATE or above), P(HIGH or above), P(IMMINENT)]}, never decreasing towards the lower
 * levels.
 *
 * <p>Two kinds are trained by {@link RiskTrain}: a Tribuo classifier over the five levels ({@code
 * risk-head.tribuo}, whose level probabilities are summed), and an {@link Mlp} with three ordinal
 * outputs, one sigmoid per "at or above" question ({@code risk-head.mlp}); {@link RiskTune} tunes a
 * head with its own encoder ({@code risk-encoder.tuned}), whose three ordinal outputs read the
 * encoder's [CLS] state instead of the shared embedding. The manifest's {@code
 * modelFile} names which one a model directory holds.
 */
interface RiskHead {

    String TRIBUO_FILE = "risk-head.tribuo";
    String MLP_FILE = "risk-head.mlp";
    /** A head with its own fine-tuned encoder ({@link RiskTune}). */
    String TUNED_FILE = "risk-encoder.tuned";

    /** The ordinal outputs of an MLP head, in the order of {@link #cumulative}. */
    List<String> ORDINAL_OUTPUTS = List.of("MODERATE+", "HIGH+", "IMMINENT");

    double[] cumulative(float[] vector);

    /**
     * What {@link #cumulative} reads for each text, in order: the shared sentence embedding, or, for
     * a head with its own encoder, that encoder's states.
     */
    default List<float[]> inputs(SentenceEmbedder embedder, List<String> texts) {
        return embedder.embedAll(texts);
    }

    /** Whether {@link #inputs} are the shared embedding, which the category head reads as well. */
    default boolean readsSharedEmbedding() {
        return true;
    }

    /**
     * The shared sentence embedding held in what {@link #inputs} gave for a text, so the category
     * head need not embed the text again; null when the head read none.
     */
    default float @Nullable [] sharedEmbedding(float[] input) {
        return input;
    }

    /** The name of the file {@link #write} writes. */
    String fileName();

    void write(Path dir) throws IOException;

    static RiskHead tribuo(Model<Label> model, int dimensions) {
        String[] names = TrainedRiskModel.featureNames(dimensions);
        return new RiskHead() {
            @Override
            public double[] cumulative(float[] vector) {
                Map<String, Label> scores = model.predict(
                                TrainedRiskModel.example(names, vector, TrainedRiskModel.LabelFactoryHolder.UNKNOWN))
                        .getOutputScores();
                return TrainedRiskModel.cumulative(scores);
            }

            @Override
            public String fileName() {
                return TRIBUO_FILE;
            }

            @Override
            public void write(Path dir) throws IOException {
                model.serializeToFile(dir.resolve(TRIBUO_FILE));
            }
        };
    }

    /**
     * The cumulative probabilities of three ordinal outputs that each answer "this level or above"
     * on their own: a text that is IMMINENT is also HIGH or above, so a lower level's figure is
     * raised to a higher one's where it is below it.
     */
    static double[] ordinal(double[] p) {
        double imminent = p[2];
        double high = Math.max(p[1], imminent);
        double moderate = Math.max(p[0], high);
        return new double[] {moderate, high, imminent};
    }

    static RiskHead mlp(Mlp mlp) {
        if (mlp.outputs() != ORDINAL_OUTPUTS.size()) {
            throw new IllegalArgumentException("a risk MLP has " + ORDINAL_OUTPUTS.size() + " outputs");
        }
        return new RiskHead() {
            @Override
            public double[] cumulative(float[] vector) {
                return ordinal(mlp.scores(vector));
            }

            @Override
            public String fileName() {
                return MLP_FILE;
            }

            @Override
            public void write(Path dir) {
                mlp.write(dir.resolve(MLP_FILE));
            }
        };
    }

    /**
     * A head with its own fine-tuned encoder: the three ordinal outputs of a {@link TunedClassifier}
     * on its [CLS] state, from the bytes of a {@link TunedWeights} file.
     */
    static RiskHead tuned(byte[] file) throws IOException {
        TunedClassifier classifier = TunedClassifier.read(new ByteArrayInputStream(file));
        if (classifier.labels() != ORDINAL_OUTPUTS.size()) {
            throw new IOException("a tuned risk head has " + ORDINAL_OUTPUTS.size() + " outputs");
        }
        return new RiskHead() {
            @Override
            public double[] cumulative(float[] state) {
                return ordinal(classifier.classify(state));
            }

            @Override
            public List<float[]> inputs(SentenceEmbedder embedder, List<String> texts) {
                return Arrays.asList(classifier.states(texts));
            }

            @Override
            public boolean readsSharedEmbedding() {
                return false;
            }

            @Override
            public float @Nullable [] sharedEmbedding(float[] input) {
                return null;
            }

            @Override
            public String fileName() {
                return TUNED_FILE;
            }

            @Override
            public void write(Path dir) throws IOException {
                Files.write(dir.resolve(TUNED_FILE), file);
            }
        };
    }

    /**
     * Two heads read together, their cumulative probabilities averaged: one over the shared
     * embedding and one with its own encoder. Its input is the two heads' inputs end to end, and
     * its file name names both files, joined by {@code +}.
     */
    static RiskHead blend(RiskHead shared, RiskHead own) {
        if (!shared.readsSharedEmbedding() || own.readsSharedEmbedding()) {
            throw new IllegalArgumentException(
                    "a blend reads the shared embedding with one head and its own encoder with the other");
        }
        return new RiskHead() {
            @Override
            public double[] cumulative(float[] input) {
                int split = input.length / 2;
                double[] a = shared.cumulative(Arrays.copyOfRange(input, 0, split));
                double[] b = own.cumulative(Arrays.copyOfRange(input, split, input.length));
                double[] out = new double[a.length];
                for (int c = 0; c < out.length; c++) {
                    out[c] = (a[c] + b[c]) / 2;
                }
                return out;
            }

            @Override
            public List<float[]> inputs(SentenceEmbedder embedder, List<String> texts) {
                List<float[]> a = shared.inputs(embedder, texts);
                List<float[]> b = own.inputs(embedder, texts);
                List<float[]> out = new java.util.ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    if (a.get(i).length != b.get(i).length) {
                        throw new IllegalStateException("the two heads of a blend read inputs of different lengths");
                    }
                    float[] both = Arrays.copyOf(a.get(i), a.get(i).length + b.get(i).length);
                    System.arraycopy(b.get(i), 0, both, a.get(i).length, b.get(i).length);
                    out.add(both);
                }
                return out;
            }

            @Override
            public boolean readsSharedEmbedding() {
                return false;
            }

            @Override
            public float[] sharedEmbedding(float[] input) {
                return Arrays.copyOfRange(input, 0, input.length / 2);
            }

            @Override
            public String fileName() {
                return shared.fileName() + "+" + own.fileName();
            }

            @Override
            public void write(Path dir) throws IOException {
                shared.write(dir);
                own.write(dir);
            }
        };
    }

    /** Reads a head written by {@link #write}, by its file name. */
    static RiskHead read(String fileName, InputStream in, int dimensions) throws IOException {
        if (fileName.equals(TUNED_FILE)) {
            return tuned(in.readAllBytes());
        }
        if (fileName.equals(MLP_FILE)) {
            return mlp(Mlp.read(in));
        }
        if (!fileName.equals(TRIBUO_FILE)) {
            throw new IOException("unknown risk head file " + fileName);
        }
        Model<?> raw = Model.deserializeFromStream(in);
        if (!raw.validate(Label.class)) {
            throw new IllegalStateException("risk head is not a label classifier");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        return tribuo(model, dimensions);
    }
}
