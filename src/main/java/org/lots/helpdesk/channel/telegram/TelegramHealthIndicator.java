package org.lots.helpdesk.channel.telegram;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when a Telegram worker died while the channel runs: the outbox's sender loop, or the receiver (the polling
 * loop stopped asking Telegram for updates). Both restart themselves after any error; this catches what still
 * slips through, so that an orchestrator restarts the app rather than leave a bot that never answers.
 */
@Component("telegram")
@ConditionalOnTelegram
class TelegramHealthIndicator implements HealthIndicator {

    private final TelegramChannel channel;
    private final Outbox outbox;
    private final UpdateReceiver receiver;

    TelegramHealthIndicator(TelegramChannel channel, Outbox outbox, UpdateReceiver receiver) {
        this.channel = channel;
        this.outbox = outbox;
        this.receiver = receiver;
    }

    @Override
    public Health health() {
        if (!channel.isRunning()) return Health.unknown().build();
        if (!outbox.alive()) return Health.down().withDetail("worker", "outbox sender").build();
        if (!receiver.alive()) return Health.down().withDetail("worker", "receiver").build();
        // The outbox's depth is a metric (helpdesk.telegram.outbox.depth), counted in the store: the store's own
        // health says whether that can be read.
        return Health.up().build();
    }
}
