package org.lots.helpdesk.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Turn;
import org.lots.helpdesk.system.HelpdeskProperties;

/** Edited content goes live within seconds; a broken edit is refused and the last good content keeps serving. */
class HotReloadTests {

    @TempDir
    Path dir;
    ContentService content;

    @AfterEach
    void stop() {
        if (content != null) content.stop();
    }

    private void start() throws IOException {
        for (String folder : new String[]{"dialogs", "translations"}) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> s = Files.list(Path.of(folder))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, dir.resolve(folder).resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        content = new ContentService(new HelpdeskProperties("embedded", "./data", dir.toString(), "en", Duration.ofMillis(200),
                new HelpdeskProperties.Bootstrap("")));
    }

    /**
     * Waits for the watcher; the deadline is a hang guard, not a speed claim: a reload retrains the router, which
     * on a loaded 2-core machine took longer than 15 s (how fast a reload is belongs in bench/).
     */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("not within 90 s: " + what);
            Thread.sleep(100);
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), from);
        Files.writeString(p, text.replace(from, to));
        // Some file systems keep whole-second times: make the change visible to the watcher regardless.
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 2000));
    }

    @Test
    void anEditedTextIsLiveWithinSeconds() throws Exception {
        start();
        edit("translations/en.yaml", "system.restarted: \"", "system.restarted: \"FRESH ");
        await(() -> content.current().texts().format("en", "system.restarted").startsWith("FRESH"), "the new text");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodContentServing() throws Exception {
        start();
        var before = content.current();
        edit("dialogs/jobs.find.yaml", "next: check_registered", "next: no_such_step");
        await(() -> content.problems().stream().anyMatch(p -> p.isError() && p.message().contains("no_such_step")), "the lint error");
        assertEquals(before, content.current());
        edit("dialogs/jobs.find.yaml", "next: no_such_step", "next: check_registered");
        await(() -> content.current() != before, "the repaired content");
    }

    @Test
    void aConversationWhoseStepDisappearedRestartsItsDialog() {
        ConversationState waiting = new ConversationState("en", true, "jobs.find", "a_step_that_was_removed",
                List.of(), Map.of(), ConversationState.Mode.BOT, 0, "jobs.find", List.of());
        Turn t = TestContent.engine().handle(TestContent.shipped(), waiting, new Input.Text("yes"), null);
        assertEquals("jobs.find", t.trace().dialog());
        assertEquals("registered", t.trace().step());
        assertTrue(t.replies().size() > 0);
    }
}
