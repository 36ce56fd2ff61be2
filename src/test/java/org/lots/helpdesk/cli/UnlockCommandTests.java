package org.lots.helpdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lots.helpdesk.store.EmbeddedStore;
import org.lots.helpdesk.users.LoginThrottle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/** {@code unlock USERNAME} clears one user's login throttling in the embedded store, the app stopped or running. */
class UnlockCommandTests {

    @TempDir
    Path data;

    record Run(int exit, String output) {}

    static Run unlock(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "unlock";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    static void seed(MongoServer server) {
        try (MongoClient c = MongoClients.create(server.getConnectionString())) {
            var db = c.getDatabase(EmbeddedStore.DATABASE);
            db.getCollection("users").insertMany(List.of(new Document("_id", "ivan"), new Document("_id", "ivanka")));
            db.getCollection(LoginThrottle.COLLECTION).insertMany(List.of(new Document("_id", "account:ivan"),
                    new Document("_id", "pair:ivan|10.0.0.1"), new Document("_id", "pair:ivanka|10.0.0.1"),
                    new Document("_id", "account:ivanka"), new Document("_id", "client:10.0.0.1")));
        }
    }

    static List<Object> left(MongoServer server) {
        try (MongoClient c = MongoClients.create(server.getConnectionString())) {
            MongoCollection<Document> t = c.getDatabase(EmbeddedStore.DATABASE).getCollection(LoginThrottle.COLLECTION);
            return t.find().map(d -> d.get("_id")).into(new java.util.ArrayList<>());
        }
    }

    @Test
    void clearsOnlyThatUsersThrottlingInAStoppedStore() {
        MongoServer server = EmbeddedStore.server(data.resolve("helpdesk.mv"));
        server.bind("127.0.0.1", 0);
        seed(server);
        server.shutdown();

        Run run = unlock("ivan", "--helpdesk.data-dir=" + data);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("cleared for 'ivan' (2 record(s))"), run.output());
        assertTrue(run.output().contains("does not enable a disabled user"), run.output());

        server = EmbeddedStore.server(data.resolve("helpdesk.mv"));
        server.bind("127.0.0.1", 0);
        try {
            assertEquals(java.util.Set.of("pair:ivanka|10.0.0.1", "account:ivanka", "client:10.0.0.1"), new java.util.HashSet<>(left(server)));
        } finally {
            server.shutdown();
        }
        assertEquals(1, unlock("nobody", "--helpdesk.data-dir=" + data).exit());
    }

    @Test
    void reachesARunningStoreThroughItsPort() {
        MongoServer running = EmbeddedStore.server(data.resolve("helpdesk.mv"));
        running.bind("127.0.0.1", 0);
        try {
            seed(running);
            Run refused = unlock("ivan", "--helpdesk.data-dir=" + data);
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains("--helpdesk.embedded.port"), refused.output());

            Run run = unlock("ivan", "--helpdesk.embedded.port=" + running.getLocalAddress().getPort());
            assertEquals(0, run.exit(), run.output());
            assertEquals(java.util.Set.of("pair:ivanka|10.0.0.1", "account:ivanka", "client:10.0.0.1"), new java.util.HashSet<>(left(running)));
        } finally {
            running.shutdown();
        }
    }
}
