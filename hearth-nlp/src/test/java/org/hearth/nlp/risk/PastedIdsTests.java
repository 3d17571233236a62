package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PastedIdsTests {

    @Test
    void takesOutWhatIsPastedAndKeepsTheWords() {
        assertThat(PastedIds.strip(
                        "Walked by the river after work 15207aa1-7dac-4ea9-a592-9db0b23229a6. The light helped."))
                .isEqualTo("Walked by the river after work . The light helped.");
        assertThat(PastedIds.strip("ticket 9f3a61c2d4b7e805 closed")).isEqualTo("ticket closed");
        assertThat(PastedIds.strip("order 7G4K29LP0Q arrived")).isEqualTo("order arrived");
        assertThat(PastedIds.strip("call 5551234567 tomorrow")).isEqualTo("call tomorrow");
        assertThat(PastedIds.strip("qx3fa9c01b77d2e4a9 made soup")).isEqualTo("made soup");
    }

    @Test
    void leavesAMessageThatIsOnlyAnIdAsItIs() {
        // The model stage never reads an empty text; an id alone is rated as written.
        String id = "15207aa1-7dac-4ea9-a592-9db0b23229a6";
        assertThat(PastedIds.strip(id)).isEqualTo(id);
        assertThat(PastedIds.strip("  5551234567 ")).isEqualTo("  5551234567 ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I took 40 of my 20mg pills at 11pm",
                "took 10x500mg paracetamol",
                "I swallowed 100milligrams",
                "on 2026-12-07 I will end it",
                "meet me at 23:45 on the bridge",
                "I have 30 oxycodone 5mg tabs",
                "it's been 365 days",
                "room 1204, floor 12",
                "I'm 17 and I want to die",
                "my blood sugar is 2.1",
                "ABC123",
                "plain words only"
            })
    void leavesRiskWordingDosesDatesAndCountsAlone(String text) {
        assertThat(PastedIds.strip(text)).isEqualTo(text);
    }
}
