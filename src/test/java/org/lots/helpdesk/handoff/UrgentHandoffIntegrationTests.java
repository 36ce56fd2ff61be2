package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A newcomer in danger jumps the queue, over real HTTP against the real store: the urgent chat is first in every
 * adviser's queue, offered to advisers who do not speak its language even while one who does is online, and
 * advisers can flag and unflag chats.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class UrgentHandoffIntegrationTests {

    static final String PASSWORD = "Adviser-Secret-2026!";

    @LocalServerPort
    int port;
    @Autowired
    ConversationService conversations;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    TestChannel.Recorder channel;
    @Autowired
    TestClock clock;
    @Autowired
    UserService users;
    @Autowired
    UrgentHandoffs urgent;
    @Autowired
    org.lots.helpdesk.unanswered.UnansweredRepository unanswered;

    Api as(String adviser) {
        return new Api(port, adviser, PASSWORD);
    }

    void adviser(String name, String... languages) {
        if (users.find(name).isEmpty()) users.create(name, PASSWORD, List.of("ADVISER"), List.of(languages));
    }

    ConversationService.Result newcomer(String address, Input input) {
        return conversations.receive(new Address(TestChannel.NAME, address), input, null);
    }

    String openHandoff(ConversationService.Result r) {
        return handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(),
                List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED)).orElseThrow().getId();
    }

    /** An ordinary request for a person, in a language. */
    String ordinary(String address, String language, String topic) {
        return openHandoff(org.lots.helpdesk.Newcomers.askForPerson(conversations, new Address(TestChannel.NAME, address), language, topic));
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    static JsonNode item(JsonNode list, String id) {
        for (JsonNode n : list) if (n.get("id").asText().equals(id)) return n;
        return null;
    }

    @Test
    void anUrgentChatIsFirstInTheQueueAndOfferedToAnAdviserWhoDoesNotSpeakItsLanguage() {
        adviser("amira", "ar");
        adviser("stina", "sv");
        assertEquals(200, as("amira").get("/api/handoffs?status=waiting").status()); // an Arabic speaker is online
        assertEquals(200, as("stina").get("/api/handoffs?status=waiting").status());
        String older = ordinary("urgent-older", "ar", "بدي مساعدة بتصريح الشغل");
        clock.advance(Duration.ofSeconds(30));

        newcomer("urgent-danger", new Input.Command("start", "ar"));
        ConversationService.Result r = newcomer("urgent-danger", new Input.Text("جوزي ضربني هلق وهددني بالسكينة"));
        assertTrue(r.turn().outputs().stream().anyMatch(o -> o instanceof Output.HandoffRequested h && h.urgent()), r.turn().toString());
        String reply = String.join("\n", r.turn().replies().stream().map(Output.Reply::text).toList());
        assertTrue(reply.contains("112") && reply.contains("020-50 50 50"), reply);
        String id = openHandoff(r);

        // Stina speaks only Swedish and an Arabic speaker is online: an ordinary Arabic chat is not offered to her
        // yet, the urgent one is, first of all.
        JsonNode queue = as("stina").get("/api/handoffs?status=waiting").json();
        assertEquals(id, ids(queue).get(0), queue.toString());
        assertTrue(item(queue, id).get("urgent").asBoolean());
        assertTrue(item(queue, id).get("offeredToAll").asBoolean());
        assertFalse(ids(queue).contains(older), queue.toString());

        JsonNode all = as("amira").get("/api/handoffs?status=waiting").json();
        assertEquals(id, ids(all).get(0), all.toString());
        assertTrue(ids(all).indexOf(older) > 0, all.toString());
        assertFalse(item(all, older).get("urgent").asBoolean());
        assertTrue(item(all, id).has("language") && item(all, id).has("topic") && item(all, id).has("since")
                && item(all, id).has("preview"), all.toString());
        assertEquals("safety.violence", item(all, id).get("topic").asText());

        // Stina takes it although she does not speak Arabic.
        assertEquals(200, as("stina").post("/api/handoffs/" + id + "/claim", null).status());
        Handoff stored = handoffs.findById(id).orElseThrow();
        assertTrue(stored.isUrgent());
        assertNotNull(stored.getUrgentAt());
    }

    @Test
    void dangerWhileWaitingOrWithAnAdviserMakesTheOpenHandoffUrgent() {
        adviser("ulla", "sv");
        String waiting = ordinary("urgent-waiting", "sv", "behöver hjälp med cv");
        assertFalse(handoffs.findById(waiting).orElseThrow().isUrgent());
        ConversationService.Result r = newcomer("urgent-waiting", new Input.Text("han slog mig igen ikväll, vågar inte gå hem"));
        assertEquals(waiting, openHandoff(r), "no second handoff");
        assertTrue(handoffs.findById(waiting).orElseThrow().isUrgent());

        String held = ordinary("urgent-held", "sv", "fråga om komvux");
        assertEquals(200, as("ulla").post("/api/handoffs/" + held + "/claim", null).status());
        ConversationService.Result h = newcomer("urgent-held", new Input.Text("jag orkar inte mer vill bara dö"));
        assertTrue(h.turn().outputs().stream().anyMatch(o -> o instanceof Output.ForAdviser f && f.text().contains("dö")), "the adviser gets the words");
        assertTrue(h.turn().replies().get(0).text().contains("90101"), h.turn().toString());
        assertTrue(handoffs.findById(held).orElseThrow().isUrgent());
    }

    @Test
    void aPreviewShowsTheSafetyAnswerButNeverReachesTheQueueAndRealHitsAreRecordedForEditors() {
        Api admin = new Api(port);
        String preview = admin.post("/api/preview/conversations", Map.of("language", "uk")).json().get("id").asText();
        JsonNode r = admin.post("/api/preview/conversations/" + preview + "/messages", Map.of("text", "мені дуже погано, хочу піти з життя, думаю про суїцид")).json();
        assertEquals("safety.suicide", r.get("trace").get("dialog").asText(), r.toString());
        assertEquals("uk", r.get("trace").get("language").asText());
        assertTrue(r.get("trace").get("escalated").asBoolean());
        assertTrue(r.get("replies").get(0).get("text").asText().contains("90101"), r.toString());
        assertTrue(r.get("replies").get(0).get("buttons").get(0).get("url").asText().startsWith("https://mind.se"), r.toString());
        assertTrue(handoffs.findAll().stream().noneMatch(h -> h.getConversationId().equals(preview)));

        ConversationService.Result real = newcomer("urgent-recorded", new Input.Text("my dad hits me with a belt and im 12"));
        String conversation = real.conversation().getId();
        assertTrue(unanswered.findAll().stream().anyMatch(u -> u.conversationId().equals(conversation)
                && u.reason().equals("safety") && "safety.child".equals(u.dialog())), "recorded for editors");
    }

    @Test
    void advisersFlagAndUnflagAChatAsUrgent() {
        adviser("ylva", "sv");
        String first = ordinary("flag-first", "sv", "hjälp med arbetstillstånd");
        clock.advance(Duration.ofSeconds(10));
        String second = ordinary("flag-second", "sv", "hjälp med att starta företag");
        long before = urgent.count(TestChannel.START.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));

        Api.Response flagged = as("ylva").post("/api/handoffs/" + second + "/urgent", Map.of("urgent", true));
        assertEquals(200, flagged.status(), flagged.body());
        assertTrue(flagged.json().get("urgent").asBoolean());
        List<String> order = ids(as("ylva").get("/api/handoffs?status=waiting").json());
        assertTrue(order.indexOf(second) < order.indexOf(first), order.toString());
        assertEquals(before + 1, urgent.count(TestChannel.START.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1))));

        Api.Response unflagged = as("ylva").post("/api/handoffs/" + second + "/urgent", Map.of("urgent", false));
        assertEquals(200, unflagged.status(), unflagged.body());
        assertFalse(unflagged.json().get("urgent").asBoolean());
        order = ids(as("ylva").get("/api/handoffs?status=waiting").json());
        assertTrue(order.indexOf(first) < order.indexOf(second), order.toString());
        // Reports still count it: it was urgent once.
        assertNotNull(handoffs.findById(second).orElseThrow().getUrgentAt());

        assertEquals(400, as("ylva").post("/api/handoffs/" + second + "/urgent", Map.of()).status());
        assertEquals(404, as("ylva").post("/api/handoffs/000000000000000000000000/urgent", Map.of("urgent", true)).status());
        assertEquals(200, as("ylva").post("/api/handoffs/" + second + "/close", Map.of("outcome", "answered")).status());
        assertEquals(409, as("ylva").post("/api/handoffs/" + second + "/urgent", Map.of("urgent", true)).status());
        assertEquals(401, new Api(port, "nobody", "wrong-password-123").post("/api/handoffs/" + first + "/urgent", Map.of("urgent", true)).status());
    }
}
