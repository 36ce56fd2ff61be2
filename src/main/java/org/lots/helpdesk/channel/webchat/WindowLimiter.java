package org.lots.helpdesk.channel.webchat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Fixed-window counts per key, in memory, for one instance. Bounded: the least recently used keys are dropped
 * beyond {@link #MAX_KEYS}, so a flood of new keys costs memory once and then pushes out old counts.
 */
@Component
class WindowLimiter implements WebchatLimiter {

    static final int MAX_KEYS = 20_000;

    private final Clock clock;
    private final long windowMillis;
    private final Map<String, long[]> counts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    WindowLimiter(Clock clock, WebchatProperties properties) {
        this.clock = clock;
        this.windowMillis = properties.window().toMillis();
    }

    @Override
    public synchronized boolean allow(String key, int limit) {
        long now = clock.millis();
        long[] c = counts.computeIfAbsent(key, k -> new long[] {now, 0}); // {window start, count}
        if (now - c[0] >= windowMillis || now < c[0]) {
            c[0] = now;
            c[1] = 0;
        }
        if (c[1] >= limit) return false;
        c[1]++;
        return true;
    }
}
