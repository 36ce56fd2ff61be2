package org.lots.helpdesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Where every update arrives, by long polling or by webhook. {@link #accept} records it (dropping a duplicate) and
 * hands it to the lane of its chat: a chat's updates are handled one after another in arrival order, different
 * chats in parallel. Handling runs the conversation and stores the answers in the outbox, then marks the update
 * handled, then lets the outbox send.
 */
@Component
@ConditionalOnTelegram
class UpdateHandler {

    static final String CHANNEL = "telegram";
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final int ATTEMPTS = 3;
    /** Updates one lane holds in memory at most; each is also stored, so this only bounds memory. */
    static final int MAX_QUEUED = 2000;

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
    private volatile ThreadPoolExecutor[] lanes;
    private volatile boolean accepting;

    UpdateHandler(UpdateLog updates, UpdateMapper mapper, ReplyRenderer renderer, Outbox outbox, ChatStates chats,
                  ConversationService conversations, BotApi api, TelegramProperties properties, ChatFloods floods) {
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
     * Records the update durably and queues it for its chat. Throws when the store cannot record it: the caller
     * must then not let Telegram consider it delivered.
     */
    Accepted accept(Update update) {
        Long chatId = UpdateMapper.chatId(update);
        if (chatId != null && backlog(chatId) >= MAX_QUEUED) {
            // Back-pressure instead of an unbounded queue: Telegram keeps the update and delivers it again later.
            throw new IllegalStateException("chat lane full (" + MAX_QUEUED + " updates waiting)");
        }
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
        dispatch(update, chatId);
        return Accepted.NEW;
    }

    /**
     * Before the outbox starts: updates recorded but not marked handled by the last run. One whose answers are in
     * the outbox was handled (answers are stored before the mark): it is only marked. The rest are returned to be
     * handled by {@link #start}; one whose turn ran but sent nothing is recognised by its conversation (which keeps
     * the ids of the updates it handled) and not run again.
     */
    List<Update> unfinished() {
        List<Update> again = new ArrayList<>();
        for (UpdateRecord r : updates.pending()) {
            if (outbox.hasAnswerTo(key(r.updateId()))) {
                updates.done(r.updateId());
                continue;
            }
            try {
                again.add(api.json().readValue(r.update(), Update.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                log.warn("Stored update {} cannot be read back ({}); skipped", r.updateId(), e.getClass().getSimpleName());
                updates.done(r.updateId());
            }
        }
        return again;
    }

    void start(List<Update> unfinished) {
        ThreadPoolExecutor[] l = new ThreadPoolExecutor[workers];
        for (int i = 0; i < workers; i++) {
            l[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), Outbox.named("telegram-chat-" + i));
        }
        lanes = l;
        if (!unfinished.isEmpty()) log.info("Handling {} Telegram update(s) the previous run had received but not handled", unfinished.size());
        for (Update u : unfinished) dispatch(u, UpdateMapper.chatId(u));
        accepting = true;
    }

    /** Lets the updates being handled finish; queued ones stay recorded and are handled after the next start. */
    void stop() {
        accepting = false;
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

    private int backlog(long chatId) {
        ThreadPoolExecutor[] l = lanes;
        return l == null ? 0 : lane(l, chatId).getQueue().size();
    }

    private static ThreadPoolExecutor lane(ThreadPoolExecutor[] lanes, long chatId) {
        return lanes[Math.floorMod(Long.hashCode(chatId), lanes.length)];
    }

    private void dispatch(Update update, Long chatId) {
        ThreadPoolExecutor[] l = lanes;
        if (chatId == null) {
            updates.done(update.getUpdateId()); // nothing the help desk serves
            return;
        }
        if (l == null) return; // not started (or stopping): it stays recorded and is handled after the next start
        try {
            lane(l, chatId).execute(() -> handle(update));
        } catch (RejectedExecutionException stopping) {
            log.debug("Update {} left for the next start", update.getUpdateId());
        }
    }

    private void handle(Update update) {
        int id = update.getUpdateId();
        List<OutboxEntry> answers = null;
        for (int attempt = 1; answers == null; attempt++) {
            try {
                answers = process(mapper.map(update), key(id));
            } catch (RuntimeException e) {
                if (!accepting) {
                    log.warn("Telegram update {} interrupted by the stop ({}); it is handled after the next start", id, e.getClass().getSimpleName());
                    return;
                }
                if (attempt >= ATTEMPTS) {
                    log.error("Telegram update {} could not be handled ({}); given up", id, e.getClass().getSimpleName());
                    answers = List.of();
                    break;
                }
                log.warn("Telegram update {} failed ({}), trying again", id, e.getClass().getSimpleName());
                if (!pause(500L * attempt * attempt)) return;
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
                    return;
                }
            }
        }
        outbox.release(answers);
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
            // Its turn ran before a crash, and its answers never reached the outbox (unfinished() found none): the
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
