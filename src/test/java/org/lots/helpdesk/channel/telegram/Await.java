package org.lots.helpdesk.channel.telegram;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something asynchronous by looking again and again, up to a generous deadline: never a fixed sleep. */
public final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    private Await() {}

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            last = probe.get();
            if (done.test(last)) return last;
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("gave up after " + DEADLINE.toSeconds() + " s waiting for " + what + "; last seen: " + last);
    }

    public static void until(String what, Supplier<Boolean> condition) {
        until(what, condition, Boolean::booleanValue);
    }
}
