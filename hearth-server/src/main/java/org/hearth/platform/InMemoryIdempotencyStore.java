package org.hearth.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default: a bounded Caffeine cache whose entries expire a fixed time after the first
 * request. Time comes from the application clock, so tests move past the window instead of waiting.
 */
class InMemoryIdempotencyStore implements IdempotencyStore {

    /** {@code firstSeen} is in ticker nanoseconds; the window runs from the first request. */
    private record Entry(byte[] fingerprint, @Nullable StoredResponse response, long firstSeen) {}

    private final Cache<String, Entry> entries;

    private final Ticker ticker;

    InMemoryIdempotencyStore(Clock clock, Duration retention, long maximumEntries) {
        this.ticker = () -> clock.millis() * 1_000_000L;
        long window = retention.toNanos();
        this.entries = Caffeine.newBuilder()
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String id, Entry entry, long now) {
                        return window;
                    }

                    @Override
                    public long expireAfterUpdate(String id, Entry entry, long now, long remaining) {
                        // Completing or re-reading an entry must not stretch its window.
                        return Math.max(0, entry.firstSeen() + window - now);
                    }

                    @Override
                    public long expireAfterRead(String id, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .maximumSize(maximumEntries)
                .ticker(ticker)
                .build();
    }

    @Override
    public Claim begin(String scope, String key, byte[] fingerprint) {
        AtomicReference<Claim> claim = new AtomicReference<>();
        entries.asMap().compute(id(scope, key), (id, existing) -> {
            if (existing == null) {
                claim.set(new Claim.Started());
                return new Entry(fingerprint.clone(), null, ticker.read());
            }
            if (!MessageDigest.isEqual(existing.fingerprint(), fingerprint)) {
                claim.set(new Claim.Mismatch());
            } else if (existing.response() == null) {
                claim.set(new Claim.InFlight());
            } else {
                claim.set(new Claim.Replay(existing.response()));
            }
            return existing;
        });
        return claim.get();
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        entries.asMap()
                .computeIfPresent(
                        id(scope, key),
                        (id, existing) -> new Entry(existing.fingerprint(), response, existing.firstSeen()));
    }

    @Override
    public void abandon(String scope, String key) {
        entries.asMap()
                .computeIfPresent(id(scope, key), (id, existing) -> existing.response() == null ? null : existing);
    }

    private static String id(String scope, String key) {
        return scope + '\u0000' + key;
    }
}
