package org.lots.helpdesk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole help desk by hand, as {@code java -jar} would, for tests that stop and start it on the same data
 * (restarts, kill -9) or run it in another mode: a random port, the shipped content, {@code admin} /
 * {@link Api#ADMIN_PASSWORD}, and the given extra {@code --name=value} arguments.
 */
public final class TestApps {

    private TestApps() {}

    /** @param dataDir the embedded store's folder; null when the arguments choose another store */
    public static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(arguments(dataDir));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(args.toArray(String[]::new));
    }

    /** The same arguments, e.g. for a child JVM. */
    public static List<String> arguments(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--helpdesk.content-dir=.",
                "--helpdesk.bootstrap.admin-password=" + Api.ADMIN_PASSWORD));
        if (dataDir != null) args.add("--helpdesk.data-dir=" + dataDir);
        return args;
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
