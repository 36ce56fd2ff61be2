package org.lots.helpdesk.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.lots.helpdesk.conversation.ConversationForgotten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

import jakarta.annotation.PreDestroy;

/**
 * Live updates between instances through the database, never instance memory: a change that advisers or a web
 * chat should see at once is written to the small {@code changes} collection, and every instance turns the changes
 * of the others into {@link Change} events for its own open streams. On a replica set a change stream delivers
 * them as they happen; elsewhere (the embedded server has no change streams) a poll reads them by {@code _id},
 * looking a few seconds back so that an instance whose clock lags a little is not missed (ids seen are skipped).
 */
@Component
public class ChangeFeed {

    static final String COLLECTION = "changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** How far back each poll looks: covers clock differences between instances and a slow insert. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    /** Changes are only for instances running now: an hour is far more than any of them needs. */
    private static final Duration KEEP = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final String origin;
    private final Clock wall = Clock.systemUTC();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "change-feed");
        t.setDaemon(true);
        return t;
    });
    private final Set<ObjectId> seen = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Boolean> eldest) {
            return size() > 20_000;
        }
    });
    /** Conversations deleted lately: a change about one that comes after its deletion is not written down. */
    private final Set<String> forgotten = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1000;
        }
    }));
    private volatile MongoCursor<ChangeStreamDocument<Document>> stream;
    private long lastPoll;

    public ChangeFeed(MongoTemplate mongo, ApplicationEventPublisher events, Leases leases,
                      @Value("${helpdesk.live.poll-every:300ms}") Duration pollEvery) {
        this.mongo = mongo;
        this.events = events;
        this.origin = leases.owner();
        this.lastPoll = wall.millis();
        if (replicaSet()) {
            Thread watcher = new Thread(this::watch, "change-stream");
            watcher.setDaemon(true);
            watcher.start();
        } else {
            poller.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        poller.scheduleWithFixedDelay(this::purge, 10, 10, TimeUnit.MINUTES);
    }

    /** Tells the other instances; never throws (a live update is a courtesy, the data itself is stored). */
    public void publish(String topic, String id, String conversationId) {
        if (conversationId != null && forgotten.contains(conversationId)) return; // other instances' polls catch a removal
        try {
            Document d = new Document("_id", new ObjectId()).append("topic", topic).append("origin", origin);
            if (id != null) d.append("ref", id);
            if (conversationId != null) d.append("conversationId", conversationId);
            mongo.getCollection(COLLECTION).insertOne(d);
        } catch (RuntimeException e) {
            log.debug("Change not published ({})", e.getClass().getSimpleName());
        }
    }

    /** A replica set member answers with its set's name; the embedded server and a standalone MongoDB do not. */
    private boolean replicaSet() {
        try {
            return mongo.executeCommand(new Document("isMaster", 1)).get("setName") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void watch() {
        while (!poller.isShutdown()) {
            try (MongoCursor<ChangeStreamDocument<Document>> c = mongo.getCollection(COLLECTION).watch().iterator()) {
                stream = c;
                log.info("Live updates between instances: MongoDB change stream");
                while (c.hasNext()) {
                    Document d = c.next().getFullDocument();
                    if (d != null) deliver(d);
                }
            } catch (RuntimeException e) {
                if (poller.isShutdown()) return;
                log.warn("Change stream ended ({}); polling until it is back", e.getClass().getSimpleName());
                for (int i = 0; i < 10 && !poller.isShutdown(); i++) {
                    poll();
                    sleep(500);
                }
            }
        }
    }

    private synchronized void poll() {
        try {
            long now = wall.millis();
            ObjectId from = new ObjectId(new Date(lastPoll - OVERLAP.toMillis()));
            for (Document d : mongo.find(Query.query(Criteria.where("_id").gt(from)).with(Sort.by("_id")), Document.class, COLLECTION)) {
                deliver(d);
            }
            lastPoll = now;
        } catch (RuntimeException e) {
            log.debug("Change poll failed ({})", e.getClass().getSimpleName());
        }
    }

    private synchronized void deliver(Document d) {
        if (origin.equals(d.getString("origin")) || !seen.add(d.getObjectId("_id"))) return;
        try {
            events.publishEvent(new Change(d.getString("topic"), d.getString("ref"), d.getString("conversationId")));
        } catch (RuntimeException e) {
            log.warn("A live update listener failed ({})", e.getClass().getSimpleName());
        }
    }

    /** A deleted conversation leaves no id behind, here neither (the changes would go within the hour anyway). */
    @EventListener
    void on(ConversationForgotten gone) {
        forgotten.add(gone.conversationId());
        mongo.remove(Query.query(Criteria.where("conversationId").is(gone.conversationId())), COLLECTION);
    }

    private void purge() {
        try {
            mongo.remove(Query.query(Criteria.where("_id").lt(new ObjectId(new Date(wall.millis() - KEEP.toMillis())))), COLLECTION);
        } catch (RuntimeException e) {
            log.debug("Change purge failed ({})", e.getClass().getSimpleName());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        MongoCursor<ChangeStreamDocument<Document>> c = stream;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
