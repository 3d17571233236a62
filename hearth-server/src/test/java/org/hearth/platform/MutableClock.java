package org.hearth.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock tests can move forward, so deadlines and reminders are tested without waiting. It stands
 * still between moves; whoever waits on it for time to pass (db-scheduler's poll waits until the
 * clock reaches the end of the interval) must be told of every move, see {@link #onChange}.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
        listeners.forEach(Runnable::run);
    }

    public void set(Instant instant) {
        now = instant;
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every move of the clock, on the thread that moved it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
