package org.lots.helpdesk.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bson.Document;
import org.lots.helpdesk.store.EmbeddedStore;
import org.lots.helpdesk.users.LoginThrottle;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;

/**
 * {@code unlock USERNAME}: the operator's break-glass when nobody can log in as an admin. Clears the login
 * throttling of one user in the configured store, without starting the server. It does not enable a disabled user
 * or change a password. Settings as for the server: {@code --helpdesk.store=mongodb --spring.mongodb.uri=...},
 * {@code --helpdesk.data-dir=...}, or the same as environment variables; while the help desk runs on the embedded
 * store (its file is then in use), {@code --helpdesk.embedded.port=N} reaches it through the running server.
 */
final class Unlock {

    private Unlock() {}

    static int run(String[] args, PrintStream out) {
        String username = null;
        for (int i = 1; i < args.length; i++) if (!args[i].startsWith("--")) username = args[i];
        if (username == null) {
            out.println("usage: unlock USERNAME [--helpdesk.store=embedded|mongodb] [--helpdesk.data-dir=DIR] "
                    + "[--spring.mongodb.uri=URI] [--helpdesk.embedded.port=N]");
            return 2;
        }
        String store = setting(args, "helpdesk.store", "embedded");
        String port = setting(args, "helpdesk.embedded.port", "0");
        if (store.equals("mongodb")) {
            return unlock(setting(args, "spring.mongodb.uri", "mongodb://localhost:27017/helpdesk"), username, out);
        }
        if (!port.equals("0")) return unlock("mongodb://127.0.0.1:" + port + "/" + EmbeddedStore.DATABASE, username, out);
        Path file = Path.of(setting(args, "helpdesk.data-dir", "./data")).resolve("helpdesk.mv");
        if (!Files.exists(file)) {
            out.println("No embedded store at " + file.toAbsolutePath() + " (set --helpdesk.data-dir)");
            return 1;
        }
        MongoServer server;
        try {
            server = EmbeddedStore.server(file); // opening the file fails while a running server holds its lock
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException inUse) {
            out.println("The store at " + file.toAbsolutePath() + " is in use by a running help desk. Run again with "
                    + "--helpdesk.embedded.port=N, N from its log line 'Embedded store at ... (port N)'.");
            return 1;
        }
        try {
            return unlock(server.getConnectionString() + "/" + EmbeddedStore.DATABASE, username, out);
        } finally {
            server.shutdown();
        }
    }

    private static int unlock(String uri, String username, PrintStream out) {
        ConnectionString cs = new ConnectionString(uri);
        try (MongoClient client = MongoClients.create(cs)) {
            MongoDatabase db = client.getDatabase(cs.getDatabase() == null ? EmbeddedStore.DATABASE : cs.getDatabase());
            if (db.getCollection("users").find(Filters.eq("_id", username)).first() == null) {
                out.println("No user '" + username + "'");
                return 1;
            }
            long cleared = db.getCollection(LoginThrottle.COLLECTION, Document.class)
                    .deleteMany(Filters.regex("_id", LoginThrottle.userKeys(username))).getDeletedCount();
            out.println("Login throttling cleared for '" + username + "' (" + cleared + " record(s)). "
                    + "This does not enable a disabled user nor change a password.");
            return 0;
        }
    }

    /** {@code --name=value}, then the environment variable ({@code HELPDESK_DATADIR} or {@code HELPDESK_DATA_DIR}). */
    static String setting(String[] args, String name, String fallback) {
        for (String a : args) if (a.startsWith("--" + name + "=")) return a.substring(name.length() + 3);
        String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
        for (String variable : new String[] {upper.replace("-", ""), upper.replace('-', '_')}) {
            String env = System.getenv(variable);
            if (env != null && !env.isBlank()) return env;
        }
        String property = System.getProperty(name);
        return property != null && !property.isBlank() ? property : fallback;
    }
}
