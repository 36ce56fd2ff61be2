package org.lots.helpdesk.channel.telegram;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Starts and stops the channel's parts in the one order that loses nothing. Start: settle the updates the last
 * run left half done, load the outbox, start the chat lanes, then receive. Stop: stop receiving first, let the
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
    private volatile boolean running;
    private ScheduledExecutorService housekeeping;

    TelegramChannel(UpdateHandler handler, Outbox outbox, UpdateReceiver receiver, CommandMenus menus, UpdateLog updates,
                    CallbackTokens tokens, TelegramProperties properties) {
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
        List<Update> unfinished = handler.unfinished();
        outbox.start();
        handler.start(unfinished);
        receiver.start();
        ScheduledThreadPoolExecutor h = new ScheduledThreadPoolExecutor(1, Outbox.named("telegram-housekeeping"));
        h.setRemoveOnCancelPolicy(true);
        housekeeping = h;
        // Menus: now, and again whenever the content changed (a cheap check) or Telegram was away.
        h.scheduleWithFixedDelay(this::quietly, 0, 60, TimeUnit.SECONDS);
        h.scheduleWithFixedDelay(this::purge, 1, 6 * 60, TimeUnit.MINUTES);
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
