package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Urgent handoffs: a newcomer who may be in danger jumps the queue. The bot flags a handoff when a safety dialog
 * asks for a person (also when the chat already waits or an adviser already has it); advisers flag and unflag
 * by hand. Each change is one atomic update that bumps the version, so every console sees it.
 */
@Service
public class UrgentHandoffs {

    private static final Logger log = LoggerFactory.getLogger(UrgentHandoffs.class);
    private static final List<Handoff.Status> OPEN = List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OpenHandoffSlots slots;

    UrgentHandoffs(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events, OpenHandoffSlots slots) {
        this.mongo = mongo;
        this.slots = slots;
        this.clock = clock;
        this.events = events;
    }

    /** Urgent chats first, each group in the order given (oldest first). */
    static <T> List<T> urgentFirst(List<T> items, Function<T, Handoff> handoff) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((T t) -> !handoff.apply(t).isUrgent()));
        return sorted;
    }

    /** The open handoff of a conversation becomes urgent (the newcomer wrote about danger). */
    void flag(String conversationId, Instant at) {
        Handoff open = slots.of(conversationId).orElse(null);
        if (open == null) return;
        Handoff h = mongo.findAndModify(query(where("_id").is(open.getId()).and("status").in(OPEN)),
                new Update().set("urgent", true).inc("version", 1), FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (h == null) return;
        firstUrgent(h.getId(), at);
        log.info("Handoff {} flagged urgent by the safety check", h.getId());
        events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
    }

    /** An adviser flags or unflags a waiting or claimed chat. */
    public Handoff set(String id, boolean urgent, String adviser) {
        Handoff h = mongo.findAndModify(query(where("_id").is(id).and("status").in(OPEN)),
                new Update().set("urgent", urgent).inc("version", 1), FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (h == null) {
            Handoff existing = mongo.findById(id, Handoff.class);
            throw new HandoffService.Refusal(existing == null ? 404 : 409, existing == null ? "no handoff " + id : "this chat is closed");
        }
        if (urgent && h.getUrgentAt() == null) {
            firstUrgent(id, clock.instant());
            h = mongo.findById(id, Handoff.class);
        }
        log.info("Handoff {} {} urgent by {}", id, urgent ? "flagged" : "unflagged", adviser);
        events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
        return h;
    }

    /** How many handoffs became urgent at some time in [from, to): for reports; no text, only the count. */
    public long count(Instant from, Instant to) {
        return mongo.count(query(where("urgentAt").gte(from).lt(to)), Handoff.class);
    }

    private void firstUrgent(String id, Instant at) {
        mongo.updateFirst(query(where("_id").is(id).and("urgentAt").is(null)), new Update().set("urgentAt", at), Handoff.class);
    }
}
