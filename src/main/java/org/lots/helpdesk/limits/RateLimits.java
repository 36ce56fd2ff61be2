package org.lots.helpdesk.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (a chat, a client address, a web chat token): each key may take {@code burst} at once and
 * {@code perMinute} a minute on average. Bounded: at most {@code maxKeys} keys are remembered; the least recently
 * seen is forgotten first (a forgotten key starts again with a full bucket, which costs an attacker more keys than
 * it gains). Thread-safe.
 * <pre>
 * RateLimits perChat = new RateLimits(30, 10, 100_000, clock);
 * switch (perChat.take("telegram:" + chatId)) {
 *     case ALLOWED -> handle(message);
 *     case REFUSED_FIRST -> reply("system.slow_down");   // once per run of refusals
 *     case REFUSED -> { }                                // quietly dropped
 * }
 * </pre>
 */
public final class RateLimits {

    public enum Verdict {
        ALLOWED,
        /** Refused, and the first refusal since the key was last allowed: the moment to tell the caller why. */
        REFUSED_FIRST,
        REFUSED
    }

    private static final class Bucket {
        double tokens;
        long at;
        boolean refused;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final double perMilli;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    public RateLimits(int perMinute, int burst, int maxKeys, Clock clock) {
        if (perMinute < 1 || burst < 1 || maxKeys < 1) throw new IllegalArgumentException("limits must be positive");
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one from the key's bucket if it has one. */
    public synchronized Verdict take(String key) {
        Bucket b = refill(key);
        if (b.tokens >= 1) {
            b.tokens -= 1;
            b.refused = false;
            return Verdict.ALLOWED;
        }
        boolean first = !b.refused;
        b.refused = true;
        return first ? Verdict.REFUSED_FIRST : Verdict.REFUSED;
    }

    public boolean tryAcquire(String key) {
        return take(key) == Verdict.ALLOWED;
    }

    /** How long until the key may take one again (for a Retry-After header); zero when it may now. */
    public synchronized Duration retryAfter(String key) {
        Bucket b = refill(key);
        return b.tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - b.tokens) / perMilli));
    }

    /** Keys remembered now. */
    public synchronized int size() {
        return buckets.size();
    }

    private Bucket refill(String key) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        if (now > b.at) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMilli);
            b.at = now;
        }
        return b;
    }
}
