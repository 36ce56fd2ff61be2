package org.lots.helpdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded store keeps documents and index keys in BSON: a file written by the stock H2 backend (Java
 * serialization) opens with everything in it, its unique indexes still find and still refuse duplicates, and the
 * new format reads back every value type the help desk stores, also after a restart.
 */
class StoreFormatTests {

    interface Session {
        void run(MongoCollection<Document> c);
    }

    static void with(MongoServer server, Session s) {
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        try (MongoClient client = MongoClients.create(server.getConnectionString())) {
            s.run(client.getDatabase("t").getCollection("things"));
        } finally {
            server.shutdown();
        }
    }

    static Document thing(int i) {
        return new Document("_id", "c" + i).append("channel", "tg").append("address", "a" + i).append("n", i)
                .append("big", 1L << 40).append("ratio", i / 4.0).append("at", new Date(1_700_000_000_000L + i))
                .append("tags", List.of("x", "y" + i)).append("state", new Document("language", "sv").append("open", i % 2 == 0))
                .append("none", null).append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"));
    }

    @Test
    void aFileWrittenWithJavaSerializationOpensAndItsIndexesHold() throws Exception {
        Path file = Files.createTempDirectory("store-format").resolve("store.mv");
        with(new MongoServer(new H2Backend(file.toString())), c -> {
            c.createIndex(Indexes.ascending("channel", "address"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) c.insertOne(thing(i));
        });
        for (int round = 0; round < 2; round++) { // the rebuild once, then the new format as it is
            with(EmbeddedStore.server(file), c -> {
                assertEquals(300, c.countDocuments());
                for (int i = 0; i < 300; i += 37) {
                    assertEquals(thing(i), c.find(new Document("_id", "c" + i)).first());
                    assertEquals("c" + i, c.find(new Document("channel", "tg").append("address", "a" + i)).first().get("_id"));
                }
                assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", "c5")));
                assertThrows(MongoWriteException.class,
                        () -> c.insertOne(new Document("_id", "dup").append("channel", "tg").append("address", "a9")));
                c.updateOne(new Document("_id", "c3"), new Document("$set", new Document("at", new Date(5))));
                assertEquals(new Date(5), c.find(new Document("_id", "c3")).first().get("at"));
            });
        }
    }

    @Test
    void newDocumentsReadBackAfterARestart() throws Exception {
        Path file = Files.createTempDirectory("store-format").resolve("store.mv");
        with(EmbeddedStore.server(file), c -> {
            c.createIndex(Indexes.ascending("channel", "address"), new IndexOptions().unique(true));
            for (int i = 0; i < 2000; i++) c.insertOne(thing(i));
            c.insertOne(new Document("_id", new ObjectId()).append("channel", "web").append("address", 7).append("when", Instant.EPOCH.toString()));
        });
        with(EmbeddedStore.server(file), c -> {
            assertEquals(2001, c.countDocuments());
            for (int i = 0; i < 2000; i += 111) assertEquals(thing(i), c.find(new Document("_id", "c" + i)).first());
            assertEquals(1, c.countDocuments(new Document("channel", "web").append("address", 7)));
            assertEquals(1, c.countDocuments(new Document("channel", "web").append("address", 7L)), "numbers match across types");
            assertThrows(MongoWriteException.class,
                    () -> c.insertOne(new Document("channel", "tg").append("address", "a1999")));
            assertEquals(1, c.deleteOne(new Document("_id", "c10")).getDeletedCount());
            c.insertOne(new Document("_id", "c10").append("channel", "tg").append("address", "a10"));
        });
    }
}
