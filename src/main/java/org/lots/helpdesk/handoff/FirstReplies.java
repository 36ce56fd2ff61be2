package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stamps a handoff with the time of the first adviser message, once (one conditional update, so two advisers' or
 * two instances' first messages stamp it once), and tells reports how long the newcomer waited.
 */
@Component
class FirstReplies {

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    FirstReplies(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    void replied(Handoff h, Instant at) {
        Handoff stamped = mongo.findAndModify(query(where("_id").is(h.getId()).and("firstReplyAt").is(null)),
                new Update().set("firstReplyAt", at), FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (stamped != null) events.publishEvent(HandoffMilestone.firstReply(stamped, at));
    }
}
