package org.lots.helpdesk.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.limits.RateLimits.Verdict;

class RateLimitsTests {

    final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aBurstIsAllowedThenOneRefusalIsMarkedFirstThenTheRateRefills() {
        RateLimits limits = new RateLimits(30, 3, 100, clock);
        for (int i = 0; i < 3; i++) assertEquals(Verdict.ALLOWED, limits.take("chat"));
        assertEquals(Verdict.REFUSED_FIRST, limits.take("chat"));
        assertEquals(Verdict.REFUSED, limits.take("chat"));
        // 30 a minute: the next token in 2 s (the test clock ticks on between moves, so a little less by now)
        Duration retry = limits.retryAfter("chat");
        assertTrue(retry.compareTo(Duration.ofMillis(1500)) >= 0 && retry.compareTo(Duration.ofSeconds(2)) <= 0, retry.toString());
        assertEquals(Verdict.ALLOWED, limits.take("other"), "keys are separate");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Verdict.ALLOWED, limits.take("chat"));
        assertEquals(Verdict.REFUSED_FIRST, limits.take("chat"), "a new run of refusals is told again");
    }

    @Test
    void rememberesAtMostMaxKeys() {
        RateLimits limits = new RateLimits(30, 3, 1000, clock);
        for (int i = 0; i < 100_000; i++) limits.take("client-" + i);
        assertEquals(1000, limits.size());
        assertTrue(limits.tryAcquire("client-99999"));
    }
}
