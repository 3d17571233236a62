package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.Test;

/** The model stage reads a long text in parts as well as whole ({@link TrainedRiskModel#rate}). */
class LongTextPartsTests {

    private static final SentenceEmbedder embedder = OnnxSentenceEmbedder.standard();
    private static final TrainedRiskModel model = TrainedRiskModel.load(embedder);

    private static final String DAY = "Work was long again and the printer jammed twice before lunch. "
            + "I walked the dog round the park after tea and the light on the pond was lovely. "
            + "Mum rang to ask about Sunday and we talked about the garden for ages. "
            + "I made soup with the last of the leeks and watched half a film. ";

    @Test
    void aShortTextHasNoParts() {
        assertThat(TrainedRiskModel.parts("had a quiet day, made soup, early night"))
                .isEmpty();
        assertThat(TrainedRiskModel.parts("   ")).isEmpty();
    }

    @Test
    void aLongTextIsCutIntoWholeSentencesOfEnoughWords() {
        List<String> parts = TrainedRiskModel.parts(DAY + DAY);
        assertThat(parts).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(TrainedRiskModel.MAX_PARTS);
        assertThat(String.join(" ", parts)).isEqualTo((DAY + DAY).strip());
        for (String part : parts.subList(0, parts.size() - 1)) {
            assertThat(part.split("\\s+").length).isGreaterThanOrEqualTo(TrainedRiskModel.PART_WORDS);
            assertThat(part).endsWith(".");
        }
    }

    @Test
    void aVeryLongTextStillHasAFewPartsOnly() {
        String text = DAY.repeat(40);
        List<String> parts = TrainedRiskModel.parts(text);
        assertThat(parts).hasSizeLessThanOrEqualTo(TrainedRiskModel.MAX_PARTS + 1);
        assertThat(String.join(" ", parts)).isEqualTo(text.strip());
    }

    @Test
    void oneSentenceOfRiskInALongEntryIsNotAveragedAway() {
        String calm = DAY + DAY;
        String buried = DAY + "I have counted out all of my tablets and tonight I am going to take every one. " + DAY;
        assertThat(model.rate(calm).level()).isLessThan(RiskLevel.MODERATE);
        // Read whole, the shipped head rates this text NONE (0.52 on 2026-12-07); its part is HIGH or above.
        assertThat(model.rate(buried).level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }

    @Test
    void aPartRaisesALevelOnlyWhereItReachesTheFloor() {
        double[] whole = {0.30, 0.20, 0.10};
        double[] sure = {0.97, 0.93, 0.60};
        double[] unsure = {0.89, 0.88, 0.87};
        assertThat(TrainedRiskModel.withParts(whole, List.of(unsure))).containsExactly(whole);
        assertThat(TrainedRiskModel.withParts(whole, List.of(unsure, sure))).containsExactly(0.97, 0.93, 0.10);
        // The whole text's own figure stands where it is higher than a part's.
        assertThat(TrainedRiskModel.withParts(new double[] {0.99, 0.95, 0.2}, List.of(sure)))
                .containsExactly(0.99, 0.95, 0.2);
    }

    @Test
    void decidingOnTheMergedFiguresIsRatingEachPartUnderThresholdsRaisedToTheFloor() {
        java.util.Random random = new java.util.Random(3);
        double floor = TrainedRiskModel.PART_MIN_PROBABILITY;
        for (int trial = 0; trial < 20_000; trial++) {
            TrainedRiskModel.Thresholds t = new TrainedRiskModel.Thresholds(
                    0.5 + 0.5 * random.nextDouble(),
                    0.5 + 0.5 * random.nextDouble(),
                    0.5 + 0.5 * random.nextDouble(),
                    0);
            TrainedRiskModel.Thresholds raised = new TrainedRiskModel.Thresholds(
                    Math.max(floor, t.moderate()), Math.max(floor, t.high()), Math.max(floor, t.imminent()), 0);
            double[] whole = cumulative(random);
            List<double[]> parts = List.of(cumulative(random), cumulative(random), cumulative(random));
            RiskLevel expected = TrainedRiskModel.decide(whole, t).level();
            for (double[] part : parts) {
                expected = RiskLevel.max(
                        expected, TrainedRiskModel.decide(part, raised).level());
            }
            assertThat(TrainedRiskModel.decide(TrainedRiskModel.withParts(whole, parts), t)
                            .level())
                    .isEqualTo(expected);
        }
    }

    /** Cumulative figures as a head gives them: P(MODERATE+) >= P(HIGH+) >= P(IMMINENT), near 1 often. */
    private static double[] cumulative(java.util.Random random) {
        double imminent = Math.pow(random.nextDouble(), 0.3);
        double high = imminent + (1 - imminent) * random.nextDouble();
        double moderate = high + (1 - high) * random.nextDouble();
        return new double[] {moderate, high, imminent};
    }

    @Test
    void aThreadIsReadAsTheLastTurnsJoinedWithTheText() {
        assertThat(TrainedRiskModel.thread("yes", List.of("one", "two.", "three", "four?")))
                .isEqualTo("two. three. four? yes");
        assertThat(TrainedRiskModel.readings("yes", List.of())).isEmpty();
        assertThat(TrainedRiskModel.readings("yes", List.of("how are you"))).containsExactly("how are you. yes");
        // A long text with context: its parts, then the thread.
        List<String> withThread = TrainedRiskModel.readings(DAY + DAY, List.of("hi"));
        assertThat(withThread).hasSize(TrainedRiskModel.parts(DAY + DAY).size() + 1);
        assertThat(withThread.getLast()).startsWith("hi. Work was long");
    }

    @Test
    void aShortReplyCarriesTheRiskOfTheTurnsBeforeIt() {
        List<String> context = List.of(
                "been staring at the tablets in the bathroom cabinet all evening", "there's more than enough in there");
        String text = "yeah. tonight i think";
        assertThat(model.rate(text).level()).isLessThan(RiskLevel.HIGH);
        assertThat(model.rate(text, context).level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        // The same reply after ordinary turns stays ordinary.
        assertThat(model.rate(text, List.of("are you coming to the pub quiz", "bring the quiz sheets"))
                        .level())
                .isLessThan(RiskLevel.MODERATE);
    }
}
