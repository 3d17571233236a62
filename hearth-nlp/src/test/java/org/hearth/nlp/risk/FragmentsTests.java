package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short fragments without earlier turns, as a thread's title or a first message would be screened:
 * bare times and everyday titles ("tonite", "sunday night", "the beginning") beside short at-risk
 * texts in the same words ("pills 2nite", "took every tablet"). Found on 2026-12-07 when a member's
 * thread titled "tonight" was screened IMMINENT by the model stage alone, which opened an incident
 * and put the whole thread in safety mode; the four texts tagged {@code found} are the ones tried
 * then. Never trained on. Only counts and ids are printed.
 *
 * <p>A ratchet of a known weakness, not a gate that is met: the shipped head calls 6 of the 34
 * neutral fragments MODERATE or above (4 of them IMMINENT) and misses 2 of the 8 at-risk ones. A
 * head trained with such fragments as hard negatives fixed neither and failed five other gates
 * (RISK.md, "Short fragments"). Lower the ceilings when a change lowers the counts.
 */
class FragmentsTests {

    /**
     * Neutral fragments screened MODERATE or above (each would open an incident): 6 when found, 7
     * with the blended head of the same day, one traded knowingly (RISK.md, "A head with its own encoder").
     */
    static final int CEILING_NEUTRAL_FLAGGED = 7;

    /** At-risk fragments screened below HIGH. */
    static final int CEILING_AT_RISK_MISSED = 2;

    private static final DefaultRiskScreen screen = GateScreen.shared();

    @Test
    void flagsNoMoreFragmentsAndMissesNoMoreShortCrisesThanWhenFound() throws IOException {
        List<RiskDataSet.Row> rows = RiskDataSet.read(Path.of("src/test/resources/risk/fragments.tsv"));
        int neutral = 0;
        int flagged = 0;
        int atRisk = 0;
        int missed = 0;
        StringBuilder wrong = new StringBuilder();
        for (RiskDataSet.Row row : rows) {
            RiskLevel level = screen.screen(row.text(), List.of()).level();
            if (row.level() == RiskLevel.NONE) {
                neutral++;
                if (level.atLeast(RiskLevel.MODERATE)) {
                    flagged++;
                    wrong.append(' ').append(row.id());
                }
            } else {
                atRisk++;
                if (!level.atLeast(RiskLevel.HIGH)) {
                    missed++;
                    wrong.append(' ').append(row.id());
                }
            }
        }
        System.out.printf(
                "fragments: %d of %d neutral flagged, %d of %d at-risk missed:%s%n",
                flagged, neutral, missed, atRisk, wrong);
        assertThat(neutral).isEqualTo(34);
        assertThat(atRisk).isEqualTo(8);
        assertThat(flagged)
                .as("neutral fragments at MODERATE or above:%s", wrong)
                .isLessThanOrEqualTo(CEILING_NEUTRAL_FLAGGED);
        assertThat(missed).as("at-risk fragments below HIGH:%s", wrong).isLessThanOrEqualTo(CEILING_AT_RISK_MISSED);
    }
}
