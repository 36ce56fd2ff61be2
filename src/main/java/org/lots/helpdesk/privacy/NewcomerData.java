package org.lots.helpdesk.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.StoredDataSource;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.engine.StoredData;
import org.lots.helpdesk.handoff.Handoff;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Everything stored about one newcomer, as one thing: the single way to delete it (the newcomer's /forget, the web
 * chat's {@code DELETE}, the retention purge) and to summarise it for {@code /mydata}. Deleting removes the
 * conversation and its transcript; every module that keeps something about a conversation (handoffs with notes,
 * files and translations, unanswered questions, the Telegram chat state, outbox and update log) deletes its part on
 * the events this publishes, in the same call.
 */
@Service
public class NewcomerData implements StoredDataSource {

    static final String FILES = "newcomer_files";

    private final ConversationService conversations;
    private final MongoTemplate mongo;

    NewcomerData(ConversationService conversations, MongoTemplate mongo) {
        this.conversations = conversations;
        this.mongo = mongo;
    }

    /** Deletes every trace of the conversation. False when there was none (already deleted, or a wrong id). */
    public boolean forget(String conversationId) {
        return conversationId != null && conversations.forget(conversationId);
    }

    /** Counts and dates of what is stored about this conversation's newcomer: theirs only, never anyone else's. */
    public StoredData.Summary summary(String conversationId) {
        var ofThis = where("conversationId").is(conversationId);
        long messages = mongo.count(query(ofThis), TranscriptEntry.class);
        Instant first = at(conversationId, Sort.Direction.ASC), last = at(conversationId, Sort.Direction.DESC);
        long handoffs = mongo.count(query(where("conversationId").is(conversationId)), Handoff.class);
        long open = mongo.count(query(where("conversationId").is(conversationId)
                .and("status").in(Handoff.Status.WAITING, Handoff.Status.CLAIMED)), Handoff.class);
        long files = mongo.count(query(where("conversationId").is(conversationId)), FILES);
        return new StoredData.Summary(messages, first, last, handoffs, open, files);
    }

    @Override
    public StoredData forConversation(Conversation conversation) {
        return () -> conversation.getVersion() == null ? null : summary(conversation.getId());
    }

    private Instant at(String conversationId, Sort.Direction direction) {
        TranscriptEntry e = mongo.findOne(query(where("conversationId").is(conversationId)).with(Sort.by(direction, "at")).limit(1),
                TranscriptEntry.class);
        return e == null ? null : e.at();
    }
}
