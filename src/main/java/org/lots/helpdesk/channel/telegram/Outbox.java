package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.lots.helpdesk.channel.telegram.OutboxStore.OutboxEntry;
import org.lots.helpdesk.channel.telegram.TelegramErrors.Failure;
import org.lots.helpdesk.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Everything the bot sends goes through here. A message is first stored ({@link OutboxStore}), then sent by the
 * sender loop of whichever instance claims it first: each instance reads the oldest stored messages, and for each
 * chat only the first one (so a chat's messages go out in order, one at a time, over all instances) is claimed
 * with one atomic update and sent. Telegram's limit for the bot holds over all instances ({@link SharedRateLimits},
 * after a local {@link RateLimiter} that also keeps each chat's pace); a 429 pauses the chat as long as it asks
 * (stored, so every instance waits), network errors and 5xx are retried with a growing pause, and a chat whose user
 * blocked the bot (403) is no longer written to. A message leaves the store only after Telegram's OK; a claim whose
 * instance died goes stale and is taken over, so what was unconfirmed is sent again, in order.
 * <p>
 * An update's answers are sent only once the update is marked handled: a restart then tells a handled update by
 * its stored answers, and never replays a turn whose answers already went out.
 * <p>
 * One window remains: when an instance dies after Telegram accepted a message but before the store forgot it (one
 * HTTP answer and one local write), that message is sent again by whoever takes it over. Telegram has no
 * idempotency key for sendMessage, so at-least-once is the best any sender can do; the window is per chat at most
 * one message.
 */
@Component
@ConditionalOnTelegram
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** How often the store is read when nothing happened here: what other instances stored is sent within this. */
    private static final long IDLE_WAIT_MS = 250;
    /** Messages read per look: the heads of this many oldest messages' chats are the candidates. */
    private static final int LOOK_AHEAD = 500;

    private final OutboxStore store;
    private final ChatStates chats;
    private final BotApi api;
    private final Clock clock;
    private final TelegramProperties.Outbox policy;
    private final RateLimiter limiter;
    private final SharedRateLimits shared;
    private final UpdateLog updates;
    private final Leases leases;
    private final Duration claimStale;
    private final AtomicLong seq;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Chats with a message being sent by this instance (guarded by lock). */
    private final Set<Long> inFlight = new HashSet<>();
    /** A 429 pauses the whole chat until then (guarded by lock); the stored notBefore tells the other instances. */
    private final Map<Long, Long> pausedUntil = new HashMap<>();
    /** Updates known to be handled, so that their answers need no second look (bounded; guarded by lock). */
    private final Set<String> handledUpdates = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private boolean poked;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    Outbox(OutboxStore store, ChatStates chats, BotApi api, Clock clock, TelegramProperties properties, SharedRateLimits shared,
           UpdateLog updates, Leases leases, ClusterProperties cluster) {
        this.store = store;
        this.chats = chats;
        this.api = api;
        this.clock = clock;
        this.policy = properties.outbox();
        this.shared = shared;
        this.updates = updates;
        this.leases = leases;
        this.claimStale = cluster.claimStale();
        this.limiter = new RateLimiter(properties.limits().messagesPerSecond(), properties.limits().perChatPerSecond(),
                properties.limits().perChatBurst());
        // Sequence numbers must grow across restarts: start above both the clock and anything still stored.
        this.seq = new AtomicLong(Math.max(clock.millis() * 1000, store.maxSeq() + 1));
    }

    /**
     * Stores messages for a chat durably (nothing when the chat is stopped or unreachable). Answers to an update go
     * out once the update is marked handled, so that a restart can tell a handled update by its stored answers.
     */
    List<OutboxEntry> store(long chatId, List<OutboundMessage> messages, String update) {
        if (messages.isEmpty()) return List.of();
        if (chats.silent(chatId)) {
            log.debug("Chat {} is stopped or unreachable: {} message(s) not sent", chatId, messages.size());
            return List.of();
        }
        Instant now = clock.instant();
        List<OutboxEntry> entries = new ArrayList<>();
        for (OutboundMessage m : messages) {
            entries.add(new OutboxEntry(null, seq.getAndIncrement(), chatId, m.kind(), m.text(), m.keyboard(), m.messageId(),
                    update, 0, now, now, null, null));
        }
        return store.insert(entries);
    }

    /** Stored messages may go now (their update is marked handled): look at the store at once. */
    void release(List<OutboxEntry> entries) {
        if (entries.isEmpty()) return;
        lock.lock();
        try {
            for (OutboxEntry e : entries) if (e.update() != null) handledUpdates.add(e.update());
            poke();
        } finally {
            lock.unlock();
        }
    }

    /** Stores and sends (messages that answer no update, such as an adviser's). */
    void send(long chatId, List<OutboundMessage> messages) {
        release(store(chatId, messages, null));
    }

    /** The user blocked the bot: forget what was still to be sent. */
    void dropChat(long chatId) {
        long dropped = store.deleteChat(chatId);
        if (dropped > 0) log.info("A newcomer blocked the bot; {} unsent message(s) dropped", dropped);
    }

    boolean hasAnswerTo(String update) {
        return store.hasAnswerTo(update);
    }

    /** Starts sending what is stored, by this run, an earlier one or another instance. */
    void start() {
        running = true;
        senders = Executors.newFixedThreadPool(8, named("telegram-send"));
        loop = named("telegram-outbox").newThread(this::run);
        loop.start();
    }

    void stop() {
        running = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (loop != null) {
            loop.interrupt();
            join(loop);
        }
        if (senders != null) {
            senders.shutdown();
            try {
                if (!senders.awaitTermination(10, TimeUnit.SECONDS)) senders.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many messages wait to be sent, over all instances (for tests and health). */
    int waiting() {
        return (int) store.count();
    }

    private void poke() {
        poked = true;
        changed.signalAll();
    }

    // ---------------------------------------------------------------- the sender loop

    /** The sender loop; restarted by {@link #run} itself after anything but a stop, so that sending never ends. */
    private void run() {
        while (running) {
            try {
                loop();
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (Throwable t) {
                org.lots.helpdesk.limits.Fatal.check(t);
                log.warn("Telegram outbox loop failed ({}); it goes on", t.getClass().getName());
                sleep(1000);
            }
        }
    }

    /** True while started and the sender loop runs (for health). */
    boolean alive() {
        Thread t = loop;
        return !running || (t != null && t.isAlive());
    }

    private void loop() throws InterruptedException {
        while (running) {
            List<OutboxEntry> oldest = store.oldest(LOOK_AHEAD); // outside the lock: the store may be slow
            lock.lock();
            try {
                long now = clock.millis();
                long wake = now + IDLE_WAIT_MS;
                Set<Long> seen = new HashSet<>();
                for (OutboxEntry head : oldest) {
                    if (!seen.add(head.chatId())) continue; // not the chat's first: it waits for the one before
                    if (inFlight.contains(head.chatId())) continue;
                    if (head.claimedBy() != null && head.claimedAt() != null && !head.claimedAt().isBefore(clock.instant().minus(claimStale))) {
                        continue; // another instance is sending it
                    }
                    long due = Math.max(pausedUntil.getOrDefault(head.chatId(), 0L), head.notBefore().toEpochMilli());
                    if (due > now) {
                        wake = Math.min(wake, due);
                        continue;
                    }
                    if (!answerMayGo(head)) continue; // its update is not marked handled yet
                    long wait = limiter.waitMillis(head.chatId(), now);
                    if (wait > 0) {
                        wake = Math.min(wake, now + wait);
                        continue;
                    }
                    limiter.take(head.chatId(), now);
                    inFlight.add(head.chatId());
                    senders.execute(() -> claimAndSend(head));
                }
                pausedUntil.values().removeIf(until -> until < now);
                if (!poked) changed.await(Math.max(1, wake - now), TimeUnit.MILLISECONDS);
                poked = false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Answers to an update wait until it is marked handled (called under the lock; a store read when unknown). */
    private boolean answerMayGo(OutboxEntry e) {
        if (e.update() == null || handledUpdates.contains(e.update())) return true;
        boolean handled;
        try {
            handled = updates.handled(e.updateId());
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (handled) handledUpdates.add(e.update());
        return handled;
    }

    /** Claims the message (another instance may have been faster) and sends it within the bot's shared limits. */
    private void claimAndSend(OutboxEntry seen) {
        OutboxEntry entry = null;
        try {
            Instant now = clock.instant();
            entry = store.claim(seen.id(), leases.owner(), now, now.minus(claimStale));
            if (entry != null) {
                for (long wait; running && (wait = shared.take(System.currentTimeMillis())) > 0; ) sleep(wait);
                if (running) {
                    attempt(entry);
                    return;
                }
                store.save(entry); // stopping: give the claim up so that another instance sends it now
            }
            done(seen.chatId(), 0);
        } catch (Throwable t) {
            org.lots.helpdesk.limits.Fatal.check(t);
            log.warn("Sending a Telegram message failed ({}); trying again shortly", t.getClass().getName());
            done(seen.chatId(), clock.millis() + 5000);
        }
    }

    /** The chat's message in flight here is finished with (sent, kept for later, or taken by another instance). */
    private void done(long chatId, long pauseChatUntil) {
        lock.lock();
        try {
            inFlight.remove(chatId);
            if (pauseChatUntil > 0) pausedUntil.put(chatId, pauseChatUntil);
            poke();
        } finally {
            lock.unlock();
        }
    }

    /** One attempt to send one claimed message; runs on a sender thread, without the lock while talking to Telegram. */
    private void attempt(OutboxEntry entry) {
        long chatId = entry.chatId();
        long pauseChatUntil = 0;
        boolean dropChat = false;
        try {
            if (entry.createdAt().plus(policy.maxAge()).isBefore(clock.instant())) {
                log.warn("A Telegram message waited longer than {} and is dropped", policy.maxAge());
                forget(entry);
            } else {
                execute(entry);
                forget(entry); // "sent" means: Telegram said OK, and only then is it forgotten
            }
        } catch (TelegramApiException | RuntimeException error) {
            Failure f = TelegramErrors.classify(error);
            Instant now = clock.instant();
            switch (f.kind()) {
                case FLOOD -> {
                    log.info("Telegram asked to wait {} s before the next message to a chat", f.retryAfterSeconds());
                    pauseChatUntil = now.toEpochMilli() + f.retryAfterSeconds() * 1000L;
                    keep(entry.retryAt(Instant.ofEpochMilli(pauseChatUntil)));
                }
                case BLOCKED -> dropChat = true;
                case REJECTED -> {
                    if (entry.kind() == OutboundMessage.Kind.SEND && !entry.keyboard().isEmpty()) {
                        // Better the text without its buttons than nothing at all.
                        log.warn("Telegram refused a message with buttons ({}); sending it without them", f.description());
                        keep(entry.withoutButtons());
                    } else {
                        if (entry.kind() == OutboundMessage.Kind.SEND) log.warn("Telegram refused a message: {}", f.description());
                        else log.debug("Telegram refused to edit buttons: {}", f.description());
                        forget(entry);
                    }
                }
                case TRANSIENT -> {
                    Duration pause = backoff(entry.attempts());
                    if (f.code() != null && (f.code() == 401 || f.code() == 404)) {
                        log.error("Telegram answered {}: is telegram.token right? Retrying in {} ms", f.code(), pause.toMillis());
                    } else {
                        log.warn("Sending to Telegram failed ({}); retry {} in {} ms", f.code() == null ? f.description() : "HTTP " + f.code(),
                                entry.attempts() + 1, pause.toMillis());
                    }
                    keep(entry.retryAt(now.plus(pause)));
                }
            }
        }
        if (dropChat) {
            chats.unreachable(chatId, true);
            dropChat(chatId);
        }
        done(chatId, pauseChatUntil);
    }

    private void execute(OutboxEntry e) throws TelegramApiException {
        String chat = String.valueOf(e.chatId());
        InlineKeyboardMarkup markup = markup(e.keyboard());
        if (e.kind() == OutboundMessage.Kind.SEND) {
            SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder().chatId(chat).text(e.text());
            if (markup != null) m.replyMarkup(markup);
            api.client().execute(m.build());
        } else {
            api.client().execute(EditMessageReplyMarkup.builder().chatId(chat).messageId(e.messageId())
                    .replyMarkup(markup != null ? markup : new InlineKeyboardMarkup(List.of())).build());
        }
    }

    static InlineKeyboardMarkup markup(List<List<KeyButton>> keyboard) {
        if (keyboard == null || keyboard.isEmpty()) return null;
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<KeyButton> row : keyboard) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (KeyButton b : row) {
                InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> button = InlineKeyboardButton.builder().text(b.label());
                if (b.url() != null) button.url(b.url());
                else button.callbackData(b.data());
                r.add(button.build());
            }
            rows.add(r);
        }
        return new InlineKeyboardMarkup(rows);
    }

    Duration backoff(int failedBefore) {
        long initial = Math.max(1, policy.retryInitial().toMillis());
        long ms = initial << Math.min(20, failedBefore);
        ms = Math.min(ms, policy.retryMax().toMillis());
        ms += ThreadLocalRandom.current().nextLong(ms / 10 + 1); // spread retries of many chats
        return Duration.ofMillis(ms);
    }

    /** Deletes a finished entry; a lost delete would mean a repeat after a restart, so it is retried a little. */
    private void forget(OutboxEntry entry) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.delete(entry.id());
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    log.error("Could not mark a Telegram message as sent ({}); it is sent again once its claim is stale", e.getClass().getSimpleName());
                    return;
                }
                sleep(200L * attempt);
            }
        }
    }

    /** Stores the next attempt's time and gives the claim up; if that fails the claim goes stale and is retaken. */
    private void keep(OutboxEntry entry) {
        try {
            store.save(entry);
        } catch (RuntimeException e) {
            log.warn("Could not store a retry time ({}); the message is tried again once its claim is stale", e.getClass().getSimpleName());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory named(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
