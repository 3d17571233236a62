package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.MemberApiIntegrationTest;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.journal.Conversations;
import org.hearth.journal.PrivateJournal;
import org.hearth.safety.Safety;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two nodes answering the same thread at once. Each {@link Companion} orders the exchanges of a
 * thread only within itself (as each node does), so two instances over one database stand for two
 * nodes: every exchange must still leave its mark on the thread's state.
 */
@MemberApiIntegrationTest
class ThreadStateRaceIntegrationTests {

    static final String PASSWORD = "a long and private phrase";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ThreadStates states;

    @Autowired
    Companion companion;

    @Autowired
    Conversations conversations;

    @Autowired
    Safety safety;

    @Autowired
    Understanding understanding;

    @Autowired
    PhasePolicy policy;

    @Autowired
    ReplyRealizer realizer;

    @Autowired
    ReplyGenerator generator;

    @Autowired
    ExerciseCatalogue exercises;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Accounts accounts;

    @Autowired
    PrivateJournal privateJournal;

    @Test
    void aSaveFromAStaleStateIsRefused() {
        UUID thread = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        ThreadStates.Stored fresh = ThreadStates.Stored.fresh();
        ThreadState next = ThreadState.start();

        states.save(thread, member, fresh, next, List.of("v1"));
        ThreadStates.Stored first = states.find(thread).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThatThrownBy(() -> states.save(thread, member, fresh, next, List.of("v2")))
                .isInstanceOf(ThreadStates.Conflict.class);
        states.save(thread, member, first, next, List.of("v1", "v3"));
        ThreadStates.Stored second = states.find(thread).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.usedVariants()).containsExactly("v1", "v3");
        assertThatThrownBy(() -> states.save(thread, member, first, next, List.of("v4")))
                .isInstanceOf(ThreadStates.Conflict.class);
    }

    @Test
    void twoNodesAnsweringOneThreadAtOnceLoseNoExchange() throws Exception {
        Companion otherNode = new Companion(
                conversations,
                states,
                safety,
                understanding,
                policy,
                realizer,
                generator,
                exercises,
                transactions,
                accounts,
                privateJournal);
        ApiClient api = new ApiClient("http://localhost:" + port);
        String email = "race-" + UUID.randomUUID() + "@journal-tests.example.org";
        Answer registered = api.call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", email, "password", PASSWORD, "displayName", "Kai", "locale", "en-US"));
        UUID memberId = UUID.fromString(registered.body().get("userId").asString());
        Caller member =
                Caller.person(memberId, accounts.find(memberId).orElseThrow().organizationId(), Set.of(Role.MEMBER));
        UUID threadId = companion.start(member, null, Locale.US).threadId();
        int rounds = 5;

        for (int round = 0; round < rounds; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            String text = "Round " + round + ": work keeps piling up and I lie awake thinking about it.";
            CompletableFuture<Exchange> here = CompletableFuture.supplyAsync(() -> {
                await(together);
                return companion.send(member, threadId, text, Locale.US);
            });
            CompletableFuture<Exchange> there = CompletableFuture.supplyAsync(() -> {
                await(together);
                return otherNode.send(member, threadId, text, Locale.US);
            });
            assertThat(here.get().reply().text()).isNotBlank();
            assertThat(there.get().reply().text()).isNotBlank();
        }

        ThreadStates.Stored stored = states.find(threadId).orElseThrow();
        assertThat(stored.state().turnsTotal()).isEqualTo(2 * rounds);
        assertThat(stored.version()).isEqualTo(2L * rounds);
        assertThat(conversations.turns(memberId, threadId)).hasSize(4 * rounds);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
