package org.hearth.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hearth.HearthApplication;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Registration;
import org.hearth.identity.RegistrationResult;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * "A restart in the middle loses nothing": a HIGH incident is opened, the whole application shuts
 * down before the 15-minute acknowledgement deadline, and a new application over the same data
 * directory (or the same external PostgreSQL when {@code SPRING_DATASOURCE_URL} is set) starts after
 * the deadline and escalates it. Nothing passes from the first application to the second except
 * what they stored.
 */
class EscalationAcrossRestartIntegrationTests {

    private static final String ADMIN_EMAIL = "restart-admin@example.org";
    private static final String PASSWORD = "a lantern by the window";

    @Test
    void escalatesAnIncidentOpenedBeforeARestartOnceTheDeadlineHasPassed() {
        Path dataDir =
                Path.of("target", "test-data", "restart-" + UUID.randomUUID()).toAbsolutePath();
        // Now, not a date in the past: on a shared external database, other running nodes with real
        // clocks must not find the deadline due before the restart.
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        UUID incidentId;
        Instant deadline;
        try (ConfigurableApplicationContext first = start(dataDir, new MutableClock(opened))) {
            UUID member = register(first);
            UUID organization =
                    first.getBean(Accounts.class).find(member).orElseThrow().organizationId();
            addResponder(first, organization);

            SafetyDecision decision = first.getBean(Safety.class)
                    .screen(new MemberText(
                            member,
                            organization,
                            RiskSource.JOURNAL,
                            UUID.randomUUID(),
                            null,
                            SafetyIntegrationTests.HIGH_TEXT,
                            List.of(),
                            Locale.US));
            incidentId = decision.incidentId();
            assertThat(incidentId).isNotNull();
            Incident incident = first.getBean(Incidents.class).find(incidentId).orElseThrow();
            assertThat(incident.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(incident.escalationTier()).isEqualTo(1);
            deadline = incident.deadline();
            assertThat(deadline).isEqualTo(opened.plus(Duration.ofMinutes(15)));
        }

        MutableClock later = new MutableClock(opened.plus(Duration.ofMinutes(16)));
        try (ConfigurableApplicationContext second = start(dataDir, later)) {
            Incidents incidents = second.getBean(Incidents.class);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                                    incidents.find(incidentId).orElseThrow().escalationTier())
                            .isEqualTo(2));
            Incident escalated = incidents.find(incidentId).orElseThrow();
            assertThat(escalated.status()).isEqualTo(IncidentStatus.OPEN);
            assertThat(escalated.deadline()).isAfter(deadline);
            if (System.getenv("SPRING_DATASOURCE_URL") == null) {
                // Over a private data directory only the new application can have escalated it: the
                // next tier's deadline is counted from its clock. (On a shared external database,
                // another live test application may legitimately have been the node that did it.)
                assertThat(escalated.deadline()).isEqualTo(later.instant().plus(Duration.ofMinutes(15)));
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, MutableClock clock) {
        return new SpringApplicationBuilder(HearthApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "restartTestClock",
                                Clock.class,
                                () -> clock,
                                definition -> definition.setPrimary(true)))
                // As arguments, so they win over the test configuration's random data directory.
                .run(
                        "--hearth.data-dir=" + dataDir,
                        "--server.port=0",
                        "--hearth.scheduler.polling-interval=PT0.2S",
                        "--hearth.bootstrap.admin-email=" + ADMIN_EMAIL,
                        "--hearth.bootstrap.admin-password=" + PASSWORD,
                        // On a database shared with other tests (cluster mode in CI), republishing
                        // would take over their half-processed events with this test's moved clock.
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    private static UUID register(ConfigurableApplicationContext context) {
        RegistrationResult result = context.getBean(Registration.class)
                .register(new Registration.Request(
                        "member-" + UUID.randomUUID() + "@example.org",
                        PASSWORD,
                        "Member",
                        "en-US",
                        "UTC",
                        null,
                        "127.0.0.1"));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).userId();
    }

    private static void addResponder(ConfigurableApplicationContext context, UUID organization) {
        Account admin = context.getBean(Accounts.class).withRole(organization, Role.ORG_ADMIN).stream()
                .filter(account -> account.email().equalsIgnoreCase(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        RegistrationResult result = context.getBean(Registration.class)
                .createStaff(
                        Caller.person(admin.id(), organization, admin.roles()),
                        new Registration.StaffRequest(
                                "responder-" + UUID.randomUUID() + "@example.org",
                                PASSWORD,
                                "Responder",
                                Set.of(Role.RESPONDER),
                                "127.0.0.1"));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
    }
}
