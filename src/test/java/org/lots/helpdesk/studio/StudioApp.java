package org.lots.helpdesk.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskApplication;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.content.ContentService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A help desk on its own copy of the shipped content (dialogs, translations, eval) in a temporary folder, so that
 * studio tests write real files without touching the repository's, and a quick hot reload.
 */
final class StudioApp implements AutoCloseable {

    final Path content;
    final ConfigurableApplicationContext app;
    final int port;

    StudioApp(String... extra) {
        try {
            Path root = Files.createTempDirectory("studio-test-");
            content = root.resolve("content");
            for (String folder : List.of("dialogs", "translations", "eval")) {
                Files.createDirectories(content.resolve(folder));
                try (Stream<Path> s = Files.list(Path.of(folder))) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, content.resolve(folder).resolve(p.getFileName()));
                }
            }
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--helpdesk.content-dir=" + content,
                    "--helpdesk.data-dir=" + root.resolve("data"), "--helpdesk.reload-interval=300ms",
                    "--helpdesk.bootstrap.admin-password=" + Api.ADMIN_PASSWORD));
            args.addAll(List.of(extra));
            app = new SpringApplicationBuilder(HelpdeskApplication.class).run(args.toArray(String[]::new));
            port = TestApps.port(app);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return new Api(port);
    }

    ContentService contentService() {
        return app.getBean(ContentService.class);
    }

    String file(String name) {
        try {
            return Files.readString(content.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shipped(String name) {
        try {
            return Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a raw body (an XLIFF file) as {@code user}. */
    Api.Response raw(String method, String path, String body, String contentType, String user, String password) {
        return new Api(port, user, password).send(method, path, body, contentType);
    }

    /** The deadline guards against a hang; a reload retrains the router, which takes seconds on a busy machine. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("not within 120 s: " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
