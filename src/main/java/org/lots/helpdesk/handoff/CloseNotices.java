package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.engine.Input;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Telling the newcomer that an adviser closed the chat is stored as pending on the handoff in the same update that
 * closes it, and cleared once the conversation took the event (and the channel took the message): a failure, a
 * crash or a restart in between leaves it pending, and this retries until it goes through or the conversation is
 * gone. Channels with an outbox (Telegram) then deliver durably themselves.
 */
@Component
class CloseNotices {

    private static final Logger log = LoggerFactory.getLogger(CloseNotices.class);
    /** Past this, telling the newcomer the chat closed no longer helps; the bot is back at their next message anyway. */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(7);

    private final MongoTemplate mongo;
    private final ConversationService conversations;
    private final Clock clock;

    CloseNotices(MongoTemplate mongo, ConversationService conversations, Clock clock) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.clock = clock;
    }

    void delivered(Handoff h) {
        mongo.updateFirst(query(where("_id").is(h.getId())), new Update().unset("closeNoticePending"), Handoff.class);
    }

    @Scheduled(initialDelayString = "${helpdesk.handoff.close-notice-retry:PT30S}", fixedDelayString = "${helpdesk.handoff.close-notice-retry:PT30S}")
    void retry() {
        try {
            retryPending();
        } catch (RuntimeException e) {
            log.warn("Retrying close notices failed ({}); next round later", e.getClass().getSimpleName());
        }
    }

    /** One round: every pending notice once. Returns how many went through. */
    int retryPending() {
        List<Handoff> pending = mongo.find(query(where("status").is(Handoff.Status.CLOSED).and("closeNoticePending").is(true))
                .with(Sort.by("closedAt")).limit(200), Handoff.class);
        int done = 0;
        for (Handoff h : pending) {
            if (h.getClosedAt() != null && h.getClosedAt().isBefore(clock.instant().minus(GIVE_UP_AFTER))) {
                delivered(h);
                continue;
            }
            try {
                if (conversations.notify(h.getConversationId(), new Input.Event(Input.Event.Kind.ADVISER_CLOSED)).isEmpty()) {
                    delivered(h); // the conversation was deleted: nobody to tell
                    continue;
                }
                delivered(h);
                done++;
            } catch (RuntimeException e) {
                log.debug("Close notice for conversation {} still failing: {}", h.getConversationId(), e.getClass().getSimpleName());
            }
        }
        return done;
    }
}
