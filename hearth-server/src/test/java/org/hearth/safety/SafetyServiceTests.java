package org.hearth.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskScreen;
import org.hearth.nlp.risk.Screening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SafetyServiceTests {

    @Test
    void failsClosedToModerateWhenTheScreenThrowsWithoutLoggingTheText(CapturedOutput output) {
        RiskScreen broken = (text, context) -> {
            throw new IllegalStateException("could not read: " + text);
        };
        Screening screening = service(broken).screenOnly("a secret sentence about my night", List.of());

        assertThat(screening.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(screening.degraded()).isTrue();
        assertThat(screening.signals()).singleElement().satisfies(signal -> assertThat(signal.stage())
                .isEqualTo("FAILSAFE"));
        assertThat(output.getAll()).contains("IllegalStateException").doesNotContain("secret sentence");
    }

    @Test
    void failsClosedToModerateWhenNoScreenIsConfigured() {
        Screening screening = service(null).screenOnly("hello", List.of());
        assertThat(screening.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(screening.degraded()).isTrue();
    }

    private static SafetyService service(RiskScreen screen) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (screen != null) {
            beans.addBean("riskScreen", screen);
        }
        return new SafetyService(
                beans.getBeanProvider(RiskScreen.class),
                new CrisisProtocol(),
                null,
                null,
                beans.getBeanProvider(org.hearth.identity.Accounts.class),
                new SafetyProperties(null, null, null),
                event -> {},
                null,
                Clock.systemUTC());
    }
}
