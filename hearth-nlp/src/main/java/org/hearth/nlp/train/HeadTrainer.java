package org.hearth.nlp.train;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadSpec;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits a head on sentence vectors with Tribuo: logistic regression by default (softmax for
 * single-label heads, one sigmoid per label for multi-label heads), or a factorization machine
 * when asked. Deterministic for a given seed: Tribuo's SGD shuffles with that seed only.
 */
public final class HeadTrainer {

    /**
     * Trainer settings.
     *
     * @param algorithm {@code lr} (logistic regression) or {@code fm} (factorization machine)
     * @param epochs passes over the data
     * @param learningRate AdaGrad's initial learning rate
     * @param minibatch examples per gradient step
     * @param factors latent factors (fm only)
     * @param seed shuffling and initialisation seed
     */
    public record Settings(String algorithm, int epochs, double learningRate, int minibatch, int factors, long seed) {

        /** The settings as written to the manifest. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", algorithm.equals("fm") ? "factorization-machine" : "logistic-regression");
            m.put("optimiser", "AdaGrad");
            m.put("learningRate", learningRate);
            m.put("epochs", epochs);
            m.put("minibatch", minibatch);
            if (algorithm.equals("fm")) {
                m.put("factors", factors);
            }
            return m;
        }
    }

    private HeadTrainer() {}

    /** The labels a head will score, in order: fixed ones, or those found in the rows. */
    public static List<String> labelsFor(HeadSpec spec, List<Corpus.Row> rows) {
        if (!spec.fixedLabels().isEmpty()) {
            return spec.fixedLabels();
        }
        Set<String> seen = new LinkedHashSet<>();
        rows.forEach(r -> seen.addAll(r.labels()));
        return List.copyOf(seen);
    }

    /** Fits a model for {@code spec} on the given rows and their vectors. */
    public static Model<?> fit(HeadSpec spec, List<Corpus.Row> rows, float[][] vectors, Settings s) {
        String[] names = Head.featureNames(vectors[0].length);
        AdaGrad adaGrad = new AdaGrad(s.learningRate(), 1e-6);
        if (spec.multiLabel()) {
            MultiLabelFactory factory = new MultiLabelFactory();
            MutableDataset<MultiLabel> data =
                    new MutableDataset<>(new SimpleDataSourceProvenance(spec.headName(), factory), factory);
            for (int i = 0; i < rows.size(); i++) {
                Set<Label> labels = new LinkedHashSet<>();
                for (String l : rows.get(i).labels()) {
                    labels.add(new Label(l));
                }
                if (labels.isEmpty()) {
                    labels.add(new Label(HeadSpec.NO_DISTORTION));
                }
                data.add(new ArrayExample<>(new MultiLabel(labels), names, toDouble(vectors[i])));
            }
            Trainer<MultiLabel> trainer = s.algorithm().equals("fm")
                    ? new FMMultiLabelTrainer(
                            new BinaryCrossEntropy(),
                            adaGrad,
                            s.epochs(),
                            -1,
                            s.minibatch(),
                            s.seed(),
                            s.factors(),
                            0.1)
                    : new org.tribuo.multilabel.sgd.linear.LinearSGDTrainer(
                            new BinaryCrossEntropy(), adaGrad, s.epochs(), -1, s.minibatch(), s.seed());
            return trainer.train(data);
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance(spec.headName(), factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            Set<String> labels = rows.get(i).labels();
            if (labels.size() != 1) {
                throw new IllegalArgumentException(
                        spec.headName() + " needs exactly one label per row, found " + labels + " in row " + i);
            }
            data.add(new ArrayExample<>(new Label(labels.iterator().next()), names, toDouble(vectors[i])));
        }
        Trainer<Label> trainer = s.algorithm().equals("fm")
                ? new FMClassificationTrainer(
                        new LogMulticlass(), adaGrad, s.epochs(), -1, s.minibatch(), s.seed(), s.factors(), 0.1)
                : new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                        new LogMulticlass(), adaGrad, s.epochs(), -1, s.minibatch(), s.seed());
        return trainer.train(data);
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
