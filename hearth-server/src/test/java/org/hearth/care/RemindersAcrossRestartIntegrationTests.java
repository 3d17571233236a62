package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.hearth.HearthApplication;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Registration;
import org.hearth.identity.RegistrationResult;
import org.hearth.identity.Role;
import org.hearth.platform.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session is booked, the whole application stops, and a new one over the same data directory
 * starts after the 24-hour mark and sends the reminder: nothing passes between them except what
 * they stored.
 */
class RemindersAcrossRestartIntegrationTests {

    private static final String ADMIN_EMAIL = "care-restart-admin@example.org";
    private static final String PASSWORD = "a lantern by the window";

    @Test
    void sendsAReminderScheduledBeforeARestart() {
        Path dataDir = Path.of("target", "test-data", "care-restart-" + UUID.randomUUID())
                .toAbsolutePath();
        Instant booked = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = booked.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

        UUID member;
        UUID appointmentId;
        try (ConfigurableApplicationContext first = start(dataDir, new MutableClock(booked))) {
            member = register(first);
            UUID organization =
                    first.getBean(Accounts.class).find(member).orElseThrow().organizationId();
            UUID clinician = clinician(first, organization);
            Appointment appointment = first.getBean(Appointments.class)
                    .book(Caller.person(clinician, organization, Set.of(Role.CLINICIAN)), clinician, member, start, 50);
            appointmentId = appointment.id();
            assertThat(reminders(first, member)).isZero();
        }

        MutableClock later = new MutableClock(start.minus(Duration.ofHours(24)).plusSeconds(30));
        try (ConfigurableApplicationContext second = start(dataDir, later)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> reminders(second, member) == 1);
            assertThat(second.getBean(JdbcClient.class)
                            .sql("select count(*) from scheduled_tasks where task_instance = :i")
                            .param("i", AppointmentReminders.instanceId(appointmentId, Duration.ofHours(1)))
                            .query(Integer.class)
                            .single())
                    .as("the 1-hour reminder still waits")
                    .isEqualTo(1);
        }
    }

    private static int reminders(ConfigurableApplicationContext context, UUID member) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from notification where recipient_id = :m and kind = :k")
                .param("m", member)
                .param("k", AppointmentReminders.KIND)
                .query(Integer.class)
                .single();
    }

    private static ConfigurableApplicationContext start(Path dataDir, MutableClock clock) {
        return new SpringApplicationBuilder(HearthApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "restartTestClock",
                                Clock.class,
                                () -> clock,
                                definition -> definition.setPrimary(true)))
                .run(
                        "--hearth.data-dir=" + dataDir,
                        "--server.port=0",
                        "--hearth.scheduler.polling-interval=PT0.2S",
                        "--hearth.bootstrap.admin-email=" + ADMIN_EMAIL,
                        "--hearth.bootstrap.admin-password=" + PASSWORD,
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

    private static UUID clinician(ConfigurableApplicationContext context, UUID organization) {
        Account admin = context.getBean(Accounts.class).withRole(organization, Role.ORG_ADMIN).stream()
                .filter(account -> account.email().equalsIgnoreCase(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        RegistrationResult result = context.getBean(Registration.class)
                .createStaff(
                        Caller.person(admin.id(), organization, admin.roles()),
                        new Registration.StaffRequest(
                                "clinician-" + UUID.randomUUID() + "@example.org",
                                PASSWORD,
                                "Dr. Lee",
                                Set.of(Role.CLINICIAN),
                                "127.0.0.1"));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).userId();
    }
}
