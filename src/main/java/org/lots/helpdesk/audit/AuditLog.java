package org.lots.helpdesk.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.conversation.ConversationForgotten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Writes and reads the audit log. A failure to write is logged and never stops what was being done. */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    public static final String SYSTEM = "system";
    static final int MAX_READ = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail, Integer status) {
        try {
            mongo.insert(new AuditEntry(null, clock.instant(), actor, action, target, detail, status));
        } catch (RuntimeException e) {
            log.warn("Audit entry {} by {} on {} not written: {}", action, actor, target, e.getClass().getSimpleName());
        }
    }

    /** Deletions of conversations (a newcomer's /forget, the web chat's delete, the retention purge), by id only. */
    @EventListener
    void on(ConversationForgotten forgotten) {
        record(SYSTEM, "conversation.delete", forgotten.conversationId(), forgotten.channel(), null);
    }

    /** For a controller whose target is not in its path (a user created by POST): the audit entry names it. */
    public static void target(jakarta.servlet.http.HttpServletRequest request, String id) {
        request.setAttribute(AuditInterceptor.TARGET, id);
    }

    /** Newest first, optionally of one actor, action or target, and before a time (to page back). */
    public List<AuditEntry> read(String actor, String action, String target, Instant before, int limit) {
        Criteria c = new Criteria();
        if (actor != null && !actor.isBlank()) c = c.and("actor").is(actor);
        if (action != null && !action.isBlank()) c = c.and("action").is(action);
        if (target != null && !target.isBlank()) c = c.and("target").is(target);
        if (before != null) c = c.and("at").lt(before);
        Query q = query(c).with(Sort.by(Sort.Direction.DESC, "at")).limit(Math.max(1, Math.min(limit, MAX_READ)));
        return mongo.find(q, AuditEntry.class);
    }

    /** The log keeps its own retention: entries older than {@code before} go. */
    public long purgeBefore(Instant before) {
        return mongo.remove(query(where("at").lt(before)), AuditEntry.class).getDeletedCount();
    }
}
