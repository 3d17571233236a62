package org.hearth.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.ConsentScope;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversation threads and their turns, stored sealed. The companion module drives a conversation
 * and keeps its turns here; readers (the member, or staff under the CONVERSATIONS consent) get them
 * back decrypted. Nothing here screens or answers: callers screen every member text first.
 */
@Service
public class Conversations {

    static final String NO_SUCH_THREAD = "No such thread";
    static final int MAX_TITLE_CHARS = 200;

    private final JdbcClient jdbc;
    private final Sealing sealing;
    private final ContentReads reads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(JdbcClient jdbc, Sealing sealing, ContentReads reads, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.reads = reads;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a thread for a member in {@code phase}, its title sealed.
     *
     * @param threadId chosen by the caller (so a title can be screened against it first)
     */
    @Transactional
    public ThreadRecord open(UUID threadId, UUID memberId, UUID organizationId, @Nullable String title, String phase) {
        Instant now = clock.instant();
        String cleanTitle = title == null || title.isBlank() ? null : title.strip();
        if (cleanTitle != null && cleanTitle.length() > MAX_TITLE_CHARS) {
            throw Problems.invalid(
                    "The title is too long.", java.util.Map.of("title", "must be at most 200 characters"));
        }
        jdbc.sql("insert into journal_threads (id, member_id, organization_id, title, phase, created_at,"
                        + " last_activity_at) values (:id, :m, :o, :title, :phase, :at, :at)")
                .param("id", threadId)
                .param("m", memberId)
                .param("o", organizationId)
                .param(
                        "title",
                        cleanTitle == null
                                ? null
                                : sealing.seal(memberId, organizationId, "journal_threads.title", threadId, cleanTitle))
                .param("phase", phase)
                .param("at", Timestamp.from(now))
                .update();
        return new ThreadRecord(threadId, memberId, organizationId, cleanTitle, phase, false, 0, now, now);
    }

    /** The member's threads, most recently active first. */
    @Transactional(readOnly = true)
    public List<ThreadRecord> threadsOf(UUID memberId) {
        return jdbc.sql("select * from journal_threads where member_id = :m order by last_activity_at desc, id")
                .param("m", memberId)
                .query(this::thread)
                .list();
    }

    /** The thread if it belongs to {@code memberId}; empty for a missing thread and someone else's alike. */
    @Transactional(readOnly = true)
    public Optional<ThreadRecord> ownThread(UUID memberId, UUID threadId) {
        return jdbc.sql("select * from journal_threads where id = :id and member_id = :m")
                .param("id", threadId)
                .param("m", memberId)
                .query(this::thread)
                .optional();
    }

    /** Whether the thread exists and is {@code memberId}'s; decrypts nothing. */
    @Transactional(readOnly = true)
    public boolean ownsThread(UUID memberId, UUID threadId) {
        return jdbc.sql("select count(*) from journal_threads where id = :id and member_id = :m")
                        .param("id", threadId)
                        .param("m", memberId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The thread's turns for a reader: the member themself, or staff with the member's live
     * CONVERSATIONS consent (audited). Anyone else gets the same 404 as for a missing thread.
     */
    @Transactional(readOnly = true)
    public List<StoredTurn> readTurns(Caller reader, UUID threadId, @Nullable String sourceAddress) {
        ThreadRecord thread = jdbc.sql("select * from journal_threads where id = :id")
                .param("id", threadId)
                .query(this::thread)
                .optional()
                .orElseThrow(() -> Problems.notFound(NO_SUCH_THREAD));
        reads.require(
                reader,
                thread.memberId(),
                ConsentScope.CONVERSATIONS,
                "thread",
                "thread:" + threadId,
                sourceAddress,
                NO_SUCH_THREAD);
        return turns(thread.memberId(), threadId);
    }

    /** The thread's turns in order, decrypted; empty when the thread is not the member's. */
    @Transactional(readOnly = true)
    public List<StoredTurn> turns(UUID memberId, UUID threadId) {
        return jdbc.sql("select * from journal_turns where thread_id = :t and member_id = :m order by seq")
                .param("t", threadId)
                .param("m", memberId)
                .query(this::turn)
                .list();
    }

    /**
     * The last {@code count} member texts of the thread, oldest first, decrypted in memory for the
     * safety screen's context.
     */
    @Transactional(readOnly = true)
    public List<String> memberTexts(UUID memberId, UUID threadId, int count) {
        List<String> newestFirst = jdbc.sql("select id, body from journal_turns where thread_id = :t"
                        + " and member_id = :m and author = 'MEMBER' order by seq desc limit :n")
                .param("t", threadId)
                .param("m", memberId)
                .param("n", count)
                .query((rs, n) -> sealing.open(
                        memberId, "journal_turns.body", rs.getObject("id", UUID.class), rs.getBytes("body")))
                .list();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Stores a member turn and its reply in one transaction, moves the thread to the reply's phase,
     * and publishes {@link TurnRecorded}. Takes a row lock on the thread, so concurrent exchanges
     * in one thread are stored one after the other.
     *
     * @param safetyMode whether the thread is now in safety mode (it never leaves it)
     */
    @Transactional
    public RecordedExchange record(UUID threadId, MemberTurn member, CompanionTurn reply, boolean safetyMode) {
        ThreadRecord thread = jdbc.sql("select * from journal_threads where id = :id for update")
                .param("id", threadId)
                .query(this::thread)
                .optional()
                .orElseThrow(() -> Problems.notFound(NO_SUCH_THREAD));
        Instant now = clock.instant();
        UUID memberId = thread.memberId();
        UUID org = thread.organizationId();
        int seq = thread.turnCount() + 1;
        jdbc.sql("insert into journal_turns (id, thread_id, member_id, organization_id, seq, author, body,"
                        + " risk_level, risk_categories, emotion, sentiment, intent, distortions, incident_id,"
                        + " created_at) values (:id, :t, :m, :o, :seq, 'MEMBER', :body, :risk, :cats, :emotion,"
                        + " :sentiment, :intent, :distortions, :incident, :at)")
                .param("id", member.turnId())
                .param("t", threadId)
                .param("m", memberId)
                .param("o", org)
                .param("seq", seq)
                .param("body", sealing.seal(memberId, org, "journal_turns.body", member.turnId(), member.text()))
                .param("risk", member.screening().level().name())
                .param(
                        "cats",
                        member.screening().categories().stream()
                                .map(Enum::name)
                                .sorted()
                                .toArray(String[]::new))
                .param("emotion", member.emotion())
                .param("sentiment", member.sentiment())
                .param("intent", member.intent())
                .param("distortions", member.distortions().stream().sorted().toArray(String[]::new))
                .param("incident", member.incidentId())
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("insert into journal_turns (id, thread_id, member_id, organization_id, seq, author, body, kind,"
                        + " phase, transition, exercise_id, created_at) values (:id, :t, :m, :o, :seq, 'COMPANION',"
                        + " :body, :kind, :phase, :transition, :exercise, :at)")
                .param("id", reply.turnId())
                .param("t", threadId)
                .param("m", memberId)
                .param("o", org)
                .param("seq", seq + 1)
                .param("body", sealing.seal(memberId, org, "journal_turns.body", reply.turnId(), reply.text()))
                .param("kind", reply.kind())
                .param("phase", reply.phase())
                .param("transition", reply.transition())
                .param("exercise", reply.exerciseId())
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("update journal_threads set phase = :phase, safety_mode = safety_mode or :safety,"
                        + " turn_count = :count, last_activity_at = :at where id = :id")
                .param("phase", reply.phase())
                .param("safety", safetyMode)
                .param("count", seq + 1)
                .param("at", Timestamp.from(now))
                .param("id", threadId)
                .update();
        events.publishEvent(new TurnRecorded(
                threadId,
                memberId,
                org,
                member.turnId(),
                reply.turnId(),
                member.screening().level(),
                reply.kind(),
                reply.phase(),
                now));
        return new RecordedExchange(member.turnId(), reply.turnId(), seq + 1, now);
    }

    /** Deletes every thread and turn of the member. */
    @Transactional
    int deleteAllOf(UUID memberId) {
        jdbc.sql("delete from journal_turns where member_id = :m")
                .param("m", memberId)
                .update();
        return jdbc.sql("delete from journal_threads where member_id = :m")
                .param("m", memberId)
                .update();
    }

    private ThreadRecord thread(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID memberId = rs.getObject("member_id", UUID.class);
        byte[] title = rs.getBytes("title");
        return new ThreadRecord(
                id,
                memberId,
                rs.getObject("organization_id", UUID.class),
                title == null ? null : sealing.open(memberId, "journal_threads.title", id, title),
                rs.getString("phase"),
                rs.getBoolean("safety_mode"),
                rs.getInt("turn_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_activity_at").toInstant());
    }

    private StoredTurn turn(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID memberId = rs.getObject("member_id", UUID.class);
        String risk = rs.getString("risk_level");
        return new StoredTurn(
                id,
                rs.getObject("thread_id", UUID.class),
                rs.getInt("seq"),
                Author.valueOf(rs.getString("author")),
                sealing.open(memberId, "journal_turns.body", id, rs.getBytes("body")),
                rs.getString("kind"),
                rs.getString("phase"),
                rs.getString("exercise_id"),
                risk == null ? null : RiskLevel.valueOf(risk),
                rs.getTimestamp("created_at").toInstant());
    }
}
