package org.lots.helpdesk.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.conversation.TranscriptRepository;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web chat API over HTTP (CONTRACT section 8): tokens that open exactly one conversation, limits with reasons,
 * allowed and refused origins, history, live adviser messages with replay by event id, and deletion of everything.
 * The test clock stands on a Wednesday morning, within office hours.
 */
@WebchatIntegrationTest
class WebchatApiIntegrationTests {

    static final String ALLOWED = "https://www.din-kommun.example";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ConversationRepository conversations;
    @Autowired
    TranscriptRepository transcript;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    TestClock clock;

    WebchatClient chat() {
        return new WebchatClient(port);
    }

    Api admin() {
        return new Api(port);
    }

    /** Asks for a person, says why and agrees that an adviser reads the chat: a waiting handoff. Returns its id. */
    String escalate(WebchatClient c, String why) {
        c.say("/human");
        c.say(why);
        c.press("cmd:consent_yes");
        return handoffs.findFirstByConversationIdAndStatusIn(c.id, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
    }

    /** /start, /human, why, and yes to an adviser reading the chat: the answer to the last. */
    static Api.Response askForAPerson(WebchatClient c, String why) {
        c.say("/start");
        c.say("/human");
        c.say(why);
        return c.press("cmd:consent_yes");
    }

    @Test
    void aNewConversationGetsAnIdAndATokenAndTheBotAnswersInTheChosenLanguageRightToLeft() {
        WebchatClient c = chat().start("ar");
        assertEquals(43, c.token.length(), "256 random bits, base64url");
        Api.Response r = c.say("/start");
        assertEquals(200, r.status());
        assertEquals("ar", r.json().get("language").asText());
        assertEquals("rtl", r.json().get("direction").asText());
        JsonNode replies = r.json().get("replies");
        assertTrue(replies.size() >= 2, r.body());
        JsonNode buttons = replies.get(replies.size() - 1).get("buttons");
        assertTrue(buttons.size() >= 3, "the main menu as buttons");
        assertTrue(buttons.get(0).has("label") && buttons.get(0).has("payload"));

        Api.Response pressed = c.press(buttons.get(0).get("payload").asText());
        assertEquals(200, pressed.status());
        assertFalse(pressed.json().get("replies").isEmpty());
        assertEquals("bot", pressed.json().get("status").get("state").asText());
    }

    @Test
    void aStartTopicStartsThatDialogAsStartTopicDoes() {
        WebchatClient c = chat().start("sv");
        Api.Response r = c.say("/start jobs.find");
        assertEquals(200, r.status());
        assertEquals("sv", r.json().get("language").asText());
        assertEquals("jobs.find", conversations.findById(c.id).orElseThrow().getState().dialog());
    }

    @Test
    void oneConversationsTokenNeverOpensAnother() {
        WebchatClient a = chat().start("en"), b = chat().start("en");
        b.say("my secret question about my permit");
        String bPath = "/webchat/conversations/" + b.id;
        for (Api.Response r : List.of(
                a.call("GET", bPath, null, a.token, Map.of()),
                a.call("POST", bPath + "/messages", Map.of("text", "hello"), a.token, Map.of()),
                a.call("DELETE", bPath, null, a.token, Map.of()),
                a.call("GET", bPath + "/events?token=" + a.token, null, null, Map.of()))) {
            assertEquals(404, r.status(), r.body());
            assertFalse(r.body().contains("secret"), "nothing of the other conversation");
            assertTrue(r.json().get("error").asText().length() > 5, "a short reason");
        }
        // The same answer for a conversation that does not exist: nothing tells the two apart.
        assertEquals(a.call("GET", bPath, null, a.token, Map.of()).body(),
                a.call("GET", "/webchat/conversations/0000000000000000000000000000dead", null, a.token, Map.of()).body());
        assertEquals(200, b.history().status(), "b's own token still opens b");
        assertTrue(conversations.findById(b.id).isPresent(), "a's DELETE did nothing to b");
    }

    @Test
    void aMissingTokenGets401AndAWrongOne404() {
        WebchatClient c = chat().start("en");
        String path = "/webchat/conversations/" + c.id;
        assertEquals(401, c.call("GET", path, null, null, Map.of()).status());
        assertEquals(401, c.call("POST", path + "/messages", Map.of("text", "hi"), null, Map.of()).status());
        assertEquals(401, c.call("DELETE", path, null, null, Map.of()).status());
        assertEquals(401, c.call("GET", path + "/events", null, null, Map.of()).status());
        assertEquals(401, c.call("GET", path, null, null, Map.of("Authorization", "Basic " + c.token)).status());
        assertEquals(404, c.call("GET", path, null, c.token + "x", Map.of()).status());
        assertEquals(404, c.call("GET", path, null, c.token.substring(1), Map.of()).status());
        // ?token= is for EventSource only; every other call needs the header.
        assertEquals(401, c.call("GET", path + "?token=" + c.token, null, null, Map.of()).status());
    }

    @Test
    void tokensAreStoredOnlyAsTheirHash() {
        WebchatClient c = chat().start("en");
        Document session = mongo.getCollection("webchat_sessions").find(new Document("_id", c.id)).first();
        assertEquals(WebchatSessions.hash(c.token), session.getString("tokenHash"));
        assertFalse(session.toJson().contains(c.token));
    }

    @Test
    void aMessageOverTheSizeLimitGets413WithAReasonAndNothingIsStored() {
        WebchatClient c = chat().start("en");
        c.say("/start");
        int before = transcript.findByConversationIdOrderByAtAscSequenceAsc(c.id).size();
        Api.Response r = c.say("x".repeat(4001));
        assertEquals(413, r.status());
        assertTrue(r.json().get("error").asText().contains("4000"), r.body());
        Api.Response huge = c.call("POST", "/webchat/conversations/" + c.id + "/messages",
                "{\"text\":\"" + "y".repeat(70_000) + "\"}", c.token, Map.of());
        assertEquals(413, huge.status());
        assertEquals(before, transcript.findByConversationIdOrderByAtAscSequenceAsc(c.id).size());
        assertEquals(200, c.say("x".repeat(4000)).status(), "at the limit is fine");
    }

    @Test
    void badRequestsGetAReason() {
        WebchatClient c = chat().start("en");
        String path = "/webchat/conversations/" + c.id + "/messages";
        for (Object body : List.of("not json", "[1,2]", Map.of(), Map.of("text", "   "))) {
            Api.Response r = c.call("POST", path, body, c.token, Map.of());
            assertEquals(400, r.status(), String.valueOf(body));
            assertTrue(r.json().has("error"));
        }
    }

    @Test
    void tooManyMessagesInOneConversationGet429WithAReason() {
        WebchatClient c = chat().start("en");
        for (int i = 0; i < 12; i++) assertEquals(200, c.say("/menu").status(), "message " + (i + 1));
        Api.Response r = c.say("/menu");
        assertEquals(429, r.status());
        assertTrue(r.json().get("error").asText().contains("too many"), r.body());
        assertEquals(200, chat().start("en").say("/menu").status(), "another conversation is not held back");
    }

    @Test
    void browsersMayCallFromAllowedOriginsOnly() {
        WebchatClient c = chat();
        HttpResponse<String> preflight = c.raw(HttpRequest.newBuilder(c.uri("/webchat/conversations"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertEquals(200, preflight.statusCode());
        assertEquals(ALLOWED, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        Api.Response fromPattern = c.call("POST", "/webchat/conversations", Map.of(), null, Map.of("Origin", "https://help.ngo.example"));
        assertEquals(201, fromPattern.status());

        long before = conversations.count();
        for (String origin : List.of("https://evil.example", "http://www.din-kommun.example", "https://www.din-kommun.example.evil.example", "null")) {
            HttpResponse<String> refusedPreflight = c.raw(HttpRequest.newBuilder(c.uri("/webchat/conversations"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Access-Control-Request-Method", "POST"));
            assertEquals(403, refusedPreflight.statusCode(), origin);
            assertTrue(refusedPreflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            assertEquals(403, c.call("POST", "/webchat/conversations", Map.of(), null, Map.of("Origin", origin)).status(), origin);
        }
        assertEquals(before, conversations.count(), "a refused origin started nothing");

        // Only the web chat: the adviser API gives no allowed origin anything.
        HttpResponse<String> api = c.raw(HttpRequest.newBuilder(c.uri("/api/handoffs"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED).header("Access-Control-Request-Method", "GET"));
        assertTrue(api.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void theWebChatTokenOpensNoAdviserEditorOrAdminData() {
        WebchatClient c = chat().start("en");
        for (String path : List.of("/api/handoffs", "/api/admin/users", "/api/editor/unanswered", "/api/preview/conversations")) {
            int status = c.call("GET", path, null, c.token, Map.of()).status();
            assertEquals(401, status, path);
        }
        HttpResponse<String> console = c.raw(HttpRequest.newBuilder(c.uri("/console/")).header("Authorization", "Bearer " + c.token));
        assertEquals(302, console.statusCode(), "the console still wants a login");
    }

    @Test
    void historyHasTheNewcomerTheBotAndTheAdviserButNoInternalNote() {
        WebchatClient c = chat().start("en");
        JsonNode menu = c.say("/start").json().get("replies");
        JsonNode first = menu.get(menu.size() - 1).get("buttons").get(0);
        c.press(first.get("payload").asText());
        String handoff = escalate(c, "i need help with my cv please");
        admin().post("/api/handoffs/" + handoff + "/claim", Map.of());
        admin().post("/api/handoffs/" + handoff + "/notes", Map.of("text", "internal: check later"));
        admin().post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hello, I am Sara, an adviser."));

        JsonNode h = c.history().json();
        assertEquals("en", h.get("language").asText());
        assertEquals("ltr", h.get("direction").asText());
        JsonNode messages = h.get("messages");
        List<String> from = messages.findValuesAsText("from");
        assertEquals("bot", from.get(0), "the /start the widget sends is not shown as the newcomer's words");
        assertTrue(from.contains("newcomer") && from.contains("adviser"));
        assertTrue(messages.findValuesAsText("text").contains(first.get("label").asText()), "a pressed button reads as its label");
        assertTrue(messages.findValuesAsText("text").contains("i need help with my cv please"));
        assertEquals("Hello, I am Sara, an adviser.", messages.get(messages.size() - 1).get("text").asText());
        assertFalse(h.toString().contains("internal: check later"));
        messages.forEach(m -> assertTrue(m.get("at").asText().endsWith("Z")));
        assertEquals("adviser", h.get("status").get("state").asText());
    }

    @Test
    void aWebChatHandoffReachesAdvisersWithItsChannelAndThePlaceInTheQueue() {
        WebchatClient c = chat().start("ar");
        Api.Response queued = askForAPerson(c, "ابحث عن عمل في مطعم");
        JsonNode status = queued.json().get("status");
        assertEquals("waiting", status.get("state").asText(), queued.body());
        assertTrue(status.get("position").asInt() >= 1);
        String id = handoffs.findFirstByConversationIdAndStatusIn(c.id, List.of(Handoff.Status.WAITING)).orElseThrow().getId();

        JsonNode waiting = admin().get("/api/handoffs?status=waiting&scope=all").json();
        JsonNode mine = null;
        for (JsonNode h : waiting) if (h.get("id").asText().equals(id)) mine = h;
        assertEquals("webchat", mine.get("channel").asText());
        assertEquals("ar", mine.get("language").asText());
        assertEquals("webchat", admin().get("/api/handoffs/" + id).json().get("channel").asText());
    }

    @Test
    void anAdvisersMessageArrivesLiveAndAReconnectGetsWhatItMissedOnce() throws Exception {
        WebchatClient c = chat().start("sv");
        c.say("/start");
        String handoff = escalate(c, "jag behöver hjälp med mitt cv");
        long seen = c.history().json().get("lastEventId").asLong();
        try (WebchatClient.Events live = c.events(null)) {
            live.next("hello");
            assertEquals(200, admin().post("/api/handoffs/" + handoff + "/claim", Map.of()).status());
            WebchatClient.Event joined = live.next("message");
            assertEquals("bot", joined.data().get("from").asText(), "the bot says an adviser joined");
            assertEquals(200, admin().post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hej! Jag heter Sara.")).status());
            WebchatClient.Event words = live.next("message");
            assertEquals("adviser", words.data().get("from").asText());
            assertEquals("Hej! Jag heter Sara.", words.data().get("text").asText());
            assertTrue(words.data().get("at").asText().endsWith("Z"));
            assertEquals(Long.parseLong(joined.id()) + 1, Long.parseLong(words.id()));
            assertEquals(seen + 1, Long.parseLong(joined.id()));

            // A lost connection: the browser reconnects with the last id it saw and gets only what came after.
            try (WebchatClient.Events again = c.events(joined.id())) {
                again.next("hello");
                WebchatClient.Event replay = again.next("message");
                assertEquals(words.id(), replay.id());
                assertEquals("Hej! Jag heter Sara.", replay.data().get("text").asText());
                admin().post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Vad gäller det?"));
                assertEquals("Vad gäller det?", again.next("message").data().get("text").asText());
                assertTrue(again.drained().stream().noneMatch(e -> "message".equals(e.name())), "nothing twice");
            }
            assertEquals("Vad gäller det?", live.next("message").data().get("text").asText(), "every open stream gets it");
        }
        // The history has the same messages, and says from which event id a stream carries on.
        JsonNode h = c.history().json();
        assertEquals(seen + 3, h.get("lastEventId").asLong());
    }

    @Test
    void deleteRemovesTheConversationAndEverythingAboutItAndRevokesTheToken() throws Exception {
        WebchatClient c = chat().start("en");
        c.say("/start");
        String handoff = escalate(c, "please help me with my tax registration");
        admin().post("/api/handoffs/" + handoff + "/claim", Map.of());
        admin().post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hi, adviser here."));
        try (WebchatClient.Events live = c.events("0")) {
            live.next("message");
            Api.Response deleted = c.delete();
            assertEquals(204, deleted.status());
        }
        assertEquals(404, c.history().status(), "the token opens nothing any more");
        assertEquals(404, c.say("hello?").status());
        assertEquals(404, c.delete().status());
        assertTrue(conversations.findById(c.id).isEmpty());
        assertTrue(transcript.findByConversationIdOrderByAtAscSequenceAsc(c.id).isEmpty());
        assertTrue(handoffs.findFirstByConversationIdAndStatusIn(c.id, List.of(Handoff.Status.values())).isEmpty());
        assertNull(mongo.getCollection("webchat_sessions").find(new Document("_id", c.id)).first());
        assertEquals(0, mongo.getCollection("webchat_pushes").countDocuments(new Document("conversationId", c.id)));
        assertEquals(404, admin().get("/api/handoffs/" + handoff).status());
        // Proven by the store itself: no collection holds the newcomer's words, the adviser's, or the ids (the audit
        // log keeps the ids of what advisers did, never words).
        org.lots.helpdesk.StoreScan.assertNowhereBut(mongo, java.util.Set.of("audit"), c.id, handoff,
                "please help me with my tax registration", "Hi, adviser here.");
    }

    @Test
    void aTokenThisInstanceKnowsOpensNothingOnceAnotherInstanceDeletedTheConversation() {
        WebchatClient c = chat().start("en");
        assertEquals(200, c.say("/start").status()); // this instance now keeps the token's hash in memory
        // Another instance deletes it: the store loses the session and the conversation, this instance hears nothing.
        mongo.getCollection("webchat_sessions").deleteOne(new Document("_id", c.id));
        mongo.getCollection("conversations").deleteOne(new Document("_id", c.id));
        assertEquals(404, c.say("hello?").status(), "the kept hash opens no conversation that is gone");
        assertEquals(404, c.history().status());
        assertTrue(conversations.findById(c.id).isEmpty(), "nothing was created again");
    }

    @Test
    void forgetTypedInTheWidgetAlsoRevokesTheToken() {
        WebchatClient c = chat().start("en");
        c.say("/start");
        JsonNode confirm = c.say("/forget").json().get("replies");
        JsonNode yes = confirm.get(confirm.size() - 1).get("buttons").get(0);
        Api.Response done = c.press(yes.get("payload").asText());
        assertEquals(200, done.status());
        assertTrue(done.json().get("forgotten").asBoolean());
        assertEquals(404, c.history().status());
    }

    @Test
    void whenTheHelplineIsClosedTheNewcomerLeavesAMessageThatAnAdviserFindsInTheQueueWhenItOpens() {
        clock.moveTo(Instant.parse("2026-11-25T19:00:00Z")); // Wednesday 20:00 in Stockholm: closed until Thursday 09:00
        try {
            WebchatClient c = chat().start("fa");
            Api.Response left = askForAPerson(c, "سلام، برای ثبت شرکت کمک می‌خواهم");
            JsonNode status = left.json().get("status");
            assertEquals("closed", status.get("state").asText(), left.body());
            assertEquals("2026-11-26T09:00+01:00", status.get("opens").asText());
            assertEquals("rtl", left.json().get("direction").asText());

            clock.moveTo(Instant.parse("2026-11-26T08:05:00Z")); // Thursday 09:05: open
            JsonNode queue = admin().get("/api/handoffs?status=waiting&scope=all").json();
            JsonNode found = null;
            for (JsonNode h : queue) if (h.get("preview").asText().contains("برای ثبت شرکت")) found = h;
            assertTrue(found != null, "the message waits in the queue: " + queue);
            assertEquals("webchat", found.get("channel").asText());
            assertEquals("waiting", c.history().json().get("status").get("state").asText());
        } finally {
            clock.moveTo(TestChannel.START);
        }
    }

    @Test
    void theScriptTheDemoPageAndTheLanguagesArePublic() {
        WebchatClient c = chat();
        HttpResponse<String> script = c.raw(HttpRequest.newBuilder(c.uri("/widget.js")));
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertEquals("cross-origin", script.headers().firstValue("Cross-Origin-Resource-Policy").orElse(null));
        HttpResponse<String> page = c.raw(HttpRequest.newBuilder(c.uri("/")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Din kommun") && page.body().contains("demo.js"));
        JsonNode languages = c.call("GET", "/webchat/languages", null, null, Map.of()).json().get("languages");
        assertEquals(10, languages.size());
        for (JsonNode l : languages) {
            assertNotEquals(l.get("code").asText(), l.get("name").asText(), "each language named in itself");
            for (String key : List.of("send", "cancel", "offline", "retry", "from_adviser", "waiting_position")) {
                assertFalse(l.get("ui").path(key).asText().isBlank(), l.get("code") + " " + key);
            }
        }
        assertEquals("rtl", languages.findParents("code").stream().filter(l -> l.get("code").asText().equals("fa")).findFirst().orElseThrow().get("direction").asText());
    }

    @Test
    void nonJsonDeeplyNestedAndBrokenUtf8BodiesGetA4xxAndTheConversationGoesOn() {
        WebchatClient c = chat().start("sv");
        c.say("/start");
        String path = "/webchat/conversations/" + c.id + "/messages";
        Api.Response notJson = c.call("POST", path, "{not json", c.token, Map.of());
        Api.Response nested = c.call("POST", path, "{\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}", c.token, Map.of());
        HttpRequest.Builder broken = HttpRequest.newBuilder(c.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + c.token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        int brokenUtf8 = c.raw(broken).statusCode();
        for (int status : new int[]{notJson.status(), nested.status(), brokenUtf8}) {
            assertTrue(status >= 400 && status < 500, "a 4xx, not " + status + " (" + notJson.status() + ", " + nested.status() + ", " + brokenUtf8 + ")");
        }
        Api.Response ordinary = c.say("hur hittar jag jobb");
        assertEquals(200, ordinary.status(), ordinary.body());
        assertFalse(ordinary.json().get("replies").isEmpty());
    }
}
