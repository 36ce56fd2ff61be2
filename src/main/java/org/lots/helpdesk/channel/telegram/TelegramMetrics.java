package org.lots.helpdesk.channel.telegram;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What an operator watches on the Telegram channel (actuator metrics): updates handled (a counter: its rate is
 * updates per second), updates recorded but not yet handled, and messages waiting in the outbox. The two depths
 * are counted in the store, so every instance reports the bot's whole backlog, not its own share.
 */
@Component
@ConditionalOnTelegram
class TelegramMetrics {

    private final MeterRegistry registry;
    private final Counter handled;

    TelegramMetrics(ObjectProvider<MeterRegistry> registry, UpdateLog updates, OutboxStore outbox) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.handled = Counter.builder("helpdesk.telegram.updates.handled").description("Telegram updates handled by this instance")
                .register(this.registry);
        Gauge.builder("helpdesk.telegram.updates.pending", updates, u -> safely(u::pendingCount))
                .description("Telegram updates recorded and not yet handled (all instances)").register(this.registry);
        Gauge.builder("helpdesk.telegram.outbox.depth", outbox, o -> safely(o::count))
                .description("messages waiting to be sent to Telegram (all instances)").register(this.registry);
    }

    Counter handledUpdates() {
        return handled;
    }

    /** A gauge read while the store is away shows NaN rather than failing the metrics endpoint. */
    private static double safely(java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
