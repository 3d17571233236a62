package org.hearth.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The caseload through the real HTTP API: scores and trend only while the member's ASSESSMENTS
 * consent stands, every read audited with the consent it relied on, members with open incidents
 * first.
 */
@CareStackTest
class CaseloadIntegrationTests {

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
    void showsScoresOnlyWhileConsentStandsAndAuditsEveryRead() {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person member = people.member("Sam", "UTC");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
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
        // 10, then 16: six points worse, which the PHQ-9 counts as reliable deterioration.
        phq9(member, List.of(2, 2, 1, 1, 1, 1, 1, 1, 0));
        phq9(member, List.of(2, 2, 2, 2, 2, 2, 2, 2, 0));

        JsonNode before = row(caseload(clinician), member.id());
        assertThat(before.get("assessmentsShared").asBoolean()).isFalse();
        assertThat(before.has("scores")).isFalse();
        assertThat(before.get("nextAppointment").get("start").asString()).isEqualTo(start.toString());
        // No score anywhere in the row (a substring test would trip on the digits of a random id).
        assertThat(before.findValues("latest")).isEmpty();
        assertThat(before.findValues("trend")).isEmpty();
        assertThat(before.get("deteriorating").asBoolean()).isFalse();
        assertThat(audit(clinician.id(), member.id(), "DENIED")).hasSize(1);

        Answer granted = api.call(
                "POST",
                "/api/v1/consents",
                member.token(),
                Map.of("granteeId", clinician.id().toString(), "scopes", List.of("ASSESSMENTS")));
        assertThat(granted.status()).isEqualTo(201);
        String consentId = granted.body().get("consentId").asString();

        JsonNode shared = row(caseload(clinician), member.id());
        assertThat(shared.get("assessmentsShared").asBoolean()).isTrue();
        JsonNode phq9 = shared.get("scores").get(0);
        assertThat(phq9.get("instrumentId").asString()).isEqualTo("phq-9");
        assertThat(phq9.get("latest").asInt()).isEqualTo(16);
        assertThat(phq9.get("change").asInt()).isEqualTo(6);
        assertThat(phq9.get("reliableDeterioration").asBoolean()).isTrue();
        assertThat(phq9.get("trend").toString()).isEqualTo("[10,16]");
        assertThat(shared.get("deteriorating").asBoolean()).isTrue();
        assertThat(audit(clinician.id(), member.id(), "SUCCESS")).containsExactly(consentId);

        assertThat(api.call("DELETE", "/api/v1/consents/" + consentId, member.token(), null)
                        .status())
                .isEqualTo(204);
        JsonNode after = row(caseload(clinician), member.id());
        assertThat(after.get("assessmentsShared").asBoolean()).isFalse();
        assertThat(after.has("scores")).isFalse();
        assertThat(after.get("deteriorating").asBoolean()).isFalse();
        assertThat(audit(clinician.id(), member.id(), "DENIED")).hasSize(2);
        assertThat(audit(clinician.id(), member.id(), "SUCCESS")).hasSize(1);

        // Members are not clinicians.
        Answer refused = api.call("GET", "/api/v1/caseload", member.token(), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void putsMembersWithOpenIncidentsFirstThenDeterioration() {
        Person clinician = people.clinician("Dr. Lee", "UTC");
        Person steady = people.member("Ari", "UTC");
        Person worse = people.member("Bea", "UTC");
        Person crisis = people.member("Cy", "UTC");
        for (Person member : List.of(steady, worse, crisis)) {
            assertThat(api.call(
                                    "POST",
                                    "/api/v1/consents",
                                    member.token(),
                                    Map.of("granteeId", clinician.id().toString(), "scopes", List.of("ASSESSMENTS")))
                            .status())
                    .isEqualTo(201);
        }
        phq9(steady, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
        phq9(worse, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
        phq9(worse, List.of(3, 3, 2, 2, 2, 2, 2, 2, 0));
        // Item 9 answered: an incident opens for responders.
        phq9(crisis, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));

        // Consent events reach the caseload after their commit.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(caseload(clinician).size()).isEqualTo(3));
        JsonNode rows = caseload(clinician);
        assertThat(rows.get(0).get("memberId").asString()).isEqualTo(crisis.id().toString());
        assertThat(rows.get(0).get("openIncidents").asInt()).isEqualTo(1);
        assertThat(rows.get(1).get("memberId").asString()).isEqualTo(worse.id().toString());
        assertThat(rows.get(1).get("deteriorating").asBoolean()).isTrue();
        assertThat(rows.get(2).get("memberId").asString()).isEqualTo(steady.id().toString());
        assertThat(rows.get(2).get("openIncidents").asInt()).isZero();
    }

    void phq9(Person member, List<Integer> answers) {
        assertThat(api.call("POST", "/api/v1/assessments/phq-9/responses", member.token(), Map.of("answers", answers))
                        .status())
                .isEqualTo(201);
    }

    JsonNode caseload(Person clinician) {
        Answer answer = api.call("GET", "/api/v1/caseload", clinician.token(), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    static JsonNode row(JsonNode caseload, UUID memberId) {
        for (JsonNode row : caseload) {
            if (row.get("memberId").asString().equals(memberId.toString())) {
                return row;
            }
        }
        throw new AssertionError("member not on the caseload: " + caseload);
    }

    List<String> audit(UUID clinicianId, UUID memberId, String outcome) {
        return jdbc.sql("select coalesce(attributes ->> 'consentId', '') from audit_log"
                        + " where action = 'care.caseload.read' and actor_id = :c and target = :t and outcome = :o")
                .param("c", clinicianId)
                .param("t", "member:" + memberId)
                .param("o", outcome)
                .query(String.class)
                .list();
    }
}
