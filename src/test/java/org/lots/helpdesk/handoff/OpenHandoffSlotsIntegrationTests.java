package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One open handoff per conversation is the store's rule (the {@code open_handoffs} primary key), not a matter of
 * timing: requests for one conversation recorded at the same moment from many threads (as two app instances would)
 * leave exactly one open handoff, over the wire against the embedded store.
 */
@HelpdeskIntegrationTest
class OpenHandoffSlotsIntegrationTests {

    @Autowired
    HandoffRecorder recorder;
    @Autowired
    OpenHandoffSlots slots;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    MongoTemplate mongo;

    @Test
    void requestsRecordedAtOnceLeaveOneOpenHandoff() throws Exception {
        String conversation = "slots-" + UUID.randomUUID();
        ConversationEvent request = new ConversationEvent(conversation, "test", false,
                new Output.HandoffRequested("jobs.find", null, "sv", false), Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) done.add(pool.submit(() -> {
            start.await();
            recorder.on(request);
            return null;
        }));
        start.countDown();
        for (Future<?> f : done) f.get();
        pool.shutdown();

        List<Handoff> open = mongo.find(query(where("conversationId").is(conversation)
                .and("status").in(OpenHandoffSlots.OPEN)), Handoff.class);
        assertEquals(1, open.size());
        assertEquals(open.get(0).getId(), slots.of(conversation).orElseThrow().getId());
        assertEquals(1, handoffs.findByStatusIn(OpenHandoffSlots.OPEN).stream()
                .filter(h -> h.getConversationId().equals(conversation)).count());
    }

    @Test
    void theStoreRefusesASecondSlotForAConversation() {
        String conversation = "slots-" + UUID.randomUUID();
        mongo.insert(new OpenHandoffSlots.Slot(conversation, "a"));
        assertThrows(DuplicateKeyException.class, () -> mongo.insert(new OpenHandoffSlots.Slot(conversation, "b")));
    }

    @Test
    void aSlotLeftByAClosedHandoffIsTakenOver() {
        String conversation = "slots-" + UUID.randomUUID();
        Handoff closed = handoffs.insert(new Handoff(conversation, "test", "ar", "jobs.find", null, Instant.now()));
        mongo.insert(new OpenHandoffSlots.Slot(conversation, closed.getId()));
        mongo.updateFirst(query(where("_id").is(closed.getId())),
                new org.springframework.data.mongodb.core.query.Update().set("status", Handoff.Status.CLOSED), Handoff.class);

        recorder.on(new ConversationEvent(conversation, "test", false, new Output.HandoffRequested("jobs.cv", null, "ar", false), Instant.now()));

        Handoff open = slots.of(conversation).orElseThrow();
        assertTrue(open.getStatus() == Handoff.Status.WAITING && !open.getId().equals(closed.getId()));
    }
}
