package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hearth.nlp.OnnxSentenceEmbedder;

/**
 * Prints the screen's figures on a labelled set: recall and precision per level, the false-positive
 * rate on hard negatives, recall per category and the confusion matrix.
 *
 * <p>{@code RiskEval --data <tsv> [--data <tsv>]... [--misses] [--lexical] [--model-dir <dir>]}; {@code --misses}
 * also lists the ids (never the texts) of rows screened below their label or hard negatives
 * screened at MODERATE or above; {@code --lexical} screens without the model stage (lexical stage
 * and context only); {@code --model-dir} screens with a head that {@link RiskTrain} wrote there
 * instead of the shipped one.
 */
public final class RiskEval {

    private RiskEval() {}

    public static void main(String[] args) throws IOException {
        List<Path> sets = new java.util.ArrayList<>();
        boolean misses = false;
        boolean lexicalOnly = false;
        Path modelDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> sets.add(CommandPaths.resolve(args[++i]));
                case "--misses" -> misses = true;
                case "--lexical" -> lexicalOnly = true;
                case "--model-dir" -> modelDir = CommandPaths.resolve(args[++i]);
                default -> usage();
            }
        }
        if (sets.isEmpty()) {
            usage();
            return;
        }
        RiskModel none = text -> new RiskModel.Rating(RiskLevel.NONE, 1);
        RiskModel model = lexicalOnly
                ? none
                : modelDir == null
                        ? TrainedRiskModel.load(OnnxSentenceEmbedder.standard())
                        : TrainedRiskModel.load(OnnxSentenceEmbedder.standard(), modelDir);
        try (DefaultRiskScreen screen =
                new DefaultRiskScreen(new LexicalStage(), model, DefaultRiskScreen.DEFAULT_MODEL_TIMEOUT)) {
            for (Path data : sets) {
                report(screen, data, lexicalOnly, misses);
            }
        }
    }

    private static void report(DefaultRiskScreen screen, Path data, boolean lexicalOnly, boolean misses)
            throws IOException {
        List<RiskDataSet.Row> rows = RiskDataSet.read(data);
        RiskMetrics metrics = new RiskMetrics();
        StringBuilder missed = new StringBuilder();
        for (RiskDataSet.Row row : rows) {
            Screening s = screen.screen(row.text(), row.context());
            metrics.add(row, s);
            boolean under = !s.level().atLeast(row.level());
            boolean falseAlarm = row.hardNegative() && s.level().atLeast(RiskLevel.MODERATE);
            if (under || falseAlarm) {
                missed.append(String.format("  %s label=%s screened=%s%n", row.id(), row.level(), s.level()));
            }
        }
        System.out.println("risk screen" + (lexicalOnly ? " (lexical stage only)" : "") + " on " + data.getFileName());
        System.out.print(metrics.report());
        if (misses) {
            System.out.println("\nmisses (ids only):");
            System.out.print(missed);
        }
    }

    private static void usage() {
        System.err.println("usage: RiskEval --data <tsv> [--data <tsv>]... [--misses] [--lexical] [--model-dir <dir>]");
        System.exit(2);
    }
}
