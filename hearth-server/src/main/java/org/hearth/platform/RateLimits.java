package org.hearth.platform;

import java.time.Duration;

/**
 * Token-bucket rate limits shared by every module. The embedded default keeps buckets in memory
 * ({@link InMemoryRateLimits}); a cluster replaces this bean with one backed by Redis so that all
 * nodes count together. Callers name their buckets with a prefix of their own, e.g.
 * {@code identity.login.ip:203.0.113.7}.
 */
public interface RateLimits {

    /**
     * Takes one permit from the bucket named {@code key}, creating it with {@code limit} on first use.
     * Never blocks.
     *
     * @return whether the call may go ahead and, if not, how long until a permit is free again
     */
    Decision tryConsume(String key, Limit limit);

    /**
     * At most {@code capacity} calls per {@code period}, refilled gradually over the period.
     *
     * @param capacity permits in a full bucket, at least 1
     * @param period time in which an empty bucket fills up again, positive
     */
    record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1");
            }
            if (period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs a positive period");
            }
        }

        public static Limit perMinute(long capacity) {
            return new Limit(capacity, Duration.ofMinutes(1));
        }
    }

    /**
     * The answer for one call.
     *
     * @param allowed whether the call may go ahead
     * @param retryAfter when refused, the wait before the next permit (whole seconds, at least one);
     *     zero when allowed
     */
    record Decision(boolean allowed, Duration retryAfter) {

        public static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }

        public static Decision refuse(Duration retryAfter) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return new Decision(false, Duration.ofSeconds(seconds));
        }

        /** The value of a {@code Retry-After} header: whole seconds. */
        public long retryAfterSeconds() {
            return retryAfter.toSeconds();
        }
    }
}
