package org.lots.helpdesk.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestClock;

class WindowLimiterTests {

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T09:00:00Z"));
    final WindowLimiter limiter = new WindowLimiter(clock,
            new WebchatProperties(List.of(), 4000, 65536, 30, 120, Duration.ofMinutes(1), Duration.ofDays(7)));

    @Test
    void allowsUpToTheLimitPerKeyAndWindowThenRefusesUntilTheNextWindow() {
        for (int i = 0; i < 3; i++) assertTrue(limiter.allow("client:10.0.0.1", 3));
        assertFalse(limiter.allow("client:10.0.0.1", 3));
        assertTrue(limiter.allow("client:10.0.0.2", 3), "another client is not held back");
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.allow("client:10.0.0.1", 3));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.allow("client:10.0.0.1", 3), "a new window");
    }

    @Test
    void aFloodOfNewKeysStaysBoundedAndPushesOutTheOldestCounts() {
        for (int i = 0; i < 3; i++) limiter.allow("conversation:first", 3);
        assertFalse(limiter.allow("conversation:first", 3));
        for (int i = 0; i < WindowLimiter.MAX_KEYS; i++) limiter.allow("client:" + i, 3);
        assertTrue(limiter.allow("conversation:first", 3), "its count was dropped: the map holds at most MAX_KEYS");
    }
}
