package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Whether the bot may write to a chat: not after the newcomer sent /stop (until /start), and not after Telegram
 * said the user blocked the bot (until the user writes again). Stored, so that a restart keeps both; cached, since
 * every outgoing message asks.
 */
@Component
@ConditionalOnTelegram
class ChatStates {

    static final String COLLECTION = "telegram_chats";

    record ChatState(@Id Long id, boolean stopped, boolean unreachable, Instant updatedAt) {
        boolean silent() {
            return stopped || unreachable;
        }
    }

    private static final ChatState OPEN = new ChatState(null, false, false, null);

    private final MongoTemplate mongo;
    private final Clock clock;
    /** Recently used chats only: a map of every chat ever seen would grow for ever. */
    static final int CACHED = 10_000;
    private final Map<Long, ChatState> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ChatState> eldest) {
            return size() > CACHED;
        }
    });

    ChatStates(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    ChatState get(long chatId) {
        ChatState cached = cache.get(chatId);
        if (cached != null) return cached;
        ChatState stored = mongo.findById(chatId, ChatState.class, COLLECTION); // read outside the map's lock
        ChatState s = stored == null ? OPEN : stored;
        cache.putIfAbsent(chatId, s);
        return cache.getOrDefault(chatId, s);
    }

    int cached() {
        return cache.size();
    }

    /** True when nothing may be sent to the chat. */
    boolean silent(long chatId) {
        return get(chatId).silent();
    }

    void stopped(long chatId, boolean stopped) {
        ChatState s = get(chatId);
        if (s.stopped() != stopped) put(chatId, stopped, s.unreachable());
    }

    void unreachable(long chatId, boolean unreachable) {
        ChatState s = get(chatId);
        if (s.unreachable() != unreachable) put(chatId, s.stopped(), unreachable);
    }

    /** The newcomer asked to forget everything: what we keep about the chat goes too. */
    void forget(long chatId) {
        mongo.remove(Query.query(Criteria.where("_id").is(chatId)), COLLECTION);
        cache.remove(chatId);
    }

    private synchronized void put(long chatId, boolean stopped, boolean unreachable) {
        ChatState s = new ChatState(chatId, stopped, unreachable, Instant.now(clock));
        mongo.save(s, COLLECTION);
        cache.put(chatId, s);
    }
}
