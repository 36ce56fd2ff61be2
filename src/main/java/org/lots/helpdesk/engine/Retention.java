package org.lots.helpdesk.engine;

import java.time.Duration;

/**
 * How long the help desk keeps what a newcomer leaves (the {@code helpdesk.retention.*} settings), for the privacy
 * texts to say so. The purge that applies them lives outside the engine.
 */
public record Retention(Duration conversations, Duration handoffs, Duration unanswered) {

    public static final Retention DEFAULT = new Retention(Duration.ofDays(90), Duration.ofDays(365), Duration.ofDays(90));
}
