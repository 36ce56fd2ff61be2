package org.lots.helpdesk.channel.telegram;

import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outbox's durable part: every message waiting to be sent, in order ({@code seq}). An entry is deleted only
 * after Telegram confirmed it (or it can never be sent), so the collection holds exactly the unsent messages. Every
 * instance sends from here; a message is claimed by one before it is sent ({@link #claim}).
 */
@Component
@ConditionalOnTelegram
class OutboxStore {

    static final String COLLECTION = "telegram_outbox";

    /**
     * @param update   the update whose answer this is ({@code bot:update_id}), null for adviser messages
     * @param attempts failed attempts so far
     * @param notBefore do not try again before this time (a retry_after or a backoff)
     * @param claimedBy the instance sending it now (null: nobody); a claim older than the stale time is retaken
     */
    record OutboxEntry(@Id String id, long seq, long chatId, OutboundMessage.Kind kind, String text,
                       List<List<KeyButton>> keyboard, Integer messageId, String update, int attempts,
                       Instant notBefore, Instant createdAt, String claimedBy, Instant claimedAt) {

        OutboxEntry retryAt(Instant when) {
            return new OutboxEntry(id, seq, chatId, kind, text, keyboard, messageId, update, attempts + 1, when, createdAt, null, null);
        }

        OutboxEntry withoutButtons() {
            return new OutboxEntry(id, seq, chatId, kind, text, List.of(), messageId, update, attempts + 1, notBefore, createdAt, null, null);
        }

        /** The update this answers, as its number, or null (an adviser's message). */
        Long updateId() {
            return update == null ? null : Long.valueOf(update.substring(update.lastIndexOf(':') + 1));
        }
    }

    private final MongoTemplate mongo;

    OutboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("seq", Sort.Direction.ASC).named("seq"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chatId", Sort.Direction.ASC).named("chat"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("update", Sort.Direction.ASC).named("update").sparse());
    }

    List<OutboxEntry> insert(List<OutboxEntry> entries) {
        return List.copyOf(mongo.insert(entries, COLLECTION));
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    long deleteChat(long chatId) {
        return mongo.remove(Query.query(Criteria.where("chatId").is(chatId)), COLLECTION).getDeletedCount();
    }

    /** Keeps a message for a later attempt and gives up the claim, so that any instance may make it. */
    void save(OutboxEntry entry) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())), new Update()
                .set("attempts", entry.attempts()).set("notBefore", entry.notBefore()).set("keyboard", entry.keyboard())
                .unset("claimedBy").unset("claimedAt"), COLLECTION);
    }

    /** The oldest unsent messages over all chats, claimed or not. */
    List<OutboxEntry> oldest(int limit) {
        return mongo.find(new Query().with(Sort.by("seq")).limit(limit), OutboxEntry.class, COLLECTION);
    }

    /**
     * Claims a message for this instance: one atomic update that succeeds only while nobody holds it, or its claim
     * is older than {@code staleBefore} (its sender died). Null when another instance has it or it is gone.
     */
    OutboxEntry claim(String id, String owner, Instant now, Instant staleBefore) {
        Query free = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where("claimedBy").is(null), Criteria.where("claimedAt").lt(staleBefore)));
        return mongo.findAndModify(free, new Update().set("claimedBy", owner).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), OutboxEntry.class, COLLECTION);
    }

    long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    boolean hasAnswerTo(String update) {
        return mongo.exists(Query.query(Criteria.where("update").is(update)), COLLECTION);
    }

    long maxSeq() {
        OutboxEntry last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), OutboxEntry.class, COLLECTION);
        return last == null ? 0 : last.seq();
    }
}
