package org.lots.helpdesk.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.ZoneOffset;
import java.util.List;

import org.lots.helpdesk.conversation.ConversationForgotten;
import org.lots.helpdesk.handoff.Handoff;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts of what deletions took away, so that reports over a period still add up after /forget and the retention
 * purge: per day the conversation began (UTC), channel, language and topic, how many conversations and handoffs,
 * the outcomes advisers chose and the satisfaction answers. Nothing else: no ids, no addresses, no words. Reports
 * add these to what is still stored. Preview conversations are never counted.
 */
@Component
public class DeletedTotals {

    public static final String COLLECTION = "deleted_totals";

    private final MongoTemplate mongo;

    DeletedTotals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs before the handoffs are deleted (they go on the ForgetRequested event that follows). */
    @EventListener
    void on(ConversationForgotten gone) {
        if (gone.preview() || gone.createdAt() == null) return;
        String day = gone.createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String key = day + "|" + gone.channel() + "|" + (gone.language() == null ? "-" : gone.language()) + "|"
                + (gone.topic() == null ? "-" : gone.topic());
        Update u = new Update().setOnInsert("day", day).setOnInsert("channel", gone.channel())
                .setOnInsert("language", gone.language()).setOnInsert("topic", gone.topic()).inc("conversations", 1);
        List<Handoff> handoffs = mongo.find(query(where("conversationId").is(gone.conversationId())), Handoff.class);
        if (!handoffs.isEmpty()) u.inc("handoffs", handoffs.size());
        for (Handoff h : handoffs) {
            if (h.getOutcome() != null) u.inc("outcomes." + h.getOutcome(), 1);
            if (h.getSatisfaction() != null) u.inc("satisfactionCount", 1).inc("satisfactionSum", h.getSatisfaction());
        }
        mongo.findAndModify(query(where("_id").is(key)), u, FindAndModifyOptions.options().upsert(true), org.bson.Document.class, COLLECTION);
    }
}
