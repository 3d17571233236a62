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
}
