package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One slot per conversation that has an open (waiting or claimed) handoff, keyed by the conversation's id. The
 * primary key makes "one open handoff per conversation" the store's rule, on MongoDB and on the embedded server
 * alike, whichever instance records the request; and the open handoffs are found without scanning every handoff
 * kept for a year (the embedded server ignores the secondary index on {@code status}).
 */
@Component
class OpenHandoffSlots {

    static final List<Handoff.Status> OPEN = List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED);

    @Document("open_handoffs")
    record Slot(@Id String conversationId, String handoffId) {}

    private final MongoTemplate mongo;

    OpenHandoffSlots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Makes {@code h} (already stored) the conversation's open handoff. False when another open handoff holds the
     * slot; a slot left by a handoff that is closed or gone (a crash between two writes) is taken over.
     */
    boolean take(Handoff h) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                mongo.insert(new Slot(h.getConversationId(), h.getId()));
                return true;
            } catch (DuplicateKeyException e) {
                Slot slot = mongo.findById(h.getConversationId(), Slot.class);
                if (slot == null) continue; // released meanwhile
                if (handoff(slot).isPresent()) return false;
                if (mongo.updateFirst(query(where("_id").is(slot.conversationId()).and("handoffId").is(slot.handoffId())),
                        new Update().set("handoffId", h.getId()), Slot.class).getModifiedCount() == 1) return true;
            }
        }
        return false;
    }

    /**
     * A closed handoff gives up its slot. Only tidiness: a slot whose handoff is closed or gone counts as free
     * anyway (see {@link #of} and {@link #take}).
     */
    @EventListener
    void on(HandoffChanged changed) {
        if (changed.handoffId() == null) return;
        Handoff h = mongo.findById(changed.handoffId(), Handoff.class);
        if (h != null && h.getStatus() == Handoff.Status.CLOSED) release(h);
    }

    void release(Handoff h) {
        mongo.remove(query(where("_id").is(h.getConversationId()).and("handoffId").is(h.getId())), Slot.class);
    }

    void releaseConversation(String conversationId) {
        mongo.remove(query(where("_id").is(conversationId)), Slot.class);
    }

    /** The conversation's open handoff, if it has one. */
    Optional<Handoff> of(String conversationId) {
        Slot slot = mongo.findById(conversationId, Slot.class);
        return slot == null ? Optional.empty() : handoff(slot);
    }

    /** Every open handoff. */
    List<Handoff> all() {
        List<String> ids = mongo.findAll(Slot.class).stream().map(Slot::handoffId).toList();
        if (ids.isEmpty()) return List.of();
        return mongo.find(query(where("_id").in(ids)), Handoff.class).stream()
                .filter(h -> OPEN.contains(h.getStatus())).toList();
    }

    private Optional<Handoff> handoff(Slot slot) {
        return Optional.ofNullable(mongo.findById(slot.handoffId(), Handoff.class))
                .filter(h -> OPEN.contains(h.getStatus()) && h.getConversationId().equals(slot.conversationId()));
    }
}
