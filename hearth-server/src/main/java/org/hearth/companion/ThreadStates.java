package org.hearth.companion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hearth.identity.AccountErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy's memory of each thread (derived signals and variant ids, never text). Saves are
 * optimistic: each carries the version it was planned from and fails with {@link Conflict} when
 * another exchange (on another node) saved in between.
 */
@Repository
class ThreadStates {

    /**
     * A thread's state and the reply variants already used in it, oldest first.
     *
     * @param version how many times it was saved; 0 before the first save
     */
    record Stored(ThreadState state, List<String> usedVariants, long version) {

        Stored {
            usedVariants = List.copyOf(usedVariants);
        }

        static Stored fresh() {
            return new Stored(ThreadState.start(), List.of(), 0);
        }
    }

    /** Another exchange saved the thread's state after this one read it. */
    static final class Conflict extends RuntimeException {
        Conflict(UUID threadId) {
            super("The state of thread " + threadId + " changed while a reply was planned", null, false, false);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ThreadStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> find(UUID threadId) {
        return jdbc.sql("select state::text as state, used_variants, version from companion_thread_states"
                        + " where thread_id = :t")
                .param("t", threadId)
                .query((rs, n) -> new Stored(
                        json.readValue(rs.getString("state"), ThreadState.class),
                        Arrays.asList((String[]) rs.getArray("used_variants").getArray()),
                        rs.getLong("version")))
                .optional();
    }

    /**
     * Saves the next state of a thread planned from {@code plannedFrom}.
     *
     * @throws Conflict when the stored version is no longer {@code plannedFrom}'s
     */
    void save(UUID threadId, UUID memberId, Stored plannedFrom, ThreadState next, List<String> usedVariants) {
        int saved = jdbc.sql("insert into companion_thread_states"
                        + " (thread_id, member_id, state, used_variants, updated_at, version)"
                        + " values (:t, :m, cast(:state as jsonb), :used, :at, 1)"
                        + " on conflict (thread_id) do update set state = excluded.state,"
                        + " used_variants = excluded.used_variants, updated_at = excluded.updated_at,"
                        + " version = companion_thread_states.version + 1"
                        + " where companion_thread_states.version = :version")
                .param("t", threadId)
                .param("m", memberId)
                .param("state", json.writeValueAsString(next))
                .param("used", usedVariants.toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant()))
                .param("version", plannedFrom.version())
                .update();
        // No row yet: the insert. A row at the planned version: the update. Anything else: the where
        // clause fails and nothing is written.
        if (saved == 0) {
            throw new Conflict(threadId);
        }
    }

    /** Erasure: the states of an erased member's threads go with their turns. */
    @ApplicationModuleListener
    void on(AccountErased erased) {
        jdbc.sql("delete from companion_thread_states where member_id = :m")
                .param("m", erased.userId())
                .update();
    }
}
