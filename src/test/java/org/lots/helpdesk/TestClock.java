package org.lots.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand (office hours, offers to all advisers, lock-outs), shared by the whole application.
 * Between moves it ticks like the real one: the Telegram outbox and other schedulers wait by it.
 */
public final class TestClock extends Clock {

    private final long startNanos = System.nanoTime();
    private volatile Instant base;

    public TestClock(Instant start) {
        this.base = start;
    }

    public synchronized void advance(Duration d) {
        base = base.plus(d);
    }

    /** Moves to {@code t}, never backwards (other tests in the same context rely on time only moving on). */
    public synchronized void moveTo(Instant t) {
        Instant now = instant();
        if (t.isAfter(now)) base = base.plus(Duration.between(now, t));
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - startNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
