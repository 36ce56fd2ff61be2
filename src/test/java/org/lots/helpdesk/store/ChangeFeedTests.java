package org.lots.helpdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Live updates between instances through the database: two feeds (two instances' worth) on one wire-protocol
 * server, which has no change streams, so the poll carries them. A change reaches the other instance, not the one
 * that made it, and only once.
 */
class ChangeFeedTests {

    final MongoServer server = new MongoServer(H2Backend.inMemory());
    final MongoClient client;
    final List<ChangeFeed> feeds = new CopyOnWriteArrayList<>();

    ChangeFeedTests() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
    }

    @AfterEach
    void stop() {
        feeds.forEach(ChangeFeed::stop);
        client.close();
        server.shutdownNow();
    }

    ChangeFeed feed(List<Object> heard) {
        MongoTemplate mongo = new MongoTemplate(client, "helpdesk");
        ChangeFeed f = new ChangeFeed(mongo, heard::add, new Leases(mongo), Duration.ofMillis(50));
        feeds.add(f);
        return f;
    }

    @Test
    void aChangeMadeOnOneInstanceReachesTheOtherOnceAndNotItself() throws InterruptedException {
        List<Object> first = new CopyOnWriteArrayList<>(), second = new CopyOnWriteArrayList<>();
        ChangeFeed a = feed(first);
        feed(second);
        a.publish("webchat", null, "conversation-1");
        a.publish("handoff", "handoff-7", "conversation-2");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (second.size() < 2 && System.nanoTime() < end) Thread.sleep(20);
        assertEquals(List.of(new Change("webchat", null, "conversation-1"), new Change("handoff", "handoff-7", "conversation-2")), second);
        // Later polls look back over the same changes (clocks may differ a little) without delivering them again.
        a.publish("webchat", null, "conversation-3");
        while (second.size() < 3 && System.nanoTime() < end) Thread.sleep(20);
        assertEquals(3, second.size(), second.toString());
        assertTrue(first.isEmpty(), "an instance's own changes are not news to it: " + first);
    }
}
