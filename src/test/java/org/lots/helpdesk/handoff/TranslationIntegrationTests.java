package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Two-way translation with a LibreTranslate stub: the adviser reads the newcomer's words in their own language and
 * writes back in theirs; the transcript keeps both originals.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class TranslationIntegrationTests {

    static HttpServer libreTranslate;

    /** The stub "translates" by tagging the text with the target language. */
    @DynamicPropertySource
    static void translator(DynamicPropertyRegistry registry) throws IOException {
        libreTranslate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        libreTranslate.createContext("/translate", exchange -> {
            JsonNode q = new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes());
            String out = new ObjectMapper().writeValueAsString(Map.of("translatedText",
                    "[" + q.get("source").asText() + "->" + q.get("target").asText() + "] " + q.get("q").asText()));
            byte[] b = out.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, b.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(b);
            }
        });
        libreTranslate.start();
        registry.add("helpdesk.translator.url", () -> "http://127.0.0.1:" + libreTranslate.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        libreTranslate.stop(0);
    }

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
        conversations.receive(newcomer, new Input.Command("start", "ar"), "ar");
        conversations.receive(newcomer, new Input.Command("human", null), "ar");
        conversations.receive(newcomer, new Input.Text("أحتاج مساعدة في تصريح العمل"), "ar");
        ConversationService.Result r = conversations.receive(newcomer, new Input.Payload("cmd:consent_yes"), "ar");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow().getId();
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
