package org.lots.helpdesk.channel.telegram;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the channel's parts in the one order that loses nothing. Start: the outbox, the chat lanes
 * (whose sweep picks up what the last run left half done), then receive. Stop: stop receiving first, let the
 * lanes finish what they are doing, then stop sending (what is left stays stored). Runs after the web server
 * starts and stops before it.
 */
@Component
@ConditionalOnTelegram
class TelegramChannel implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    private final UpdateHandler handler;
    private final Outbox outbox;
    private final UpdateReceiver receiver;
    private final CommandMenus menus;
    private final UpdateLog updates;
    private final CallbackTokens tokens;
    private final TelegramProperties properties;
    private final SharedRateLimits limits;
    private volatile boolean running;
    private ScheduledExecutorService housekeeping;

    TelegramChannel(UpdateHandler handler, Outbox outbox, UpdateReceiver receiver, CommandMenus menus, UpdateLog updates,
                    CallbackTokens tokens, TelegramProperties properties, SharedRateLimits limits) {
        this.limits = limits;
        this.handler = handler;
        this.outbox = outbox;
        this.receiver = receiver;
        this.menus = menus;
        this.updates = updates;
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        outbox.start();
        handler.start();
        receiver.start();
        ScheduledThreadPoolExecutor h = new ScheduledThreadPoolExecutor(1, Outbox.named("telegram-housekeeping"));
        h.setRemoveOnCancelPolicy(true);
        housekeeping = h;
        // Menus: now, and again whenever the content changed (a cheap check) or Telegram was away.
        h.scheduleWithFixedDelay(this::quietly, 0, 60, TimeUnit.SECONDS);
        h.scheduleWithFixedDelay(this::purge, 1, 6 * 60, TimeUnit.MINUTES);
        h.scheduleWithFixedDelay(this::purgeLimits, 1, 1, TimeUnit.MINUTES);
        running = true;
        log.info("Telegram channel started in {} mode (bot {})", properties.mode(), properties.token().split(":")[0]);
    }

    private void quietly() {
        try {
            menus.registerIfChanged();
        } catch (RuntimeException e) {
            log.warn("Command menus: {}", e.getClass().getSimpleName());
        }
    }

    private void purge() {
        try {
            updates.purge();
            tokens.purge();
        } catch (RuntimeException e) {
            log.warn("Telegram housekeeping failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The sending limits' counters of windows past. */
    private void purgeLimits() {
        try {
            limits.purge(java.time.Instant.now().minus(java.time.Duration.ofMinutes(1)));
        } catch (RuntimeException e) {
            log.warn("Telegram rate counters purge failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (housekeeping != null) housekeeping.shutdownNow();
        receiver.stop();
        handler.stop();
        outbox.stop();
        log.info("Telegram channel stopped; {} message(s) wait in the outbox", outbox.waiting());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
