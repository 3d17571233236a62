package org.hearth.nlp.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.hearth.nlp.heads.Mlp;
import org.jspecify.annotations.Nullable;

/**
 * Which categories a text at risk is about, read from its sentence vector and its words: the
 * model stage's answer to "whose risk, and of what kind" when the lexical stage, which names a
 * category with every rule, found nothing. Without it a crisis that only the risk head caught would
 * carry no category, and the protocol would show the member's own crisis card for a medical
 * emergency, abuse or a friend at risk.
 *
 * <p>One sigmoid per {@link RiskCategory}, trained by {@link CategoryTrain} on the written at-risk
 * rows, with a threshold per category chosen on cross-validated scores. A text gets every category
 * whose score reaches its threshold, possibly none.
 */
final class CategoryHead {

    static final String MODEL_FILE = "categories.mlp";
    static final String MANIFEST_FILE = "categories.json";

    private static final RiskCategory[] CATEGORIES = RiskCategory.values();

    private final Mlp net;
    private final double[] thresholds;

    CategoryHead(Mlp net, double[] thresholds) {
        if (net.outputs() != CATEGORIES.length || thresholds.length != CATEGORIES.length) {
            throw new IllegalArgumentException("a category head has one output per category");
        }
        this.net = net;
        this.thresholds = thresholds.clone();
    }

    /** The head's score per category, in {@link RiskCategory} order. */
    double[] scores(float[] vector, String text) {
        return net.scores(vector, text);
    }

    /** The categories whose score reaches their threshold, as {@link #decide} keeps them. */
    Set<RiskCategory> categories(float[] vector, String text) {
        return decide(scores(vector, text), thresholds);
    }

    /**
     * Every category whose score reaches its threshold, except that THIRD_PARTY is dropped where it
     * would route the member to the helper protocol ({@link RiskCategory#helperCase}): that protocol
     * shows advice for helping someone else instead of the member's own crisis card, and the head
     * is wrong about whose risk it is often enough (40 of 2,267 cross-validated rows) that only a
     * lexical rule may take the crisis card away.
     */
    static Set<RiskCategory> decide(double[] scores, double[] thresholds) {
        Set<RiskCategory> out = EnumSet.noneOf(RiskCategory.class);
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (scores[c] >= thresholds[c]) {
                out.add(CATEGORIES[c]);
            }
        }
        if (RiskCategory.helperCase(out)) {
            out.remove(RiskCategory.THIRD_PARTY);
        }
        return out;
    }

    int inputs() {
        return net.inputs();
    }

    /**
     * Reads the network and the thresholds of a model directory (or the class path's), or returns
     * null when it has no category head (risk heads trained before 2026-12-07). A head that is there
     * but cannot be read throws, so the risk model fails to load and the screen says it is degraded.
     */
    static @Nullable CategoryHead readIfPresent(TrainedRiskModel.ModelFiles files) {
        String manifest;
        try (InputStream manifestIn = files.open(MANIFEST_FILE)) {
            manifest = new String(manifestIn.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        double[] t = new double[CATEGORIES.length];
        for (int c = 0; c < t.length; c++) {
            t[c] = TrainedRiskModel.numberField(manifest, "threshold_" + CATEGORIES[c].name());
        }
        try (InputStream modelIn = files.open(MODEL_FILE)) {
            return new CategoryHead(Mlp.read(modelIn), t);
        } catch (IOException e) {
            throw new UncheckedIOException("risk category head could not be read", e);
        }
    }
}
