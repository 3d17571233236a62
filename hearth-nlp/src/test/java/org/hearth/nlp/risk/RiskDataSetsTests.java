package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The labelled sets keep the shape the brief and clinical-safety.md ask for. */
class RiskDataSetsTests {

    private static final Path DIR = Path.of("src/test/resources/risk");

    private static List<RiskDataSet.Row> all() throws IOException {
        List<RiskDataSet.Row> rows = new ArrayList<>(RiskDataSet.read(DIR.resolve("dev.tsv")));
        rows.addAll(RiskDataSet.read(DIR.resolve("heldout-v2.tsv")));
        return rows;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** Every written-vN folder of training batches. */
    private static List<Path> writtenFolders() throws IOException {
        try (var dirs = Files.list(Path.of("data/risk"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("written-v"))
                    .sorted()
                    .toList();
        }
    }

    /** Every held-back part of a written delivery: dev-v3.tsv, dev-v4.tsv, ... */
    private static List<String> heldBackParts() throws IOException {
        try (var files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("dev-v\\d+\\.tsv"))
                    .sorted()
                    .toList();
        }
    }

    private static Set<String> trainingTexts() throws IOException {
        Set<String> train = new HashSet<>();
        List<Path> sources = new ArrayList<>(List.of(Path.of("data/risk/train.tsv")));
        sources.addAll(writtenFolders());
        for (Path p : sources) {
            for (RiskTrain.Labelled l : RiskTrain.readTrain(p)) {
                train.add(key(l.text()));
            }
        }
        return train;
    }

    @Test
    void sharesNoTextWithTheTrainingData() throws IOException {
        Set<String> train = trainingTexts();
        assertThat(train).hasSizeGreaterThan(3000);
        assertThat(heldBackParts()).contains("dev-v3.tsv", "dev-v4.tsv", "dev-v5.tsv");
        List<String> sets = new ArrayList<>(List.of("dev.tsv", "heldout-v2.tsv", "heldout-v3.tsv", "heldout-v4.tsv"));
        sets.addAll(heldBackParts());
        for (String set : sets) {
            // A count, not ids: the rows of the frozen set are not to be looked at one by one.
            long shared = RiskDataSet.read(DIR.resolve(set)).stream()
                    .filter(r -> train.contains(key(r.text())))
                    .count();
            assertThat(shared).as("texts of %s also in the training data", set).isZero();
        }
    }

    /** The split rule of data/risk/split_written.py: a fifth of the ids by SHA-256, nothing else. */
    private static boolean heldBack(String id) throws java.security.NoSuchAlgorithmException {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        long first = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
        return first % 5 == 0;
    }

    @Test
    void holdsBackTheFifthOfTheWrittenRowsThatTheIdHashChooses() throws Exception {
        for (String part : heldBackParts()) {
            List<RiskDataSet.Row> held = RiskDataSet.read(DIR.resolve(part));
            assertThat(held).as(part).hasSizeGreaterThan(50);
            for (RiskDataSet.Row r : held) {
                assertThat(heldBack(r.id())).as("%s in %s", r.id(), part).isTrue();
            }
        }
        List<Path> batches = new ArrayList<>();
        for (Path folder : writtenFolders()) {
            try (var files = Files.list(folder)) {
                batches.addAll(files.filter(f -> f.toString().endsWith(".tsv")).toList());
            }
        }
        assertThat(batches).isNotEmpty();
        for (Path b : batches) {
            for (RiskDataSet.Row r : RiskDataSet.read(b)) {
                assertThat(heldBack(r.id()))
                        .as("%s in %s", r.id(), b.getFileName())
                        .isFalse();
            }
        }
    }

    @Test
    void holdsEnoughAtRiskMessagesAndHardNegatives() throws IOException {
        List<RiskDataSet.Row> rows = all();
        long atRisk = rows.stream().filter(r -> r.level() != RiskLevel.NONE).count();
        long hardNegatives = rows.stream().filter(RiskDataSet.Row::hardNegative).count();
        assertThat(atRisk).isGreaterThanOrEqualTo(400);
        assertThat(hardNegatives).isGreaterThanOrEqualTo(400);
        assertThat(rows.stream().filter(r -> !r.context().isEmpty()).count()).isGreaterThanOrEqualTo(15);
        Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
        rows.forEach(r -> categories.addAll(r.categories()));
        assertThat(categories).containsExactlyInAnyOrder(RiskCategory.values());
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(rows).anyMatch(r -> r.level() == level);
        }
        for (String tag : List.of(
                "idiom",
                "negation",
                "third-person",
                "lyrics",
                "media",
                "clinical",
                "venting",
                "typo",
                "slang",
                "text-speak",
                "teen",
                "older",
                "non-native",
                "indirect")) {
            assertThat(rows).as("tag %s", tag).anyMatch(r -> r.tags().contains(tag));
        }
    }

    @Test
    void sharesNoTextBetweenTheHeldBackSetAndTheDevelopmentSet() throws IOException {
        Set<String> dev = new HashSet<>();
        for (RiskDataSet.Row r : RiskDataSet.read(DIR.resolve("dev.tsv"))) {
            dev.add(key(r.text()));
        }
        for (RiskDataSet.Row r : RiskDataSet.read(DIR.resolve("heldout-v2.tsv"))) {
            assertThat(dev).as("row %s also in dev.tsv", r.id()).doesNotContain(key(r.text()));
        }
    }

    @Test
    void keepsTheIndependentHeldBackSetAtItsWrittenSizeWithUniqueIds() throws IOException {
        List<RiskDataSet.Row> heldout = RiskDataSet.read(DIR.resolve("heldout-v2.tsv"));
        assertThat(heldout).allMatch(r -> r.id().startsWith("h2-"));
        assertThat(heldout.stream().filter(r -> r.level() != RiskLevel.NONE).count())
                .isGreaterThanOrEqualTo(220);
        assertThat(heldout.stream().filter(r -> r.level() == RiskLevel.HIGH).count())
                .isGreaterThanOrEqualTo(60);
        assertThat(heldout.stream().filter(r -> r.level() == RiskLevel.IMMINENT).count())
                .isGreaterThanOrEqualTo(50);
        assertThat(heldout.stream().filter(RiskDataSet.Row::hardNegative).count())
                .isGreaterThanOrEqualTo(220);
        assertThat(heldout.stream().filter(r -> !r.context().isEmpty()).count()).isGreaterThanOrEqualTo(20);
        Set<String> ids = new HashSet<>();
        List<RiskDataSet.Row> everyRow = new ArrayList<>(all());
        for (String part : heldBackParts()) {
            everyRow.addAll(RiskDataSet.read(DIR.resolve(part)));
        }
        for (RiskDataSet.Row r : everyRow) {
            assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
        }
    }

    @Test
    void rejectsMalformedFilesWithoutQuotingThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, RiskDataSet.HEADER + "\nx1\tHIGH\t-\t-\t-\tsecret words\textra\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskDataSet.read(bad))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("secret");
        Path noHeader = tmp.resolve("no-header.tsv");
        Files.writeString(noHeader, "x1\tHIGH\t-\t-\t-\ttext\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskDataSet.read(noHeader))
                .isInstanceOf(IOException.class);
    }
}
