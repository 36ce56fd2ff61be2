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
 * Telegram's sending limit for the bot as a whole, over every instance: a counter in the store, one document per
 * second, taken with one atomic {@code $inc}. A counter past the limit means "not in this second"; the message
 * waits for the next one. Old seconds are purged. The per-chat pace stays with each instance's {@link RateLimiter}
 * (a counter per chat would keep chat ids in the store): a chat's messages are sent one at a time over all
 * instances anyway, and a 429 Telegram might still answer pauses the chat on every instance (stored notBefore).
 */
@Component
@ConditionalOnTelegram
class SharedRateLimits {

    static final String COLLECTION = "telegram_rate";

    private final MongoTemplate mongo;
    private final String bot;
    private final int perSecond;

    SharedRateLimits(MongoTemplate mongo, BotApi api, TelegramProperties properties) {
        this.mongo = mongo;
        this.bot = api.botId();
        this.perSecond = Math.max(1, (int) Math.floor(properties.limits().messagesPerSecond()));
    }

    /** Takes one message from the bot's second; when it is full, answers how many milliseconds to wait (0: send now). */
    long take(long nowMillis) {
        long second = nowMillis / 1000;
        return count("b:" + bot + ":" + second, nowMillis) > perSecond ? 1000 - nowMillis % 1000 : 0;
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
