package org.hearth.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Rate limits for one node, with bucket4j buckets in a map. Time comes from the application clock,
 * so tests refill a bucket by moving the clock. Buckets keyed by attacker-chosen values (emails)
 * could grow without end, so once the map is large, full buckets (which remember nothing) are
 * dropped.
 */
@Component
public class InMemoryRateLimits implements RateLimits {

    private static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    public InMemoryRateLimits(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public Decision tryConsume(String key, Limit limit) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep();
        }
        Limited limited = buckets.compute(
                key,
                (k, existing) -> existing != null && existing.limit.equals(limit)
                        ? existing
                        : new Limited(limit, newBucket(limit)));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Decision.allow()
                : Decision.refuse(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }

    private void sweep() {
        buckets.entrySet()
                .removeIf(entry -> entry.getValue().bucket.getAvailableTokens()
                        >= entry.getValue().limit.capacity());
    }

    private record Limited(Limit limit, Bucket bucket) {}

    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
