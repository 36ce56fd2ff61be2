package org.lots.helpdesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Helpline;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.StoredData;
import org.lots.helpdesk.engine.Turn;
import org.lots.helpdesk.engine.TranscriptText;
import org.lots.helpdesk.conversation.TranscriptEntry.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Runs one input through the engine for one conversation: load the state, compute the turn, save it (retrying on a
 * concurrent update), write the transcript, and publish what other modules need to know. Channels call this and
 * deliver the turn's replies.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    private static final int ATTEMPTS = 8;
    /** Stored newcomer text is capped; the engine asks for shorter messages long before this. */
    static final int MAX_STORED_TEXT = 20_000;

    private final ConversationRepository conversations;
    private final TranscriptStore transcript;
    private final ConversationWrites writes;
    private final ContentService content;
    private final Engine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, ChannelGateway> gateways;
    private final HelplineSource helplines;
    private final StoredDataSource stored;
    private final OpenHandoffs openHandoffs;
    private final TurnCounter counter;
    private final Object[] stripes = new Object[256];
    private final AtomicLong sequence = new AtomicLong();

    public ConversationService(ConversationRepository conversations, TranscriptStore transcript, ConversationWrites writes,
                               ContentService content, Engine engine, ApplicationEventPublisher events, Clock clock,
                               List<ChannelGateway> gateways, ObjectProvider<HelplineSource> helplines,
                               ObjectProvider<StoredDataSource> stored, ObjectProvider<OpenHandoffs> openHandoffs,
                               ObjectProvider<TurnCounter> counter) {
        this.conversations = conversations;
        this.transcript = transcript;
        this.writes = writes;
        this.content = content;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
        this.gateways = gateways.stream().collect(Collectors.toMap(ChannelGateway::channel, Function.identity()));
        this.helplines = helplines.getIfAvailable(() -> c -> Helpline.UNKNOWN);
        // Looked up when first asked (the privacy module that implements one depends on this service), then kept:
        // a bean lookup on every turn cost about 1 % of a message's CPU.
        Supplier<StoredDataSource> storedBean = once(stored);
        this.stored = c -> {
            StoredDataSource s = storedBean.get();
            return s == null ? StoredData.UNKNOWN : s.forConversation(c);
        };
        Supplier<OpenHandoffs> handoffsBean = once(openHandoffs);
        this.openHandoffs = id -> {
            OpenHandoffs o = handoffsBean.get();
            return o == null || o.open(id);
        };
        this.counter = counter.getIfAvailable(() -> (c, input, turn, now) -> TurnCounter.Counted.unchanged(c));
        for (int i = 0; i < stripes.length; i++) stripes[i] = new Object();
    }

    public record Address(String channel, String address) {}

    /** Starts a preview conversation (never shown to advisers), optionally in a chosen language. */
    public Conversation startPreview(String language) {
        return start("preview", true, language);
    }

    /**
     * Starts a conversation on a channel whose address is the conversation itself (the web chat), optionally in a
     * chosen language; nothing is said yet.
     */
    public Conversation start(String channel, boolean preview, String language) {
        String id = newId();
        boolean chosen = language != null && content.current().content().languages().contains(language);
        Conversation c = new Conversation(id, channel, id, preview,
                ConversationState.fresh(chosen ? language : null, chosen), clock.instant());
        return conversations.insert(c);
    }


    public Optional<Conversation> find(String id) {
        return conversations.findById(id);
    }

    /** Handles what a newcomer sent on a channel; creates the conversation on first contact. */
    public Result receive(Address address, Input input, String languageHint) {
        return receive(address, input, languageHint, null);
    }

    /**
     * Like {@link #receive(Address, Input, String)}, exactly once per {@code inputId} (the channel's id for this
     * input): an input whose turn already ran is not run again, and the result says {@link Result#repeated()}.
     */
    public Result receive(Address address, Input input, String languageHint, String inputId) {
        synchronized (stripe(address.channel() + ":" + address.address())) {
            for (int attempt = 1; ; attempt++) {
                Instant now = clock.instant();
                Conversation c = conversations.findByChannelAndAddress(address.channel(), address.address())
                        .orElseGet(() -> new Conversation(newId(), address.channel(), address.address(), false,
                                ConversationState.fresh(null, false), now));
                if (c.handled(inputId)) return new Result(c, new Turn(c.getState(), c.repliesTo(inputId), null), true);
                try {
                    return apply(c, input, languageHint, now, inputId);
                } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                    if (attempt >= ATTEMPTS) throw e;
                    log.debug("Concurrent update of conversation {}, retrying", c.getId());
                }
            }
        }
    }

    /** Handles input for a known conversation (preview messages, adviser events). Empty if there is none. */
    public Optional<Result> receive(String conversationId, Input input) {
        return receive(conversationId, null, input);
    }

    /**
     * Like {@link #receive(String, Input)} for a conversation the caller has just read (the web chat reads it to
     * check its token and channel): the first attempt uses that read instead of a second one.
     */
    public Optional<Result> receive(Conversation read, Input input) {
        return receive(read.getId(), read, input);
    }

    private Optional<Result> receive(String conversationId, Conversation read, Input input) {
        // Locked by id, not by channel address: one read per message instead of two. The stripe only saves retries;
        // the version check is what keeps two writers of one conversation apart (here, on a channel, on another
        // instance): a concurrent update fails it, and the turn runs again on a fresh read.
        synchronized (stripe(conversationId)) {
            Conversation c = read != null ? read : conversations.findById(conversationId).orElse(null);
            for (int attempt = 1; ; attempt++) {
                if (c == null) return Optional.empty();
                try {
                    return Optional.of(apply(c, input, null, clock.instant(), null));
                } catch (OptimisticLockingFailureException e) {
                    if (attempt >= ATTEMPTS) throw e;
                }
                c = conversations.findById(conversationId).orElse(null);
            }
        }
    }

    /** Like {@link #receive(String, Input)}, and delivers the replies over the conversation's own channel. */
    public Optional<Result> notify(String conversationId, Input.Event event) {
        Optional<Result> result = receive(conversationId, event);
        result.ifPresent(r -> deliver(r.conversation(), r.turn().replies()));
        return result;
    }

    /** Sends messages that were not an answer to the newcomer's own message over their channel. */
    public void deliver(Conversation c, List<Output.Reply> replies) {
        if (replies.isEmpty()) return;
        ChannelGateway gateway = gateways.get(c.getChannel());
        if (gateway == null) {
            log.debug("No gateway for channel {}; {} message(s) stay in the transcript only", c.getChannel(), replies.size());
            return;
        }
        gateway.deliver(c, replies);
    }

    /**
     * @param repeated the input was handled before: its turn did not run again; {@code turn} holds its replies if it
     *                 was the last input handled (a crash may have come before they were sent), else none
     */
    public record Result(Conversation conversation, Turn turn, boolean repeated) {
        public Result(Conversation conversation, Turn turn) {
            this(conversation, turn, false);
        }
    }

    private Result apply(Conversation c, Input input, String languageHint, Instant now, String inputId) {
        // Waiting for a person no handoff stands for (closed while the notice was lost, or deleted): the bot is back.
        if (c.getState().escalated() && !c.isPreview() && c.getVersion() != null && !(input instanceof Input.Event)
                && !openHandoffs.open(c.getId())) {
            log.info("Conversation {} waited for a handoff that is no longer open; the bot takes over", c.getId());
            c.update(c.getState().inBotMode(), c.getUpdatedAt());
        }
        Turn turn = engine.handle(content.current(), c.getState(), input, languageHint, helplines.forConversation(c), stored.forConversation(c));
        if (turn.outputs().stream().anyMatch(Output.ForgetRequested.class::isInstance)) return forget(c, turn, now);
        if (c.getPrivacyNoticeAt() == null) {
            Turn noticed = engine.privacy().withFirstContactNotice(content.current(), turn); // at first contact, once
            if (noticed != turn) c.noticed(now);
            turn = noticed;
        }
        TurnCounter.Counted counted = counter.count(c, input, turn, now); // reads the state and time before this turn
        c.update(turn.state(), now);
        c.counted(counted.session());
        c.handledInput(inputId, turn.replies());
        String said = TranscriptText.of(input);
        if (said != null && said.length() > MAX_STORED_TEXT) said = said.substring(0, MAX_STORED_TEXT);
        List<Output.Reply> replies = turn.replies();
        List<String> ids = TranscriptStore.reserve(c, replies.size() + (said == null ? 0 : 1));
        Conversation saved = ids.isEmpty() ? (c.getVersion() == null ? conversations.insert(c) : conversations.save(c))
                : writes.saveBeforeDurableWrite(c); // the transcript insert below waits for the disk for both
        counted.afterSave().run();
        List<TranscriptEntry> entries = new ArrayList<>();
        if (said != null) entries.add(entry(ids.get(0), saved.getId(), now, Author.NEWCOMER, said, List.of(), turn.state().language(), null));
        for (Output.Reply r : replies) {
            entries.add(entry(ids.get(entries.size()), saved.getId(), now, Author.BOT, r.text(), r.buttons(), r.language(), null));
        }
        transcript.insert(entries);
        for (Output o : turn.outputs()) {
            if (!(o instanceof Output.Reply)) events.publishEvent(new ConversationEvent(saved.getId(), saved.getChannel(), saved.isPreview(), o, now));
        }
        return new Result(saved, turn);
    }

    /**
     * Deletes the conversation and its transcript; other modules delete what they keep on the
     * {@link Output.ForgetRequested} event. The farewell reply is still delivered, then nothing remains.
     */
    private Result forget(Conversation c, Turn turn, Instant now) {
        if (c.getVersion() != null) erase(c, now);
        log.info("Conversation {} forgotten at the newcomer's request", c.getId());
        return new Result(c, turn);
    }

    /**
     * Deletes a conversation and, through the events, everything other modules keep about it (privacy's
     * NewcomerData calls this for the web chat's delete and the retention purge). False when there is none.
     */
    public boolean forget(String conversationId) {
        Conversation c = conversations.findById(conversationId).orElse(null);
        if (c == null) return false;
        synchronized (stripe(c.getChannel() + ":" + c.getAddress())) {
            erase(c, clock.instant());
        }
        return true;
    }

    private void erase(Conversation c, Instant now) {
        transcript.delete(c);
        conversations.deleteById(c.getId());
        ConversationState s = c.getState();
        events.publishEvent(new ConversationForgotten(c.getId(), c.getChannel(), c.getAddress(), c.isPreview(), c.getCreatedAt(),
                s == null ? null : s.language(), s == null ? null : s.topic()));
        events.publishEvent(new ConversationEvent(c.getId(), c.getChannel(), c.isPreview(), new Output.ForgetRequested(), now));
    }

    /** Adds an adviser's message or note to the transcript. */
    public TranscriptEntry record(String conversationId, Author author, String text, String language, String adviser) {
        return transcript.insert(entry(transcript.reserveOne(conversationId), conversationId, clock.instant(), author, text,
                List.of(), language, adviser));
    }

    public List<TranscriptEntry> transcript(String conversationId) {
        return conversations.findById(conversationId).map(transcript::of).orElse(List.of());
    }

    private TranscriptEntry entry(String id, String conversationId, Instant at, Author author, String text,
                                  List<Output.Button> buttons, String language, String adviser) {
        return new TranscriptEntry(id, conversationId, at, sequence.incrementAndGet(), author, text, buttons, language, adviser);
    }

    /** The bean once it exists, kept; null while it does not. */
    private static <T> Supplier<T> once(ObjectProvider<T> provider) {
        var bean = new java.util.concurrent.atomic.AtomicReference<T>();
        return () -> {
            T t = bean.get();
            if (t == null && (t = provider.getIfAvailable()) != null) bean.set(t);
            return t;
        };
    }

    private Object stripe(String key) {
        return stripes[Math.floorMod(key.hashCode(), stripes.length)];
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
