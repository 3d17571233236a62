package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the risk head: logistic regression (Tribuo, SGD with AdaGrad) over the sentence embedding,
 * on the team-written {@code data/risk/train.tsv} ({@code level<TAB>text}). Deterministic for a
 * given seed. Writes {@code risk-head.tribuo} and {@code manifest.json}; with {@code --dev} the
 * manifest records the head's figures on that set.
 *
 * <p>{@code RiskTrain --data <train.tsv> --out <dir> --seed N [--dev <dev.tsv>] [--threshold T]
 * [--epochs E] [--learning-rate R] [--data-version V]}
 */
public final class RiskTrain {

    static final String DATA_NAME = "hearth-risk-train";

    record Options(
            Path data,
            Path out,
            long seed,
            Path dev,
            double threshold,
            int epochs,
            double learningRate,
            String dataVersion) {}

    private RiskTrain() {}

    public static void main(String[] args) throws IOException {
        Path data = null;
        Path out = null;
        Path dev = null;
        long seed = 17;
        double threshold = 0.99;
        int epochs = 80;
        double learningRate = 0.2;
        String dataVersion = "1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = CommandPaths.resolve(args[++i]);
                case "--out" -> out = outPath(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--dev" -> dev = CommandPaths.resolve(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--learning-rate" -> learningRate = Double.parseDouble(args[++i]);
                case "--data-version" -> dataVersion = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (data == null || out == null) {
            System.err.println("usage: RiskTrain --data <train.tsv> --out <dir> --seed N [--dev <dev.tsv>]");
            System.exit(2);
            return;
        }
        SentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2Quantized();
        String manifest =
                train(new Options(data, out, seed, dev, threshold, epochs, learningRate, dataVersion), embedder);
        System.out.println(manifest);
    }

    private static Path outPath(String arg) {
        Path path = Path.of(arg);
        String base = System.getProperty("hearth.nlp.basedir");
        return path.isAbsolute() || base == null ? path : Path.of(base).resolve(path);
    }

    record Labelled(RiskLevel level, String text) {}

    static List<Labelled> readTrain(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals("level\ttext")) {
            throw new IOException("expected the header: level text");
        }
        List<Labelled> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException("line " + (i + 1) + " has no tab");
            }
            rows.add(new Labelled(RiskLevel.valueOf(line.substring(0, tab)), line.substring(tab + 1)));
        }
        return rows;
    }

    static Model<Label> fit(
            List<Labelled> rows, SentenceEmbedder embedder, long seed, int epochs, double learningRate) {
        String[] names = TribuoRiskModel.featureNames(embedder.dimensions());
        List<float[]> vectors =
                embedder.embedAll(rows.stream().map(Labelled::text).toList());
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance(DATA_NAME, factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            Example<Label> ex = TribuoRiskModel.example(
                    names, vectors.get(i), new Label(rows.get(i).level().name()));
            dataset.add(ex);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, Integer.MAX_VALUE, 1, seed);
        return trainer.train(dataset);
    }

    static String train(Options o, SentenceEmbedder embedder) throws IOException {
        List<Labelled> rows = readTrain(o.data());
        Model<Label> model = fit(rows, embedder, o.seed(), o.epochs(), o.learningRate());
        Files.createDirectories(o.out());
        model.serializeToFile(o.out().resolve(TribuoRiskModel.MODEL_FILE));

        String devFigures = "null";
        if (o.dev() != null) {
            TribuoRiskModel head = new TribuoRiskModel(embedder, model, o.threshold());
            RiskModel asModel = head;
            // The head alone, as the model stage of the screen would use it: what it adds on dev.
            RiskMetrics m = new RiskMetrics();
            for (RiskDataSet.Row row : RiskDataSet.read(o.dev())) {
                RiskModel.Rating r = asModel.rate(row.text());
                m.add(row, new Screening(r.level(), java.util.Set.of(), List.of(), false));
            }
            devFigures = String.format(
                    Locale.ROOT,
                    "{\"set\": \"%s\", \"headAlone\": {\"recallHighOrAbove\": %.3f, \"recallImminentOrAbove\": %.3f,"
                            + " \"recallModerateOrAbove\": %.3f, \"hardNegativeFalsePositiveRate\": %.3f}}",
                    o.dev().getFileName(),
                    m.recallAtOrAbove(RiskLevel.HIGH),
                    m.recallAtOrAbove(RiskLevel.IMMINENT),
                    m.recallAtOrAbove(RiskLevel.MODERATE),
                    m.falsePositiveRate());
        }
        String manifest = String.format(
                Locale.ROOT,
                """
                {
                  "head": "risk",
                  "algorithm": "logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad)",
                  "data": {"name": "%s", "version": "%s", "file": "hearth-nlp/data/risk/%s", "rows": %d},
                  "trainedOn": "%s",
                  "seed": %d,
                  "hyperParameters": {"epochs": %d, "learningRate": %s, "epsilon": 0.1, "minibatch": 1},
                  "threshold": %s,
                  "decision": "highest level >= MODERATE whose cumulative probability reaches threshold",
                  "embeddingModel": "%s",
                  "dimensions": %d,
                  "dev": %s
                }
                """,
                DATA_NAME,
                o.dataVersion(),
                o.data().getFileName(),
                rows.size(),
                LocalDate.now(ZoneOffset.UTC),
                o.seed(),
                o.epochs(),
                o.learningRate(),
                o.threshold(),
                embedder.modelId(),
                embedder.dimensions(),
                devFigures);
        Files.writeString(o.out().resolve(TribuoRiskModel.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
        return manifest;
    }
}
