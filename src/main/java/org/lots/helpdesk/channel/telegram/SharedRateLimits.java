package org.lots.helpdesk.channel.telegram;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Telegram's sending limits for the bot as a whole, over every instance: counters in the store, one document per
 * second for the bot and one per window for each chat ({@code perChatBurst} messages per
 * {@code perChatBurst / perChatPerSecond} seconds), each taken with one atomic {@code $inc}. A counter past its
 * limit means "not in this window"; the message waits for the next one. Old windows are purged.
 */
@Component
@ConditionalOnTelegram
class SharedRateLimits {

    static final String COLLECTION = "telegram_rate";

    private final MongoTemplate mongo;
    private final String bot;
    private final int perSecond, chatBurst;
    private final long chatWindowMs;

    SharedRateLimits(MongoTemplate mongo, BotApi api, TelegramProperties properties) {
        this.mongo = mongo;
        this.bot = api.botId();
        TelegramProperties.Limits l = properties.limits();
        this.perSecond = Math.max(1, (int) Math.floor(l.messagesPerSecond()));
        this.chatBurst = l.perChatBurst();
        this.chatWindowMs = Math.max(1, Math.round(1000.0 * l.perChatBurst() / l.perChatPerSecond()));
    }

    /**
     * Takes one message from the bot's and the chat's window; when either is full, answers how many milliseconds
     * to wait before trying again (0: send now).
     */
    long take(long chatId, long nowMillis) {
        long second = nowMillis / 1000;
        if (count("b:" + bot + ":" + second, nowMillis) > perSecond) return 1000 - nowMillis % 1000;
        long window = nowMillis / chatWindowMs;
        if (count("c:" + bot + ":" + chatId + ":" + window, nowMillis) > chatBurst) return chatWindowMs - nowMillis % chatWindowMs;
        return 0;
    }

    private long count(String key, long nowMillis) {
        try {
            return increment(key, nowMillis);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return increment(key, nowMillis); // two first takes of a window at once: the document exists now
        }
    }

    private long increment(String key, long nowMillis) {
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("n", 1).setOnInsert("at", new Date(nowMillis)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return d == null ? 1 : ((Number) d.get("n")).longValue();
    }

    /** Windows that ended long ago carry nothing. */
    void purge(Instant before) {
        mongo.remove(Query.query(Criteria.where("at").lt(Date.from(before))), COLLECTION);
    }
}
