package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.Api;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Telegram tests share: waiting for exactly the messages a chat should have got (never "at least"), and a
 * newcomer's whole way to a person and back through the product's own adviser API, the same on polling and webhook.
 */
public final class TelegramHarness {

    private final FakeBotApi api;
    private final MongoTemplate mongo;
    private final ContentService content;

    public TelegramHarness(FakeBotApi api, MongoTemplate mongo, ContentService content) {
        this.api = api;
        this.mongo = mongo;
        this.content = content;
    }

    public String t(String language, String key) {
        return content.current().texts().format(language, key);
    }

    String t(String language, String key, Map<String, ?> args) {
        return content.current().texts().format(language, key, args);
    }

    /**
     * Waits until the chat got {@code count} messages and nothing more is on its way (its outbox is empty), then
     * checks that it got exactly that many: a leftover or an extra message fails instead of counting.
     */
    public List<Call> exactly(long chat, int count) {
        Await.until(count + " message(s) to chat " + chat, () -> api.sent(chat), l -> l.size() >= count);
        Await.until("nothing more on its way to chat " + chat, () -> mongo.count(Query.query(Criteria.where("chatId").is(chat)),
                OutboxStore.COLLECTION) == 0);
        List<Call> sent = api.sent(chat);
        assertEquals(count, sent.size(), "messages to chat " + chat + ": " + api.texts(chat));
        return sent;
    }

    /** {@link #exactly} with the texts themselves: everything the chat got so far, in order. */
    public List<Call> exactly(long chat, List<String> texts) {
        List<Call> sent = exactly(chat, texts.size());
        assertEquals(texts, sent.stream().map(Call::text).toList(), "messages to chat " + chat);
        return sent;
    }

    public static JsonNode button(Call message, String label) {
        return message.buttons().stream().filter(b -> b.path("text").asText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + message.labels()));
    }

    /**
     * A newcomer on Telegram asks for a person (/human), says what it is about and learns their real place in the
     * queue; an adviser claims the chat, writes, reads the newcomer's answer and closes it through the adviser API;
     * the newcomer rates the help with a button. Every message the newcomer gets is checked, exactly and in order.
     */
    public void escalateClaimTalkCloseAndRate(Api admin, long chat) {
        String en = "en", adviserName = "adviser" + chat, password = "Adviser-Secret-2026!";
        Api.Response created = admin.post("/api/admin/users", Map.of("username", adviserName, "password", password,
                "roles", List.of("ADVISER"), "languages", List.of(en)));
        assertEquals(201, created.status(), created.body());
        Api adviser = admin.as(adviserName, password);
        List<String> expected = new ArrayList<>();

        api.pushText(chat, en, "/start");
        expected.addAll(List.of(t(en, "welcome.hello"), t(en, "welcome.menu_q")));
        exactly(chat, expected);
        api.pushText(chat, en, "/human");
        expected.add(t(en, "handoff.ask_topic"));
        exactly(chat, expected);

        // The place in the queue is the real one: after every chat waiting now.
        int waitingBefore = waiting(admin).size();
        String topic = "my boss has not paid my salary since october, chat " + chat;
        api.pushText(chat, en, topic);
        expected.add(t(en, "privacy.consent_q"));
        Call consent = exactly(chat, expected).get(expected.size() - 1);
        api.pushCallback(chat, en, consent.messageId(), button(consent, t(en, "privacy.consent_yes")).path("callback_data").asText());
        expected.add(t(en, "handoff.position", Map.of("position", waitingBefore + 1)));
        exactly(chat, expected);
        JsonNode queue = waiting(admin);
        assertEquals(waitingBefore + 1, queue.size(), queue.toString());
        JsonNode mine = queue.get(waitingBefore);
        assertEquals(topic, mine.path("preview").asText(), "the newest chat waits last: " + queue);
        assertEquals(en, mine.path("language").asText());
        String id = mine.path("id").asText();

        Api.Response claim = adviser.post("/api/handoffs/" + id + "/claim", null);
        assertEquals(200, claim.status(), claim.body());
        expected.add(t(en, "handoff.adviser_joined"));
        exactly(chat, expected);

        String words = "Hello, I am an adviser. Do you have a written contract with your employer?";
        Api.Response sent = adviser.post("/api/handoffs/" + id + "/messages", Map.of("text", words));
        assertEquals(200, sent.status(), sent.body());
        expected.add(words);
        exactly(chat, expected);

        String answer = "yes i have a contract, he owes me two months";
        api.pushText(chat, en, answer);
        Await.until("the newcomer's answer in the adviser API", () -> has(adviser.get("/api/handoffs/" + id).json(), "NEWCOMER", answer));
        exactly(chat, expected); // the bot stays quiet while the adviser has the chat
        assertTrue(has(adviser.get("/api/handoffs/" + id).json(), "ADVISER", words));

        Api.Response closed = adviser.post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered"));
        assertEquals(200, closed.status(), closed.body());
        expected.addAll(List.of(t(en, "system.adviser_closed"), t(en, "handoff.satisfaction_q")));
        Call question = exactly(chat, expected).get(expected.size() - 1);
        assertEquals(List.of("1", "2", "3", "4", "5"), question.labels());

        api.pushCallback(chat, en, question.messageId(), button(question, "4").path("callback_data").asText());
        expected.add(t(en, "handoff.satisfaction_thanks"));
        exactly(chat, expected);
        JsonNode done = Await.until("the rating stored", () -> adviser.get("/api/handoffs/" + id).json(),
                c -> c.path("satisfaction").asInt() == 4);
        assertEquals("closed", done.path("status").asText());
        assertEquals("answered", done.path("outcome").asText());
        assertEquals(adviserName, done.path("adviser").asText());
    }

    private static JsonNode waiting(Api admin) {
        Api.Response r = admin.get("/api/handoffs?status=waiting&scope=all");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static boolean has(JsonNode conversation, String author, String text) {
        for (JsonNode m : conversation.path("messages")) {
            if (m.path("author").asText().equals(author) && m.path("text").asText().equals(text)) return true;
        }
        return false;
    }
}
