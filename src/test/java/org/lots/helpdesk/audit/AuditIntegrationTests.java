package org.lots.helpdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.privacy.NewcomerData;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every adviser and admin action on chats and accounts, and every deletion, is in the audit log with who, what, when
 * and the target id, and the log never holds the words anyone wrote. Admins read it over the API.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class AuditIntegrationTests {

    static final String PASSWORD = "Audit-Secret-2026!x";

    @LocalServerPort int port;
    @Autowired ConversationService conversations;
    @Autowired HandoffRepository handoffs;
    @Autowired UserService users;
    @Autowired NewcomerData newcomers;
    @Autowired MongoTemplate mongo;

    List<String> actions(JsonNode entries, String target) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> {
            if (target.equals(e.path("target").asText())) out.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("status").asText(""));
        });
        return out;
    }

    @Test
    void adviserAndAdminActionsAreRecordedWithoutAnyMessageText() {
        if (users.find("petra").isEmpty()) users.create("petra", PASSWORD, List.of("ADVISER"), List.of("en"));
        Api petra = new Api(port, "petra", PASSWORD), admin = new Api(port);
        Address a = new Address(TestChannel.NAME, "audited");
        var r = Newcomers.askForPerson(conversations, a, "en", "my secret question about quokkas");
        conversations.receive(a, new Input.Media("document", "file-9"), "en");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow().getId();

        assertEquals(200, petra.post("/api/handoffs/" + id + "/claim", null).status());
        JsonNode chat = petra.get("/api/handoffs/" + id).json();
        String file = chat.get("files").get(0).get("id").asText();
        assertEquals(200, petra.get("/api/handoffs/" + id + "/files/" + file).status());
        assertEquals(200, petra.post("/api/handoffs/" + id + "/messages", Map.of("text", "Hello about the quokkas")).status());
        assertEquals(200, petra.post("/api/handoffs/" + id + "/notes", Map.of("text", "note: quokkas again")).status());
        assertEquals(200, petra.post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered")).status());
        assertEquals(201, admin.post("/api/admin/users", Map.of("username", "quentin", "password", PASSWORD, "roles", List.of("ADVISER"),
                "languages", List.of("sv"))).status());
        assertEquals(200, admin.post("/api/admin/users/quentin/disable", null).status());
        assertTrue(newcomers.forget(r.conversation().getId()));

        Api.Response log = admin.get("/api/admin/audit?limit=500");
        assertEquals(200, log.status(), log.body());
        List<String> onChat = actions(log.json(), id);
        for (String expected : List.of("petra chat.claim 200", "petra chat.view 200", "petra chat.file_download 200", "petra chat.message 200",
                "petra chat.note 200", "petra chat.close 200")) {
            assertTrue(onChat.contains(expected), expected + " in " + onChat);
        }
        List<String> onUser = actions(log.json(), "quentin");
        assertTrue(onUser.contains("admin user.create 201") && onUser.contains("admin user.disable 200"), onUser.toString());
        assertTrue(actions(log.json(), r.conversation().getId()).contains("system conversation.delete "),
                actions(log.json(), r.conversation().getId()).toString());
        JsonNode first = log.json().get(0);
        assertTrue(first.has("at") && first.has("actor") && first.has("action"), first.toString());

        for (Document d : mongo.getCollection("audit").find()) assertFalse(d.toJson().contains("quokka"), d.toJson());
        assertEquals(1, admin.get("/api/admin/audit?actor=petra&action=chat.close&limit=10").json().size());
        assertEquals(400, admin.get("/api/admin/audit?before=yesterday").status());
    }

    @Test
    void aRefusedLookAtSomeoneElsesChatIsRecordedToo() {
        if (users.find("rut").isEmpty()) users.create("rut", PASSWORD, List.of("ADVISER"), List.of("en"));
        Api rut = new Api(port, "rut", PASSWORD);
        assertEquals(404, rut.get("/api/handoffs/000000000000000000000000").status());
        JsonNode log = new Api(port).get("/api/admin/audit?actor=rut").json();
        assertEquals("chat.view", log.get(0).get("action").asText());
        assertEquals(404, log.get(0).get("status").asInt());
    }
}
