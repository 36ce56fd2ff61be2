package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.AttachmentSource;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.conversation.TranscriptEntry.Author;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.translator.Translator;
import org.lots.helpdesk.users.UserAccount;
import org.lots.helpdesk.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What advisers do with handoffs: see the queue offered to them, claim a chat (exactly one adviser wins), write to
 * the newcomer, keep internal notes, transfer and close. Every change is one atomic update of one handoff document;
 * the newcomer's side goes through {@link ConversationService}, so the engine knows when a person has the chat.
 */
@Service
@EnableConfigurationProperties(HandoffProperties.class)
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);
    /** Telegram's limit for one message is 4096 characters; stay below it on every channel. */
    public static final int MAX_MESSAGE = 4000;
    private static final int PREVIEW = 140;
    /** Translating a long history on first view would keep the adviser waiting; the recent messages matter. */
    private static final int MAX_TRANSLATED = 50;

    /** Who acts: admins may close and transfer any chat. */
    public record Actor(String username, boolean admin) {}

    /** A refusal with the HTTP status the adviser API answers and a reason the adviser can act on. */
    public static class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HandoffRepository handoffs;
    private final MongoTemplate mongo;
    private final ConversationService conversations;
    private final ContentService content;
    private final UserService users;
    private final Translator translator;
    private final Presence presence;
    private final HandoffProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, AttachmentSource> attachments;
    private final CloseNotices closeNotices;
    private final FirstReplies firstReplies;

    HandoffService(HandoffRepository handoffs, MongoTemplate mongo, ConversationService conversations,
                   ContentService content, UserService users, Translator translator, Presence presence,
                   HandoffProperties properties, Clock clock, ApplicationEventPublisher events,
                   List<AttachmentSource> attachments, CloseNotices closeNotices, FirstReplies firstReplies) {
        this.closeNotices = closeNotices;
        this.firstReplies = firstReplies;
        this.handoffs = handoffs;
        this.mongo = mongo;
        this.conversations = conversations;
        this.content = content;
        this.users = users;
        this.translator = translator;
        this.presence = presence;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.attachments = attachments.stream().collect(Collectors.toMap(AttachmentSource::channel, Function.identity(), (a, b) -> a));
    }

    // ---------------------------------------------------------------- the queue

    /** An entry of a queue, with whether it is offered to everyone already (not just to speakers of its language). */
    public record Offer(Handoff handoff, boolean toAll) {}

    /**
     * Waiting chats, oldest first. {@code all}: every one. Otherwise those offered to this adviser: chats in a
     * language they speak; chats that have waited longer than {@code offer-all-after}; and chats in a language no
     * online adviser speaks (nobody else could take them sooner).
     */
    public List<Offer> waiting(String adviser, boolean all) {
        Instant now = clock.instant();
        Set<String> online = presence.online();
        Set<String> mine = new HashSet<>();
        Set<String> spokenOnline = new HashSet<>();
        for (UserAccount u : users.all()) {
            if (u.username().equals(adviser)) mine.addAll(u.languages());
            if (online.contains(u.username()) && u.enabled() && u.roles().contains(UserAccount.Role.ADVISER)) spokenOnline.addAll(u.languages());
        }
        List<Offer> out = new ArrayList<>();
        for (Handoff h : handoffs.findByStatusOrderByRequestedAtAsc(Handoff.Status.WAITING)) {
            boolean toAll = h.isUrgent() || !h.getRequestedAt().plus(properties.offerAllAfter()).isAfter(now)
                    || !spokenOnline.contains(h.getLanguage());
            if (all || toAll || mine.contains(h.getLanguage())) out.add(new Offer(h, toAll));
        }
        return UrgentHandoffs.urgentFirst(out, Offer::handoff);
    }

    public List<Handoff> claimed(String adviser) {
        return handoffs.findByStatusIn(List.of(Handoff.Status.CLAIMED)).stream()
                .filter(h -> adviser == null || adviser.equals(h.getAdviser()))
                .sorted((a, b) -> a.getRequestedAt().compareTo(b.getRequestedAt())).toList();
    }

    public List<Handoff> closed() {
        return handoffs.findTop100ByStatusOrderByClosedAtDesc(Handoff.Status.CLOSED);
    }

    public Handoff get(String id) {
        return handoffs.findById(id).orElseThrow(() -> new Refusal(404, "no handoff " + id));
    }

    /** What the queue shows of a chat before anyone takes it: what the newcomer said they need, or their last words. */
    public String preview(Handoff h) {
        String text = h.getNote();
        if (text == null || text.isBlank()) {
            List<TranscriptEntry> t = conversations.transcript(h.getConversationId());
            for (int i = t.size() - 1; i >= 0 && text == null; i--) {
                if (t.get(i).author() == Author.NEWCOMER && !t.get(i).text().startsWith("[")) text = t.get(i).text();
            }
        }
        if (text == null) return "";
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
    }

    // ---------------------------------------------------------------- claiming and talking

    /** Takes a waiting chat. Of any number of simultaneous claims exactly one wins; the others get 409. */
    public Handoff claim(String id, Actor actor) {
        Instant now = clock.instant();
        Handoff h = mongo.findAndModify(query(where("_id").is(id).and("status").is(Handoff.Status.WAITING)),
                new Update().set("status", Handoff.Status.CLAIMED).set("adviser", actor.username()).set("claimedAt", now)
                        .set("lastActivityAt", now).addToSet("holders", actor.username()).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (h == null) {
            Handoff existing = get(id);
            throw new Refusal(409, existing.getStatus() == Handoff.Status.CLOSED ? "this chat is closed"
                    : "another adviser (" + existing.getAdviser() + ") has taken this chat");
        }
        tell(h, Input.Event.Kind.ADVISER_JOINED);
        changed(h);
        return h;
    }

    /**
     * Sends the adviser's words to the newcomer on their own channel. With {@code translate}, the words are
     * translated from {@code from} (default: the adviser's first language) into the newcomer's language first; the
     * transcript keeps what the newcomer got, and the adviser's own words beside it.
     */
    public TranscriptEntry send(String id, Actor actor, String text, boolean translate, String from) {
        String words = checkedText(text);
        Handoff h = get(id);
        requireOwner(h, actor, "write to the newcomer");
        Conversation c = conversation(h);
        String language = languageOf(c, h);
        String sent = words;
        String source = null;
        if (translate) {
            source = from != null && !from.isBlank() ? from : users.find(actor.username())
                    .flatMap(u -> u.languages().stream().findFirst()).orElse(content.current().content().catalogue().fallback());
            if (!source.equals(language)) {
                String s = source;
                sent = translator.translate(words, source, language).orElseThrow(() -> new Refusal(502,
                        "the translation from " + s + " to " + language + " failed; nothing was sent (send it untranslated or try again)"));
            }
        }
        TranscriptEntry entry = conversations.record(c.getId(), Author.ADVISER, sent, language, actor.username());
        if (source != null && !sent.equals(words)) {
            mongo.save(new MessageTranslation(MessageTranslation.id(entry.id(), source), c.getId(), entry.id(), source, words, true));
        }
        touch(h);
        if (h.getFirstReplyAt() == null) firstReplies.replied(h, entry.at());
        changed(h);
        try {
            conversations.deliver(c, List.of(new Output.Reply(sent, List.of(), language, rightToLeft(language))));
        } catch (RuntimeException e) {
            log.warn("Delivery of an adviser message to conversation {} on {} failed: {}", c.getId(), c.getChannel(), e.getClass().getSimpleName());
            throw new Refusal(502, "the message is in the transcript but could not be delivered on " + c.getChannel() + "; try again");
        }
        return entry;
    }

    /** An internal note: in the transcript for advisers, never sent to the newcomer. */
    public TranscriptEntry note(String id, Actor actor, String text) {
        String words = checkedText(text);
        Handoff h = get(id);
        TranscriptEntry entry = conversations.record(h.getConversationId(), Author.NOTE, words, null, actor.username());
        touch(h);
        changed(h);
        return entry;
    }

    /** Hands a chat the actor has (or, for an admin, any open chat) to another adviser. */
    public Handoff transfer(String id, Actor actor, String to) {
        UserAccount target = users.find(to == null ? "" : to)
                .filter(u -> u.enabled() && u.roles().contains(UserAccount.Role.ADVISER))
                .orElseThrow(() -> new Refusal(400, "no active adviser '" + to + "'"));
        Criteria owner = actor.admin() ? where("status").in(Handoff.Status.WAITING, Handoff.Status.CLAIMED)
                : where("status").is(Handoff.Status.CLAIMED).and("adviser").is(actor.username());
        Handoff before = get(id);
        Instant now = clock.instant();
        Update update = new Update().set("adviser", target.username()).set("lastActivityAt", now)
                .addToSet("holders", target.username()).inc("version", 1);
        if (before.getStatus() == Handoff.Status.WAITING) update.set("status", Handoff.Status.CLAIMED).set("claimedAt", now);
        Handoff h = mongo.findAndModify(query(where("_id").is(id)).addCriteria(owner), update,
                FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (h == null) throw ownerRefusal(get(id), "transfer");
        conversations.record(h.getConversationId(), Author.NOTE,
                "Transferred from " + (before.getAdviser() == null ? "the queue" : before.getAdviser()) + " to " + target.username()
                        + " by " + actor.username(), null, actor.username());
        if (before.getStatus() == Handoff.Status.WAITING) tell(h, Input.Event.Kind.ADVISER_JOINED);
        changed(h);
        return h;
    }

    /**
     * Ends the human part: the bot takes over again, says so in the newcomer's language and asks how satisfied they
     * were. The adviser who has the chat closes it; a chat nobody took can be closed by any adviser (e.g. no
     * response), and an admin can close any.
     */
    public Handoff close(String id, Actor actor, String outcome) {
        if (outcome == null) throw new Refusal(400, "give an outcome");
        Criteria who = actor.admin() ? where("status").in(Handoff.Status.WAITING, Handoff.Status.CLAIMED)
                : new Criteria().orOperator(where("status").is(Handoff.Status.WAITING),
                where("status").is(Handoff.Status.CLAIMED).and("adviser").is(actor.username()));
        Instant now = clock.instant();
        Handoff h = mongo.findAndModify(query(where("_id").is(id)).addCriteria(who),
                new Update().set("status", Handoff.Status.CLOSED).set("closedAt", now).set("closedBy", actor.username())
                        .set("outcome", outcome).set("lastActivityAt", now).set("closeNoticePending", true).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (h == null) throw ownerRefusal(get(id), "close");
        events.publishEvent(HandoffMilestone.outcome(h, outcome, now));
        if (tell(h, Input.Event.Kind.ADVISER_CLOSED)) closeNotices.delivered(h); // else CloseNotices tries again
        changed(h);
        return h;
    }

    // ---------------------------------------------------------------- what the console shows

    public List<TranscriptEntry> transcript(Handoff h) {
        return conversations.transcript(h.getConversationId());
    }

    /** The language the newcomer reads now (they may have switched since the handoff). */
    public String newcomerLanguage(Handoff h) {
        return conversations.find(h.getConversationId()).map(c -> languageOf(c, h)).orElse(h.getLanguage());
    }

    public boolean rightToLeft(String language) {
        return language != null && content.current().content().catalogue().isRightToLeft(language);
    }

    /**
     * The other-language side of entries, by entry id: adviser originals of translated replies, and (when
     * {@code target} is given and a translator is on) newcomer messages translated into {@code target}.
     */
    public Map<String, MessageSide> sides(Handoff h, List<TranscriptEntry> entries, String target) {
        Map<String, MessageSide> out = new HashMap<>();
        Map<String, MessageTranslation> stored = mongo.find(query(where("conversationId").is(h.getConversationId())), MessageTranslation.class)
                .stream().collect(Collectors.toMap(MessageTranslation::id, Function.identity(), (a, b) -> a));
        for (MessageTranslation t : stored.values()) {
            if (t.original()) out.put(t.entryId(), new MessageSide(t.language(), t.text(), true));
        }
        if (target == null || target.isBlank() || !translator.enabled()) return out;
        int budget = MAX_TRANSLATED;
        for (int i = entries.size() - 1; i >= 0 && budget > 0; i--) {
            TranscriptEntry e = entries.get(i);
            if (e.author() != Author.NEWCOMER || e.language() == null || e.language().equals(target) || e.text().startsWith("[")) continue;
            budget--;
            MessageTranslation cached = stored.get(MessageTranslation.id(e.id(), target));
            if (cached != null) {
                out.put(e.id(), new MessageSide(target, cached.text(), false));
                continue;
            }
            Optional<String> t = translator.translate(e.text(), e.language(), target);
            if (t.isPresent()) {
                mongo.save(new MessageTranslation(MessageTranslation.id(e.id(), target), h.getConversationId(), e.id(), target, t.get(), false));
                out.put(e.id(), new MessageSide(target, t.get(), false));
            }
        }
        return out;
    }

    /** @param original true: the adviser's own words of a translated reply; false: a machine translation for the adviser */
    public record MessageSide(String language, String text, boolean original) {}

    public record FileView(String id, String kind, Instant at, boolean openable) {}

    public List<FileView> files(Handoff h) {
        return mongo.find(query(where("conversationId").is(h.getConversationId())), NewcomerFile.class).stream()
                .sorted((a, b) -> a.at().compareTo(b.at()))
                .map(f -> new FileView(f.id(), f.kind(), f.at(), attachments.containsKey(f.channel()))).toList();
    }

    /** Opens a file the newcomer sent in this conversation through its channel, if that channel can. */
    public Optional<AttachmentSource.Attachment> open(Handoff h, String fileId) {
        NewcomerFile f = mongo.findById(fileId, NewcomerFile.class);
        if (f == null || !f.conversationId().equals(h.getConversationId())) throw new Refusal(404, "no file " + fileId + " in this chat");
        AttachmentSource source = attachments.get(f.channel());
        if (source == null) throw new Refusal(404, "files from " + f.channel() + " cannot be opened here");
        return source.open(f.reference());
    }

    /** @param text in the newcomer's language; @param gloss in the adviser's language, so they know what they send */
    public record Canned(String key, String text, String gloss) {}

    public List<Canned> canned(Handoff h, String glossLanguage) {
        var k = content.current();
        Catalogue catalogue = k.content().catalogue();
        String language = newcomerLanguage(h);
        String gloss = glossLanguage == null || !catalogue.languages().contains(glossLanguage) ? catalogue.fallback() : glossLanguage;
        return catalogue.language(catalogue.fallback()).map(l -> l.texts().keySet()).orElse(Set.of()).stream()
                .filter(key -> key.startsWith("canned."))
                .map(key -> new Canned(key, k.texts().format(language, key), k.texts().format(gloss, key))).toList();
    }

    /** A dialog's title in a language, for the queue ("Work permits" rather than jobs.permit). */
    public String topicTitle(String topic, String language) {
        if (topic == null) return null;
        var k = content.current();
        String l = language == null ? k.content().catalogue().fallback() : language;
        return k.content().dialog(topic).map(d -> d.title() == null ? topic : k.texts().format(l, d.title())).orElse(topic);
    }

    public boolean translatorEnabled() {
        return translator.enabled();
    }

    // ---------------------------------------------------------------- helpers

    private static String checkedText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new Refusal(400, "write some text");
        if (t.length() > MAX_MESSAGE) throw new Refusal(400, "at most " + MAX_MESSAGE + " characters per message");
        return t;
    }

    private void requireOwner(Handoff h, Actor actor, String what) {
        if (h.getStatus() != Handoff.Status.CLAIMED || !actor.username().equals(h.getAdviser())) throw ownerRefusal(h, what);
    }

    private Refusal ownerRefusal(Handoff h, String what) {
        return switch (h.getStatus()) {
            case WAITING -> new Refusal(409, "take the chat first to " + what);
            case CLOSED -> new Refusal(409, "this chat is closed");
            case CLAIMED -> new Refusal(409, h.getAdviser() + " has this chat; only they can " + what);
        };
    }

    private Conversation conversation(Handoff h) {
        return conversations.find(h.getConversationId())
                .orElseThrow(() -> new Refusal(410, "the newcomer has deleted this conversation"));
    }

    private String languageOf(Conversation c, Handoff h) {
        String l = c.getState() == null ? null : c.getState().language();
        return l != null ? l : h.getLanguage();
    }

    private void touch(Handoff h) {
        mongo.updateFirst(query(where("_id").is(h.getId())), new Update().set("lastActivityAt", clock.instant()).inc("version", 1), Handoff.class);
    }

    /** Lets the engine know (it switches between bot and person and tells the newcomer). Delivery problems stay here. */
    private boolean tell(Handoff h, Input.Event.Kind kind) {
        try {
            conversations.notify(h.getConversationId(), new Input.Event(kind));
            return true;
        } catch (RuntimeException e) {
            log.warn("Telling conversation {} that {} failed: {}", h.getConversationId(), kind, e.getClass().getSimpleName());
            return false;
        }
    }

    private void changed(Handoff h) {
        events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
    }
}
