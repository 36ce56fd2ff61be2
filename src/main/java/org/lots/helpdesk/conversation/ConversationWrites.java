package org.lots.helpdesk.conversation;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.WriteConcern;

/**
 * The conversation's save in a turn that also writes transcript entries: acknowledged but not waited for on disk
 * ({@code j: false}), because the transcript insert right after it is, and the store makes writes durable in order
 * (the embedded backend commits everything applied so far; MongoDB's journal is sequential). One wait for the disk
 * per message instead of two, and the same guarantee: once the channel acknowledges the message, both are durable;
 * a crash before that loses both, and the channel delivers the message again.
 */
@Component
class ConversationWrites {

    private final MongoTemplate unjournaled;

    ConversationWrites(MongoTemplate mongo) {
        this.unjournaled = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
        this.unjournaled.setWriteConcern(WriteConcern.W1.withJournal(false));
    }

    /** Inserts or saves (with the version check) the conversation; a durable write must follow in this turn. */
    Conversation saveBeforeDurableWrite(Conversation c) {
        return c.getVersion() == null ? unjournaled.insert(c) : unjournaled.save(c);
    }
}
