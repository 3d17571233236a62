package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * heldout-v3.tsv: 600 rows written on 2026-12-03 by an author who had read only clinical-safety.md
 * and the column format, never a rule, a training row or another set, and which nobody who works
 * on the screen has read since. Two rows whose text turned out to stand word for word in the
 * training rows of another writer were dropped before the set was frozen (598 rows). It is frozen:
 * never edited, never tuned on, never mined for misses.
 *
 * <p>First and only measurement before this gate was written (full screen as shipped on
 * 2026-12-03): HIGH recall 0.700 (84/120), IMMINENT 0.700 (70/100), hard-negative FPR 0.084
 * (20/239). The clinical target (0.98, 0.98, 0.05) is far away; this gate is a ratchet at the
 * measured values so that no change makes the screen worse on text it has never seen. Raise the
 * floors when a change measures better; never lower them.
 *
 * <p>Measured again on 2026-12-07 for the MLP head of data version 5 (chosen on cross-validation
 * and the written held-back parts, see RISK.md), twice: without noisy copies HIGH 0.758, IMMINENT
 * 0.850, FPR 0.092 (22/239); with them, as shipped, HIGH 0.783 (94/120), IMMINENT 0.850 (85/100),
 * FPR 0.075 (18/239). The noisy copies were added because the first head flagged calm lines that
 * carried a random id, not for these figures.
 */
class IndependentHeldOutSetTests {

    private static final Path SET = Path.of("src/test/resources/risk/heldout-v3.tsv");

    /** Measured 0.783 (94/120), floored; 0.700 before 2026-12-07; the clinical target is 0.98. */
    static final double FLOOR_HIGH = 0.78;

    /** Measured 0.850 (85/100); 0.700 before 2026-12-07; the clinical target is 0.98. */
    static final double FLOOR_IMMINENT = 0.85;

    /** Measured 0.075 (18/239), rounded up; 0.084 before 2026-12-07; the clinical target is 0.05. */
    static final double CEILING_FPR = 0.08;

    private static final DefaultRiskScreen screen = GateScreen.shared();

    @Test
    void holdsItsRatchetOnTextWrittenByAnAuthorWhoNeverSawTheScreen() throws IOException {
        RiskMetrics m = RiskMetrics.of(screen, RiskDataSet.read(SET));

        assertThat(m.recallAtOrAbove(RiskLevel.HIGH))
                .as("HIGH recall on heldout-v3.tsv (target 0.98, floor %s)", FLOOR_HIGH)
                .isGreaterThanOrEqualTo(FLOOR_HIGH);
        assertThat(m.recallAtOrAbove(RiskLevel.IMMINENT))
                .as("IMMINENT recall on heldout-v3.tsv (target 0.98, floor %s)", FLOOR_IMMINENT)
                .isGreaterThanOrEqualTo(FLOOR_IMMINENT);
        assertThat(m.falsePositiveRate())
                .as("hard-negative FPR on heldout-v3.tsv (target 0.05, ceiling %s)", CEILING_FPR)
                .isLessThanOrEqualTo(CEILING_FPR);
    }

    @Test
    void coversEveryLevelAndCategoryWithEnoughRows() throws IOException {
        List<RiskDataSet.Row> rows = RiskDataSet.read(SET);

        // Counts only, so that a failure never prints the frozen rows.
        assertThat(rows.size()).isEqualTo(598);
        assertThat(rows.stream()
                        .filter(r -> r.level().compareTo(RiskLevel.MODERATE) >= 0)
                        .count())
                .isGreaterThanOrEqualTo(300);
        assertThat(rows.stream().filter(RiskDataSet.Row::hardNegative).count()).isGreaterThanOrEqualTo(239);
        for (RiskCategory category : RiskCategory.values()) {
            assertThat(rows.stream()
                            .filter(r -> r.categories().contains(category))
                            .count())
                    .as("rows of category %s", category)
                    .isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void sharesNoTextWithAnySetTheScreenWasBuiltFrom() throws IOException {
        Set<String> seen = new HashSet<>();
        Path data = Path.of("data/risk");
        List<Path> training = new ArrayList<>(List.of(data.resolve("train.tsv")));
        try (Stream<Path> folders = Files.list(data)) {
            folders.filter(Files::isDirectory).forEach(training::add);
        }
        for (Path path : training) {
            RiskTrain.readTrain(path).forEach(l -> seen.add(normalized(l.text())));
        }
        Path resources = Path.of("src/test/resources/risk");
        for (String set : List.of("dev.tsv", "dev-v3.tsv", "heldout-v2.tsv")) {
            if (Files.exists(resources.resolve(set))) {
                RiskDataSet.read(resources.resolve(set)).forEach(r -> seen.add(normalized(r.text())));
            }
        }

        long shared = RiskDataSet.read(SET).stream()
                .filter(r -> seen.contains(normalized(r.text())))
                .count();

        // A count only: printing the shared rows would show the frozen set to whoever reads the log.
        assertThat(shared)
                .as("rows of heldout-v3.tsv also in a training or development set")
                .isZero();
    }

    private static String normalized(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
