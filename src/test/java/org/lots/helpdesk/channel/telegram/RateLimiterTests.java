package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Telegram's limits on a simulated clock: about 30 messages a second overall, one a second per chat after a burst. */
class RateLimiterTests {

    final RateLimiter limiter = new RateLimiter(30, 1, 3);

    /** Sends to a chat as fast as the limiter allows; returns when each of {@code n} messages went. */
    long[] sendTimes(long chat, int n, long start) {
        long[] at = new long[n];
        long now = start;
        for (int i = 0; i < n; i++) {
            long wait = limiter.waitMillis(chat, now);
            now += wait;
            assertEquals(0, limiter.waitMillis(chat, now));
            limiter.take(chat, now);
            at[i] = now;
        }
        return at;
    }

    @Test
    void oneChatGetsABurstThenOneMessageASecond() {
        long[] at = sendTimes(1, 6, 0);
        assertEquals(0, at[0]);
        assertEquals(0, at[2]);
        assertTrue(at[3] >= 1000 && at[3] <= 1001, "4th at " + at[3]);
        assertTrue(at[5] >= 3000 && at[5] <= 3002, "6th at " + at[5]);
    }

    @Test
    void otherChatsAreNotHeldUpByABusyOne() {
        sendTimes(1, 3, 0);
        assertTrue(limiter.waitMillis(1, 0) > 0);
        assertEquals(0, limiter.waitMillis(2, 0));
    }

    @Test
    void theWholeBotStaysUnderThirtyMessagesASecond() {
        long now = 0;
        int sent = 0;
        for (long chat = 1; chat <= 200; chat++) {
            now += limiter.waitMillis(chat, now);
            limiter.take(chat, now);
            sent++;
        }
        // 30 at once, then 30 a second: 200 messages take at least (200 - 30) / 30 seconds
        assertTrue(now >= (sent - 30) * 1000L / 30 - 1, "200 messages by " + now + " ms");
        assertTrue(now <= (sent - 30) * 1000L / 30 + 200, "not slower than needed: " + now + " ms");
    }

    @Test
    void idleChatsAreForgotten() {
        sendTimes(1, 3, 0);
        sendTimes(2, 1, 0);
        limiter.forgetIdle(10_000);
        assertEquals(0, limiter.trackedChats());
    }
}
