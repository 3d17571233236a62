package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.care.CarePeople.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Availability, slots and bookings through the real HTTP API on the embedded PostgreSQL, including
 * the daylight-saving switch in Europe/Berlin and two bookings racing for one slot.
 */
@CareStackTest
class BookingIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    CarePeople people;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
        people = new CarePeople(api);
    }

    static Map<String, Object> berlinWeekdays() {
        List<Map<String, String>> rules = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            rules.add(Map.of("dayOfWeek", day, "start", "09:00", "end", "12:00"));
        }
        return Map.of(
                "timeZone",
                "Europe/Berlin",
                "slotMinutes",
                60,
                "weeklyRules",
                rules,
                "exceptions",
                List.of(
                        // The night the clocks go forward (02:00 CET becomes 03:00 CEST): 01:00 to 04:00 on
                        // the wall clock is two real hours.
                        Map.of("date", "2027-03-28", "available", true, "start", "01:00", "end", "04:00"),
                        Map.of("date", "2027-03-31", "available", false)));
    }

    @Test
    void computesSlotsInTheCliniciansTimeZoneAcrossTheSpringDaylightSavingChange() {
        Person clinician = people.clinician("Dr. Weber", "Europe/Berlin");
        Person member = people.member("Ana", "America/New_York");
        assertThat(api.call("PUT", "/api/v1/clinicians/me/availability", clinician.token(), berlinWeekdays())
                        .status())
                .isEqualTo(200);

        Answer slots = api.call(
                "GET",
                "/api/v1/clinicians/" + clinician.id() + "/slots?from=2027-03-26T00:00:00Z&to=2027-04-01T00:00:00Z",
                member.token(),
                null);
        assertThat(slots.status()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : slots.body()) {
            starts.add(slot.get("start").asString());
        }
        assertThat(starts)
                .containsExactly(
                        // Friday 26 March, CET (UTC+1): 09:00, 10:00, 11:00 local.
                        "2027-03-26T08:00:00Z",
                        "2027-03-26T09:00:00Z",
                        "2027-03-26T10:00:00Z",
                        // Sunday 28 March, 01:00 CET to 04:00 CEST: two real hours, two slots.
                        "2027-03-28T00:00:00Z",
                        "2027-03-28T01:00:00Z",
                        // Monday 29 March, CEST (UTC+2): still 09:00 local, an hour earlier in UTC.
                        "2027-03-29T07:00:00Z",
                        "2027-03-29T08:00:00Z",
                        "2027-03-29T09:00:00Z",
                        "2027-03-30T07:00:00Z",
                        "2027-03-30T08:00:00Z",
                        "2027-03-30T09:00:00Z");
        // Wednesday 31 March is taken off by an exception.

        // October: back to CET on Sunday 31 October 2027, so Monday 1 November 09:00 is 08:00 UTC.
        Answer autumn = api.call(
                "GET",
                "/api/v1/clinicians/" + clinician.id() + "/slots?from=2027-10-29T00:00:00Z&to=2027-11-02T00:00:00Z",
                member.token(),
                null);
        assertThat(autumn.body().get(0).get("start").asString()).isEqualTo("2027-10-29T07:00:00Z");
        assertThat(autumn.body().get(3).get("start").asString()).isEqualTo("2027-11-01T08:00:00Z");
    }

    @Test
    void booksASlotAcrossTheChangeWithAVideoLinkAndACalendarFileThatFollowsAReschedule() throws Exception {
        Person clinician = people.clinician("Dr. Weber", "Europe/Berlin");
        Person member = people.member("Ana", "America/New_York");
        api.call("PUT", "/api/v1/clinicians/me/availability", clinician.token(), berlinWeekdays());

        Answer booked = api.call(
                "POST",
                "/api/v1/appointments",
                member.token(),
                Map.of(
                        "clinicianId",
                        clinician.id().toString(),
                        "start",
                        "2027-03-29T07:00:00Z",
                        "durationMinutes",
                        50));
        assertThat(booked.status()).isEqualTo(201);
        String id = booked.body().get("appointmentId").asString();
        String videoUrl = booked.body().get("videoUrl").asString();
        assertThat(videoUrl).matches("https://meet\\.jit\\.si/Hearth-[A-Za-z0-9_-]{27}");
        assertThat(booked.body().get("end").asString()).isEqualTo("2027-03-29T07:50:00Z");

        // The booked slot is no longer offered.
        Answer slots = api.call(
                "GET",
                "/api/v1/clinicians/" + clinician.id() + "/slots?from=2027-03-29T00:00:00Z&to=2027-03-30T00:00:00Z",
                member.token(),
                null);
        assertThat(slots.body().toString())
                .doesNotContain("2027-03-29T07:00:00Z")
                .contains("2027-03-29T08:00:00Z");

        HttpResponse<String> ics = ics(id, member.token());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String first = unfold(ics.body());
        assertThat(first)
                .contains("BEGIN:VEVENT", "UID:" + id + "@hearth", "SEQUENCE:0", "DTSTART:20270329T070000Z")
                .contains("DTEND:20270329T075000Z", "METHOD:REQUEST", videoUrl)
                .doesNotContain("Ana");
        assertThat(ics(id, clinician.token()).body()).contains("Session with Ana");
        Person stranger = people.member("Bo", "UTC");
        assertThat(ics(id, stranger.token()).statusCode()).isEqualTo(404);

        Answer moved = api.call(
                "PATCH", "/api/v1/appointments/" + id, member.token(), Map.of("start", "2027-03-30T08:00:00Z"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("sequence").asInt()).isEqualTo(1);
        String second = unfold(ics(id, member.token()).body());
        assertThat(second).contains("UID:" + id + "@hearth", "SEQUENCE:1", "DTSTART:20270330T080000Z");

        Answer cancelled = api.call("POST", "/api/v1/appointments/" + id + "/cancel", member.token(), null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(unfold(ics(id, member.token()).body())).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2");
    }

    @Test
    void refusesAnOverlappingBookingWithAConflictProblem() {
        Person clinician = people.clinician("Dr. Weber", "Europe/Berlin");
        Person first = people.member("Ana", "UTC");
        Person second = people.member("Bo", "UTC");
        api.call("PUT", "/api/v1/clinicians/me/availability", clinician.token(), berlinWeekdays());

        assertThat(book(first, clinician, "2027-03-30T07:00:00Z", 60).status()).isEqualTo(201);
        Answer overlap = api.call(
                "POST",
                "/api/v1/appointments",
                clinician.token(),
                Map.of(
                        "clinicianId",
                        clinician.id().toString(),
                        "memberId",
                        second.id().toString(),
                        "start",
                        "2027-03-30T07:30:00Z",
                        "durationMinutes",
                        60));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.contentType()).startsWith("application/problem+json");
        assertThat(overlap.body().get("type").asString()).endsWith("/appointment-overlap");
        // Back to back is fine: ranges are half-open.
        assertThat(book(second, clinician, "2027-03-30T08:00:00Z", 60).status()).isEqualTo(201);
        // Outside the published hours a member cannot book.
        Answer evening = book(second, clinician, "2027-03-30T18:00:00Z", 60);
        assertThat(evening.status()).isEqualTo(409);
        assertThat(evening.body().get("type").asString()).endsWith("/outside-availability");
    }

    @Test
    void letsExactlyOneOfTwoRacingBookingsWin() throws Exception {
        Person clinician = people.clinician("Dr. Weber", "Europe/Berlin");
        api.call("PUT", "/api/v1/clinicians/me/availability", clinician.token(), berlinWeekdays());
        for (int round = 0; round < 3; round++) {
            Person first = people.member("Ana", "UTC");
            Person second = people.member("Bo", "UTC");
            String start = "2027-04-0" + (5 + round) + "T07:00:00Z";
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Answer> a = CompletableFuture.supplyAsync(() -> {
                await(go);
                return book(first, clinician, start, 60);
            });
            CompletableFuture<Answer> b = CompletableFuture.supplyAsync(() -> {
                await(go);
                return book(second, clinician, start, 60);
            });
            go.countDown();
            List<Answer> answers = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
            Answer loser =
                    answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.body().get("type").asString()).endsWith("/appointment-overlap");
        }
    }

    @Test
    void keepsMembersFromCancellingInsideTheWindowButLetsTheClinician() {
        Person clinician = people.clinician("Dr. Weber", "UTC");
        Person member = people.member("Ana", "UTC");
        Instant soon = Instant.now().plusSeconds(3 * 3600).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Answer booked = api.call(
                "POST",
                "/api/v1/appointments",
                clinician.token(),
                Map.of(
                        "clinicianId", clinician.id().toString(),
                        "memberId", member.id().toString(),
                        "start", soon.toString(),
                        "durationMinutes", 30));
        assertThat(booked.status()).isEqualTo(201);
        String id = booked.body().get("appointmentId").asString();
        Answer refused = api.call("POST", "/api/v1/appointments/" + id + "/cancel", member.token(), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).endsWith("/cancellation-window-passed");
        Answer notMoved = api.call(
                "PATCH",
                "/api/v1/appointments/" + id,
                member.token(),
                Map.of("start", soon.plusSeconds(3600).toString()));
        assertThat(notMoved.status()).isEqualTo(409);
        assertThat(notMoved.body().get("type").asString()).endsWith("/cancellation-window-passed");
        // The clinician may still move it, and the calendar revision goes up.
        Answer moved = api.call(
                "PATCH",
                "/api/v1/appointments/" + id,
                clinician.token(),
                Map.of("start", soon.plusSeconds(3600).toString()));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("sequence").asInt()).isEqualTo(1);
        assertThat(api.call("POST", "/api/v1/appointments/" + id + "/cancel", clinician.token(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listsTheOrganizationsCliniciansAndKeepsMembersToTheirOwnBookings() {
        Person clinician = people.clinician("Dr. Weber", "Europe/Berlin");
        Person member = people.member("Ana", "UTC");
        Person other = people.member("Bo", "UTC");
        api.call("PUT", "/api/v1/clinicians/me/availability", clinician.token(), berlinWeekdays());

        Answer clinicians = api.call("GET", "/api/v1/clinicians", member.token(), null);
        assertThat(clinicians.status()).isEqualTo(200);
        assertThat(clinicians.body().toString()).contains(clinician.id().toString(), "Dr. Weber");

        Answer forSomeoneElse = api.call(
                "POST",
                "/api/v1/appointments",
                member.token(),
                Map.of(
                        "clinicianId",
                        clinician.id().toString(),
                        "memberId",
                        other.id().toString(),
                        "start",
                        "2027-03-30T07:00:00Z",
                        "durationMinutes",
                        60));
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(forSomeoneElse.contentType()).startsWith("application/problem+json");

        Answer notAClinician =
                book(member, new Person(other.id(), other.email(), other.token()), "2027-03-30T07:00:00Z", 60);
        assertThat(notAClinician.status()).isEqualTo(404);

        Answer badZone = api.call(
                "PUT",
                "/api/v1/clinicians/me/availability",
                clinician.token(),
                Map.of("timeZone", "Mars/Olympus", "weeklyRules", List.of()));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.body().get("errors").get("timeZone").asString()).contains("IANA");

        Answer past = book(member, clinician, "2020-03-30T07:00:00Z", 60);
        assertThat(past.status()).isEqualTo(400);
    }

    Answer book(Person member, Person clinician, String start, int minutes) {
        return api.call(
                "POST",
                "/api/v1/appointments",
                member.token(),
                Map.of("clinicianId", clinician.id().toString(), "start", start, "durationMinutes", minutes));
    }

    HttpResponse<String> ics(String id, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/appointments/" + id + "/calendar.ics"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
