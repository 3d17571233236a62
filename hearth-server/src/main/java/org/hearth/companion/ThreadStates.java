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

/** The policy's memory of each thread (derived signals and variant ids, never text). */
@Repository
class ThreadStates {

    /** A thread's state and the reply variants already used in it, oldest first. */
    record Stored(ThreadState state, List<String> usedVariants) {

        Stored {
            usedVariants = List.copyOf(usedVariants);
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
        return jdbc.sql("select state::text as state, used_variants from companion_thread_states where thread_id = :t")
                .param("t", threadId)
                .query((rs, n) ->
                        new Stored(json.readValue(rs.getString("state"), ThreadState.class), Arrays.asList((String[])
                                rs.getArray("used_variants").getArray())))
                .optional();
    }

    void save(UUID threadId, UUID memberId, Stored stored) {
        jdbc.sql("insert into companion_thread_states (thread_id, member_id, state, used_variants, updated_at)"
                        + " values (:t, :m, cast(:state as jsonb), :used, :at)"
                        + " on conflict (thread_id) do update set state = excluded.state,"
                        + " used_variants = excluded.used_variants, updated_at = excluded.updated_at")
                .param("t", threadId)
                .param("m", memberId)
                .param("state", json.writeValueAsString(stored.state()))
                .param("used", stored.usedVariants().toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Erasure: the states of an erased member's threads go with their turns. */
    @ApplicationModuleListener
    void on(AccountErased erased) {
        jdbc.sql("delete from companion_thread_states where member_id = :m")
                .param("m", erased.userId())
                .update();
    }
}
