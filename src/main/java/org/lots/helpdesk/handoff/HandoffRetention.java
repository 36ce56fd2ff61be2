package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.conversation.TranscriptEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * What the retention purge needs from handoffs: which closed ones are old, whether a conversation still has one to
 * keep, and deleting one closed handoff with its notes, files and translations while its conversation lives on.
 */
@Component
public class HandoffRetention {

    private static final int BATCH = 500;

    private final MongoTemplate mongo;

    HandoffRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Closed before {@code cutoff}, oldest first, at most a batch. */
    public List<Handoff> closedBefore(Instant cutoff) {
        return mongo.find(query(where("status").is(Handoff.Status.CLOSED).and("closedAt").lt(cutoff))
                .with(Sort.by("closedAt")).limit(BATCH), Handoff.class);
    }

    /** True while a handoff of the conversation is open, or closed at or after {@code keepClosedSince}. */
    public boolean keeps(String conversationId, Instant keepClosedSince) {
        return mongo.exists(query(where("conversationId").is(conversationId)).addCriteria(new Criteria()
                .orOperator(where("status").in(Handoff.Status.WAITING, Handoff.Status.CLAIMED),
                        where("closedAt").gte(keepClosedSince))), Handoff.class);
    }

    /**
     * Deletes one closed handoff and what advisers added up to its closing (notes, translations) and the files sent
     * until then; the newcomer's and the bot's words stay with the conversation, which has its own retention.
     */
    public void expire(Handoff h) {
        Instant until = h.getClosedAt();
        List<TranscriptEntry> notes = mongo.find(query(where("conversationId").is(h.getConversationId())
                .and("author").is(TranscriptEntry.Author.NOTE).and("at").lte(until)), TranscriptEntry.class);
        List<String> entries = mongo.find(query(where("conversationId").is(h.getConversationId()).and("at").lte(until)),
                TranscriptEntry.class).stream().map(TranscriptEntry::id).toList();
        mongo.remove(query(where("conversationId").is(h.getConversationId()).and("entryId").in(entries)), MessageTranslation.class);
        mongo.remove(query(where("_id").in(notes.stream().map(TranscriptEntry::id).toList())), TranscriptEntry.class);
        mongo.remove(query(where("conversationId").is(h.getConversationId()).and("at").lte(until)), NewcomerFile.class);
        mongo.remove(query(where("_id").is(h.getId())), Handoff.class);
    }
}
