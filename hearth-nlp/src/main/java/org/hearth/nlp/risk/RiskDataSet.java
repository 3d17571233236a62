package org.hearth.nlp.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A labelled risk data set: TSV with the header {@code id level categories tags context text}.
 * Lists are comma separated, {@code -} means empty; earlier turns in {@code context} are separated
 * by {@code " || "}.
 */
final class RiskDataSet {

    static final String HEADER = "id\tlevel\tcategories\ttags\tcontext\ttext";

    record Row(
            String id,
            RiskLevel level,
            Set<RiskCategory> categories,
            Set<String> tags,
            List<String> context,
            String text) {

        boolean hardNegative() {
            return tags.contains("hard-negative");
        }
    }

    private RiskDataSet() {}

    static List<Row> read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new IOException("expected the header: " + HEADER.replace('\t', ' '));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                // The line number only: the text itself stays out of errors.
                throw new IOException("line " + (i + 1) + " has " + f.length + " fields, expected 6");
            }
            rows.add(new Row(f[0], RiskLevel.valueOf(f[1]), categories(f[2]), list(f[3]), context(f[4]), f[5]));
        }
        return rows;
    }

    private static Set<RiskCategory> categories(String field) {
        Set<RiskCategory> out = EnumSet.noneOf(RiskCategory.class);
        for (String c : list(field)) {
            out.add(RiskCategory.valueOf(c));
        }
        return out;
    }

    private static Set<String> list(String field) {
        if (field.equals("-") || field.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(field.split(",")).map(String::strip).toList());
    }

    private static List<String> context(String field) {
        if (field.equals("-") || field.isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.split(" \\|\\| ")).map(String::strip).toList();
    }
}
