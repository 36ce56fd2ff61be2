package org.lots.helpdesk.channel.telegram;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Token buckets for Telegram's sending limits: one for the whole bot (about 30 messages a second) and one per chat
 * (about one a second, with a small burst so that a two-part answer does not stall). Not thread-safe: the outbox
 * uses it under its lock. Times are milliseconds from any clock.
 */
final class RateLimiter {

    private final Bucket global;
    private final double chatRate;
    private final int chatBurst;
    private final Map<Long, Bucket> chats = new HashMap<>();

    RateLimiter(double perSecond, double chatPerSecond, int chatBurst) {
        if (perSecond <= 0 || chatPerSecond <= 0 || chatBurst < 1) throw new IllegalArgumentException("limits must be positive");
        this.global = new Bucket(perSecond / 1000.0, Math.max(1, (int) Math.floor(perSecond)));
        this.chatRate = chatPerSecond / 1000.0;
        this.chatBurst = chatBurst;
    }

    /** Milliseconds until a message to this chat may go; 0 when it may go now. */
    long waitMillis(long chatId, long now) {
        Bucket chat = chats.get(chatId);
        return Math.max(global.waitMillis(now), chat == null ? 0 : chat.waitMillis(now));
    }

    /** Takes one message from both buckets; call only when {@link #waitMillis} said 0. */
    void take(long chatId, long now) {
        global.take(now);
        chats.computeIfAbsent(chatId, id -> new Bucket(chatRate, chatBurst)).take(now);
        if (chats.size() > 10_000) forgetIdle(now);
    }

    /** Full buckets carry no information; dropping them keeps memory bounded. */
    void forgetIdle(long now) {
        for (Iterator<Bucket> it = chats.values().iterator(); it.hasNext(); ) {
            if (it.next().full(now)) it.remove();
        }
    }

    int trackedChats() {
        return chats.size();
    }

    private static final class Bucket {
        final double ratePerMs;
        final int capacity;
        double tokens;
        long at = Long.MIN_VALUE;

        Bucket(double ratePerMs, int capacity) {
            this.ratePerMs = ratePerMs;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        void refill(long now) {
            if (at != Long.MIN_VALUE && now > at) tokens = Math.min(capacity, tokens + (now - at) * ratePerMs);
            if (at == Long.MIN_VALUE || now > at) at = now;
        }

        long waitMillis(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerMs);
        }

        void take(long now) {
            refill(now);
            tokens -= 1;
        }

        boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }
    }
}
