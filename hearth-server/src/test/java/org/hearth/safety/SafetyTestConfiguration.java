package org.hearth.safety;

import org.hearth.nlp.risk.RiskScreen;
import org.hearth.platform.TestClockConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the safety tests need around the module: a movable clock, test accounts, test security and,
 * until the real screen is merged, a fake one. Once {@code DefaultRiskScreen} is on the class path,
 * the fake steps aside and the tests run against the real screen.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({TestClockConfiguration.class, SafetyTestConfiguration.FakeScreen.class})
public class SafetyTestConfiguration {

    @Bean
    @Primary
    TestAccounts testAccounts() {
        return new TestAccounts();
    }

    @Bean
    EventsProbe safetyEventsProbe() {
        return new EventsProbe();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.hearth.nlp.risk.DefaultRiskScreen")
    static class FakeScreen {
        @Bean
        RiskScreen fakeRiskScreen() {
            return new FakeRiskScreen();
        }
    }

    /** Listens to the events no module listens to yet, so they too pass the publication registry. */
    static class EventsProbe {
        @ApplicationModuleListener
        void on(RiskDetected event) {}

        @ApplicationModuleListener
        void on(IncidentAcknowledged event) {}

        @ApplicationModuleListener
        void on(IncidentResolved event) {}
    }
}
