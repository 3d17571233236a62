package org.hearth.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.MemberApiIntegrationTest;
import org.hearth.MemberApiPeople;
import org.hearth.MemberApiPeople.Person;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Sealed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The private-journal mode through the real HTTP API: turning it on re-seals the whole journal under
 * a key the organization cannot unwrap, staff lose access even with consent, signing out locks it,
 * the password change and the recovery code keep it openable, and turning it off gives it back to
 * the organization's key.
 */
@MemberApiIntegrationTest
class PrivateJournalIntegrationTests {

    static final String PASSWORD = MemberApiPeople.PASSWORD;
    static final String CODE_PATTERN = "([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataProtection protection;

    private final JsonMapper json = JsonMapper.builder().build();

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void aPrivateJournalIsClosedToStaffAndToTheServerWhileSignedOut(CapturedOutput output) {
        String secret = "plum-lantern-" + UUID.randomUUID();
        Person member = member();
        String entryId = api().call(
                        "POST",
                        "/api/v1/journal/entries",
                        member.token(),
                        Map.of("text", "The " + secret + " evening was calm.", "tags", List.of("evening")))
                .body()
                .get("entryId")
                .asString();
        assertThat(api().call(
                                "POST",
                                "/api/v1/checkins",
                                member.token(),
                                Map.of("mood", 6, "note", "Rested, " + secret))
                        .status())
                .isEqualTo(201);
        String threadId = api().call("POST", "/api/v1/threads", member.token(), Map.of("title", "Sleep " + secret))
                .body()
                .get("threadId")
                .asString();
        assertThat(say(member.token(), threadId, "Work has been a lot lately and I sleep badly.")
                        .status())
                .isEqualTo(200);
        Person clinician = clinician();
        Answer consent = api().call(
                        "POST",
                        "/api/v1/consents",
                        member.token(),
                        Map.of(
                                "granteeId",
                                clinician.id().toString(),
                                "scopes",
                                List.of("JOURNAL", "CONVERSATIONS", "MOOD")));
        assertThat(consent.status()).isEqualTo(201);
        String staffEntries = "/api/v1/journal/entries?memberId=" + member.id();
        assertThat(api().call("GET", staffEntries, clinician.token(), null).status())
                .isEqualTo(200);
        assertThat(api().call("GET", "/api/v1/me/private-journal", member.token(), null)
                        .body()
                        .toString())
                .isEqualTo("{\"enabled\":false,\"unlocked\":true}");

        Answer wrong = api().call(
                        "PUT",
                        "/api/v1/me/private-journal",
                        member.token(),
                        Map.of("enabled", true, "password", "not the password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").has("password")).isTrue();
        Answer enabled = api().call(
                        "PUT",
                        "/api/v1/me/private-journal",
                        member.token(),
                        Map.of("enabled", true, "password", PASSWORD));

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.body().get("enabled").asBoolean()).isTrue();
        String recoveryCode = enabled.body().get("recoveryCode").asString();
        assertThat(recoveryCode).matches(CODE_PATTERN);
        assertThat(api().call(
                                "PUT",
                                "/api/v1/me/private-journal",
                                member.token(),
                                Map.of("enabled", true, "password", PASSWORD))
                        .status())
                .isEqualTo(409);
        // Every stored text of the journal is now under a key the organization's key does not wrap.
        List<UUID> keys = sealedKeyIds(member.id());
        assertThat(keys).hasSize(6);
        assertThat(keys).allSatisfy(key -> assertThat(wrapKinds(key)).containsExactly("PASSWORD", "RECOVERY"));

        // Staff are shut out whatever the consent says; mood numbers stay, the note does not.
        assertThat(api().call("GET", staffEntries, clinician.token(), null).status())
                .isEqualTo(404);
        assertThat(api().call("GET", "/api/v1/threads/" + threadId + "/messages", clinician.token(), null)
                        .status())
                .isEqualTo(404);
        Answer staffMood = api().call("GET", "/api/v1/checkins?memberId=" + member.id(), clinician.token(), null);
        assertThat(staffMood.status()).isEqualTo(200);
        assertThat(staffMood.body().get(0).get("mood").asInt()).isEqualTo(6);
        assertThat(staffMood.body().get(0).path("note").isMissingNode()
                        || staffMood.body().get(0).get("note").isNull())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where actor_id = :a and outcome = 'DENIED'"
                                + " and attributes->>'reason' = 'private-journal'")
                        .param("a", clinician.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // The member reads and writes as before, the new text sealed privately too.
        assertThat(entryText(member.token(), entryId)).isEqualTo("The " + secret + " evening was calm.");
        assertThat(api().call("POST", "/api/v1/journal/entries", member.token(), Map.of("text", "A second page."))
                        .status())
                .isEqualTo(201);
        assertThat(sealedKeyIds(member.id())).hasSize(7).allSatisfy(key -> assertThat(wrapKinds(key))
                .containsExactly("PASSWORD", "RECOVERY"));

        // Signing out on one device locks the journal for every device.
        String otherDevice = api().token(member.email(), PASSWORD);
        assertThat(api().call("POST", "/api/v1/auth/logout", member.token(), null)
                        .status())
                .isEqualTo(204);
        assertThat(protection.isUnlocked(member.id())).isFalse();
        Answer locked = api().call("GET", "/api/v1/journal/entries/" + entryId, otherDevice, null);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.body().get("type").asString()).endsWith("/private-journal-locked");
        assertThat(api().call("POST", "/api/v1/journal/entries", otherDevice, Map.of("text", "Not kept."))
                        .status())
                .isEqualTo(423);
        assertThat(sealedKeyIds(member.id())).hasSize(7);
        assertThat(say(otherDevice, threadId, "Just a quiet day.").status()).isEqualTo(423);
        // A message in crisis still meets the protocol while locked; it cannot be stored.
        Answer crisis = say(otherDevice, threadId, "i took all of my pills about an hour ago");
        assertThat(crisis.status()).isEqualTo(200);
        assertThat(crisis.body().get("reply").get("kind").asString()).isEqualTo("CRISIS");
        assertThat(crisis.body().get("risk").get("level").asString()).isEqualTo("IMMINENT");
        assertThat(sealedKeyIds(member.id())).hasSize(7);
        // The same when streamed: a locked problem as the error event, or the protocol's reply.
        String calmStream = stream(otherDevice, threadId, "Just a quiet day.");
        assertThat(calmStream).contains("event:error").contains("private-journal-locked");
        assertThat(calmStream).doesNotContain("event:done");
        String crisisStream = stream(otherDevice, threadId, "i took all of my pills about an hour ago");
        assertThat(crisisStream).contains("event:risk").contains("event:done").contains("\"CRISIS\"");
        assertThat(sealedKeyIds(member.id())).hasSize(7);

        assertThat(api().call(
                                "POST",
                                "/api/v1/me/private-journal/unlock",
                                otherDevice,
                                Map.of("password", "not the password"))
                        .status())
                .isEqualTo(400);
        Answer unlocked =
                api().call("POST", "/api/v1/me/private-journal/unlock", otherDevice, Map.of("password", PASSWORD));
        assertThat(unlocked.body().toString()).isEqualTo("{\"enabled\":true,\"unlocked\":true}");
        assertThat(entryText(otherDevice, entryId)).contains(secret);

        // A password change re-wraps the key: the new password unlocks it at sign-in.
        String second = "another long private phrase";
        assertThat(api().call(
                                "POST",
                                "/api/v1/me/password",
                                otherDevice,
                                Map.of("currentPassword", "wrong", "newPassword", second))
                        .status())
                .isEqualTo(400);
        assertThat(api().call(
                                "POST",
                                "/api/v1/me/password",
                                otherDevice,
                                Map.of("currentPassword", PASSWORD, "newPassword", second))
                        .status())
                .isEqualTo(204);
        api().call("POST", "/api/v1/auth/logout", otherDevice, null);
        String afterChange = api().token(member.email(), second);
        assertThat(entryText(afterChange, entryId)).contains(secret);

        // The recovery code sets a new password, ends every sign-in and gives a new code.
        api().call("POST", "/api/v1/auth/logout", api().token(member.email(), second), null);
        String third = "a third phrase after forgetting";
        Answer recovered = api().call(
                        "POST",
                        "/api/v1/auth/recover",
                        null,
                        Map.of("email", member.email(), "recoveryCode", recoveryCode, "newPassword", third));
        assertThat(recovered.status()).isEqualTo(200);
        String nextCode = recovered.body().get("recoveryCode").asString();
        assertThat(nextCode).matches(CODE_PATTERN).isNotEqualTo(recoveryCode);
        assertThat(api().call("GET", "/api/v1/journal/entries", afterChange, null)
                        .status())
                .isEqualTo(401);
        assertThat(api().call(
                                "POST",
                                "/api/v1/auth/recover",
                                null,
                                Map.of("email", member.email(), "recoveryCode", recoveryCode, "newPassword", third))
                        .status())
                .isEqualTo(401);
        assertThat(api().call(
                                "POST",
                                "/api/v1/auth/recover",
                                null,
                                Map.of(
                                        "email",
                                        "nobody@journal-tests.example.org",
                                        "recoveryCode",
                                        nextCode,
                                        "newPassword",
                                        third))
                        .status())
                .isEqualTo(401);
        String afterRecovery = api().token(member.email(), third);
        assertThat(entryText(afterRecovery, entryId)).contains(secret);

        // Turning it off gives the journal back to the organization's key, and staff their access.
        Answer disabled = api().call(
                        "PUT",
                        "/api/v1/me/private-journal",
                        afterRecovery,
                        Map.of("enabled", false, "password", third));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.body().has("recoveryCode")).isFalse();
        assertThat(sealedKeyIds(member.id())).hasSize(7).allSatisfy(key -> assertThat(wrapKinds(key))
                .containsExactly("ORG_KEK"));
        assertThat(jdbc.sql("select count(*) from member_data_keys where member_id = :m and wrap_kind <> 'ORG_KEK'")
                        .param("m", member.id())
                        .query(Long.class)
                        .single())
                .isZero();
        Answer staffAgain = api().call("GET", staffEntries, clinician.token(), null);
        assertThat(staffAgain.status()).isEqualTo(200);
        assertThat(staffAgain.body().toString()).contains(secret);
        assertThat(output.getAll())
                .doesNotContain(secret)
                .doesNotContain(recoveryCode)
                .doesNotContain(nextCode);
    }

    @Test
    void onlyMembersChooseAndTheChoiceNeedsAnAnswer() {
        Person member = member();
        Answer missing = api().call("PUT", "/api/v1/me/private-journal", member.token(), Map.of("password", PASSWORD));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").has("enabled")).isTrue();
        assertThat(api().call(
                                "PUT",
                                "/api/v1/me/private-journal",
                                member.token(),
                                Map.of("enabled", false, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(api().call("GET", "/api/v1/me/private-journal", clinician().token(), null)
                        .status())
                .isEqualTo(403);
        assertThat(api().call("GET", "/api/v1/me/private-journal", null, null).status())
                .isEqualTo(401);
    }

    private Answer say(String token, String threadId, String text) {
        return api().call("POST", "/api/v1/threads/" + threadId + "/messages", token, Map.of("text", text));
    }

    private String stream(String token, String threadId, String text) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/api/v1/threads/" + threadId + "/messages"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "text/event-stream")
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            json.writeValueAsString(Map.of("text", text))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String entryText(String token, String entryId) {
        Answer entry = api().call("GET", "/api/v1/journal/entries/" + entryId, token, null);
        assertThat(entry.status()).isEqualTo(200);
        return entry.body().get("text").asString();
    }

    /** The key id of every sealed text of the member's journal, read off the stored bytes. */
    private List<UUID> sealedKeyIds(UUID memberId) {
        List<UUID> keys = new ArrayList<>();
        for (String query : List.of(
                "select title from journal_threads where member_id = :m and title is not null",
                "select body from journal_turns where member_id = :m",
                "select body from journal_entries where member_id = :m",
                "select tags from journal_entries where member_id = :m and tags is not null",
                "select note from journal_checkins where member_id = :m and note is not null")) {
            jdbc.sql(query)
                    .param("m", memberId)
                    .query((rs, n) -> Sealed.fromBytes(rs.getBytes(1)).keyId())
                    .list()
                    .forEach(keys::add);
        }
        return keys;
    }

    private List<String> wrapKinds(UUID keyId) {
        return jdbc.sql("select wrap_kind from member_data_keys where key_id = :k order by wrap_kind")
                .param("k", keyId)
                .query(String.class)
                .list();
    }

    Person member() {
        return new MemberApiPeople(api()).member("Robin");
    }

    Person clinician() {
        return new MemberApiPeople(api()).staff("CLINICIAN", "Dr. Lee");
    }
}
