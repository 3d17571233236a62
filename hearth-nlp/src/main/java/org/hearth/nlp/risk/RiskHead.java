package org.hearth.nlp.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.nlp.heads.Mlp;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A fitted risk head over a sentence vector: the cumulative probabilities the decision rule reads,
 * {@code [P(MODERATE or above), P(HIGH or above), P(IMMINENT)]}, never decreasing towards the lower
 * levels.
 *
 * <p>Two kinds are trained by {@link RiskTrain}: a Tribuo classifier over the five levels ({@code
 * risk-head.tribuo}, whose level probabilities are summed), and an {@link Mlp} with three ordinal
 * outputs, one sigmoid per "at or above" question ({@code risk-head.mlp}). The manifest's {@code
 * modelFile} names which one a model directory holds.
 */
interface RiskHead {

    String TRIBUO_FILE = "risk-head.tribuo";
    String MLP_FILE = "risk-head.mlp";

    /** The ordinal outputs of an MLP head, in the order of {@link #cumulative}. */
    java.util.List<String> ORDINAL_OUTPUTS = java.util.List.of("MODERATE+", "HIGH+", "IMMINENT");

    double[] cumulative(float[] vector);

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

    static RiskHead mlp(Mlp mlp) {
        if (mlp.outputs() != ORDINAL_OUTPUTS.size()) {
            throw new IllegalArgumentException("a risk MLP has " + ORDINAL_OUTPUTS.size() + " outputs");
        }
        return new RiskHead() {
            @Override
            public double[] cumulative(float[] vector) {
                double[] p = mlp.scores(vector);
                // Each output answers "this level or above" on its own; a text that is IMMINENT is
                // also HIGH or above, so a lower level's figure is never below a higher one's.
                double imminent = p[2];
                double high = Math.max(p[1], imminent);
                double moderate = Math.max(p[0], high);
                return new double[] {moderate, high, imminent};
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

    /** Reads a head written by {@link #write}, by its file name. */
    static RiskHead read(String fileName, InputStream in, int dimensions) throws IOException {
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
