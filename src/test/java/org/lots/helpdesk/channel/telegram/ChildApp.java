package org.lots.helpdesk.channel.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lots.helpdesk.HelpdeskApplication;

/**
 * A help desk in a child JVM, for tests that kill it with SIGKILL (no shutdown hook, no last commit). Its output is
 * read on a thread of its own (a full pipe would stall it); the last lines are kept for a failure message.
 */
final class ChildApp implements AutoCloseable {

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final int port;

    private ChildApp(Process process) throws Exception {
        this.process = process;
        this.port = readPort();
    }

    /** Starts {@code java -Xmx.. -cp classpath HelpdeskApplication args...} and waits until it is ready. */
    static ChildApp start(String classpath, String heap, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", classpath, HelpdeskApplication.class.getName()));
        command.addAll(args);
        return new ChildApp(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM: Spring's shutdown runs). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }

    private int readPort() throws Exception {
        Pattern ready = Pattern.compile("Help desk ready on port (\\d+)");
        CompletableFuture<Integer> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) tail.removeFirst();
                    }
                    Matcher m = ready.matcher(line);
                    if (m.find()) found.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException ended) {
                // the child was killed
            }
            found.completeExceptionally(new IllegalStateException("the child ended before it was ready"));
        }, "child-app-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (tail) {
                throw new IllegalStateException("the child help desk did not start; its last lines:\n" + String.join("\n", tail), e);
            }
        }
    }
}
