package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.care.CarePeople.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Session notes (sealed, signed, then immutable with addenda) and treatment plans (shown to the
 * member in plain words) through the real HTTP API.
 */
@CareStackTest
@ExtendWith(OutputCaptureExtension.class)
class NotesAndPlansIntegrationTests {

    static final String SUBJECTIVE = "Reports sleeping badly since the move to Leeds";
    static final String ADDENDUM = "Correction: the move was to Bradford";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    CarePeople people;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
        people = new CarePeople(api);
    }

    @Test
    void sealsANoteThenRefusesEditsOnceSignedButTakesAddenda(CapturedOutput output) {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person member = people.member("Sam", "UTC");
        String appointment = book(clinician, member);

        Answer created = api.call(
                "POST",
                "/api/v1/appointments/" + appointment + "/notes",
                clinician.token(),
                Map.of("template", "SOAP", "sections", Map.of("subjective", SUBJECTIVE, "plan", "Sleep diary")));
        assertThat(created.status()).isEqualTo(201);
        String noteId = created.body().get("noteId").asString();
        assertThat(created.body().get("sections").get("subjective").asString()).isEqualTo(SUBJECTIVE);
        assertThat(created.body().get("sections").get("objective").asString()).isEmpty();

        Answer wrongSection = api.call(
                "PUT", "/api/v1/notes/" + noteId, clinician.token(), Map.of("sections", Map.of("data", SUBJECTIVE)));
        assertThat(wrongSection.status()).isEqualTo(400);
        assertThat(wrongSection.body().toString()).doesNotContain(SUBJECTIVE);

        Answer edited = api.call(
                "PUT",
                "/api/v1/notes/" + noteId,
                clinician.token(),
                Map.of("sections", Map.of("subjective", SUBJECTIVE, "assessment", "Low mood", "plan", "Sleep diary")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api.call("POST", "/api/v1/notes/" + noteId + "/addenda", clinician.token(), Map.of("text", ADDENDUM))
                        .status())
                .isEqualTo(409);

        Answer signed = api.call("POST", "/api/v1/notes/" + noteId + "/sign", clinician.token(), null);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().get("signedAt").asString()).isNotBlank();

        Answer refused = api.call(
                "PUT",
                "/api/v1/notes/" + noteId,
                clinician.token(),
                Map.of("sections", Map.of("subjective", "changed")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).endsWith("/note-signed");
        assertThat(api.call("POST", "/api/v1/notes/" + noteId + "/sign", clinician.token(), null)
                        .status())
                .isEqualTo(409);
        // The database refuses it too, whoever asks.
        assertThatThrownBy(() -> jdbc.sql("update care_session_note set template = 'DAP' where id = :id")
                        .param("id", UUID.fromString(noteId))
                        .update())
                .hasMessageContaining("immutable");

        Answer withAddendum =
                api.call("POST", "/api/v1/notes/" + noteId + "/addenda", clinician.token(), Map.of("text", ADDENDUM));
        assertThat(withAddendum.status()).isEqualTo(201);
        Answer read = api.call("GET", "/api/v1/appointments/" + appointment + "/notes", clinician.token(), null);
        assertThat(read.body().get("sections").get("assessment").asString()).isEqualTo("Low mood");
        assertThat(read.body().get("addenda").get(0).get("text").asString()).isEqualTo(ADDENDUM);

        // Neither the member nor another clinician reads it.
        assertThat(api.call("GET", "/api/v1/notes/" + noteId, member.token(), null)
                        .status())
                .isEqualTo(403);
        Person other = people.clinician("Dr. Other", "UTC");
        assertThat(api.call("GET", "/api/v1/notes/" + noteId, other.token(), null)
                        .status())
                .isEqualTo(404);

        // No plaintext at rest, in the logs or in the event log.
        List<byte[]> stored = jdbc.sql("select sealed_body from care_session_note where id = :id"
                        + " union all select sealed_body from care_note_addendum where note_id = :id")
                .param("id", UUID.fromString(noteId))
                .query((row, n) -> row.getBytes(1))
                .list();
        assertThat(stored).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("Leeds", "Bradford", "sleeping"));
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like '%Leeds%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'care.note.read' and target = :t")
                        .param("t", "note:" + noteId)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        assertThat(output.getAll()).doesNotContain("Leeds", "Bradford");
    }

    @Test
    void showsTheMemberTheirPlanInPlainWordsWithProgressTowardsAScoreTarget() {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person member = people.member("Sam", "UTC");
        book(clinician, member);
        assertThat(api.call(
                                "POST",
                                "/api/v1/assessments/phq-9/responses",
                                member.token(),
                                Map.of("answers", List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)))
                        .status())
                .isEqualTo(201);

        Map<String, Object> plan = Map.of(
                "memberId",
                member.id().toString(),
                "status",
                "ACTIVE",
                "problems",
                List.of("Low mood most days"),
                "goals",
                List.of(Map.of(
                        "description",
                        "Feel more like yourself",
                        "objectives",
                        List.of(
                                Map.of(
                                        "description",
                                        "Less low mood",
                                        "instrumentId",
                                        "phq-9",
                                        "comparator",
                                        "<",
                                        "target",
                                        10),
                                Map.of("description", "Walk three times a week")))),
                "interventions",
                List.of("Behavioural activation, weekly"));
        Answer created = api.call("POST", "/api/v1/treatment-plans", clinician.token(), plan);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("version").asInt()).isEqualTo(1);

        Answer bad = api.call(
                "POST",
                "/api/v1/treatment-plans",
                clinician.token(),
                Map.of(
                        "memberId",
                        member.id().toString(),
                        "goals",
                        List.of(Map.of(
                                "description",
                                "x",
                                "objectives",
                                List.of(Map.of(
                                        "description",
                                        "y",
                                        "instrumentId",
                                        "nope",
                                        "comparator",
                                        "<",
                                        "target",
                                        1))))));
        assertThat(bad.status()).isEqualTo(400);

        Answer mine = api.call("GET", "/api/v1/me/treatment-plans", member.token(), null);
        assertThat(mine.status()).isEqualTo(200);
        var first = mine.body().get(0);
        assertThat(first.get("status").asString()).isEqualTo("What we are working on now");
        assertThat(first.get("clinicianName").asString()).isEqualTo("Dr. Lee");
        var objective = first.get("goals").get(0).get("objectives").get(0);
        assertThat(objective.get("text").asString()).isEqualTo("Less low mood (your PHQ-9 score below 10)");
        assertThat(objective.get("progress").asString())
                .startsWith("Your latest PHQ-9 score is 10")
                .endsWith("not there yet.");
        assertThat(objective.get("met").asBoolean()).isFalse();
        assertThat(first.get("goals").get(0).get("objectives").get(1).has("progress"))
                .isFalse();

        // Someone else's member cannot be given a plan.
        Person stranger = people.member("Bo", "UTC");
        Map<String, Object> forStranger = new java.util.HashMap<>(plan);
        forStranger.put("memberId", stranger.id().toString());
        assertThat(api.call("POST", "/api/v1/treatment-plans", clinician.token(), forStranger)
                        .status())
                .isEqualTo(404);
        // Plans are sealed at rest.
        assertThat(jdbc.sql(
                                "select count(*) from care_treatment_plan where encode(sealed_body, 'escape') like '%activation%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    String book(Person clinician, Person member) {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
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
}
