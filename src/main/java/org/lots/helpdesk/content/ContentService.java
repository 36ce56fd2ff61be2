package org.lots.helpdesk.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.dialog.script.ContentLoader;
import org.lots.helpdesk.dialog.script.Problem;
import org.lots.helpdesk.dialog.script.SourceFile;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.language.NgramRouter;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Holds the content that is live. Content folders on disk are watched; an edit goes live within seconds when it
 * passes lint, and a broken edit is logged with its problems while the last good content keeps serving.
 */
@Service
public class ContentService {

    private static final Logger log = LoggerFactory.getLogger(ContentService.class);

    private final HelpdeskProperties properties;
    private final Path folder; // null: the copy bundled in the jar
    private volatile Knowledge current;
    private volatile List<Problem> lastProblems = List.of();
    private volatile String fingerprint = "";
    private java.util.concurrent.ScheduledFuture<?> lastRound;
    private final ScheduledExecutorService watcher;
    private final RouterCache routerCache;

    public ContentService(HelpdeskProperties properties) {
        this.properties = properties;
        this.routerCache = new RouterCache(Path.of(properties.dataDir(), "router-cache"));
        this.folder = locate(properties.contentDir());
        if (!apply(EarlyContent.take(folder, properties.fallbackLanguage(), properties.dataDir())
                .orElseGet(() -> load(folder, properties.fallbackLanguage(), routerCache)))) {
            throw new IllegalStateException("The content has errors and there is no earlier version to serve:\n"
                    + String.join("\n", lastProblems.stream().filter(Problem::isError).map(Problem::toString).toList()));
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "content-watcher");
            t.setDaemon(true);
            return t;
        });
        if (folder != null) {
            long ms = Math.max(200, properties.reloadInterval().toMillis());
            lastRound = watcher.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** The content folder on disk for {@code helpdesk.content-dir}; null: the copy bundled in the jar. */
    public static Path locate(String configured) {
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("dialogs")) && Files.isDirectory(cwd.resolve("translations")) ? cwd : null;
    }

    public Knowledge current() {
        return current;
    }

    public List<Problem> problems() {
        return lastProblems;
    }

    /** The content folder on disk; empty when the content is the copy bundled in the jar (the studio cannot write it). */
    public java.util.Optional<Path> folder() {
        return java.util.Optional.ofNullable(folder);
    }

    /** Where the live content comes from, for the operator. */
    public String source() {
        return folder == null ? "bundled in the jar" : folder.toAbsolutePath().toString();
    }

    /**
     * One round of the watcher. Catches everything, errors too: a throw would end the scheduled task for good, and
     * whatever a content file does to the reader (even an OutOfMemoryError or StackOverflowError) must leave the
     * last good content serving and the watcher watching. The fingerprint is taken first, so the same broken edit
     * is not read again and again.
     */
    void reloadIfChanged() {
        try {
            String now = ContentFiles.fingerprint(folder.resolve("dialogs"), folder.resolve("translations"));
            if (!now.equals(fingerprint)) reload();
        } catch (Throwable e) {
            org.lots.helpdesk.limits.Fatal.check(e);
            log.error("Content reload failed ({}); the last good content keeps serving", e.getClass().getName());
        }
    }

    /** The watcher's thread is alive and its last round did not end in an error it could not handle. */
    public boolean watching() {
        return folder == null || (!watcher.isShutdown() && lastRound != null && !lastRound.isDone());
    }

    /** Loads the content again; false (and the old content kept) when it has errors. */
    public synchronized boolean reload() {
        return apply(load(folder, properties.fallbackLanguage(), routerCache));
    }

    /** What one load read: the files' fingerprint first (an edit meanwhile is seen next round), then the content. */
    record Loaded(String fingerprint, ContentLoader.Result result, Knowledge knowledge) {}

    /** Reads, checks and trains; touches no state, so that it can run before the application context exists. */
    static Loaded load(Path folder, String fallbackLanguage, RouterCache routerCache) {
        String fingerprint = "";
        ContentLoader.Result result;
        if (folder != null) {
            fingerprint = ContentFiles.fingerprint(folder.resolve("dialogs"), folder.resolve("translations"));
            result = ContentFiles.load(folder, fallbackLanguage);
        } else {
            result = new ContentLoader(fallbackLanguage).load(bundled("dialogs"), bundled("translations"));
        }
        Knowledge knowledge = !result.ok() ? null : new Knowledge(result.content(),
                Routers.trainedFor(result.content(), c -> new NgramRouter(c, NgramRouter.Thresholds.DEFAULT, routerCache)));
        return new Loaded(fingerprint, result, knowledge);
    }

    private synchronized boolean apply(Loaded loaded) {
        ContentLoader.Result result = loaded.result();
        fingerprint = loaded.fingerprint();
        lastProblems = result.problems();
        if (!result.ok()) {
            log.error("Content from {} has errors; {}:\n{}", source(),
                    current == null ? "nothing to serve" : "the last good content keeps serving",
                    String.join("\n", result.errors().stream().map(Problem::toString).toList()));
            return false;
        }
        current = loaded.knowledge();
        log.info("Content loaded from {}: {} dialogs, {} languages, {} warnings", source(),
                result.content().dialogs().size(), result.content().languages().size(),
                result.problems().size() - result.errors().size());
        return true;
    }

    /** The content files bundled in the jar, named as on disk ({@code dialogs/welcome.yaml}). */
    public static List<SourceFile> bundled(String kind) {
        List<SourceFile> files = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:content/" + kind + "/*.y*ml");
            for (Resource r : resources) {
                files.add(new SourceFile(kind + "/" + r.getFilename(), ContentFiles.decode(r.getContentAsByteArray())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        // A reload under way trains a router (both cores, ~100 MB of work arrays) that nobody will use, and training
        // does not stop when interrupted: wait for it, so that it does not run on beside what starts next (it ran the
        // test suite out of heap, issue 11).
        try {
            if (!watcher.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Content reload still running {} s after shutdown began; leaving it", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long shutdown waits for a reload under way (training takes a few seconds on two cores). */
    static final long STOP_WAIT_SECONDS = 30;
}
