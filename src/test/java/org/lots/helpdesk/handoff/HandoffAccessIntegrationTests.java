package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An adviser sees waiting chats and the chats they have or had, nobody else's: reading, writing, notes, files and
 * canned replies of another adviser's chat are refused (404, as if it did not exist); admins see every chat.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class HandoffAccessIntegrationTests {

    static final String PASSWORD = "Adviser-Secret-2026!";

    @LocalServerPort int port;
    @Autowired ConversationService conversations;
    @Autowired HandoffRepository handoffs;
    @Autowired UserService users;

    Api as(String name) {
        if (users.find(name).isEmpty()) users.create(name, PASSWORD, List.of("ADVISER"), List.of("sv", "en"));
        return new Api(port, name, PASSWORD);
    }

    String escalate(String address) {
        Address a = new Address(TestChannel.NAME, address);
        var r = Newcomers.askForPerson(conversations, a, "sv", "Jag behöver hjälp med mitt cv");
        conversations.receive(a, new Input.Media("document", "file-7"), "sv");
        return handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow().getId();
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void anotherAdvisersChatIsRefusedInEveryWay() {
        Api holder = as("hanna"), other = as("ivar");
        String id = escalate("access-1");
        assertEquals(200, other.get("/api/handoffs/" + id).status(), "a waiting chat is open to every adviser");
        assertEquals(200, holder.post("/api/handoffs/" + id + "/claim", null).status());
        String file = holder.get("/api/handoffs/" + id).json().get("files").get(0).get("id").asText();

        assertEquals(404, other.get("/api/handoffs/" + id).status());
        assertEquals(404, other.post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej")).status());
        assertEquals(404, other.post("/api/handoffs/" + id + "/notes", Map.of("text", "mine now")).status());
        assertEquals(404, other.get("/api/handoffs/" + id + "/files/" + file).status());
        assertEquals(404, other.get("/api/handoffs/" + id + "/canned").status());
        assertEquals(404, other.post("/api/handoffs/" + id + "/transfer", Map.of("to", "ivar")).status());
        assertEquals(404, other.post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered")).status());
        assertFalse(ids(other.get("/api/handoffs?status=claimed").json()).contains(id), "the claimed list shows only one's own");

        assertEquals(200, holder.post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered")).status());
        assertEquals(200, holder.get("/api/handoffs/" + id).status(), "the adviser who had it reads it later");
        assertTrue(ids(holder.get("/api/handoffs?status=closed").json()).contains(id));
        assertEquals(404, other.get("/api/handoffs/" + id).status());
        assertFalse(ids(other.get("/api/handoffs?status=closed").json()).contains(id));

        Api admin = new Api(port);
        assertEquals(200, admin.get("/api/handoffs/" + id).status(), "an admin sees every chat");
        assertTrue(ids(admin.get("/api/handoffs?status=closed").json()).contains(id));
    }

    @Test
    void afterATransferTheFormerAdviserStillReadsButNoLongerWrites() {
        Api first = as("jonas"), second = as("klara");
        String id = escalate("access-2");
        assertEquals(200, first.post("/api/handoffs/" + id + "/claim", null).status());
        assertEquals(200, first.post("/api/handoffs/" + id + "/transfer", Map.of("to", "klara")).status());
        assertEquals(200, first.get("/api/handoffs/" + id).status());
        assertEquals(409, first.post("/api/handoffs/" + id + "/notes", Map.of("text", "a note into klara's chat")).status());
        assertEquals(409, first.post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej")).status());
        assertEquals(200, second.post("/api/handoffs/" + id + "/notes", Map.of("text", "taken over")).status());
    }
}
