package org.lots.helpdesk.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with telegrambots' {@link TelegramBotsLongPollingApplication}. Its session calls
 * {@link #consume(List)} on the polling thread and asks for the next batch (which confirms this one to Telegram)
 * only when it returns: so each update is recorded before the offset moves on. If the store is down, consume
 * waits and retries rather than let Telegram forget the updates. Handling itself happens on the chat lanes.
 */
@Component
@ConditionalOnTelegram
@ConditionalOnProperty(name = "telegram.mode", havingValue = "polling", matchIfMissing = true)
class PollingReceiver implements UpdateReceiver, LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(PollingReceiver.class);
    /** What the help desk reads; everything else Telegram keeps to itself. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

    private final BotApi api;
    private final UpdateHandler handler;
    private final int timeoutSeconds;
    private final Leases leases;
    private final Duration leaseTtl;
    private final String lease;
    private volatile boolean running;
    private ScheduledExecutorService executor, keeper;
    private TelegramBotsLongPollingApplication application;

    PollingReceiver(BotApi api, UpdateHandler handler, TelegramProperties properties, Leases leases, ClusterProperties cluster) {
        this.api = api;
        this.handler = handler;
        this.timeoutSeconds = (int) Math.max(0, Math.min(50, properties.polling().timeout().toSeconds()));
        this.leases = leases;
        this.leaseTtl = cluster.pollingLease();
        this.lease = "telegram-polling:" + api.botId();
    }

    /**
     * Telegram allows one getUpdates caller per bot: of several instances, the one holding the polling lease polls.
     * Each instance tries to take or renew it every third of its time; when the holder dies, another takes over
     * once it ran out.
     */
    @Override
    public synchronized void start() {
        running = true;
        keeper = Executors.newSingleThreadScheduledExecutor(Outbox.named("telegram-polling-lease"));
        keeper.scheduleWithFixedDelay(this::keepLease, 0, Math.max(100, leaseTtl.toMillis() / 3), TimeUnit.MILLISECONDS);
    }

    private synchronized void keepLease() {
        if (!running) return;
        boolean mine;
        try {
            mine = leases.acquire(lease, leaseTtl);
        } catch (RuntimeException e) {
            log.warn("Polling lease unreadable ({}); polling goes on until it would have run out", e.getClass().getSimpleName());
            return; // the store is away: nobody else can take the lease either until it is back
        }
        if (mine && application == null) {
            log.info("This instance holds the polling lease ({})", leases.owner());
            ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, Outbox.named("telegram-polling"));
            ex.setRemoveOnCancelPolicy(true);
            executor = ex;
            application = new TelegramBotsLongPollingApplication(api::json, api::pollingHttp, () -> executor);
            register(1);
        } else if (!mine && application != null) {
            log.warn("The polling lease went to another instance ({}); polling stops here", leases.holder(lease));
            stopPolling();
        }
    }

    /** True while this instance polls (for tests and the operator). */
    boolean polling() {
        return application != null && registered;
    }

    /** registerBot first deletes any webhook; when Telegram cannot be reached yet, try again later. */
    private synchronized void register(int attempt) {
        if (!running || application == null) return;
        try {
            lastPoll = System.currentTimeMillis();
            application.registerBot(api.token(), api::url, this::getUpdates, this);
            registered = true;
            log.info("Telegram long polling started (bot {})", api.botId());
        } catch (TelegramApiException | RuntimeException e) {
            long seconds = Math.min(60, 1L << Math.min(6, attempt));
            log.warn("Telegram long polling could not start ({}); next try in {} s", TelegramErrors.classify(e).description(), seconds);
            try {
                application.unregisterBot(api.token());
            } catch (TelegramApiException | RuntimeException ignored) {
                // it was not registered
            }
            try {
                executor.schedule(() -> register(attempt + 1), seconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopped meanwhile
            }
        }
    }

    /** When telegrambots last asked for a getUpdates request: it does so on every poll, reachable or not. */
    private volatile long lastPoll;
    private volatile boolean registered;

    /** False when the polling loop has stopped by itself (for health). */
    @Override
    public boolean alive() {
        long quiet = System.currentTimeMillis() - lastPoll;
        return !running || !registered || quiet < (timeoutSeconds + 120) * 1000L;
    }

    GetUpdates getUpdates(Integer lastReceived) {
        lastPoll = System.currentTimeMillis();
        return GetUpdates.builder().offset(lastReceived + 1).limit(100).timeout(timeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES).build();
    }

    @Override
    public void consume(List<Update> batch) {
        // Never throw: an exception here would end telegrambots' polling task for good.
        for (Update u : batch) {
            for (int attempt = 1; running; attempt++) {
                try {
                    handler.accept(u);
                    break;
                } catch (Throwable e) { // an Error too: letting it out would end the polling for good
                    org.lots.helpdesk.limits.Fatal.check(e);
                    log.warn("Telegram update {} could not be recorded ({}); retrying before confirming it", u.getUpdateId(),
                            e.getClass().getSimpleName());
                    try {
                        Thread.sleep(Math.min(10_000, 250L * attempt));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!running) return; // not recorded: Telegram has not been told, and delivers it again
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (keeper != null) keeper.shutdownNow();
        boolean held = application != null;
        stopPolling();
        if (held) {
            try {
                leases.release(lease); // another instance takes over at once
            } catch (RuntimeException e) {
                log.warn("Polling lease not given up ({}); it runs out by itself", e.getClass().getSimpleName());
            }
        }
    }

    private synchronized void stopPolling() {
        registered = false;
        application = null;
        if (executor != null) {
            // Not application.close(): it interrupts the waiting getUpdates call, which telegrambots logs as an
            // error. Shutting the executor down ends the polling loop after the call in progress.
            executor.shutdown();
            try {
                // A getUpdates call waiting for news is not waited out (up to 50 s): what it may still bring is
                // neither recorded nor confirmed (running is false), so Telegram delivers it again after the restart.
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
