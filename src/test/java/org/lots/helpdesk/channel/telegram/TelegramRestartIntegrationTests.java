package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.engine.Output.Reply;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart in the middle of a burst: the app stops while Telegram refuses messages, and a new app on the same
 * data folder sends the rest, in order: nothing lost, nothing twice. An update Telegram delivers again after the
 * restart (as it does when the confirming poll never came) is not handled again.
 */
class TelegramRestartIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();

    @AfterAll
    static void stopFake() {
        API.close();
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return TestApps.start(dataDir,
                "--telegram.token=" + FakeBotApi.TOKEN,
                "--helpdesk.privacy.first-contact-notice=false", // counted messages; the notice has its own test
                "--telegram.base-url=" + API.baseUrl(),
                "--telegram.polling.timeout=1s",
                "--telegram.limits.per-chat-per-second=20",
                "--telegram.limits.per-chat-burst=5",
                "--telegram.outbox.retry-initial=200ms");
    }

    @Test
    void messagesLeftInTheOutboxAreSentAfterARestartInOrderAndOnce() throws Exception {
        long chat = 9901;
        Path dir = Files.createTempDirectory("helpdesk-restart-");
        List<String> expected = new ArrayList<>();
        int startUpdate;

        try (ConfigurableApplicationContext first = start(dir)) {
            var texts = first.getBean(ContentService.class).current().texts();
            startUpdate = API.pushText(chat, "en", "/start");
            Await.until("the welcome", () -> API.sent(chat), l -> l.size() >= 2);
            expected.add(texts.format("en", "welcome.hello"));
            expected.add(texts.format("en", "welcome.menu_q"));

            // A burst from an adviser: Telegram takes two messages, then fails until the restart.
            API.acceptNextSends(chat, 2);
            API.alwaysFailSends(chat, 500);
            Conversation c = first.getBean(ConversationRepository.class).findByChannelAndAddress("telegram", String.valueOf(chat)).orElseThrow();
            ChannelGateway gateway = first.getBeansOfType(ChannelGateway.class).values().stream()
                    .filter(g -> g.channel().equals("telegram")).findFirst().orElseThrow();
            List<Reply> burst = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                burst.add(new Reply("Burst message " + i, List.of(), "en", false));
                expected.add("Burst message " + i);
            }
            gateway.deliver(c, burst);
            // The newcomer writes meanwhile; the answer queues behind the burst.
            API.pushText(chat, "en", "/menu");
            expected.add(texts.format("en", "welcome.menu_q"));
            Await.until("Telegram refusing the third message", () -> API.attempts(chat).stream().anyMatch(a -> a.status() == 500));
            Await.until("the answer to /menu stored", () -> first.getBean(Outbox.class).waiting() >= 4);
            assertEquals(4, API.sent(chat).size(), "two of the burst went out before the stop");
        }

        API.alwaysFailSends(chat, 0); // Telegram is fine again
        API.pushAgain(startUpdate);   // and delivers /start again, as if its confirmation had been lost

        try (ConfigurableApplicationContext second = start(dir)) {
            var texts = second.getBean(ContentService.class).current().texts();
            Await.until("the rest of the burst", () -> API.sent(chat), l -> l.size() >= expected.size());
            // A later update as a sync point: when its answer arrived, the repeated /start had its chance too.
            API.pushText(chat, "en", "/help");
            expected.add(texts.format("en", "system.help"));
            expected.add(texts.format("en", "welcome.menu_q"));
            List<Call> sent = Await.until("the answer to /help", () -> API.sent(chat), l -> l.size() >= expected.size());
            assertEquals(expected, sent.stream().map(Call::text).toList());
            Await.until("every update confirmed", () -> API.unconfirmed() == 0);
            Await.until("the outbox empty", () -> second.getBean(Outbox.class).waiting() == 0);
        }
    }

    /**
     * The crash window of a turn that sends nothing (a newcomer's words for the adviser who holds the chat): the
     * turn ran and was saved, the app died before the update was marked handled. After the restart the update is
     * found pending with no answer in the outbox; its conversation knows it was handled, so it is not run again.
     */
    @Test
    void anUpdateWhoseTurnSentNoReplyIsNotRunAgainAfterARestart() throws Exception {
        long chat = 9902;
        Path dir = Files.createTempDirectory("helpdesk-restart-");
        String words = "hello is someone there";
        String conversation;

        try (ConfigurableApplicationContext first = start(dir)) {
            API.pushText(chat, "en", "/start");
            Await.until("the welcome", () -> API.sent(chat), l -> l.size() >= 2);
            API.pushText(chat, "en", "/human");
            Await.until("the handoff's question", () -> API.sent(chat), l -> l.size() >= 3);
            API.pushText(chat, "en", "my boss does not pay my salary");
            Call consent = Await.until("the consent question", () -> API.sent(chat), l -> l.size() >= 4).get(3);
            String yes = first.getBean(ContentService.class).current().texts().format("en", "privacy.consent_yes");
            API.pushCallback(chat, "en", consent.messageId(), TelegramHarness.button(consent, yes).path("callback_data").asText());
            conversation = first.getBean(ConversationRepository.class).findByChannelAndAddress("telegram", String.valueOf(chat))
                    .orElseThrow().getId();
            HandoffRepository handoffs = first.getBean(HandoffRepository.class);
            String handoff = Await.until("the handoff", () -> handoffs.findFirstByConversationIdAndStatusIn(conversation,
                    List.of(Handoff.Status.WAITING)), java.util.Optional::isPresent).orElseThrow().getId();
            int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
            assertEquals(200, new Api(port).post("/api/handoffs/" + handoff + "/claim", null).status());

            ObjectNode update = API.textUpdate(chat, "en", words);
            API.pushAgain(update.get("update_id").asInt());
            ConversationService conversations = first.getBean(ConversationService.class);
            Await.until("the words in the transcript", () -> said(conversations, conversation, words) == 1);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            Query record = Query.query(Criteria.where("updateId").is(update.get("update_id").asLong()));
            Await.until("the update marked handled", () -> "DONE".equals(mongo.findOne(record, org.bson.Document.class, UpdateLog.COLLECTION).get("state")));
            // The crash window: as if the app had died after the turn was saved, before the update was marked.
            mongo.updateFirst(record, new org.springframework.data.mongodb.core.query.Update().set("state", "PENDING")
                    .set("update", update.toString()).unset("handledAt"), UpdateLog.COLLECTION);
        }

        try (ConfigurableApplicationContext second = start(dir)) {
            ConversationService conversations = second.getBean(ConversationService.class);
            // A later message as a sync point: once it is in the transcript, the pending update had its turn.
            API.pushText(chat, "en", "are you still there");
            Await.until("the later words", () -> said(conversations, conversation, "are you still there") == 1);
            assertEquals(1, said(conversations, conversation, words), "the handled update ran again");
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            // (the later message is marked handled just after its words are saved)
            Await.until("every update marked handled", () -> mongo.count(Query.query(Criteria.where("state").is("PENDING")), UpdateLog.COLLECTION) == 0);
        }
    }

    static long said(ConversationService conversations, String conversation, String text) {
        return conversations.transcript(conversation).stream()
                .filter(e -> e.author() == TranscriptEntry.Author.NEWCOMER && text.equals(e.text())).count();
    }
}
