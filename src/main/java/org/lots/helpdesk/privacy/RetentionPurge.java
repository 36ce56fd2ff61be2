package org.lots.helpdesk.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.audit.AuditLog;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRetention;
import org.lots.helpdesk.unanswered.UnansweredQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention settings by deleting, on a schedule. Plain queries and deletes rather than TTL indexes: the
 * embedded store never expires those, and one code path behaves the same on the embedded store and on MongoDB.
 * A conversation goes through {@link NewcomerData#forget}, so that a purge leaves exactly what a /forget leaves.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 500;

    /** What one run deleted. */
    public record Purged(int conversations, int handoffs, long unanswered) {}

    private final MongoTemplate mongo;
    private final NewcomerData newcomers;
    private final HandoffRetention handoffs;
    private final RetentionProperties retention;
    private final AuditLog audit;
    private final Clock clock;

    RetentionPurge(MongoTemplate mongo, NewcomerData newcomers, HandoffRetention handoffs, RetentionProperties retention,
                   AuditLog audit, Clock clock) {
        this.audit = audit;
        this.mongo = mongo;
        this.newcomers = newcomers;
        this.handoffs = handoffs;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${helpdesk.retention.purge-every:PT1H}", fixedDelayString = "${helpdesk.retention.purge-every:PT1H}")
    void scheduled() {
        try {
            Purged p = purge();
            if (p.conversations() + p.handoffs() + p.unanswered() > 0) {
                log.info("Retention purge: {} conversation(s), {} closed handoff(s), {} unanswered entr(ies) deleted",
                        p.conversations(), p.handoffs(), p.unanswered());
            }
        } catch (RuntimeException e) {
            log.warn("Retention purge failed ({}); it runs again in {}", e.getClass().getSimpleName(), retention.purgeEvery());
        }
    }

    public Purged purge() {
        return purge(clock.instant());
    }

    /** Purges as if it were {@code now} (tests look ahead in time instead of waiting). */
    public Purged purge(Instant now) {
        Instant inactiveBefore = now.minus(retention.inactiveConversations());
        Instant closedBefore = now.minus(retention.closedHandoffs());
        audit.purgeBefore(now.minus(retention.audit()));
        long unanswered = mongo.remove(query(where("at").lt(now.minus(retention.unanswered()))), UnansweredQuestion.class).getDeletedCount();
        int expired = 0, forgotten = 0;
        for (List<Handoff> old = handoffs.closedBefore(closedBefore); !old.isEmpty(); old = handoffs.closedBefore(closedBefore)) {
            for (Handoff h : old) {
                handoffs.expire(h);
                expired++;
            }
        }
        // Conversations quiet for long enough, unless a handoff of theirs is still kept (advisers may need it).
        Instant after = null;
        while (true) {
            var quietFor = where("updatedAt").lt(inactiveBefore);
            if (after != null) quietFor = quietFor.gt(after);
            List<Conversation> quiet = mongo.find(query(quietFor).with(Sort.by("updatedAt")).limit(BATCH), Conversation.class);
            for (Conversation c : quiet) {
                after = c.getUpdatedAt();
                if (!handoffs.keeps(c.getId(), closedBefore) && newcomers.forget(c.getId())) forgotten++;
            }
            if (quiet.size() < BATCH) break;
        }
        return new Purged(forgotten, expired, unanswered);
    }
}
