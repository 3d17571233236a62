package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hearth.platform.RateLimits.Decision;
import org.hearth.platform.RateLimits.Limit;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemoryRateLimits limits = new InMemoryRateLimits(clock);

    @Test
    void refusesTheCallAfterCapacityAndSaysHowLongToWait() {
        Limit twentyAMinute = Limit.perMinute(20);
        for (int i = 0; i < 20; i++) {
            assertThat(limits.tryConsume("ip:203.0.113.7", twentyAMinute).allowed())
                    .isTrue();
        }
        Decision refused = limits.tryConsume("ip:203.0.113.7", twentyAMinute);
        assertThat(refused.allowed()).isFalse();
        // One permit comes back every three seconds at 20 a minute.
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);
        assertThat(limits.tryConsume("ip:198.51.100.1", twentyAMinute).allowed())
                .isTrue();
    }

    @Test
    void refillsAsTheClockMoves() {
        Limit one = new Limit(1, Duration.ofMinutes(1));
        assertThat(limits.tryConsume("account:a@example.org", one).allowed()).isTrue();
        assertThat(limits.tryConsume("account:a@example.org", one).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(limits.tryConsume("account:a@example.org", one).allowed()).isTrue();
    }
}
