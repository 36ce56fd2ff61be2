package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.StoreScan;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.privacy.RetentionPurge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deletion over the real Telegram path (telegrambots client against {@link FakeBotApi}, the real embedded store):
 * after /forget, and after a retention purge with durations of seconds, no document in any collection holds the
 * newcomer's chat id or anything they wrote or sent. A newcomer's whole life here: a question the bot cannot
 * answer (an unanswered entry), a handoff with its topic note, an adviser's reply and note, a photo.
 */
@HelpdeskIntegrationTest
@DirtiesContext
class TelegramPrivacyIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry r) {
        r.add("telegram.token", () -> FakeBotApi.TOKEN);
        r.add("telegram.base-url", API::baseUrl);
        r.add("telegram.polling.timeout", () -> "1s");
        r.add("telegram.limits.per-chat-per-second", () -> "20");
        r.add("telegram.limits.per-chat-burst", () -> "5");
        r.add("helpdesk.retention.inactive-conversations", () -> "PT30S");
        r.add("helpdesk.retention.closed-handoffs", () -> "PT60S");
        r.add("helpdesk.retention.unanswered", () -> "PT20S");
    }

    @AfterAll
    static void stopFake(@Autowired TelegramChannel channel) {
        channel.stop();
        API.close();
    }

    @LocalServerPort int port;
    @Autowired ContentService content;
    @Autowired ConversationRepository conversations;
    @Autowired HandoffRepository handoffs;
    @Autowired MongoTemplate mongo;
    @Autowired RetentionPurge purge;
    @Autowired java.time.Clock clock; // the application's (the shared test clock), which stamps what is stored

    String t(String language, String key) {
        return content.current().texts().format(language, key);
    }

    Call awaitText(long chat, String text) {
        return Await.until("'" + text + "' sent to chat " + chat,
                () -> API.sent(chat).stream().filter(c -> text.equals(c.text())).reduce((a, b) -> b).orElse(null), c -> c != null);
    }

    void press(long chat, Call message, String label) {
        String data = TelegramPollingIntegrationTests.button(message, label).path("callback_data").asText();
        API.pushCallback(chat, "sv", message.messageId(), data);
    }

    Conversation conversation(long chat) {
        return Await.until("conversation of chat " + chat,
                () -> conversations.findByChannelAndAddress("telegram", String.valueOf(chat)).orElse(null), c -> c != null);
    }

    /** The newcomer's whole stay: words the bot does not know, a person asked for, an adviser's reply and note, a photo. */
    Handoff aWholeConversation(long chat, String words, String topic, String photo) {
        API.pushText(chat, "sv", "/start");
        awaitText(chat, t("sv", "welcome.menu_q"));
        API.pushText(chat, "sv", words);
        Await.until("the unknown words recorded", () -> mongo.count(Query.query(Criteria.where("text").is(words)), "unanswered") == 1);
        API.pushText(chat, "sv", "/human");
        awaitText(chat, t("sv", "handoff.ask_topic"));
        API.pushText(chat, "sv", topic);
        press(chat, awaitText(chat, t("sv", "privacy.consent_q")), t("sv", "privacy.consent_yes"));
        Conversation c = conversation(chat);
        Handoff h = Await.until("the handoff", () -> handoffs.findFirstByConversationIdAndStatusIn(c.getId(),
                List.of(Handoff.Status.WAITING)).orElse(null), x -> x != null);
        Api admin = new Api(port);
        assertEquals(200, admin.post("/api/handoffs/" + h.getId() + "/claim", null).status());
        assertEquals(200, admin.post("/api/handoffs/" + h.getId() + "/messages", Map.of("text", "Hej! Jag heter Anna.")).status());
        assertEquals(200, admin.post("/api/handoffs/" + h.getId() + "/notes", Map.of("text", "Anteckning: " + topic)).status());
        ObjectNode message = new ObjectMapper().createObjectNode();
        message.putArray("photo").addObject().put("file_id", photo).put("file_unique_id", photo + "u").put("width", 1).put("height", 1);
        API.pushMessage(chat, "sv", message);
        Await.until("the photo reached the adviser", () -> mongo.count(Query.query(Criteria.where("reference").is(photo)), "newcomer_files") == 1);
        return h;
    }

    void awaitOutboxEmpty(long chat) {
        Await.until("the outbox of chat " + chat + " empty",
                () -> mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION) == 0);
    }

    @Test
    void afterForgetNoCollectionHoldsTheChatIdOrTheNewcomersWords() {
        long chat = 987_650_001L;
        Handoff h = aWholeConversation(chat, "blorptastiska zebrafinkar", "mitt ärende om kvastfeningar", "PhotoZebraFink1");
        assertFalse(StoreScan.find(mongo, "987650001", "zebrafinkar", "kvastfeningar", "PhotoZebraFink1").isEmpty(),
                "before: the store holds the newcomer's data");

        API.pushText(chat, "sv", "/forget");
        Call confirm = awaitText(chat, t("sv", "system.forget_confirm"));
        press(chat, confirm, t("sv", "system.forget_yes"));
        awaitText(chat, t("sv", "system.forgotten"));
        awaitOutboxEmpty(chat);
        Await.until("the last update handled", () -> mongo.count(Query.query(Criteria.where("state").is("PENDING")), UpdateLog.COLLECTION) == 0);

        StoreScan.assertNowhere(mongo, "987650001", "zebrafinkar", "kvastfeningar", "PhotoZebraFink1");
        StoreScan.assertNowhereBut(mongo, java.util.Set.of("audit"), h.getId(), h.getConversationId()); // the audit log keeps ids only
        assertTrue(StoreScan.documents(mongo) > 0, "the scan read the store");
    }

    @Test
    void afterTheRetentionPeriodsThePurgeLeavesNothingOfTheNewcomer() {
        long chat = 987_650_002L;
        Handoff h = aWholeConversation(chat, "glimmerpuffiga ordlekar", "frågan om vattenbjörnar", "PhotoBjorn2");
        Api admin = new Api(port);
        assertEquals(200, admin.post("/api/handoffs/" + h.getId() + "/close", Map.of("outcome", "answered")).status());
        awaitOutboxEmpty(chat);

        Instant start = clock.instant();
        purge.purge(start.plusSeconds(25)); // past unanswered (20 s), not yet past the others
        assertEquals(0, mongo.count(Query.query(Criteria.where("text").regex("glimmerpuffiga")), "unanswered"), "the unanswered entry is gone");
        assertFalse(StoreScan.find(mongo, "987650002", "vattenbjörnar").isEmpty(), "the conversation is kept");

        purge.purge(start.plusSeconds(35)); // the conversation is quiet for 35 s, but its handoff closed 35 s ago is kept
        assertTrue(handoffs.findById(h.getId()).isPresent(), "a closed handoff within its retention keeps its conversation");

        RetentionPurge.Purged p = purge.purge(start.plusSeconds(65)); // past closed-handoffs and inactive-conversations
        assertEquals(1, p.handoffs());
        assertEquals(1, p.conversations());
        StoreScan.assertNowhere(mongo, "987650002", "glimmerpuffiga", "vattenbjörnar", "PhotoBjorn2");
        StoreScan.assertNowhereBut(mongo, java.util.Set.of("audit"), h.getId(), h.getConversationId());
    }
}
