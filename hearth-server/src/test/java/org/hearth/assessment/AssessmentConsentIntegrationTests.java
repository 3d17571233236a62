package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff reads of assessments through the real HTTP API with real bearer tokens: allowed only while
 * the member's consent stands, and audited either way.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // All calls come from 127.0.0.1; the per-address limits are identity's to test.
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=bootstrap-admin@assessment-tests.example.org",
            "hearth.bootstrap.admin-password=correct horse battery staple"
        })
class AssessmentConsentIntegrationTests {

    static final String PASSWORD = "a long and private phrase";

    @LocalServerPort
    int port;

    @Value("${hearth.bootstrap.admin-email}")
    String adminEmail;

    @Value("${hearth.bootstrap.admin-password}")
    String adminPassword;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void letsAClinicianReadOnlyWhileTheMemberConsentsAndAuditsEveryRead() {
        String memberEmail = email();
        Answer registered = call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", memberEmail, "password", PASSWORD, "displayName", "Sam"));
        assertThat(registered.status()).isEqualTo(201);
        UUID memberId = UUID.fromString(registered.body().get("userId").asString());
        String member = token(memberEmail, PASSWORD);

        String clinicianEmail = email();
        Answer created = call(
                "POST",
                "/api/v1/admin/users",
                token(adminEmail, adminPassword),
                Map.of(
                        "email",
                        clinicianEmail,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Dr. Lee",
                        "roles",
                        List.of("CLINICIAN")));
        assertThat(created.status()).isEqualTo(201);
        UUID clinicianId = UUID.fromString(created.body().get("userId").asString());
        String clinician = token(clinicianEmail, PASSWORD);

        Answer submitted = call(
                "POST",
                "/api/v1/assessments/phq-9/responses",
                member,
                Map.of("answers", List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)));
        assertThat(submitted.status()).isEqualTo(201);
        String responseId = submitted.body().get("responseId").asString();
        String history = "/api/v1/assessments/responses?instrument=phq-9&memberId=" + memberId;
        String fhir = "/api/v1/assessments/responses/" + responseId + "/fhir";

        // Before any consent: nothing to see, and the attempt is on record.
        Answer before = call("GET", history, clinician, null);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(audit(clinicianId, memberId, "DENIED")).hasSize(1);

        Answer granted = call(
                "POST",
                "/api/v1/consents",
                member,
                Map.of("granteeId", clinicianId.toString(), "scopes", List.of("ASSESSMENTS")));
        assertThat(granted.status()).isEqualTo(201);
        String consentId = granted.body().get("consentId").asString();

        Answer read = call("GET", history, clinician, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("latest").get("score").asInt()).isEqualTo(10);
        assertThat(read.body().get("responses").size()).isEqualTo(1);
        Answer fhirRead = call("GET", fhir, clinician, null);
        assertThat(fhirRead.status()).isEqualTo(200);
        assertThat(fhirRead.body().get("resourceType").asString()).isEqualTo("QuestionnaireResponse");
        assertThat(audit(clinicianId, memberId, "SUCCESS")).hasSize(2).allSatisfy(consent -> assertThat(consent)
                .isEqualTo(consentId));

        assertThat(call("DELETE", "/api/v1/consents/" + consentId, member, null).status())
                .isEqualTo(204);

        Answer after = call("GET", history, clinician, null);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(after.body().toString()).doesNotContain(memberId.toString());
        Answer fhirAfter = call("GET", fhir, clinician, null);
        assertThat(fhirAfter.status()).isEqualTo(404);
        // The same answer as for an id that does not exist, so ids reveal nothing.
        Answer unknown = call("GET", "/api/v1/assessments/responses/" + UUID.randomUUID() + "/fhir", clinician, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fhirAfter.body().get("title")).isEqualTo(unknown.body().get("title"));
        assertThat(fhirAfter.body().get("detail")).isEqualTo(unknown.body().get("detail"));
        assertThat(audit(clinicianId, memberId, "DENIED")).hasSize(3);
        assertThat(audit(clinicianId, memberId, "SUCCESS")).hasSize(2);

        // The member still reads their own history without naming themselves.
        assertThat(call("GET", "/api/v1/assessments/responses?instrument=phq-9", member, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnotherMemberAsIfTheMemberDidNotExist() {
        String firstEmail = email();
        Answer first = call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", firstEmail, "password", PASSWORD, "displayName", "Ana"));
        UUID firstId = UUID.fromString(first.body().get("userId").asString());
        String secondEmail = email();
        call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", secondEmail, "password", PASSWORD, "displayName", "Bo"));
        String second = token(secondEmail, PASSWORD);

        Answer read = call("GET", "/api/v1/assessments/responses?instrument=phq-9&memberId=" + firstId, second, null);
        assertThat(read.status()).isEqualTo(404);
    }

    /** The consent ids recorded on this clinician's reads of this member with the given outcome. */
    List<String> audit(UUID clinicianId, UUID memberId, String outcome) {
        return jdbc.sql("select coalesce(attributes ->> 'consentId', '') from audit_log"
                        + " where action = 'assessment.responses.read' and actor_id = :c and target = :t"
                        + " and outcome = :o")
                .param("c", clinicianId)
                .param("t", "member:" + memberId)
                .param("o", outcome)
                .query(String.class)
                .list();
    }

    static String email() {
        return "person-" + UUID.randomUUID() + "@assessment-tests.example.org";
    }

    String token(String email, String password) {
        return new ApiClient("http://localhost:" + port).token(email, password);
    }

    Answer call(String method, String path, @Nullable String bearer, @Nullable Object body) {
        return new ApiClient("http://localhost:" + port).call(method, path, bearer, body);
    }
}
