package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every update Telegram delivered, recorded before the polling offset moves on (or before the webhook answers 200).
 * The unique index on (bot, update_id) drops duplicates: Telegram delivers again whatever it thinks we missed.
 * A PENDING record keeps the update itself until it is handled, so a restart handles it then; once handled only
 * the id remains (no message text is kept here) and is purged after a week.
 */
@Component
@ConditionalOnTelegram
class UpdateLog {

    static final String COLLECTION = "telegram_updates";
    /** Telegram keeps undelivered updates for 24 hours; a week of ids is plenty to recognise a repeat. */
    static final Duration KEEP = Duration.ofDays(7);

    enum State { PENDING, DONE }

    record UpdateRecord(@Id String id, String bot, long updateId, Long chatId, State state, String update,
                        Instant receivedAt, Instant handledAt) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String bot;

    UpdateLog(MongoTemplate mongo, Clock clock, BotApi api) {
        this.mongo = mongo;
        this.clock = clock;
        this.bot = api.botId();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("bot", Sort.Direction.ASC).on("updateId", Sort.Direction.ASC)
                .unique().named("bot_update_id"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).named("state"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chatId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                .on("updateId", Sort.Direction.ASC).named("chat_state_update"));
    }

    /** Records a new update durably; false when it was seen before. */
    boolean record(long updateId, Long chatId, String updateJson) {
        try {
            mongo.insert(new UpdateRecord(null, bot, updateId, chatId, State.PENDING, updateJson, Instant.now(clock), null), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Handled: the update's content is no longer needed. */
    void done(long updateId) {
        mongo.updateFirst(key(updateId), new Update().set("state", State.DONE).unset("update").set("handledAt", Instant.now(clock)),
                COLLECTION);
    }

    /** Updates recorded but not yet handled (the app stopped first), oldest first. */
    List<UpdateRecord> pending() {
        return mongo.find(Query.query(Criteria.where("bot").is(bot).and("state").is(State.PENDING))
                .with(Sort.by("updateId")), UpdateRecord.class, COLLECTION);
    }

    /** The chat's recorded updates not yet handled, in Telegram's order (a chat's ids grow), at most {@code limit}. */
    List<UpdateRecord> pendingOf(Long chatId, int limit) {
        return mongo.find(Query.query(Criteria.where("bot").is(bot).and("state").is(State.PENDING).and("chatId").is(chatId))
                .with(Sort.by("updateId")).limit(limit), UpdateRecord.class, COLLECTION);
    }

    /** Chats with an update recorded before {@code before} and not yet handled: maybe nobody is handling them. */
    java.util.Set<Long> waitingChats(Instant before, int limit) {
        Query q = Query.query(Criteria.where("bot").is(bot).and("state").is(State.PENDING).and("receivedAt").lt(before))
                .with(Sort.by("updateId")).limit(limit);
        q.fields().include("chatId");
        java.util.Set<Long> chats = new java.util.LinkedHashSet<>();
        for (org.bson.Document d : mongo.find(q, org.bson.Document.class, COLLECTION)) chats.add(d.get("chatId") instanceof Number n ? n.longValue() : null);
        return chats;
    }

    /** Handled (or never recorded here): its answers may go out. */
    boolean handled(long updateId) {
        return !mongo.exists(Query.query(Criteria.where("bot").is(bot).and("updateId").is(updateId).and("state").is(State.PENDING)), COLLECTION);
    }

    /** Updates recorded and not yet handled, over all chats (an operator's metric). */
    long pendingCount() {
        return mongo.count(Query.query(Criteria.where("bot").is(bot).and("state").is(State.PENDING)), COLLECTION);
    }

    /**
     * The chat's conversation was deleted: its updates keep only their ids (enough to recognise a repeat). One still
     * pending has lost what it said, so it counts as handled.
     */
    long forgetChat(long chatId) {
        mongo.updateMulti(Query.query(Criteria.where("chatId").is(chatId).and("state").is(State.PENDING)),
                new Update().set("state", State.DONE).set("handledAt", Instant.now(clock)), COLLECTION);
        return mongo.updateMulti(Query.query(Criteria.where("chatId").is(chatId)), new Update().unset("chatId").unset("update"),
                COLLECTION).getModifiedCount();
    }

    void purge() {
        mongo.remove(Query.query(Criteria.where("state").is(State.DONE).and("handledAt").lt(Instant.now(clock).minus(KEEP))), COLLECTION);
    }

    private Query key(long updateId) {
        return Query.query(Criteria.where("bot").is(bot).and("updateId").is(updateId));
    }
}
