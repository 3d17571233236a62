package org.hearth.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.nlp.heads.Head;
import org.hearth.nlp.heads.HeadManifest;
import org.hearth.nlp.heads.HeadSpec;
import org.hearth.nlp.train.Corpus;
import org.hearth.nlp.train.HeadTrainer;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;

class TrainingTests {

    private static double[] trainAndScore(HeadSpec spec, long seed, float[] probe) {
        DevSets.Embedded dev = DevSets.hearthDev(spec.headName());
        Model<?> model =
                HeadTrainer.fit(spec, dev.rows(), dev.vectors(), new HeadTrainer.Settings("lr", 5, 0.1, 4, 0, seed));
        HeadManifest manifest = new HeadManifest(
                spec.headName(),
                HeadTrainer.labelsFor(spec, dev.rows()),
                java.util.Map.of(),
                DevSets.EMBEDDER.modelId(),
                java.util.Map.of(),
                "2026-01-01",
                seed,
                java.util.Map.of(),
                java.util.Map.of());
        return Head.of(spec, model, manifest, probe.length).scores(probe);
    }

    @Test
    void trainsTheSameModelTwiceForTheSameSeed() {
        float[] probe = DevSets.EMBEDDER.embed("I always ruin everything");
        double[] first = trainAndScore(HeadSpec.SENTIMENT, 7, probe);
        double[] second = trainAndScore(HeadSpec.SENTIMENT, 7, probe);
        assertThat(second).containsExactly(first);
    }

    @Test
    void readsEveryHearthDataFileWithAllThreeColumns() {
        List<Corpus.Row> intents = Corpus.hearth(DevSets.HEARTH_DATA, "train", "intent");
        List<Corpus.Row> distortions = Corpus.hearth(DevSets.HEARTH_DATA, "train", "distortions");
        assertThat(intents).hasSameSizeAs(distortions).hasSizeGreaterThan(900);
        assertThat(intents)
                .allSatisfy(r -> assertThat(HeadSpec.INTENT.fixedLabels()).containsAll(r.labels()));
        assertThat(distortions)
                .filteredOn(r -> r.labels().contains("mind-reading"))
                .hasSizeGreaterThanOrEqualTo(45);
    }
}
