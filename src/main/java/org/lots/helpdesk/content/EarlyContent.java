package org.lots.helpdesk.content;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Start-up in parallel: as soon as the settings are known, the content is read, checked and its router trained on
 * a thread of its own, while Spring builds the rest of the application (the store, Tomcat, security) on the main
 * thread; {@link ContentService} then takes the result instead of loading again. Registered by the application's
 * {@code main} only, so tests and tools load as before.
 */
public final class EarlyContent implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private record Key(Path folder, String fallbackLanguage, String dataDir) {}

    private static volatile Key key;
    private static volatile CompletableFuture<ContentService.Loaded> loading;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Binder binder = Binder.get(event.getEnvironment());
        String contentDir = binder.bind("helpdesk.content-dir", String.class).orElse("");
        String fallback = binder.bind("helpdesk.fallback-language", String.class).orElse("en");
        String dataDir = binder.bind("helpdesk.data-dir", String.class).orElse("./data");
        Key k = new Key(ContentService.locate(contentDir), fallback, dataDir);
        key = k;
        loading = CompletableFuture.supplyAsync(() -> ContentService.load(k.folder(), k.fallbackLanguage(),
                new RouterCache(Path.of(k.dataDir(), "router-cache"))), r -> {
            Thread t = new Thread(r, "content-early");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The early load for these settings, once (a reload reads the files again); empty if none ran or it failed. */
    static Optional<ContentService.Loaded> take(Path folder, String fallbackLanguage, String dataDir) {
        CompletableFuture<ContentService.Loaded> f = loading;
        Key k = key;
        loading = null;
        if (f == null || !k.equals(new Key(folder, fallbackLanguage, dataDir))) return Optional.empty();
        try {
            return Optional.of(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty(); // loaded again on the main thread, which reports the error as it always did
        }
    }
}
