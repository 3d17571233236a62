package org.hearth.nlp.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the labelled sets the heads learn from: GoEmotions and Hearth's own TSV files. */
public final class Corpus {

    /** One labelled text: a set of labels (multi-label heads) or exactly one (single-label). */
    public record Row(String text, Set<String> labels) {}

    private Corpus() {}

    /**
     * Reads a GoEmotions split ({@code train} or {@code dev}) with label names from labels.txt.
     * Format: {@code text<TAB>comma-separated label indices<TAB>comment id}, no header.
     */
    public static List<Row> goEmotions(Path dir, String split) {
        try {
            List<String> names = Files.readAllLines(dir.resolve("labels.txt"), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(split + ".tsv"), StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    continue;
                }
                Set<String> labels = new LinkedHashSet<>();
                for (String idx : cols[1].split(",")) {
                    labels.add(names.get(Integer.parseInt(idx.strip())));
                }
                rows.add(new Row(cols[0], labels));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 28 GoEmotions label names in index order. */
    public static List<String> goEmotionLabels(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("labels.txt"), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads Hearth's own labelled lines for one column ({@code sentiment}, {@code intent} or
     * {@code distortions}). If {@code path} holds {@code <split>.tsv} only that file is read;
     * otherwise every {@code <sub-dir>/<split>.tsv} under it but {@code risk/}, in name order. The header line names
     * the columns; {@code distortions} is comma-separated, {@code none} meaning no distortion.
     */
    public static List<Row> hearth(Path path, String split, String column) {
        List<Path> files = new ArrayList<>();
        Path direct = path.resolve(split + ".tsv");
        if (Files.isRegularFile(direct)) {
            files.add(direct);
        } else {
            try (Stream<Path> subs = Files.list(path)) {
                // The risk screen's sets live beside these but have their own format (RISK.md).
                subs.filter(Files::isDirectory)
                        .filter(d -> !d.getFileName().toString().equals("risk"))
                        .map(d -> d.resolve(split + ".tsv"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + split + ".tsv under " + path);
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(readHearthFile(file, column));
        }
        return rows;
    }

    private static List<Row> readHearthFile(Path file, String column) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.getFirst().strip().split("\t"));
            int textCol = header.indexOf("text");
            int col = header.indexOf(column);
            if (textCol < 0 || col < 0) {
                throw new IllegalArgumentException(file + ": header must name 'text' and '" + column + "'");
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != header.size()) {
                    throw new IllegalArgumentException(
                            file + ":" + (i + 1) + ": expected " + header.size() + " columns, found " + cols.length);
                }
                Set<String> labels = new LinkedHashSet<>();
                for (String l : cols[col].split(",")) {
                    if (!l.isBlank()) {
                        labels.add(l.strip());
                    }
                }
                rows.add(new Row(cols[textCol].strip(), labels));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
