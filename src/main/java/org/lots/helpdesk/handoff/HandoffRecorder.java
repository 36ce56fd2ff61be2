package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps handoffs in step with what newcomers do: records a handoff request once per conversation until it is
 * closed, notes activity and files while an adviser is in the chat, and stores the satisfaction answer with the
 * handoff it rates. Preview conversations never reach advisers.
 */
@Component
class HandoffRecorder {

    private static final List<Handoff.Status> OPEN = List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED);

    private final HandoffRepository handoffs;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final UrgentHandoffs urgent;
    private final OpenHandoffSlots slots;

    HandoffRecorder(HandoffRepository handoffs, MongoTemplate mongo, ApplicationEventPublisher events, UrgentHandoffs urgent,
                    OpenHandoffSlots slots) {
        this.handoffs = handoffs;
        this.slots = slots;
        this.mongo = mongo;
        this.events = events;
        this.urgent = urgent;
    }

    @EventListener
    void on(ConversationEvent event) {
        if (event.output() instanceof Output.ForgetRequested) {
            forget(event.conversationId());
            return;
        }
        if (event.preview()) return;
        if (event.output() instanceof Output.HandoffRequested request) {
            Handoff h = slots.of(event.conversationId()).isPresent() ? null : handoffs.insert(request.urgent()
                    ? new Handoff(event.conversationId(), event.channel(), request.language(), request.topic(), request.note(), event.at()).urgentFrom(event.at())
                    : new Handoff(event.conversationId(), event.channel(), request.language(), request.topic(), request.note(), event.at()));
            if (h != null && !slots.take(h)) { // another instance recorded this conversation's request first
                handoffs.deleteById(h.getId());
                h = null;
            }
            if (h != null) {
                events.publishEvent(HandoffMilestone.opened(h));
                events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
            } else if (request.urgent()) {
                urgent.flag(event.conversationId(), event.at()); // danger while waiting, or while an adviser has the chat
            }
        } else if (event.output() instanceof Output.ForAdviser words) {
            Handoff h = slots.of(event.conversationId()).map(open -> mongo.findAndModify(
                    query(where("_id").is(open.getId()).and("status").in(OPEN)),
                    new Update().set("lastActivityAt", event.at()).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), Handoff.class)).orElse(null);
            if (words.reference() != null && words.kind() != null) {
                mongo.insert(new NewcomerFile(null, event.conversationId(), event.channel(), words.kind(), words.reference(), event.at()));
            }
            if (h != null) events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
        } else if (event.output() instanceof Output.SatisfactionGiven rating) {
            // The answer rates the last chat an adviser closed that has no rating yet; a later press changes nothing.
            Handoff h = mongo.findAndModify(
                    query(where("conversationId").is(event.conversationId()).and("status").is(Handoff.Status.CLOSED)
                            .and("adviser").ne(null).and("satisfaction").is(null)).with(Sort.by(Sort.Direction.DESC, "closedAt")),
                    new Update().set("satisfaction", rating.score()).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), Handoff.class);
            if (h != null) {
                events.publishEvent(HandoffMilestone.rated(h, rating.score(), event.at()));
                events.publishEvent(new HandoffChanged(h.getId(), h.getConversationId()));
            }
        }
    }

    /** The newcomer asked for everything to be deleted: handoffs, file references, translations. */
    private void forget(String conversationId) {
        handoffs.deleteByConversationId(conversationId);
        slots.releaseConversation(conversationId);
        mongo.remove(query(where("conversationId").is(conversationId)), NewcomerFile.class);
        mongo.remove(query(where("conversationId").is(conversationId)), MessageTranslation.class);
        events.publishEvent(new HandoffChanged(null, conversationId));
    }
}
