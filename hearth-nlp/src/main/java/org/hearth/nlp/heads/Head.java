package org.hearth.nlp.heads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.nlp.tuned.TunedClassifier;
import org.jspecify.annotations.Nullable;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * One trained task head: a Tribuo model or an {@link Mlp} over sentence vectors, plus its
 * manifest. Immutable and safe to share between threads (both are read-only at prediction time).
 */
public final class Head {

    /** The model file name inside a head's folder (Tribuo's protobuf format). */
    public static final String MODEL_FILE = "model.tribuo";
    /** The model file name of an MLP head ({@link Mlp}'s format); used instead of {@link #MODEL_FILE}. */
    public static final String MLP_FILE = "model.mlp";
    /**
     * The file of a head with its own fine-tuned encoder ({@link TunedClassifier}); used instead of
     * the other model files.
     */
    public static final String TUNED_FILE = "encoder.tuned";
    /** The manifest file name inside a head's folder. */
    public static final String MANIFEST_FILE = "manifest.json";

    private final HeadSpec spec;
    private final HeadManifest manifest;
    private final @Nullable Model<?> model;
    private final @Nullable Mlp mlp;
    private final @Nullable TunedClassifier tuned;
    private final List<String> labels;
    private final double[] thresholds;
    private final String[] featureNames;

    private Head(HeadSpec spec, @Nullable Model<?> model, @Nullable Mlp mlp, HeadManifest manifest, int dimensions) {
        this(spec, model, mlp, null, manifest, dimensions);
    }

    private Head(
            HeadSpec spec,
            @Nullable Model<?> model,
            @Nullable Mlp mlp,
            @Nullable TunedClassifier tuned,
            HeadManifest manifest,
            int dimensions) {
        if (tuned != null
                && (!spec.multiLabel() || tuned.labels() != manifest.labels().size())) {
            throw new IllegalArgumentException("the tuned classifier's " + tuned.labels() + " outputs do not fit head "
                    + spec.headName() + " with " + manifest.labels().size() + " labels");
        }
        if (mlp != null
                && (!spec.multiLabel() || mlp.outputs() != manifest.labels().size() || mlp.inputs() != dimensions)) {
            throw new IllegalArgumentException(
                    "MLP of shape " + mlp.inputs() + "→" + mlp.outputs() + " does not fit head " + spec.headName()
                            + " with " + manifest.labels().size() + " labels");
        }
        this.spec = spec;
        this.model = model;
        this.mlp = mlp;
        this.tuned = tuned;
        this.manifest = manifest;
        this.labels = List.copyOf(manifest.labels());
        this.thresholds = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            thresholds[i] = manifest.thresholds().getOrDefault(labels.get(i), 0.5);
        }
        this.featureNames = featureNames(dimensions);
    }

    /** Wraps a freshly trained model (the train and eval commands). */
    public static Head of(HeadSpec spec, Model<?> model, HeadManifest manifest, int dimensions) {
        return new Head(spec, model, null, manifest, dimensions);
    }

    /**
     * Wraps a freshly trained MLP (multi-label heads only); its outputs are the manifest's labels.
     *
     * @throws IllegalArgumentException if the network's shape does not fit the head
     */
    public static Head of(HeadSpec spec, Mlp mlp, HeadManifest manifest, int dimensions) {
        return new Head(spec, null, mlp, manifest, dimensions);
    }

    /** Wraps a freshly fine-tuned classifier (multi-label heads only); its outputs are the manifest's labels. */
    public static Head of(HeadSpec spec, TunedClassifier tuned, HeadManifest manifest) {
        return new Head(spec, null, null, tuned, manifest, 0);
    }

    /**
     * Loads the head shipped on the classpath under {@code models/<head>/}.
     *
     * @throws IllegalStateException if the model files are missing
     */
    public static Head load(HeadSpec spec, int dimensions) {
        ClassLoader cl = Head.class.getClassLoader();
        try (InputStream manifestIn = cl.getResourceAsStream(spec.resourceDir() + MANIFEST_FILE);
                InputStream mlpIn = cl.getResourceAsStream(spec.resourceDir() + MLP_FILE);
                InputStream modelIn = cl.getResourceAsStream(spec.resourceDir() + MODEL_FILE);
                InputStream tunedIn = cl.getResourceAsStream(spec.resourceDir() + TUNED_FILE)) {
            if (manifestIn == null || (modelIn == null && mlpIn == null && tunedIn == null)) {
                throw new IllegalStateException("no shipped model for head " + spec.headName());
            }
            HeadManifest manifest = HeadManifest.read(manifestIn);
            if (tunedIn != null) {
                return new Head(spec, null, null, TunedClassifier.read(tunedIn), manifest, dimensions);
            }
            return mlpIn != null
                    ? new Head(spec, null, Mlp.read(mlpIn), manifest, dimensions)
                    : new Head(spec, Model.deserializeFromStream(modelIn), null, manifest, dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a head from a folder written by the train command. */
    public static Head load(HeadSpec spec, Path dir, int dimensions) {
        try (InputStream manifestIn = Files.newInputStream(dir.resolve(MANIFEST_FILE))) {
            HeadManifest manifest = HeadManifest.read(manifestIn);
            if (Files.isRegularFile(dir.resolve(TUNED_FILE))) {
                try (InputStream in = Files.newInputStream(dir.resolve(TUNED_FILE))) {
                    return new Head(spec, null, null, TunedClassifier.read(in), manifest, dimensions);
                }
            }
            if (Files.isRegularFile(dir.resolve(MLP_FILE))) {
                try (InputStream mlpIn = Files.newInputStream(dir.resolve(MLP_FILE))) {
                    return new Head(spec, null, Mlp.read(mlpIn), manifest, dimensions);
                }
            }
            return new Head(spec, Model.deserializeFromFile(dir.resolve(MODEL_FILE)), null, manifest, dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tribuo feature names for vector positions; zero-padded so name order equals index order. */
    public static String[] featureNames(int dimensions) {
        String[] names = new String[dimensions];
        for (int i = 0; i < dimensions; i++) {
            names[i] = String.format("e%03d", i);
        }
        return names;
    }

    public HeadSpec spec() {
        return spec;
    }

    public HeadManifest manifest() {
        return manifest;
    }

    /** The Tribuo model, or null for an MLP head. */
    public @Nullable Model<?> model() {
        return model;
    }

    /** The classifier of a head with its own fine-tuned encoder, or null. */
    public @Nullable TunedClassifier tuned() {
        return tuned;
    }

    /** The network of an MLP head, or null for a Tribuo head. */
    public @Nullable Mlp mlp() {
        return mlp;
    }

    /** The labels, in the order of {@link #scores}. */
    public List<String> labels() {
        return labels;
    }

    /** The decision threshold of each label (multi-label heads), in label order. */
    public double threshold(int label) {
        return thresholds[label];
    }

    /**
     * Scores one sentence vector: a probability per label, in {@link #labels()} order.
     * Multi-label heads give independent probabilities; single-label heads give a distribution.
     */
    public double[] scores(float[] embedding) {
        if (tuned != null) {
            throw new IllegalStateException("head " + spec.headName() + " reads the text with its own encoder");
        }
        if (mlp != null) {
            return mlp.scores(embedding);
        }
        return tribuoScores(embedding);
    }

    /**
     * Scores a text from its sentence vector and, for a head that also reads words
     * ({@link #readsWords()}), its words.
     */
    public double[] scores(float[] embedding, String text) {
        if (tuned != null) {
            return tuned.scores(text);
        }
        if (mlp != null) {
            return mlp.scores(embedding, text);
        }
        return tribuoScores(embedding);
    }

    /**
     * Scores many texts with the head's own encoder, in order (faster than one by one: the encoder
     * runs texts of similar length together).
     *
     * @throws IllegalStateException if the head reads the shared sentence vector ({@link #ownEncoder()} is false)
     */
    public double[][] scoresOfTexts(List<String> texts) {
        if (tuned == null) {
            throw new IllegalStateException("head " + spec.headName() + " reads the shared sentence vector");
        }
        return tuned.scoresAll(texts);
    }

    /** Whether the head reads the text's words beside its vector: then only {@link #scores(float[], String)} serves. */
    public boolean readsWords() {
        return tuned != null || (mlp != null && mlp.words() != null);
    }

    /**
     * Whether the head reads the text with its own fine-tuned encoder rather than the shared sentence
     * vector (which it then ignores).
     */
    public boolean ownEncoder() {
        return tuned != null;
    }

    private double[] tribuoScores(float[] embedding) {
        double[] values = new double[embedding.length];
        for (int i = 0; i < embedding.length; i++) {
            values[i] = embedding[i];
        }
        return spec.multiLabel() ? multiScores(values) : singleScores(values);
    }

    @SuppressWarnings("unchecked")
    private double[] multiScores(double[] values) {
        Model<MultiLabel> m = (Model<MultiLabel>) java.util.Objects.requireNonNull(model);
        Prediction<MultiLabel> p =
                m.predict(new ArrayExample<>(MultiLabelFactory.UNKNOWN_MULTILABEL, featureNames, values));
        Map<String, MultiLabel> byName = p.getOutputScores();
        double[] out = new double[labels.size()];
        for (int i = 0; i < out.length; i++) {
            MultiLabel ml = byName.get(labels.get(i));
            out[i] = ml == null || ml.getLabelSet().isEmpty()
                    ? 0
                    : ml.getLabelSet().iterator().next().getScore();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private double[] singleScores(double[] values) {
        Model<Label> m = (Model<Label>) java.util.Objects.requireNonNull(model);
        Prediction<Label> p = m.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, values));
        Map<String, Label> byName = p.getOutputScores();
        double[] out = new double[labels.size()];
        for (int i = 0; i < out.length; i++) {
            Output<?> l = byName.get(labels.get(i));
            out[i] = l == null ? 0 : ((Label) l).getScore();
        }
        return out;
    }

    /** Applies the thresholds: which labels a multi-label head says are present. */
    public boolean[] decide(double[] scores) {
        boolean[] present = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            present[i] = scores[i] >= thresholds[i];
        }
        return present;
    }

    /** The index of the most probable label (single-label heads). */
    public static int argMax(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
