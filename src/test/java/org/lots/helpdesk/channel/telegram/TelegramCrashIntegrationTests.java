package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 under webhook load, twice, with restarts on the same data ({@link CrashUnderLoad}): every acknowledged
 * update is answered, and only a message in flight at a kill is answered twice. The numbers are in BENCHMARKS.md.
 */
class TelegramCrashIntegrationTests {

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // three cold starts of a child help desk; past the suite's default
    void everyAcknowledgedUpdateIsAnsweredAcrossKills() throws Exception {
        CrashUnderLoad.Plan plan = new CrashUnderLoad.Plan(8, 2, Duration.ofSeconds(2), Duration.ofSeconds(5), 42L,
                System.getProperty("java.class.path"));
        CrashUnderLoad.Result r = new CrashUnderLoad(plan).run();
        System.out.println("Crash under load: " + r);
        assertTrue(r.acknowledged() > plan.chats(), r.toString());
        assertEquals(0, r.lost(), r.toString());
        // Per kill a chat may get a reply twice in two ways: the outbox message sent just before the kill but not yet
        // marked sent, and its last turn's replies sent again when that update is replayed (measured: up to 3 in one
        // chat over 2 kills). Never more than two per chat and kill.
        assertTrue(r.worstChat() <= 2 * plan.kills(), "more than two answers twice per chat and kill: " + r);
    }
}
