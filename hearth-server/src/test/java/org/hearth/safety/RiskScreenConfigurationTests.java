package org.hearth.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskScreen;
import org.hearth.nlp.risk.Screening;
import org.junit.jupiter.api.Test;

class RiskScreenConfigurationTests {

    @Test
    void loadsTheScreenWithItsModelStageWorking() throws Exception {
        RiskScreen screen = new RiskScreenConfiguration().riskScreen(Duration.ofSeconds(5));
        try {
            Screening everyday = screen.screen("work was exhausting today", List.of());
            Screening imminent = screen.screen("i took all of my pills about an hour ago", List.of());
            // Degraded would mean the model stage did not load or run: the server must never ship so.
            assertThat(everyday.degraded()).isFalse();
            assertThat(everyday.level()).isEqualTo(RiskLevel.NONE);
            assertThat(imminent.degraded()).isFalse();
            assertThat(imminent.level()).isEqualTo(RiskLevel.IMMINENT);
        } finally {
            ((AutoCloseable) screen).close();
        }
    }
}
