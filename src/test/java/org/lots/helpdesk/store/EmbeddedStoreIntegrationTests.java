package org.lots.helpdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskApplication;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.engine.Input;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;

/** The embedded store over the wire: clean restarts, kill -9 of a running help desk, and concurrent updates. */
class EmbeddedStoreIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(Path dataDir) {
        return TestApps.start(dataDir);
    }

    private static int port(ConfigurableApplicationContext c) {
        return TestApps.port(c);
    }

    @Test
    void conversationsSurviveACleanRestart() {
        String id;
        try (ConfigurableApplicationContext app = start(data)) {
            Api api = new Api(port(app));
            id = api.post("/api/preview/conversations", Map.of("language", "sv")).json().get("id").asText();
            assertEquals(200, api.post("/api/preview/conversations/" + id + "/messages", Map.of("text", "hej")).status());
        }
        try (ConfigurableApplicationContext app = start(data)) {
            ConversationService conversations = app.getBean(ConversationService.class);
            Conversation c = conversations.find(id).orElseThrow();
            assertEquals("sv", c.getState().language());
            assertEquals(1, conversations.transcript(id).stream().filter(e -> e.author() == TranscriptEntry.Author.NEWCOMER).count());
            assertTrue(conversations.transcript(id).stream().anyMatch(e -> e.author() == TranscriptEntry.Author.BOT));
            // The bootstrap admin was created once, not again.
            assertEquals(200, new Api(port(app)).get("/api/admin/users").status());
        }
    }

    @Test
    void aKillMinusNineMidConversationLosesNoAcknowledgedMessage() throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                HelpdeskApplication.class.getName()));
        command.addAll(TestApps.arguments(data));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> ids = new ArrayList<>();
        int sent = 0;
        try {
            int port = waitForPort(child);
            Api api = new Api(port);
            for (int c = 0; c < 5; c++) {
                String id = api.post("/api/preview/conversations", Map.of("language", "en")).json().get("id").asText();
                ids.add(id);
                for (int m = 0; m < 6; m++) {
                    assertEquals(200, api.post("/api/preview/conversations/" + id + "/messages", Map.of("text", "question " + m)).status());
                    sent++;
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (ConfigurableApplicationContext app = start(data)) {
            ConversationService conversations = app.getBean(ConversationService.class);
            long received = 0;
            for (String id : ids) {
                assertTrue(conversations.find(id).isPresent(), "conversation " + id + " lost");
                received += conversations.transcript(id).stream().filter(e -> e.author() == TranscriptEntry.Author.NEWCOMER).count();
            }
            assertEquals(sent, received);
        }
    }

    @Test
    void concurrentMessagesToOneConversationLoseNoUpdate() throws Exception {
        try (ConfigurableApplicationContext app = start(data)) {
            ConversationService conversations = app.getBean(ConversationService.class);
            ConversationService.Address address = new ConversationService.Address("test", "chat-1");
            conversations.receive(address, new Input.Command("start", "en"), "en");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                all.add(CompletableFuture.runAsync(() -> conversations.receive(address, new Input.Text("message " + n), "en"), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            pool.shutdown();
            Conversation c = app.getBean(ConversationRepository.class).findByChannelAndAddress("test", "chat-1").orElseThrow();
            assertEquals(40, c.getVersion(), "every message saved the state once (the insert is version 0)");
            assertEquals(41, conversations.transcript(c.getId()).stream().filter(e -> e.author() == TranscriptEntry.Author.NEWCOMER).count());
        }
    }

    @Test
    void aStaleCopyOfAConversationCannotOverwriteANewerOne() {
        try (ConfigurableApplicationContext app = start(data)) {
            ConversationService conversations = app.getBean(ConversationService.class);
            ConversationRepository repository = app.getBean(ConversationRepository.class);
            String id = conversations.startPreview("en").getId();
            Conversation first = repository.findById(id).orElseThrow();
            Conversation second = repository.findById(id).orElseThrow();
            repository.save(first);
            assertThrows(OptimisticLockingFailureException.class, () -> repository.save(second));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The child's output is read on its own thread from the start (a blocking readLine on this thread would wait
     * past any deadline if the child hangs without a word), and drained until the child ends so it never blocks on a
     * full pipe; this thread only waits, with a deadline, for the line that names the port.
     */
    private static int waitForPort(Process child) throws Exception {
        Pattern ready = Pattern.compile("Help desk ready on port (\\d+)");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    tail.addLast(line);
                    if (tail.size() > 20) tail.pollFirst();
                    Matcher m = ready.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException ignored) {
                // the child is gone
            }
            port.completeExceptionally(new IllegalStateException("the child help desk ended without saying its port"));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the child help desk did not start; its last lines:\n" + String.join("\n", tail), e);
        }
    }
}
