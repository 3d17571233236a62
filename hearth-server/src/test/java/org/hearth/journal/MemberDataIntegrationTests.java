package org.hearth.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.MemberApiIntegrationTest;
import org.hearth.MemberApiPeople;
import org.hearth.MemberApiPeople.Person;
import org.hearth.platform.DataProtection;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.HearthProperties;
import org.hearth.platform.Sealed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Entries, check-ins, the export and erasure through the real HTTP API on the embedded PostgreSQL,
 * with the real risk screen. The properties match ConversationApiIntegrationTests so both share
 * one application context.
 */
@MemberApiIntegrationTest
class MemberDataIntegrationTests {

    static final String PASSWORD = MemberApiPeople.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    HearthProperties hearth;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataProtection protection;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    Person member() {
        return new MemberApiPeople(api()).member("Sam");
    }

    Person clinician() {
        return new MemberApiPeople(api()).staff("CLINICIAN", "Dr. Lee");
    }

    @Test
    void writesScreensEditsAndDeletesJournalEntries() {
        Person member = member();
        Answer written = api().call(
                        "POST",
                        "/api/v1/journal/entries",
                        member.token(),
                        Map.of(
                                "text",
                                "Work was exhausting today, but the walk home helped.",
                                "mood",
                                6,
                                "tags",
                                List.of("work", "walk")));
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.body().get("risk").get("level").asString()).isEqualTo("NONE");
        assertThat(written.body().has("reply")).isFalse();
        String entryId = written.body().get("entryId").asString();

        Answer second =
                api().call("POST", "/api/v1/journal/entries", member.token(), Map.of("text", "A quiet evening."));
        assertThat(second.status()).isEqualTo(201);

        Answer page = api().call("GET", "/api/v1/journal/entries?size=1", member.token(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asLong()).isEqualTo(2);
        assertThat(page.body().get("items").size()).isEqualTo(1);
        assertThat(page.body().get("items").get(0).get("text").asString()).isEqualTo("A quiet evening.");

        Answer one = api().call("GET", "/api/v1/journal/entries/" + entryId, member.token(), null);
        assertThat(one.body().get("text").asString()).isEqualTo("Work was exhausting today, but the walk home helped.");
        assertThat(one.body().get("mood").asInt()).isEqualTo(6);
        assertThat(one.body().get("tags").toString()).isEqualTo("[\"work\",\"walk\"]");

        Answer edited = api().call(
                        "PUT",
                        "/api/v1/journal/entries/" + entryId,
                        member.token(),
                        Map.of("text", "Rewritten.", "mood", 7));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api().call("GET", "/api/v1/journal/entries/" + entryId, member.token(), null)
                        .body()
                        .get("text")
                        .asString())
                .isEqualTo("Rewritten.");

        Person other = member();
        assertThat(api().call("GET", "/api/v1/journal/entries/" + entryId, other.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api().call("DELETE", "/api/v1/journal/entries/" + entryId, other.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api().call("DELETE", "/api/v1/journal/entries/" + entryId, member.token(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api().call("GET", "/api/v1/journal/entries", member.token(), null)
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void screensAnEntryWrittenWithoutConversationAndAnswersWithTheCrisisCard() {
        Person member = member();
        Answer written = api().call(
                        "POST", "/api/v1/journal/entries", member.token(), Map.of("text", "I cut myself last night"));
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.body().get("risk").get("level").asString()).isEqualTo("HIGH");
        assertThat(written.body().get("reply").get("kind").asString()).isEqualTo("CRISIS");
        assertThat(written.body().get("reply").get("text").asString()).contains("988");
        UUID entryId = UUID.fromString(written.body().get("entryId").asString());
        assertThat(jdbc.sql("select count(*) from safety_incident where member_id = :m and source_id = :e")
                        .param("m", member.id())
                        .param("e", entryId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void letsStaffReadEntriesOnlyUnderTheMembersJournalConsent() {
        Person member = member();
        api().call("POST", "/api/v1/journal/entries", member.token(), Map.of("text", "Slept better this week."));
        Person clinician = clinician();
        String path = "/api/v1/journal/entries?memberId=" + member.id();
        assertThat(api().call("GET", path, clinician.token(), null).status()).isEqualTo(404);

        Answer conversationsOnly = api().call(
                        "POST",
                        "/api/v1/consents",
                        member.token(),
                        Map.of("granteeId", clinician.id().toString(), "scopes", List.of("CONVERSATIONS")));
        assertThat(conversationsOnly.status()).isEqualTo(201);
        assertThat(api().call("GET", path, clinician.token(), null).status()).isEqualTo(404);

        Answer journal = api().call(
                        "POST",
                        "/api/v1/consents",
                        member.token(),
                        Map.of("granteeId", clinician.id().toString(), "scopes", List.of("JOURNAL")));
        Answer read = api().call("GET", path, clinician.token(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("items").get(0).get("text").asString()).isEqualTo("Slept better this week.");
        assertThat(jdbc.sql("select attributes->>'consentId' from audit_log where actor_id = :a"
                                + " and action = 'journal.entries.read' and outcome = 'SUCCESS'")
                        .param("a", clinician.id())
                        .query(String.class)
                        .list())
                .containsExactly(journal.body().get("consentId").asString());
        assertThat(jdbc.sql("select count(*) from audit_log where actor_id = :a"
                                + " and action = 'journal.entries.read' and outcome = 'DENIED'")
                        .param("a", clinician.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void recordsCheckInsAndRejectsAnOutOfRangeMood() {
        Person member = member();
        Answer recorded = api().call(
                        "POST",
                        "/api/v1/checkins",
                        member.token(),
                        Map.of("mood", 7, "energy", 5, "sleepHours", 6.5, "note", "Better after a run."));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().get("risk").get("level").asString()).isEqualTo("NONE");

        Answer wrong = api().call("POST", "/api/v1/checkins", member.token(), Map.of("mood", 11));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body().get("errors").get("mood").asString()).isNotBlank();

        Answer list = api().call("GET", "/api/v1/checkins?days=30", member.token(), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).get("mood").asInt()).isEqualTo(7);
        assertThat(list.body().get(0).get("sleepHours").asDouble()).isEqualTo(6.5);
        assertThat(list.body().get(0).get("note").asString()).isEqualTo("Better after a run.");

        Person clinician = clinician();
        String staffPath = "/api/v1/checkins?days=30&memberId=" + member.id();
        assertThat(api().call("GET", staffPath, clinician.token(), null).status())
                .isEqualTo(404);
        api().call(
                        "POST",
                        "/api/v1/consents",
                        member.token(),
                        Map.of("granteeId", clinician.id().toString(), "scopes", List.of("MOOD")));
        Answer staffRead = api().call("GET", staffPath, clinician.token(), null);
        assertThat(staffRead.status()).isEqualTo(200);
        assertThat(staffRead.body().get(0).get("mood").asInt()).isEqualTo(7);
    }

    @Test
    void exportsAUniqueStringThatNoFileOfTheDatabaseAndNoLogLineHolds(CapturedOutput output) throws Exception {
        Person member = member();
        String marker = "qx" + UUID.randomUUID().toString().replace("-", "");
        Answer thread = api().call("POST", "/api/v1/threads", member.token(), Map.of("title", "about " + marker));
        String threadId = thread.body().get("threadId").asString();
        Answer message = api().call(
                        "POST",
                        "/api/v1/threads/" + threadId + "/messages",
                        member.token(),
                        Map.of("text", "Today I kept thinking about " + marker + " and felt tense."));
        assertThat(message.status()).isEqualTo(200);
        assertThat(api().call(
                                "POST",
                                "/api/v1/journal/entries",
                                member.token(),
                                Map.of("text", "Entry with " + marker, "tags", List.of(marker)))
                        .status())
                .isEqualTo(201);
        assertThat(api().call("POST", "/api/v1/checkins", member.token(), Map.of("mood", 4, "note", "note " + marker))
                        .status())
                .isEqualTo(201);

        Answer export = api().call("GET", "/api/v1/me/export", member.token(), null);
        assertThat(export.status()).isEqualTo(200);
        JsonNode archive = export.body();
        assertThat(archive.get("format").asString()).isEqualTo("hearth-member-export/1");
        assertThat(archive.get("profile").get("email").asString()).isEqualTo(member.email());
        JsonNode exported = archive.get("threads").get(0);
        assertThat(exported.get("thread").get("title").asString()).isEqualTo("about " + marker);
        assertThat(exported.get("turns").get(0).get("text").asString()).contains(marker);
        assertThat(exported.get("turns").size()).isEqualTo(2);
        assertThat(archive.get("entries").get(0).get("text").asString()).isEqualTo("Entry with " + marker);
        assertThat(archive.get("entries").get(0).get("tags").get(0).asString()).isEqualTo(marker);
        assertThat(archive.get("checkIns").get(0).get("note").asString()).isEqualTo("note " + marker);
        assertThat(archive.has("consents")).isTrue();
        assertThat(archive.has("assessments")).isTrue();

        // Every page and WAL record reaches the files, then every file of the data dir is read.
        jdbc.sql("checkpoint").update();
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        List<Path> holding = new ArrayList<>();
        // The embedded database lives under the data dir; an external one (cluster mode in CI) keeps
        // its files where the server says, which this machine's root can read.
        List<Path> roots = new ArrayList<>(List.of(hearth.dataDir()));
        Path serverFiles =
                Path.of(jdbc.sql("show data_directory").query(String.class).single());
        if (!serverFiles.startsWith(hearth.dataDir().toAbsolutePath()) && Files.isReadable(serverFiles)) {
            roots.add(serverFiles);
        }
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(Files::isReadable).forEach(file -> {
                    files.add(file);
                    if (contains(read(file), needle)) {
                        holding.add(file);
                    }
                });
            }
        }
        assertThat(files).as("the walk saw the database and its WAL").anySatisfy(f -> assertThat(f.toString())
                .contains("pg_wal"));
        assertThat(files.size()).isGreaterThan(100);
        assertThat(holding).as("files holding the member's words in the clear").isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void erasesAMemberSoTheyCannotSignInAndNothingOfTheirsOpens() {
        Person member = member();
        Answer thread = api().call("POST", "/api/v1/threads", member.token(), Map.of());
        String threadId = thread.body().get("threadId").asString();
        api().call(
                        "POST",
                        "/api/v1/threads/" + threadId + "/messages",
                        member.token(),
                        Map.of("text", "I feel worn out by this week."));
        api().call("POST", "/api/v1/journal/entries", member.token(), Map.of("text", "Something private."));
        Answer phq9 = api().call(
                        "POST",
                        "/api/v1/assessments/phq-9/responses",
                        member.token(),
                        Map.of("answers", List.of(1, 1, 1, 1, 0, 0, 0, 0, 0)));
        assertThat(phq9.status()).isEqualTo(201);
        Answer export = api().call("GET", "/api/v1/me/export", member.token(), null);
        assertThat(export.body().get("assessments").get(0).get("instrumentId").asString())
                .isEqualTo("phq-9");
        UUID turnId = jdbc.sql("select id from journal_turns where member_id = :m and author = 'MEMBER'")
                .param("m", member.id())
                .query(UUID.class)
                .single();
        byte[] sealed = jdbc.sql("select body from journal_turns where id = :id")
                .param("id", turnId)
                .query(byte[].class)
                .single();
        byte[] place = ("journal_turns.body:" + turnId).getBytes(StandardCharsets.UTF_8);
        assertThat(protection.openString(member.id(), Sealed.fromBytes(sealed), place))
                .isEqualTo("I feel worn out by this week.");

        Answer erased = api().call("DELETE", "/api/v1/me", member.token(), null);
        assertThat(erased.status()).isEqualTo(202);

        assertThat(api().call("POST", "/api/v1/auth/login", null, Map.of("email", member.email(), "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(api().call("GET", "/api/v1/threads", member.token(), null).status())
                .isEqualTo(401);
        // A copy of the ciphertext kept from before (a backup, say) no longer opens for anyone.
        assertThatThrownBy(() -> protection.open(member.id(), Sealed.fromBytes(sealed), place))
                .isInstanceOfSatisfying(DataProtectionException.class, e -> assertThat(e.reason())
                        .isEqualTo(DataProtectionException.Reason.KEY_DESTROYED));
        for (String table : List.of("journal_turns", "journal_threads", "journal_entries", "journal_checkins")) {
            assertThat(count(table, member.id())).as(table).isZero();
        }
        assertThat(count("member_data_keys", member.id())).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("companion_thread_states", member.id())).isZero();
            assertThat(count("assessment_response", member.id())).isZero();
        });
        assertThat(jdbc.sql("select count(*) from identity_users where id = :m and email = :e")
                        .param("m", member.id())
                        .param("e", member.email())
                        .query(Long.class)
                        .single())
                .as("the email is gone")
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where actor_id = :m and action = 'journal.erasure'")
                        .param("m", member.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    long count(String table, UUID memberId) {
        return jdbc.sql("select count(*) from " + table + " where member_id = :m")
                .param("m", memberId)
                .query(Long.class)
                .single();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            // A server's temporary file may go between the walk and the read.
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
