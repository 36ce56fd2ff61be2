package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.channel.telegram.OutboxStore.OutboxEntry;
import org.lots.helpdesk.channel.telegram.UpdateLog.UpdateRecord;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Inbound;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Membership;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Pressed;
import org.lots.helpdesk.channel.telegram.UpdateMapper.Said;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;

/**
 * Where every update arrives, by long polling or by webhook, on any of several instances. {@link #accept} records
 * it (dropping a duplicate) and has its chat drained: the instance holding the chat's lease ({@link Leases})
 * handles the chat's recorded updates one after another in Telegram's order, different chats in parallel. So an
 * update is handled from the store, never from memory: one acknowledged by an instance that died is found by
 * another's sweep. Handling runs the conversation and stores the answers in the outbox, then marks the update
 * handled; the outbox sends an update's answers only once it is marked.
 */
@Component
@ConditionalOnTelegram
class UpdateHandler {

    static final String CHANNEL = "telegram";
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final int ATTEMPTS = 3;

    enum Accepted { NEW, DUPLICATE }

    private final UpdateLog updates;
    private final UpdateMapper mapper;
    private final ReplyRenderer renderer;
    private final Outbox outbox;
    private final ChatStates chats;
    private final ConversationService conversations;
    private final BotApi api;
    private final ChatFloods floods;
    private final int workers;
    private final Leases leases;
    private final ClusterProperties cluster;
    private final Clock clock;
    private final Counter handled;
    /** Chats with a drain queued on their lane (not yet running). */
    private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor[] lanes;
    private volatile boolean accepting;
    private ScheduledExecutorService sweeper;

    UpdateHandler(UpdateLog updates, UpdateMapper mapper, ReplyRenderer renderer, Outbox outbox, ChatStates chats,
                  ConversationService conversations, BotApi api, TelegramProperties properties, ChatFloods floods,
                  Leases leases, ClusterProperties cluster, Clock clock, TelegramMetrics metrics) {
        this.leases = leases;
        this.cluster = cluster;
        this.clock = clock;
        this.handled = metrics.handledUpdates();
        this.floods = floods;
        this.updates = updates;
        this.mapper = mapper;
        this.renderer = renderer;
        this.outbox = outbox;
        this.chats = chats;
        this.conversations = conversations;
        this.api = api;
        this.workers = properties.workers();
    }

    boolean accepting() {
        return accepting;
    }

    /**
     * Records the update durably and has its chat handled. Throws when the store cannot record it: the caller must
     * then not let Telegram consider it delivered. A repeat, also one Telegram delivered to another instance first,
     * meets the unique key and is dropped.
     */
    Accepted accept(Update update) {
        Long chatId = UpdateMapper.chatId(update);
        String json;
        try {
            json = api.json().writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("update " + update.getUpdateId() + " cannot be stored: " + e.getClass().getSimpleName());
        }
        if (!updates.record(update.getUpdateId(), chatId, json)) {
            log.debug("Update {} seen before: dropped", update.getUpdateId());
            return Accepted.DUPLICATE;
        }
        if (chatId == null) {
            updates.done(update.getUpdateId()); // nothing the help desk serves
            return Accepted.NEW;
        }
        schedule(chatId);
        return Accepted.NEW;
    }

    /**
     * Starts the chat lanes and the sweep, which finds recorded updates nobody handles: those the last run of this
     * instance left, and those of an instance that died (once its chat leases ran out).
     */
    void start() {
        ThreadPoolExecutor[] l = new ThreadPoolExecutor[workers];
        for (int i = 0; i < workers; i++) {
            l[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), Outbox.named("telegram-chat-" + i));
        }
        lanes = l;
        accepting = true;
        sweeper = Executors.newSingleThreadScheduledExecutor(Outbox.named("telegram-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweep, 0, cluster.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the updates being handled finish; the rest stay recorded for the next start or another instance. */
    void stop() {
        accepting = false;
        if (sweeper != null) sweeper.shutdownNow();
        ThreadPoolExecutor[] l = lanes;
        if (l == null) return;
        for (ThreadPoolExecutor lane : l) {
            lane.getQueue().clear();
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : l) {
            try {
                if (!lane.awaitTermination(15, TimeUnit.SECONDS)) lane.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sweep() {
        try {
            for (Long chat : updates.waitingChats(clock.instant().minus(cluster.sweepEvery()), 500)) {
                if (chat != null) schedule(chat);
            }
        } catch (RuntimeException e) {
            log.warn("Telegram sweep failed ({}); next time", e.getClass().getSimpleName());
        }
    }

    private static ThreadPoolExecutor lane(ThreadPoolExecutor[] lanes, long chatId) {
        return lanes[Math.floorMod(Long.hashCode(chatId), lanes.length)];
    }

    /** Queues one drain of the chat on its lane, unless one is queued already (it will see this update too). */
    private void schedule(long chatId) {
        ThreadPoolExecutor[] l = lanes;
        if (l == null || !accepting) return; // it stays recorded and is handled after the next start or elsewhere
        if (!scheduled.add(chatId)) return;
        try {
            lane(l, chatId).execute(() -> {
                scheduled.remove(chatId);
                try {
                    drain(chatId);
                } catch (RuntimeException e) {
                    log.warn("Telegram chat lane failed ({}); the sweep tries again", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException stopping) {
            scheduled.remove(chatId);
        }
    }

    /**
     * Handles the chat's recorded updates in order while holding the chat's lease, so that no two instances handle
     * one chat at once. When another instance holds it, that one handles what was recorded here as well: it looks
     * for more after giving the lease up, and whatever was recorded before its last look was seen by it.
     */
    private void drain(long chatId) {
        String lease = "telegram-chat:" + api.botId() + ":" + chatId;
        Duration ttl = cluster.chatLease();
        while (accepting) {
            if (!leases.acquire(lease, ttl)) return;
            long renewAt = System.nanoTime() + ttl.toNanos() / 2;
            try {
                for (List<UpdateRecord> batch; accepting && !(batch = updates.pendingOf(chatId, 20)).isEmpty(); ) {
                    for (UpdateRecord r : batch) {
                        if (!accepting) return;
                        if (System.nanoTime() > renewAt) {
                            if (!leases.acquire(lease, ttl)) return; // lost it (a long pause): the new holder goes on
                            renewAt = System.nanoTime() + ttl.toNanos() / 2;
                        }
                        if (!handle(r)) return; // the store is away: the sweep tries again
                    }
                }
            } finally {
                leases.release(lease);
            }
            if (updates.pendingOf(chatId, 1).isEmpty()) return;
        }
    }

    /** One recorded update; false when it could not be finished (it stays pending). */
    private boolean handle(UpdateRecord r) {
        if (outbox.hasAnswerTo(key(r.updateId()))) {
            // Its answers are stored: its turn ran before a crash, only the mark is missing.
            updates.done(r.updateId());
            return true;
        }
        Update update;
        try {
            update = api.json().readValue(r.update(), Update.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("Stored update {} cannot be read back ({}); skipped", r.updateId(), e.getClass().getSimpleName());
            updates.done(r.updateId());
            return true;
        }
        return handle(update);
    }

    private boolean handle(Update update) {
        int id = update.getUpdateId();
        List<OutboxEntry> answers = null;
        for (int attempt = 1; answers == null; attempt++) {
            try {
                answers = process(mapper.map(update), key(id));
            } catch (RuntimeException e) {
                if (!accepting) {
                    log.warn("Telegram update {} interrupted by the stop ({}); it is handled after the next start", id, e.getClass().getSimpleName());
                    return false;
                }
                if (attempt >= ATTEMPTS) {
                    log.error("Telegram update {} could not be handled ({}); given up", id, e.getClass().getSimpleName());
                    answers = List.of();
                    break;
                }
                log.warn("Telegram update {} failed ({}), trying again", id, e.getClass().getSimpleName());
                if (!pause(500L * attempt * attempt)) return false;
            }
        }
        // Only a handled update's answers are sent: if the mark cannot be written, the next start finds the update
        // pending with its answers stored, marks it then and sends them; nothing is sent twice.
        for (int attempt = 1; ; attempt++) {
            try {
                updates.done(id);
                break;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !pause(500L * attempt)) {
                    log.error("Telegram update {} could not be marked handled ({}); its answers go out after the next start",
                            id, e.getClass().getSimpleName());
                    return false;
                }
            }
        }
        handled.increment();
        outbox.release(answers);
        return true;
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<OutboxEntry> process(Inbound in, String key) {
        if (in instanceof Said s) {
            List<OutboundMessage> refused = floods.refusal(s.chatId(), s.languageHint());
            if (refused != null) return outbox.store(s.chatId(), refused, key);
            return converse(s.chatId(), s.input(), s.languageHint(), null, key);
        }
        if (in instanceof Pressed p) {
            answerButton(p.callbackId());
            List<OutboundMessage> refused = floods.refusal(p.chatId(), p.languageHint());
            if (refused != null) return outbox.store(p.chatId(), refused, key);
            if (p.input() == null) return List.of(); // "✓ choice" pressed again: nothing to do
            OutboundMessage edit = p.buttonsAfter() == null || p.messageId() == null ? null
                    : OutboundMessage.editButtons(p.chatId(), p.messageId(), p.buttonsAfter());
            return converse(p.chatId(), p.input(), p.languageHint(), edit, key);
        }
        if (in instanceof Membership m) {
            chats.unreachable(m.chatId(), m.blocked());
            if (m.blocked()) outbox.dropChat(m.chatId());
        }
        return List.of();
    }

    private List<OutboxEntry> converse(long chatId, Input input, String languageHint, OutboundMessage edit, String key) {
        chats.unreachable(chatId, false); // whoever writes can be written to
        boolean start = input instanceof Input.Command c && "start".equals(c.name());
        if (start) chats.stopped(chatId, false);
        ConversationService.Result result = conversations.receive(new Address(CHANNEL, String.valueOf(chatId)), input, languageHint, key);
        if (result.repeated()) {
            // Its turn ran before a crash, and its answers never reached the outbox (handle found none): the
            // conversation kept them, so they go out now without running the turn again.
            log.info("Telegram update {} was handled before the restart; not run again", key);
            return outbox.store(chatId, renderer.render(chatId, result.turn().replies()), key);
        }
        // A newcomer in danger gets the emergency answer (and the adviser's words after it) even after /stop.
        if (result.turn().outputs().stream().anyMatch(Output.SafetyAlert.class::isInstance)) chats.stopped(chatId, false);
        List<OutboundMessage> messages = new ArrayList<>();
        if (edit != null) messages.add(edit);
        messages.addAll(renderer.render(chatId, result.turn().replies()));
        List<OutboxEntry> stored = outbox.store(chatId, messages, key);
        List<Output> outputs = result.turn().outputs();
        // After the answer is stored: the "I will stop" message itself still goes out.
        if (outputs.stream().anyMatch(Output.Stopped.class::isInstance)) chats.stopped(chatId, true);
        if (outputs.stream().anyMatch(Output.ForgetRequested.class::isInstance)) chats.forget(chatId);
        return stored;
    }

    /** Stops the button's spinner at once; not through the outbox, since Telegram only accepts it for a short while. */
    private void answerButton(String callbackId) {
        try {
            api.client().execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("answerCallbackQuery failed: {}", TelegramErrors.classify(e).description());
        }
    }

    String key(long updateId) {
        return api.botId() + ":" + updateId;
    }
}
