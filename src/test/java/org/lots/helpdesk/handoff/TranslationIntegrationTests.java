package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two-way translation with the shared LibreTranslate stub (it tags the text with the languages, see TestChannel): the
 * adviser reads the newcomer's words in their own language and writes back in theirs; the transcript keeps both
 * originals.
 */
@HelpdeskIntegrationTest
class TranslationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ConversationService conversations;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    TestChannel.Recorder channel;
    @Autowired
    UserService users;

    @Test
    void theAdviserReadsAndWritesInTheirOwnLanguageAndBothOriginalsAreKept() {
        users.create("lars", "Adviser-Secret-2026!", List.of("ADVISER"), List.of("sv"));
        Api lars = new Api(port, "lars", "Adviser-Secret-2026!");
        Address newcomer = new Address(TestChannel.NAME, "translated");
        String id = new Newcomers(conversations, handoffs).escalate(newcomer.address(), "ar", "أحتاج مساعدة في تصريح العمل");
        assertEquals(200, lars.post("/api/handoffs/" + id + "/claim", null).status());
        conversations.receive(newcomer, new Input.Text("مرحبا"), "ar");

        JsonNode c = lars.get("/api/handoffs/" + id + "?translateTo=sv").json();
        JsonNode hello = null;
        for (JsonNode m : c.get("messages")) if (m.get("text").asText().equals("مرحبا")) hello = m;
        assertEquals("[ar->sv] مرحبا", hello.get("translation").get("text").asText(), c.toString());

        Api.Response sent = lars.post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej! Hur kan jag hjälpa dig?", "translate", true));
        assertEquals(200, sent.status(), sent.body());
        assertTrue(channel.textsTo("translated").contains("[sv->ar] Hej! Hur kan jag hjälpa dig?"));
        JsonNode after = lars.get("/api/handoffs/" + id).json();
        JsonNode reply = null;
        for (JsonNode m : after.get("messages")) if (m.get("author").asText().equals("ADVISER")) reply = m;
        assertEquals("[sv->ar] Hej! Hur kan jag hjälpa dig?", reply.get("text").asText());
        assertEquals("Hej! Hur kan jag hjälpa dig?", reply.get("original").get("text").asText());
        assertEquals("sv", reply.get("original").get("language").asText());
        assertTrue(lars.get("/api/console/me").json().get("translator").asBoolean());
    }
}
