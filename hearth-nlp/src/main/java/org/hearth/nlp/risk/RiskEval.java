package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the screen's figures on a labelled set: recall and precision per level, the false-positive
 * rate on hard negatives, recall per category and the confusion matrix.
 *
 * <p>{@code RiskEval --data <tsv> [--misses] [--lexical]}; {@code --misses} also lists the ids
 * (never the texts) of rows screened below their label or hard negatives screened at MODERATE or
 * above; {@code --lexical} screens without the model stage (lexical stage and context only).
 */
public final class RiskEval {

    private RiskEval() {}

    public static void main(String[] args) throws IOException {
        Path data = null;
        boolean misses = false;
        boolean lexicalOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = CommandPaths.resolve(args[++i]);
                case "--misses" -> misses = true;
                case "--lexical" -> lexicalOnly = true;
                default -> usage();
            }
        }
        if (data == null) {
            usage();
            return;
        }
        List<RiskDataSet.Row> rows = RiskDataSet.read(data);
        RiskModel none = text -> new RiskModel.Rating(RiskLevel.NONE, 1);
        try (DefaultRiskScreen screen = lexicalOnly
                ? new DefaultRiskScreen(new LexicalStage(), none, DefaultRiskScreen.DEFAULT_MODEL_TIMEOUT)
                : DefaultRiskScreen.create()) {
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
            System.out.println(
                    "risk screen" + (lexicalOnly ? " (lexical stage only)" : "") + " on " + data.getFileName());
            System.out.print(metrics.report());
            if (misses) {
                System.out.println("\nmisses (ids only):");
                System.out.print(missed);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: RiskEval --data <tsv> [--misses] [--lexical]");
        System.exit(2);
    }
}
