package org.lots.helpdesk.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.system.HelpdeskProperties;

/** Nothing a content edit does to the reader, not even an Error, stops the hot-reload watcher. */
class WatcherSurvivalTests {

    @TempDir
    Path dir;
    ContentService content;

    /** Throws an OutOfMemoryError on the next reload when armed, as a huge or hostile file once did. */
    static final class FailingOnce extends ContentService {
        final AtomicInteger armed = new AtomicInteger();

        FailingOnce(HelpdeskProperties p) {
            super(p);
        }

        @Override
        public synchronized boolean reload() {
            // armed is null while the constructor loads
            if (armed != null && armed.getAndSet(0) > 0) throw new OutOfMemoryError("simulated");
            return super.reload();
        }
    }

    /** A reload that takes its time and, like router training, does not stop when interrupted. */
    static final class SlowOnce extends ContentService {
        final AtomicInteger armed = new AtomicInteger();
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        volatile boolean finished;

        SlowOnce(HelpdeskProperties p) {
            super(p);
        }

        @Override
        public synchronized boolean reload() {
            if (armed != null && armed.getAndSet(0) > 0) {
                started.countDown();
                long end = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < end) Thread.onSpinWait(); // deaf to the interrupt, as training is
                finished = true;
            }
            return super.reload();
        }
    }

    @AfterEach
    void stop() {
        if (content != null) content.stop();
    }

    @Test
    void anErrorDuringAReloadLeavesTheLastGoodContentAndTheWatcherRunning() throws Exception {
        try {
            survivesTheError();
        } finally {
            org.lots.helpdesk.limits.Fatal.clearAfterSimulation(); // the OutOfMemoryError was simulated
        }
    }

    @Test
    void shutdownWaitsForAReloadUnderWay() throws Exception {
        copyMinimalContent();
        SlowOnce slow = new SlowOnce(new HelpdeskProperties("embedded", "./data", dir.toString(), "en",
                Duration.ofMillis(200), new HelpdeskProperties.Bootstrap("")));
        content = slow;
        slow.armed.set(1);
        touch("dialogs/topic.yaml", "spec: 1\nid: topic\nsteps:\n  - id: a\n    say: welcome.hello\n");
        assertTrue(slow.started.await(15, java.util.concurrent.TimeUnit.SECONDS), "the slow reload began");
        slow.stop();
        assertTrue(slow.finished, "stop() returned only after the reload under way had ended");
        content = null;
    }

    private void copyMinimalContent() throws IOException {
        for (String folder : new String[]{"dialogs", "translations"}) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> s = Files.list(Path.of("src/test/resources/content-min", folder))) {
                for (Path p : s.toList()) Files.copy(p, dir.resolve(folder).resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void survivesTheError() throws Exception {
        copyMinimalContent();
        FailingOnce failing = new FailingOnce(new HelpdeskProperties("embedded", "./data", dir.toString(), "en",
                Duration.ofMillis(200), new HelpdeskProperties.Bootstrap("")));
        content = failing;
        var before = content.current();

        failing.armed.set(1);
        touch("dialogs/topic.yaml", "spec: 1\nid: topic\nsteps:\n  - id: a\n    say: welcome.hello\n");
        await(() -> failing.armed.get() == 0, "the failing reload");
        assertTrue(content.current() == before, "the last good content keeps serving");

        // An alias bomb next: refused as a problem; then a good edit still goes live.
        touch("dialogs/topic.yaml", "spec: 1\nid: topic\na: &a [1]\nb: [*a, *a]\nsteps:\n  - id: a\n    say: welcome.hello\n");
        await(() -> content.problems().stream().anyMatch(p -> p.message().startsWith("alias '*a'")), "the alias refused");
        assertTrue(content.watching());
        touch("dialogs/topic.yaml", "spec: 1\nid: topic\nsteps:\n  - id: a\n    say: welcome.hello\n");
        await(() -> content.current() != before && content.current().content().dialogs().containsKey("topic"), "the good edit live");
        assertTrue(content.watching());
    }

    private void touch(String file, String text) throws IOException, InterruptedException {
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        // a later modification time, even on file systems with coarse times
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + text.length() * 1000L));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("not within 15 s: " + what);
            Thread.sleep(50);
        }
    }
}
