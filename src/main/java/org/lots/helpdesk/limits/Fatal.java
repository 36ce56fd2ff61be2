package org.lots.helpdesk.limits;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers that the JVM ran out of memory (or stack, or hit another {@link VirtualMachineError}) somewhere a
 * worker caught it and carried on. From then on health says DOWN: the process may be in any state, and an
 * orchestrator should restart it. (The container image also exits at once on an OutOfMemoryError.)
 */
public final class Fatal {

    private static final AtomicReference<String> seen = new AtomicReference<>();

    private Fatal() {}

    /** Call from every catch of Throwable. */
    public static void check(Throwable t) {
        if (t instanceof VirtualMachineError) seen.compareAndSet(null, t.getClass().getSimpleName());
    }

    /**
     * Forgets a simulated error: the flag is JVM-wide, and a test that throws one on purpose must not turn the
     * health of every later application in the same test JVM DOWN. Production code never calls this.
     */
    public static void clearAfterSimulation() {
        seen.set(null);
    }

    /** The first such error's class name, or null. */
    public static String seen() {
        return seen.get();
    }
}
