package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.care.CarePeople.Person;
import org.hearth.platform.MutableClock;
import org.hearth.platform.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders 24 hours and 1 hour before a session, driven by moving the application clock (which
 * the scheduler reads too): on time, in the member's own time zone, held through quiet hours, and
 * gone with a cancelled appointment.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hearth.scheduler.polling-interval=PT0.2S",
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-account.capacity=10000",
            "hearth.identity.limits.login-per-account.period=1m",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=" + CarePeople.ADMIN_EMAIL,
            "hearth.bootstrap.admin-password=" + CarePeople.PASSWORD
        })
@Import(TestClockConfiguration.class)
class RemindersIntegrationTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    ApiClient api;
    CarePeople people;

    @BeforeEach
    void client() {
        // Time only moves forward here, as it does for the scheduler in production: each test starts
        // wherever the previous one left the clock.
        api = new ApiClient("http://localhost:" + port);
        people = new CarePeople(api);
    }

    @Test
    void remindsADayAndAnHourBeforeAtTheMembersLocalTime() {
        Person clinician = people.clinician("Dr. Lee", "Europe/Berlin");
        Person member = people.member("Sam", "America/New_York");
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        book(clinician, member, start);

        clock.set(start.minus(Duration.ofHours(24)).minusSeconds(60));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> reminders(member)
                .isEmpty());

        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(member).size() == 1);
        String local = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH)
                .format(start.atZone(NEW_YORK));
        assertThat(reminders(member).getFirst())
                .isEqualTo("Your session is tomorrow|With Dr. Lee on " + local + " (America/New_York). The video"
                        + " link is on your appointments page.");

        clock.set(start.minus(Duration.ofHours(1)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(member).size() == 2);
        assertThat(reminders(member).get(1)).startsWith("Your session starts in an hour|");
        assertThat(pending(member)).isZero();
    }

    @Test
    void holdsAReminderThatFallsInQuietHoursUntilTheyEnd() {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person member = people.member("Sam", "America/New_York");
        assertThat(api.call(
                                "PUT",
                                "/api/v1/notifications/quiet-hours",
                                member.token(),
                                Map.of("start", "22:00", "end", "07:00", "timeZone", "America/New_York"))
                        .status())
                .isEqualTo(200);
        // 07:30 in New York: the 1-hour reminder is due at 06:30, inside quiet hours that end at 07:00.
        Instant start = clock.instant()
                .atZone(NEW_YORK)
                .plusDays(3)
                .withHour(7)
                .withMinute(30)
                .withSecond(0)
                .withNano(0)
                .toInstant();
        book(clinician, member, start);

        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(member).size() == 1);

        clock.set(start.minus(Duration.ofHours(1)).plusSeconds(1));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> reminders(member).size() == 1);

        clock.set(start.minus(Duration.ofMinutes(30)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(member).size() == 2);
        assertThat(reminders(member).get(1)).startsWith("Your session starts in an hour|");
    }

    @Test
    void sendsNoReminderForACancelledAppointment() {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person member = people.member("Sam", "UTC");
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String id = book(clinician, member, start);
        assertThat(pending(member)).isEqualTo(2);

        assertThat(api.call("POST", "/api/v1/appointments/" + id + "/cancel", member.token(), null)
                        .status())
                .isEqualTo(200);
        assertThat(pending(member)).isZero();

        clock.set(start.minus(Duration.ofMinutes(30)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> reminders(member)
                .isEmpty());
    }

    String book(Person clinician, Person member, Instant start) {
        Answer booked = api.call(
                "POST",
                "/api/v1/appointments",
                clinician.token(),
                Map.of(
                        "clinicianId", clinician.id().toString(),
                        "memberId", member.id().toString(),
                        "start", start.toString(),
                        "durationMinutes", 50));
        assertThat(booked.status()).isEqualTo(201);
        return booked.body().get("appointmentId").asString();
    }

    List<String> reminders(Person member) {
        return jdbc.sql("select title || '|' || body from notification where recipient_id = :m and kind = :k"
                        + " order by created_at")
                .param("m", member.id())
                .param("k", AppointmentReminders.KIND)
                .query(String.class)
                .list();
    }

    /** Reminder jobs waiting for this member's appointments. */
    int pending(Person member) {
        return jdbc.sql("""
                        select count(*) from scheduled_tasks t join care_appointment a
                          on t.task_instance like a.id::text || ':%'
                        where t.task_name = :task and a.member_id = :m
                        """)
                .param("task", AppointmentReminders.TASK.getTaskName())
                .param("m", member.id())
                .query(Integer.class)
                .single();
    }

    static UUID id(Answer answer) {
        return UUID.fromString(answer.body().get("appointmentId").asString());
    }
}
