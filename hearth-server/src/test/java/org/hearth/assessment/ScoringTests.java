package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hearth.nlp.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class ScoringTests {

    static final InstrumentCatalogue CATALOGUE = new InstrumentCatalogue();

    @Test
    void loadsEveryInstrumentWithItsExactId() {
        assertThat(CATALOGUE.all())
                .extracting(Instrument::id)
                .containsExactly("audit-c", "cssrs-screen", "gad-7", "pcl-5", "phq-9", "pss-10", "who-5");
        assertThat(CATALOGUE.require("phq-9").itemCount()).isEqualTo(9);
        assertThat(CATALOGUE.require("pcl-5").itemCount()).isEqualTo(20);
        assertThat(CATALOGUE.all())
                .allSatisfy(i -> assertThat(i.source().licence()).isNotBlank());
    }

    @Test
    void refusesToStartWithAnInvalidDefinition() {
        assertThatThrownBy(() -> new InstrumentCatalogue("classpath:assessment/invalid/*.json"))
                .isInstanceOf(InstrumentCatalogue.InvalidInstrumentException.class)
                .hasMessageContaining("starts at 5, expected 4")
                .hasMessageContaining("names item 12");
    }

    @Test
    void scoresEveryGad7AnswerVectorAsTheSumInTheRightBand() {
        enumerateAndCheck(CATALOGUE.require("gad-7"), 16_384);
    }

    @Test
    void scoresEveryPhq9AnswerVectorAsTheSumInTheRightBand() {
        enumerateAndCheck(CATALOGUE.require("phq-9"), 262_144);
    }

    @Test
    void scoresEveryAuditCAndWho5AnswerVector() {
        enumerateAndCheck(CATALOGUE.require("audit-c"), 125);
        enumerateAndCheck(CATALOGUE.require("who-5"), 7_776);
    }

    /** Enumerates every answer vector and checks score = sum × multiplier and band bounds. */
    private static void enumerateAndCheck(Instrument instrument, int expectedVectors) {
        int items = instrument.itemCount();
        int options = instrument.optionsOf(0).size();
        int[] digits = new int[items];
        int seen = 0;
        while (true) {
            List<Integer> answers = new ArrayList<>(items);
            int sum = 0;
            for (int i = 0; i < items; i++) {
                int value = instrument.optionsOf(i).get(digits[i]).value();
                answers.add(value);
                sum += value;
            }
            assertThat(Scorer.validate(instrument, answers, null)).isEmpty();
            Scorer.Scored scored = Scorer.score(instrument, answers, null);
            int expected = sum * instrument.scoring().multiplier();
            if (scored.score() != expected) {
                throw new AssertionError(instrument.id() + " " + answers + " scored " + scored.score());
            }
            if (!scored.band().contains(expected)) {
                throw new AssertionError(instrument.id() + " " + answers + " in band "
                        + scored.band().code());
            }
            if (instrument.id().equals("phq-9")
                    && (answers.get(8) > 0) != scored.level().atLeast(RiskLevel.MODERATE)) {
                throw new AssertionError("phq-9 " + answers + " raised " + scored.level());
            }
            seen++;
            int position = 0;
            while (position < items && ++digits[position] == options) {
                digits[position++] = 0;
            }
            if (position == items) {
                break;
            }
        }
        assertThat(seen).isEqualTo(expectedVectors);
    }

    @Test
    void reverseScoresPss10Items4578() {
        Instrument pss = CATALOGUE.require("pss-10");
        // All "Never": items 4, 5, 7, 8 count 4 each.
        assertThat(Scorer.score(pss, Collections.nCopies(10, 0), null).score()).isEqualTo(16);
        // All "Very often": the six forward items count 4 each, the reversed ones 0.
        assertThat(Scorer.score(pss, Collections.nCopies(10, 4), null).score()).isEqualTo(24);
        List<Integer> answers = Arrays.asList(1, 2, 3, 0, 1, 2, 3, 4, 0, 1);
        // forward: 1+2+3+2+0+1 = 9; reversed: (4-0)+(4-1)+(4-3)+(4-4) = 8
        assertThat(Scorer.score(pss, answers, null).score()).isEqualTo(17);
    }

    @Test
    void multipliesWho5RawScoreByFour() {
        Instrument who = CATALOGUE.require("who-5");
        Scorer.Scored scored = Scorer.score(who, List.of(3, 3, 2, 2, 3), null);
        assertThat(scored.raw()).isEqualTo(13);
        assertThat(scored.score()).isEqualTo(52);
        assertThat(scored.severity()).isEqualTo("good");
    }

    @Test
    void addsPcl5ClusterSubscales() {
        Instrument pcl = CATALOGUE.require("pcl-5");
        List<Integer> answers = new ArrayList<>(Collections.nCopies(20, 0));
        answers.set(0, 4); // B
        answers.set(6, 3); // C
        answers.set(13, 2); // D
        answers.set(19, 1); // E
        Scorer.Scored scored = Scorer.score(pcl, answers, null);
        assertThat(scored.subscales())
                .containsExactly(
                        java.util.Map.entry("B", 4),
                        java.util.Map.entry("C", 3),
                        java.util.Map.entry("D", 2),
                        java.util.Map.entry("E", 1));
        assertThat(scored.score()).isEqualTo(10);
    }

    @Test
    void usesSexSpecificAuditCCutoffs() {
        Instrument audit = CATALOGUE.require("audit-c");
        List<Integer> three = List.of(1, 1, 1);
        assertThat(Scorer.score(audit, three, "male").severity()).isEqualTo("negative");
        assertThat(Scorer.score(audit, three, "female").severity()).isEqualTo("positive");
        assertThat(Scorer.score(audit, three, null).severity()).isEqualTo("positive");
        assertThat(Scorer.score(audit, List.of(2, 1, 1), "male").severity()).isEqualTo("positive");
        assertThat(Scorer.validate(audit, three, "other")).containsKey("sex");
    }

    @Test
    void raisesAtLeastModerateForPhq9Item9() {
        Instrument phq = CATALOGUE.require("phq-9");
        for (int item9 = 0; item9 <= 3; item9++) {
            List<Integer> answers = new ArrayList<>(Collections.nCopies(9, 0));
            answers.set(8, item9);
            RiskLevel level = Scorer.score(phq, answers, null).level();
            RiskLevel expected =
                    switch (item9) {
                        case 0 -> RiskLevel.NONE;
                        case 1 -> RiskLevel.MODERATE;
                        default -> RiskLevel.HIGH;
                    };
            assertThat(level).as("item 9 = %d", item9).isEqualTo(expected);
        }
    }

    @Test
    void mapsCssrsScreenerAnswersAsTheInstrumentPrescribes() {
        Instrument cssrs = CATALOGUE.require("cssrs-screen");
        assertThat(level(cssrs, 0, 0, null, null, null, 0, null)).isEqualTo(RiskLevel.NONE);
        assertThat(level(cssrs, 1, 0, null, null, null, 0, null)).isEqualTo(RiskLevel.LOW);
        assertThat(level(cssrs, 1, 1, 0, 0, 0, 0, null)).isEqualTo(RiskLevel.MODERATE);
        assertThat(level(cssrs, 1, 1, 1, 0, 0, 0, null)).isEqualTo(RiskLevel.HIGH);
        assertThat(level(cssrs, 1, 1, 0, 1, 0, 0, null)).isEqualTo(RiskLevel.HIGH);
        assertThat(level(cssrs, 1, 1, 0, 0, 1, 0, null)).isEqualTo(RiskLevel.HIGH);
        assertThat(level(cssrs, 0, 0, null, null, null, 1, 0)).isEqualTo(RiskLevel.MODERATE);
        assertThat(level(cssrs, 0, 0, null, null, null, 1, 1)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void rejectsBranchingViolationsOfTheCssrsScreener() {
        Instrument cssrs = CATALOGUE.require("cssrs-screen");
        assertThat(Scorer.validate(cssrs, Arrays.asList(0, 0, 1, null, null, 0, null), null))
                .containsOnlyKeys("answers[2]");
        assertThat(Scorer.validate(cssrs, Arrays.asList(1, 1, null, 0, 0, 0, null), null))
                .containsOnlyKeys("answers[2]");
        assertThat(Scorer.validate(cssrs, Arrays.asList(0, 0, null, null, null, 0, 1), null))
                .containsOnlyKeys("answers[6]");
        assertThat(Scorer.validate(cssrs, Arrays.asList(0, 0, null, null, null, 1, null), null))
                .containsOnlyKeys("answers[6]");
    }

    private static RiskLevel level(Instrument instrument, Integer... answers) {
        List<Integer> list = Arrays.asList(answers);
        assertThat(Scorer.validate(instrument, list, null)).isEmpty();
        return Scorer.score(instrument, list, null).level();
    }

    @Test
    void reportsReliableImprovementAndRecoveryForPhq9From18To11To7() {
        Instrument phq = CATALOGUE.require("phq-9");
        Assessments.History history =
                ChangeOverTime.of(phq, List.of(stored(phq, 18, 1), stored(phq, 11, 2), stored(phq, 7, 3)));
        assertThat(history.change()).isEqualTo(-11);
        assertThat(history.reliableImprovement()).isTrue();
        assertThat(history.recovered()).isTrue();
        assertThat(history.reliableRecovery()).isTrue();
        assertThat(history.reliableDeterioration()).isFalse();
        assertThat(history.reliableChangeCriterion()).isEqualTo(6.0);
        assertThat(history.responses())
                .extracting(Assessments.Point::marker)
                .containsExactly(null, "reliable-improvement", "reliable-improvement");
    }

    @Test
    void appliesNhsTalkingTherapiesThresholdsAtTheirEdges() {
        Instrument phq = CATALOGUE.require("phq-9");
        Instrument gad = CATALOGUE.require("gad-7");
        // A 5-point drop is not reliable on the PHQ-9; recovery without reliable improvement is not reliable recovery.
        Assessments.History small = ChangeOverTime.of(phq, List.of(stored(phq, 12, 1), stored(phq, 7, 2)));
        assertThat(small.reliableImprovement()).isFalse();
        assertThat(small.recovered()).isTrue();
        assertThat(small.reliableRecovery()).isFalse();
        Assessments.History worse = ChangeOverTime.of(phq, List.of(stored(phq, 4, 1), stored(phq, 10, 2)));
        assertThat(worse.reliableDeterioration()).isTrue();
        assertThat(worse.recovered()).isFalse();
        Assessments.History gadImproved = ChangeOverTime.of(gad, List.of(stored(gad, 8, 1), stored(gad, 4, 2)));
        assertThat(gadImproved.caseAtBaseline()).isTrue();
        assertThat(gadImproved.reliableImprovement()).isTrue();
        assertThat(gadImproved.reliableRecovery()).isTrue();
        Assessments.History gadNotCase = ChangeOverTime.of(gad, List.of(stored(gad, 7, 1), stored(gad, 2, 2)));
        assertThat(gadNotCase.recovered()).isFalse();
    }

    @Test
    void computesTheJacobsonTruaxIndexFromTheRecordedFigures() {
        Instrument pss = CATALOGUE.require("pss-10");
        Assessments.History history = ChangeOverTime.of(pss, List.of(stored(pss, 30, 1), stored(pss, 20, 2)));
        double seDiff = 6.35 * Math.sqrt(2 * (1 - 0.78));
        assertThat(history.reliableChangeIndex()).isCloseTo(-10 / seDiff, org.assertj.core.data.Offset.offset(0.01));
        assertThat(history.reliableImprovement()).isTrue();
        assertThat(history.recovered()).isNull();
        Instrument who = CATALOGUE.require("who-5");
        Assessments.History better = ChangeOverTime.of(who, List.of(stored(who, 40, 1), stored(who, 52, 2)));
        assertThat(better.reliableImprovement()).isTrue();
    }

    static StoredResponse stored(Instrument instrument, int score, int day) {
        return new StoredResponse(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                instrument.id(),
                instrument.version(),
                List.of(),
                null,
                score,
                "x",
                java.util.Map.of(),
                List.of(),
                "NONE",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day));
    }
}
