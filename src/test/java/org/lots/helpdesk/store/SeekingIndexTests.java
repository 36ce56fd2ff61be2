package org.lots.helpdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store's unique indexes serve queries that name more fields than the index (a versioned save's
 * {@code {_id, version}}): the answers are those of a full scan, over the wire through the real driver, and the
 * indexes still hold after the file is opened again.
 */
class SeekingIndexTests {

    Path dir;
    MongoServer server;
    MongoClient client;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("seeking-index");
        connect();
    }

    void connect() {
        server = EmbeddedStore.server(dir.resolve("store.mv"));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create(server.getConnectionString());
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdown();
    }

    MongoCollection<Document> things() {
        return client.getDatabase("t").getCollection("things");
    }

    @Test
    void queriesWithMoreFieldsThanTheIndexFindWhatAScanFinds() {
        MongoCollection<Document> c = things();
        c.createIndex(Indexes.ascending("channel", "address"), new IndexOptions().unique(true));
        for (int i = 0; i < 50; i++) {
            c.insertOne(new Document("_id", "c" + i).append("channel", "tg").append("address", "a" + i).append("version", i % 3));
        }
        assertEquals(1, c.countDocuments(new Document("_id", "c7").append("version", 1)));
        assertEquals(0, c.countDocuments(new Document("_id", "c7").append("version", 2)), "the other fields still count");
        assertEquals(1, c.updateOne(new Document("_id", "c8").append("version", 2), new Document("$set", new Document("version", 3))).getModifiedCount());
        assertEquals(0, c.updateOne(new Document("_id", "c8").append("version", 2), new Document("$set", new Document("version", 4))).getModifiedCount());
        assertEquals(1, c.countDocuments(new Document("_id", new Document("$in", List.of("c1", "c2", "c4"))).append("version", new Document("$in", List.of(2, 0)))));
        assertEquals(1, c.countDocuments(new Document("channel", "tg").append("address", "a5").append("version", 2)));
        assertEquals(0, c.countDocuments(new Document("channel", "tg").append("address", "a5").append("version", 0)));
        assertEquals(17, c.countDocuments(new Document("_id", new Document("$gt", "c")).append("version", 0)), "a range on _id: a scan, right");

        close();
        connect(); // the same index maps after a restart
        assertEquals(1, things().countDocuments(new Document("_id", "c8").append("version", 3)));
        assertEquals(1, things().countDocuments(new Document("channel", "tg").append("address", "a9").append("version", 0)));
    }
}
