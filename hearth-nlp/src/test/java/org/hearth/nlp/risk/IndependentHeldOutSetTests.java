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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent sets: heldout-v5.tsv and heldout-v6.tsv. heldout-v4.tsv was gated here until
 * 2026-12-07's eighth session, when it was rotated into the head's training rows (RiskScreenGateTests
 * gates it in-sample with heldout-v2 and v3); at its last reading as an independent set, with the
 * head trained on the rotated sets of the seventh session: 0.925 (111/120), 0.950 (95/100), 0.116
 * (28/241). heldout-v3.tsv, described first below,
 * was gated here until 2026-12-07's seventh session, when it was rotated into the head's training
 * rows with heldout-v2 (RiskScreenGateTests gates both in-sample now); at its last reading as an
 * independent set, with the blended head of the fifth session: 0.858 (103/120), 0.880 (88/100),
 * 0.071 (17/239).
 *
 * <p>heldout-v3.tsv: 600 rows written on 2026-12-03 by an author who had read only clinical-safety.md
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
 *
 * <p>heldout-v4.tsv: 600 rows written on 2026-12-07 by four authors from one brief, who read only
 * clinical-safety.md (see the resources' README), committed alone before it was measured. First
 * measurement, full screen as shipped that day: HIGH 0.842 (101/120), IMMINENT 0.850 (85/100),
 * hard-negative FPR 0.133 (32/241), higher than on any earlier set; of the 266 at-risk texts with
 * categories that it caught, 11 carried no category and none of a writer at risk went to the helper
 * protocol (the screen of the morning, before the category head: 124 and 1).
 *
 * <p>heldout-v5.tsv: 595 rows written on 2026-12-07 (seventh session) by four more authors from one
 * brief, with other emphases (online voices and dark humour; stoic, older and second-language
 * writers; ordinary distress, thanks and goodbyes after hard conversations; the separate categories
 * and their look-alikes), committed alone before it was measured. First measurement, full screen
 * as shipped that day: HIGH 0.916 (109/119), IMMINENT 0.890 (89/100), hard-negative FPR 0.138
 * (33/238), the highest false-alarm rate of any independent set. One short hard negative was
 * dropped after that measurement, when this class found its text in another set.
 *
 * <p>heldout-v6.tsv: 595 rows written on 2026-12-07 (eighth session) by four more authors from one
 * brief (teenagers and students; working adults, carers and people on long-term medication; journal
 * entries and companion threads; the separate categories and their look-alikes), while four others
 * wrote the training delivery written-v10; committed alone before it was measured. First
 * measurement, full screen as shipped that day (the head of the seventh session): HIGH 0.975
 * (117/120), IMMINENT 0.908 (89/98), hard-negative FPR 0.088 (21/240); 9 of 282 caught at-risk texts
 * without a category and one writer at risk sent to the helper protocol.
 */
class IndependentHeldOutSetTests {

    /** A frozen independent set and its ratchet: floors floored, ceiling rounded up, from its measurements. */
    record Gate(String file, int rows, double floorHigh, double floorImminent, double ceilingFpr) {

        Path path() {
            return Path.of("src/test/resources/risk", file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Gate> GATES = List.of(
            // 0.925 (111/120), 0.950 (95/100), 0.116 (28/241) with the head trained on the rotated sets
            // (seventh session of 2026-12-07: six more catches for one false alarm more); 0.900, 0.890,
            // 0.112 (27/241) with the blended head; 0.850, 0.850, 0.133 (32/241) once threads were also
            // read whole; 0.842, 0.850, 0.133 at its first measurement.
            // 0.941 (112/119), 0.920 (92/100), 0.139 (33/238) with the head trained on heldout-v4 and
            // written-v10 as well (eighth session); 0.924 (110/119), 0.910 (91/100), 0.143 (34/238)
            // with the head trained on the rotated sets; 0.916 (109/119), 0.890 (89/100), 0.139
            // (33/238) at its first measurement, with the blended head and the courtesy rule.
            new Gate("heldout-v5.tsv", 595, 0.94, 0.92, 0.139),
            // 0.975 (117/120), 0.939 (92/98), 0.083 (20/240) with the head of the eighth session;
            // 0.975 (117/120), 0.908 (89/98), 0.088 (21/240) at its first measurement.
            new Gate("heldout-v6.tsv", 595, 0.97, 0.93, 0.084));

    private static final DefaultRiskScreen screen = GateScreen.shared();

    static List<Gate> gates() {
        return GATES;
    }

    @ParameterizedTest
    @MethodSource("gates")
    void holdsItsRatchetOnTextWrittenByAnAuthorWhoNeverSawTheScreen(Gate gate) throws IOException {
        RiskMetrics m = RiskMetrics.of(screen, RiskDataSet.read(gate.path()));

        assertThat(m.recallAtOrAbove(RiskLevel.HIGH))
                .as("HIGH recall on %s (target 0.98, floor %s)", gate.file(), gate.floorHigh())
                .isGreaterThanOrEqualTo(gate.floorHigh());
        assertThat(m.recallAtOrAbove(RiskLevel.IMMINENT))
                .as("IMMINENT recall on %s (target 0.98, floor %s)", gate.file(), gate.floorImminent())
                .isGreaterThanOrEqualTo(gate.floorImminent());
        assertThat(m.falsePositiveRate())
                .as("hard-negative FPR on %s (target 0.05, ceiling %s)", gate.file(), gate.ceilingFpr())
                .isLessThanOrEqualTo(gate.ceilingFpr());
    }

    @Test
    void namesWhatTheRiskIsAboutOnTheNewestSet() throws IOException {
        RiskMetrics m = RiskMetrics.of(screen, RiskDataSet.read(GATES.getLast().path()));
        // heldout-v6: 9 of 282 at its first measurement, 7 of 282 with the category head retrained
        // on more rows; one writer at risk sent to the helper protocol by a lexical rule at both
        // (the set is never mined, so the row is not known). (heldout-v5: 9 of 276 and none at its
        // first measurement; heldout-v4: 11 of 266 and none.)
        assertThat(m.caughtWithoutCategory())
                .as("caught at-risk texts without a category")
                .isLessThanOrEqualTo(7);
        assertThat(m.ownRiskToHelper())
                .as("writers at risk sent to the helper protocol")
                .isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("gates")
    void coversEveryLevelAndCategoryWithEnoughRows(Gate gate) throws IOException {
        List<RiskDataSet.Row> rows = RiskDataSet.read(gate.path());

        // Counts only, so that a failure never prints the frozen rows.
        assertThat(rows.size()).isEqualTo(gate.rows());
        assertThat(rows.stream()
                        .filter(r -> r.level().compareTo(RiskLevel.MODERATE) >= 0)
                        .count())
                .isGreaterThanOrEqualTo(295);
        assertThat(rows.stream().filter(RiskDataSet.Row::hardNegative).count()).isGreaterThanOrEqualTo(238);
        for (RiskCategory category : RiskCategory.values()) {
            assertThat(rows.stream()
                            .filter(r -> r.categories().contains(category))
                            .count())
                    .as("rows of category %s", category)
                    .isGreaterThanOrEqualTo(20);
        }
    }

    @ParameterizedTest
    @MethodSource("gates")
    void sharesNoTextWithAnySetTheScreenWasBuiltFrom(Gate gate) throws IOException {
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
        try (Stream<Path> sets = Files.list(resources)) {
            for (Path set : sets.filter(p -> p.getFileName().toString().endsWith(".tsv")
                            && !p.getFileName().toString().equals(gate.file()))
                    .toList()) {
                RiskDataSet.read(set).forEach(r -> seen.add(normalized(r.text())));
            }
        }

        long shared = RiskDataSet.read(gate.path()).stream()
                .filter(r -> seen.contains(normalized(r.text())))
                .count();

        // A count only: printing the shared rows would show the frozen set to whoever reads the log.
        assertThat(shared).as("rows of %s also in another set", gate.file()).isZero();
    }

    private static String normalized(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
