package org.lots.helpdesk.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.conversation.TranscriptEntry.Author;
import org.lots.helpdesk.engine.Input;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A conversation's transcript is found and deleted by primary key ({@code conversationId:n}), in the order written,
 * adviser entries included; a conversation stored before the numbering keeps its older entries.
 */
@HelpdeskIntegrationTest
class TranscriptStoreIntegrationTests {

    @Autowired
    ConversationService conversations;
    @Autowired
    MongoTemplate mongo;

    @Test
    void entriesAreNumberedPerConversationAndReadInOrder() {
        Address address = new Address("test", "transcript-" + UUID.randomUUID());
        String id = conversations.receive(address, new Input.Text("hej"), "sv").conversation().getId();
        conversations.record(id, Author.ADVISER, "Hej, jag heter Sara", "sv", "sara");
        conversations.receive(address, new Input.Text("jag vill hitta jobb"), "sv");

        List<TranscriptEntry> t = conversations.transcript(id);
        for (int n = 0; n < t.size(); n++) assertEquals(id + ":" + n, t.get(n).id());
        assertEquals("hej", t.get(0).text());
        assertEquals(1, t.stream().filter(e -> e.author() == Author.ADVISER).count());
        assertEquals("jag vill hitta jobb", t.stream().filter(e -> e.author() == Author.NEWCOMER).toList().get(1).text());

        conversations.forget(id);
        assertEquals(0, mongo.count(query(where("conversationId").is(id)), TranscriptEntry.class));
    }

    @Test
    void aConversationStoredBeforeTheNumberingKeepsItsOlderEntries() {
        Address address = new Address("test", "legacy-" + UUID.randomUUID());
        String id = conversations.receive(address, new Input.Text("hej"), "sv").conversation().getId();
        // As an older version stored it: no count, entries with ids of their own.
        mongo.getCollection("conversations").updateOne(new Document("_id", id), new Document("$unset", new Document("transcriptCount", "")));
        mongo.remove(query(where("conversationId").is(id)), TranscriptEntry.class);
        mongo.insert(new TranscriptEntry(null, id, Instant.EPOCH, 1, Author.NEWCOMER, "äldre", List.of(), "sv", null));

        conversations.receive(address, new Input.Text("jag vill hitta jobb"), "sv");

        List<TranscriptEntry> t = conversations.transcript(id);
        assertEquals("äldre", t.get(0).text());
        assertEquals("jag vill hitta jobb", t.get(1).text());
        assertEquals(1, t.stream().filter(e -> e.text().equals("jag vill hitta jobb")).count());
        conversations.forget(id);
        assertEquals(0, mongo.count(query(where("conversationId").is(id)), TranscriptEntry.class));
    }
}
