package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    @Test
    void sharesNoTextWithTheTrainingData() throws IOException {
        Set<String> train = new HashSet<>();
        for (RiskTrain.Labelled l : RiskTrain.readTrain(Path.of("data/risk/train.tsv"))) {
            train.add(key(l.text()));
        }
        assertThat(train).hasSizeGreaterThan(300);
        for (RiskDataSet.Row row : all()) {
            assertThat(train).as("row %s also in train.tsv", row.id()).doesNotContain(key(row.text()));
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
        for (RiskDataSet.Row r : all()) {
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
