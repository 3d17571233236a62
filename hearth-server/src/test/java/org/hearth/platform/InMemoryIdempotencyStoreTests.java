package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofHours(24), 1000);
    private final byte[] fingerprint = {1, 2, 3};

    @Test
    void letsExactlyOneOfManyConcurrentRequestsStart() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<IdempotencyStore.Claim>> claims = IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return store.begin("alice", "k", fingerprint);
                    }))
                    .toList();
            start.countDown();
            long started = 0;
            for (Future<IdempotencyStore.Claim> claim : claims) {
                if (claim.get() instanceof IdempotencyStore.Claim.Started) {
                    started++;
                } else {
                    assertThat(claim.get()).isInstanceOf(IdempotencyStore.Claim.InFlight.class);
                }
            }
            assertThat(started).isEqualTo(1);
        }
    }

    @Test
    void replaysACompletedAnswerUntilTheWindowCloses() {
        IdempotencyStore.StoredResponse answer =
                new IdempotencyStore.StoredResponse(201, Map.of("Location", List.of("/x/1")), new byte[] {42});
        assertThat(store.begin("alice", "k", fingerprint)).isInstanceOf(IdempotencyStore.Claim.Started.class);
        store.complete("alice", "k", answer);
        clock.advance(Duration.ofHours(23));
        assertThat(store.begin("alice", "k", fingerprint)).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
        assertThat(store.begin("alice", "k", new byte[] {9})).isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
        clock.advance(Duration.ofHours(2));
        assertThat(store.begin("alice", "k", fingerprint)).isInstanceOf(IdempotencyStore.Claim.Started.class);
    }

    @Test
    void forgetsAnAbandonedClaim() {
        store.begin("alice", "k", fingerprint);
        store.abandon("alice", "k");
        assertThat(store.begin("alice", "k", fingerprint)).isInstanceOf(IdempotencyStore.Claim.Started.class);
    }
}
