package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Everything the bot sends goes through here. A message is first stored ({@link OutboxStore}), then sent by a
 * sender loop that keeps each chat's messages in order (one in flight per chat), respects Telegram's limits
 * ({@link RateLimiter}), waits as long as a 429 asks, retries network errors and 5xx with a growing pause, and stops
 * writing to a chat whose user blocked the bot (403). A message leaves the store only after Telegram's OK, so a
 * restart resends exactly the unconfirmed ones, in order.
 * <p>
 * One window remains: when the app dies after Telegram accepted a message but before the store forgot it (one
 * HTTP answer and one local write), that message is sent again after the restart. Telegram has no idempotency key
 * for sendMessage, so at-least-once is the best any sender can do; the window is per chat at most one message.
 * <p>
 * The sender keeps its queue in memory beside the store: it assumes one running instance sends for a bot.
 */
@Component
@ConditionalOnTelegram
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final long IDLE_WAIT_MS = 1000;

    private final OutboxStore store;
    private final ChatStates chats;
    private final BotApi api;
    private final Clock clock;
    private final TelegramProperties.Outbox policy;
    private final RateLimiter limiter;
    private final AtomicLong seq;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, ChatQueue> queues = new HashMap<>();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    /** One chat's unsent messages by seq; at most one of them is being sent at a time. */
    private static final class ChatQueue {
        final long chatId;
        final TreeMap<Long, OutboxEntry> entries = new TreeMap<>();
        boolean inFlight;
        long retryAt; // a 429 pauses the whole chat

        ChatQueue(long chatId) {
            this.chatId = chatId;
        }
    }

    Outbox(OutboxStore store, ChatStates chats, BotApi api, Clock clock, TelegramProperties properties) {
        this.store = store;
        this.chats = chats;
        this.api = api;
        this.clock = clock;
        this.policy = properties.outbox();
        this.limiter = new RateLimiter(properties.limits().messagesPerSecond(), properties.limits().perChatPerSecond(),
                properties.limits().perChatBurst());
        // Sequence numbers must grow across restarts: start above both the clock and anything still stored.
        this.seq = new AtomicLong(Math.max(clock.millis() * 1000, store.maxSeq() + 1));
    }

    /**
     * Stores messages for a chat durably (nothing when the chat is stopped or unreachable); they are sent once
     * {@link #release released}. Answers to an update are released only after the update is marked handled, so
     * that a restart can tell a handled update by its stored answers.
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
                    update, 0, now, now));
        }
        return store.insert(entries);
    }

    /** Hands stored messages to the sender. */
    void release(List<OutboxEntry> entries) {
        if (entries.isEmpty()) return;
        lock.lock();
        try {
            for (OutboxEntry e : entries) queue(e.chatId()).entries.put(e.seq(), e);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stores and releases at once (messages that answer no update, such as an adviser's). */
    void send(long chatId, List<OutboundMessage> messages) {
        release(store(chatId, messages, null));
    }

    /** The user blocked the bot: forget what was still to be sent. */
    void dropChat(long chatId) {
        long dropped = store.deleteChat(chatId);
        lock.lock();
        try {
            ChatQueue q = queues.get(chatId);
            if (q != null) q.entries.clear();
        } finally {
            lock.unlock();
        }
        if (dropped > 0) log.info("A newcomer blocked the bot; {} unsent message(s) dropped", dropped);
    }

    boolean hasAnswerTo(String update) {
        return store.hasAnswerTo(update);
    }

    /** Loads what a previous run left unsent and starts sending. */
    void start() {
        List<OutboxEntry> left = store.all();
        if (!left.isEmpty()) log.info("Telegram outbox: {} message(s) left unsent by the previous run", left.size());
        release(left);
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

    /** How many messages wait (for tests and health). */
    int waiting() {
        lock.lock();
        try {
            return queues.values().stream().mapToInt(q -> q.entries.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    private ChatQueue queue(long chatId) {
        return queues.computeIfAbsent(chatId, ChatQueue::new);
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
                log.error("Telegram outbox loop failed ({}); it goes on", t.getClass().getName());
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
        lock.lock();
        try {
            while (running) {
                long now = clock.millis();
                long wake = now + IDLE_WAIT_MS;
                List<ChatQueue> ready = new ArrayList<>();
                for (ChatQueue q : queues.values()) {
                    if (!q.inFlight && !q.entries.isEmpty()) ready.add(q);
                }
                // The oldest waiting message goes first, whichever chat it is for.
                ready.sort(Comparator.comparingLong(q -> q.entries.firstKey()));
                for (ChatQueue q : ready) {
                    OutboxEntry head = q.entries.firstEntry().getValue();
                    long due = Math.max(q.retryAt, head.notBefore().toEpochMilli());
                    if (due > now) {
                        wake = Math.min(wake, due);
                        continue;
                    }
                    long wait = limiter.waitMillis(q.chatId, now);
                    if (wait > 0) {
                        wake = Math.min(wake, now + wait);
                        continue;
                    }
                    limiter.take(q.chatId, now);
                    q.inFlight = true;
                    senders.execute(() -> attemptSafely(head));
                }
                queues.values().removeIf(q -> q.entries.isEmpty() && !q.inFlight);
                changed.await(Math.max(1, wake - now), TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whatever happens while sending, the chat is not left "in flight" for ever: it is tried again shortly. */
    private void attemptSafely(OutboxEntry entry) {
        try {
            attempt(entry);
        } catch (Throwable t) {
            org.lots.helpdesk.limits.Fatal.check(t);
            log.error("Sending a Telegram message failed ({}); trying again shortly", t.getClass().getName());
            lock.lock();
            try {
                ChatQueue q = queue(entry.chatId());
                q.inFlight = false;
                q.retryAt = clock.millis() + 5000;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** One attempt to send one message; runs on a sender thread, without the lock while talking to Telegram. */
    private void attempt(OutboxEntry entry) {
        long chatId = entry.chatId();
        OutboxEntry next = null; // the entry to keep (rescheduled) or null when it is done with
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
                    next = keep(entry.retryAt(Instant.ofEpochMilli(pauseChatUntil)));
                }
                case BLOCKED -> dropChat = true;
                case REJECTED -> {
                    if (entry.kind() == OutboundMessage.Kind.SEND && !entry.keyboard().isEmpty()) {
                        // Better the text without its buttons than nothing at all.
                        log.warn("Telegram refused a message with buttons ({}); sending it without them", f.description());
                        next = keep(entry.withoutButtons());
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
                    next = keep(entry.retryAt(now.plus(pause)));
                }
            }
        }
        if (dropChat) {
            chats.unreachable(chatId, true);
            dropChat(chatId);
        }
        lock.lock();
        try {
            ChatQueue q = queue(chatId);
            q.inFlight = false;
            if (pauseChatUntil > 0) q.retryAt = pauseChatUntil;
            if (next != null) q.entries.put(next.seq(), next);
            else q.entries.remove(entry.seq());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
                    log.error("Could not mark a Telegram message as sent ({}); it may be sent again after a restart", e.getClass().getSimpleName());
                    return;
                }
                sleep(200L * attempt);
            }
        }
    }

    private OutboxEntry keep(OutboxEntry entry) {
        try {
            store.save(entry);
        } catch (RuntimeException e) {
            log.warn("Could not store a retry time ({}); keeping it in memory", e.getClass().getSimpleName());
        }
        return entry;
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
