package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * False alarms on everyday text. The team's own lines for the intent, sentiment and distortion heads
 * (data/intent, data/sentiment, data/distortions: venting, questions, greetings, goodbyes, none of
 * them a crisis) are screened one by one, without context, as a member's first message would be.
 * Each flagged line would show the member a protocol reply and, at MODERATE and above, open an
 * incident for a responder.
 *
 * <p>A ratchet, not the clinical gate: the ceilings are the counts first measured on 2026-12-04 with
 * the shipped screen, so a change may lower them (then lower the ceiling too) but never raise them
 * unnoticed. They were raised once, on 2026-12-07, for the MLP head of data version 5: it lifts
 * recall on both independent sets by 7 to 15 points at an equal or lower hard-negative FPR there,
 * and flags 17 more of these 1,229 lines (short neutral turns such as "k" and "I'll write more
 * later", anxious predictions such as a partner leaving), while flagging fewer goodbyes (2 of 50,
 * not 5). RISK.md gives the trade in full; it is the head's most visible cost to members.
 * Counts only are printed; the lines themselves stay out of the build log. The known weak spot was
 * goodbyes: the head, which reads one text, confuses a warm sign-off with a farewell note. Since the
 * seventh session of 2026-12-07 the screen sets the head's rating aside on a message made only of
 * thanks and sign-offs in a closed grammar ({@link Courtesy}), when no earlier turn of the thread
 * reached MODERATE; a farewell's own words ("goodbye", "for everything", "forever") are outside it.
 */
class EverydayLinesTests {

    /**
     * Lines at HIGH or IMMINENT: 21 first measured 2026-12-04, 20 once "the marriage is collapsing" no
     * longer read as a medical emergency, 37 with the MLP head of 2026-12-07, 21 with the blended
     * head of the same day (the MLP head averaged with a head on its own fine-tuned encoder), 17 once
     * the courtesy rule set the head aside on thanks and sign-offs, 15 with the head trained on the
     * rotated independent sets and the written deliveries v7 to v9 (both in the seventh session of
     * 2026-12-07), 13 with the head that also trained on heldout-v4 and written-v10 (eighth session).
     */
    static final int CEILING_HIGH_OR_ABOVE = 13;

    /** Lines at MODERATE or above (each opens an incident), measured with the ceiling above (38 before the blend). */
    static final int CEILING_MODERATE_OR_ABOVE = 13;

    /**
     * Goodbye lines (intent "goodbye") at HIGH or above: 5 first measured 2026-12-04, 2 on 2026-12-07
     * with the MLP head, 3 with the blended head (traded for 16 fewer everyday lines at HIGH or above),
     * none with the courtesy rule, 1 with the head trained on the rotated sets (a goodbye outside the
     * courtesy grammar; traded knowingly for eight more IMMINENT catches on the independent sets,
     * RISK.md), none again with the head of the eighth session. Goodbyes outside the grammar
     * ("Goodbye dear", "Leaving now") are the head's to rate.
     */
    static final int CEILING_GOODBYES_HIGH = 0;

    private record Line(String text, String intent) {}

    private static final DefaultRiskScreen screen = GateScreen.shared();

    private static List<Line> everydayLines() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String head : List.of("intent", "sentiment", "distortions")) {
            for (String split : List.of("train.tsv", "dev.tsv")) {
                List<String> rows = Files.readAllLines(Path.of("data", head, split));
                for (String row : rows.subList(1, rows.size())) {
                    String[] columns = row.split("\t");
                    if (columns.length >= 3 && !columns[0].isBlank()) {
                        lines.add(new Line(columns[0], columns[2]));
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void flagsNoMoreEverydayLinesThanWhenFirstMeasured() throws IOException {
        List<Line> lines = everydayLines();
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        int goodbyes = 0;
        int goodbyesHigh = 0;
        for (Line line : lines) {
            RiskLevel level = screen.screen(line.text(), List.of()).level();
            byLevel.merge(level, 1, Integer::sum);
            if (line.intent().equals("goodbye")) {
                goodbyes++;
                if (level.compareTo(RiskLevel.HIGH) >= 0) {
                    goodbyesHigh++;
                }
            }
        }
        int high = byLevel.getOrDefault(RiskLevel.HIGH, 0) + byLevel.getOrDefault(RiskLevel.IMMINENT, 0);
        int moderate = high + byLevel.getOrDefault(RiskLevel.MODERATE, 0);
        System.out.printf(
                "everyday lines: %d screened, by level %s; MODERATE+ %d, HIGH+ %d; goodbyes at HIGH+ %d of %d%n",
                lines.size(), byLevel, moderate, high, goodbyesHigh, goodbyes);

        assertThat(lines).hasSizeGreaterThan(1000);
        assertThat(high).as("everyday lines at HIGH or above").isLessThanOrEqualTo(CEILING_HIGH_OR_ABOVE);
        assertThat(moderate).as("everyday lines at MODERATE or above").isLessThanOrEqualTo(CEILING_MODERATE_OR_ABOVE);
        assertThat(goodbyesHigh).as("goodbye lines at HIGH or above").isLessThanOrEqualTo(CEILING_GOODBYES_HIGH);
    }

    /**
     * A member's ordinary bad week, told over a thread, and a supportive reply of the companion's
     * own, which the server screens before it sends it: none of it opens an incident. At the
     * cross-validated MODERATE cut-off of 0.86 the fourth turn and the reply screened MODERATE (and
     * the reply at 0.94 still), which is why the blend keeps 0.99 (RISK.md, "The MODERATE cut-off
     * chosen by cross-validation").
     */
    @Test
    void anOrdinaryBadWeekAndTheCompanionsOwnReplyStayBelowModerate() {
        List<String> turns = List.of(
                "I'm so stressed and anxious lately, work has been completely overwhelming.",
                "My manager keeps adding deadlines and I'm worried I'll fall behind and let everyone down at work.",
                "And then at night I lie awake until 3am going over everything I didn't finish, so I barely sleep.",
                "I can't stop thinking about it, I always mess everything up and everyone will see I'm a failure.",
                "Maybe not everything, I did finish the big report last week and my manager said it was good.",
                "What can I do to actually get some sleep tonight?");
        for (int i = 0; i < turns.size(); i++) {
            List<String> before = turns.subList(Math.max(0, i - 3), i);
            assertThat(screen.screen(turns.get(i), before).level())
                    .as("turn %d", i + 1)
                    .isLessThan(RiskLevel.MODERATE);
            assertThat(screen.screen(turns.get(i), List.of()).level())
                    .as("turn %d alone", i + 1)
                    .isLessThan(RiskLevel.MODERATE);
        }
        assertThat(screen.screen("That sounds like a lot to carry. What has been hardest?", List.of())
                        .level())
                .isLessThan(RiskLevel.MODERATE);
    }

    /**
     * Calm journal lines with something pasted into them: a UUID, a hex string, a code, a long
     * number. Both the blend of the fifth session and the head trained on the rotated sets flagged
     * such lines HIGH (11 and 15 of these 90; the rotated head every river line with a UUID, which a
     * server browser test writes to keep its entries apart), and neither line is flagged without the
     * id. The model stage now reads the text without pasted ids ({@link PastedIds}).
     */
    @Test
    void calmLinesWithAPastedIdStayCalm() {
        List<String> lines = List.of(
                "Walked by the river after work %s.\nThe light on the water helped.",
                "Made soup for dinner and called my sister, ref %s.",
                "Slept badly but the morning walk was nice %s",
                "Finished the report at work today, ticket %s closed.",
                "Took the dog to the park, it was sunny %s",
                "Read a few chapters before bed, order %s arrived too.");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int flagged = 0;
        int screened = 0;
        for (String line : lines) {
            assertThat(screen.screen(line.formatted(""), List.of()).level()).isLessThan(RiskLevel.MODERATE);
            for (int i = 0; i < 15; i++) {
                String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
                String id =
                        switch (i % 4) {
                            case 0 -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                            case 1 -> hex + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
                            case 2 -> "K" + (1000 + random.nextInt(9000)) + "ZQ" + (1000 + random.nextInt(9000));
                            default -> String.valueOf(1_000_000_000L + random.nextLong(9_000_000_000L));
                        };
                screened++;
                if (screen.screen(line.formatted(id), List.of()).level().atLeast(RiskLevel.MODERATE)) {
                    flagged++;
                }
            }
        }
        System.out.printf("calm lines with a pasted id: %d of %d at MODERATE or above%n", flagged, screened);
        assertThat(flagged).isZero();
    }

    /**
     * The sign-off that ended a member's try of the running server: after this thread "ok, thanks.
     * goodnight" got the crisis reply, because the head, which reads one text, rates it HIGH alone.
     * After a calm or merely unhappy thread the courtesy rule sets that rating aside; after a thread
     * with ideation in it the rating stands, and a farewell wording stands anywhere.
     */
    @Test
    void aSignOffEndsAnOrdinaryThreadQuietlyButNotAThreadWithIdeation() {
        String signOff = "ok, thanks. goodnight";
        List<String> badWeek = List.of(
                "I can't stop thinking about it, I always mess everything up and everyone will see I'm a failure",
                "anyway my friend and I made up after our fight, that felt really good");
        assertThat(screen.screen(signOff, badWeek).level()).isLessThan(RiskLevel.MODERATE);
        assertThat(screen.screen(signOff, List.of()).level()).isLessThan(RiskLevel.MODERATE);

        List<String> ideation = List.of(
                "some nights I think everyone would be better off without me",
                "I keep thinking about ending it, I just don't know how long I can keep going");
        assertThat(screen.screen(signOff, ideation).level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        assertThat(screen.screen("thank you for everything. goodbye", List.of()).level())
                .isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }
}
