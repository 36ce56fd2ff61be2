package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Scripts;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.AttachmentSource;
import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Telegram channel end to end in long-polling mode: the real telegrambots client and long-polling application
 * against {@link FakeBotApi}, the whole help desk on the real embedded store, within office hours (TestChannel's
 * clock). Every test uses
 * its own chat and checks exactly the messages it got.
 */
@HelpdeskIntegrationTest
@Import(TelegramPollingIntegrationTests.Events.class)
@DirtiesContext
class TelegramPollingIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry r) {
        r.add("telegram.token", () -> FakeBotApi.TOKEN);
        // Counted messages below; the first-contact notice has its own test (TelegramPrivacyIntegrationTests).
        r.add("helpdesk.privacy.first-contact-notice", () -> "false");
        r.add("telegram.base-url", API::baseUrl);
        r.add("telegram.polling.timeout", () -> "1s");
        // Faster than Telegram's per-chat pace keeps the suite short; RateLimiterTests covers the pacing itself.
        r.add("telegram.limits.per-chat-per-second", () -> "20");
        r.add("telegram.limits.per-chat-burst", () -> "5");
        r.add("telegram.outbox.retry-initial", () -> "200ms");
    }

    /** The channel first (so that it does not call a fake that is gone), then the fake. */
    @AfterAll
    static void stopFake(@Autowired TelegramChannel channel) {
        channel.stop();
        API.close();
    }

    /** Collects what the engine hands to advisers, to check that files reach them with their reference. */
    @TestConfiguration
    static class Events {
        final List<ConversationEvent> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ConversationEvent e) {
            seen.add(e);
        }
    }

    @Autowired ContentService content;
    @Autowired ConversationRepository conversations;
    @Autowired MongoTemplate mongo;
    @Autowired List<ChannelGateway> gateways;
    @Autowired List<AttachmentSource> attachments;
    @Autowired Events events;
    @LocalServerPort int port;

    TelegramHarness kit() {
        return new TelegramHarness(API, mongo, content);
    }

    String t(String language, String key) {
        return content.current().texts().format(language, key);
    }

    /** Exactly {@code count} messages so far, nothing more on its way. */
    List<Call> awaitSent(long chat, int count) {
        return kit().exactly(chat, count);
    }

    ChannelGateway telegram() {
        return gateways.stream().filter(g -> g.channel().equals("telegram")).findFirst().orElseThrow();
    }

    Conversation conversation(long chat) {
        return Await.until("conversation of chat " + chat,
                () -> conversations.findByChannelAndAddress("telegram", String.valueOf(chat)).orElse(null), c -> c != null);
    }

    static JsonNode button(Call message, String label) {
        return TelegramHarness.button(message, label);
    }

    static boolean mostlyArabic(String text) {
        return Scripts.mostlyIn(text, "Arabic");
    }

    // ---------------------------------------------------------------- a conversation

    @Test
    void aNewcomerHasAWholeConversationInArabicWithButtons() {
        long chat = 1001;
        API.pushText(chat, "ar", "/start");
        List<Call> sent = awaitSent(chat, 2);
        assertEquals(t("ar", "welcome.hello"), sent.get(0).text());
        Call menu = sent.get(1);
        assertEquals(t("ar", "welcome.menu_q"), menu.text());
        assertTrue(menu.labels().contains(t("ar", "welcome.menu.work")), menu.labels().toString());
        assertTrue(menu.params().path("parse_mode").isMissingNode(), "sent without a parse mode");

        // Press "work": the spinner is answered, the menu shows the choice and can no longer be pressed.
        JsonNode work = button(menu, t("ar", "welcome.menu.work"));
        String pressed = API.pushCallback(chat, "ar", menu.messageId(), work.path("callback_data").asText());
        Await.until("the button press answered", () -> !API.find("answerCallbackQuery",
                c -> c.params().path("callback_query_id").asText().equals(pressed)).isEmpty());
        Call edit = Await.until("the pressed menu edited", () -> API.edits(chat), l -> !l.isEmpty()).get(0);
        assertEquals(menu.messageId(), edit.params().path("message_id").asInt());
        assertEquals(List.of("✓ " + t("ar", "welcome.menu.work")), edit.labels());
        assertEquals(CallbackTokens.DONE, edit.buttons().get(0).path("callback_data").asText());

        Call submenu = awaitSent(chat, 3).get(2);
        assertEquals(t("ar", "welcome.work_q"), submenu.text());
        JsonNode findJob = button(submenu, t("ar", "jobs.find.title"));
        API.pushCallback(chat, "ar", submenu.messageId(), findJob.path("callback_data").asText());

        // The topic: a text with a link button, then a yes/no question.
        sent = awaitSent(chat, 5);
        assertEquals(t("ar", "jobs.find.intro"), sent.get(3).text());
        assertEquals("https://arbetsformedlingen.se/", sent.get(3).buttons().get(0).path("url").asText());
        Call question = sent.get(4);
        assertEquals(t("ar", "jobs.find.registered_q"), question.text());
        API.pushCallback(chat, "ar", question.messageId(), button(question, t("ar", "common.yes")).path("callback_data").asText());
        // "Yes" runs three steps at once: two short answers, then the next question (no more than two before it).
        assertEquals(List.of(t("ar", "jobs.find.platsbanken"), t("ar", "jobs.find.network"), t("ar", "jobs.find.deeper_q")),
                awaitSent(chat, 8).subList(5, 8).stream().map(Call::text).toList());

        // Pressing the answered "✓" button again does nothing but stop the spinner.
        int before = API.sent(chat).size();
        String again = API.pushCallback(chat, "ar", menu.messageId(), CallbackTokens.DONE);
        Await.until("the repeated press answered", () -> !API.find("answerCallbackQuery",
                c -> c.params().path("callback_query_id").asText().equals(again)).isEmpty());

        // Free text in Arabic is answered in Arabic.
        API.pushText(chat, "ar", "مرحبا");
        assertEquals(List.of(t("ar", "welcome.hello"), t("ar", "welcome.menu_q")),
                awaitSent(chat, before + 2).subList(before, before + 2).stream().map(Call::text).toList());
        for (Call c : API.sent(chat)) assertTrue(mostlyArabic(c.text()), "not Arabic: " + c.text());
        ConversationState state = conversation(chat).getState();
        assertEquals("ar", state.language());
        assertEquals(3, API.edits(chat).size(), "one edit per answered button, none for the repeat");
    }

    // ---------------------------------------------------------------- a person

    @Test
    void aNewcomerReachesAPersonThroughTheAdviserApiAndRatesTheHelp() {
        kit().escalateClaimTalkCloseAndRate(new Api(port), 1101);
    }

    // ---------------------------------------------------------------- commands

    @Test
    void theCommandMenuIsSetInEveryLanguageAndByDefaultInTheFallbackLanguage() {
        var languages = content.current().content().languages();
        List<Call> menus = Await.until("setMyCommands for every language", () -> API.calls("setMyCommands"),
                l -> l.size() >= languages.size() + 1);
        for (String language : languages) {
            Call c = menus.stream().filter(m -> m.params().path("language_code").asText().equals(language)).findFirst()
                    .orElseThrow(() -> new AssertionError("no command menu for " + language));
            assertEquals("default", c.params().path("scope").path("type").asText());
            Map<String, String> commands = new java.util.LinkedHashMap<>();
            c.params().path("commands").forEach(x -> commands.put(x.path("command").asText(), x.path("description").asText()));
            assertEquals(UpdateMapper.COMMANDS, List.copyOf(commands.keySet()));
            for (String name : UpdateMapper.COMMANDS) {
                assertEquals(t(language, "telegram.command." + name), commands.get(name), language + " /" + name);
            }
        }
        Call fallback = menus.stream().filter(m -> !m.params().has("language_code")).findFirst().orElseThrow();
        assertEquals(t("en", "telegram.command.help"), fallback.params().path("commands").get(4).path("description").asText());
    }

    @Test
    void commandsReachTheEngineInTheNewcomersLanguage() {
        long chat = 2001;
        API.pushText(chat, "sv", "/start");
        awaitSent(chat, 2);
        API.pushText(chat, "sv", "/help");
        List<Call> sent = awaitSent(chat, 4);
        assertEquals(t("sv", "system.help"), sent.get(2).text());
        assertEquals(t("sv", "welcome.menu_q"), sent.get(3).text());

        API.pushText(chat, "sv", "/language");
        Call languages = awaitSent(chat, 5).get(4);
        assertEquals(t("sv", "system.language_menu"), languages.text());
        assertEquals(content.current().content().catalogue().names().size(), languages.buttons().size());

        API.pushText(chat, "sv", "/menu@lots_test_bot");
        assertEquals(t("sv", "welcome.menu_q"), awaitSent(chat, 6).get(5).text());

        API.pushText(chat, "sv", "/forget");
        Call confirm = awaitSent(chat, 7).get(6);
        assertEquals(t("sv", "system.forget_confirm"), confirm.text());
        assertEquals(List.of(t("sv", "system.forget_yes"), t("sv", "system.forget_no")), confirm.labels());

        API.pushText(chat, "sv", "/human");
        assertEquals(t("sv", "handoff.ask_topic"), awaitSent(chat, 8).get(7).text());
    }

    @Test
    void aDeepLinkOpensItsTopicOrLanguage() {
        API.pushText(2101, "en", "/start jobs_find");
        assertEquals(List.of(t("en", "jobs.find.intro"), t("en", "jobs.find.registered_q")),
                awaitSent(2101, 2).stream().map(Call::text).toList());

        API.pushText(2102, "de", "/start ar");
        assertEquals(List.of(t("ar", "welcome.hello"), t("ar", "welcome.menu_q")), awaitSent(2102, 2).stream().map(Call::text).toList());
    }

    @Test
    void stopSilencesTheBotUntilTheNewcomerStartsAgain() {
        long chat = 2201;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        API.pushText(chat, "en", "/stop");
        assertEquals(t("en", "system.stopped"), awaitSent(chat, 3).get(2).text());

        API.pushText(chat, "en", "hello?");
        telegram().deliver(conversation(chat), List.of(new Reply("An adviser writes", List.of(), "en", false)));
        API.pushText(chat, "en", "/start");
        List<Call> sent = awaitSent(chat, 5);
        // Nothing came between "stopped" and the new welcome: neither the answer to "hello?" nor the adviser's words.
        assertEquals(t("en", "welcome.hello"), sent.get(3).text());
        assertEquals(t("en", "welcome.menu_q"), sent.get(4).text());
    }

    @Test
    void aStoppedChatStillGetsTheEmergencyAnswer() {
        long chat = 2202;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        API.pushText(chat, "en", "/stop");
        awaitSent(chat, 3);
        API.pushText(chat, "en", "he is hitting me right now pls");
        List<Call> sent = awaitSent(chat, 5);
        assertTrue(sent.get(3).text().contains("112"), sent.get(3).text());
        assertTrue(sent.get(4).text().contains("112"), sent.get(4).text());
    }

    // ---------------------------------------------------------------- delivery

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() {
        long chat = 3001;
        int id = API.pushTextTwice(chat, "en", "/start");
        awaitSent(chat, 2);
        API.pushText(chat, "en", "/menu"); // a later update: once it is answered, the duplicate had its chance
        List<Call> sent = awaitSent(chat, 3);
        assertEquals(t("en", "welcome.menu_q"), sent.get(2).text());
        assertEquals(3, API.sent(chat).size());
        assertEquals(1, mongo.count(Query.query(Criteria.where("updateId").is(id)), UpdateLog.COLLECTION));
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAsTelegramAsks() {
        long chat = 4001;
        API.failNextSends(chat, 1, 429, 2);
        API.pushText(chat, "en", "/start");
        List<Call> sent = awaitSent(chat, 2);
        assertEquals(List.of(t("en", "welcome.hello"), t("en", "welcome.menu_q")), sent.stream().map(Call::text).toList());
        List<Call> attempts = API.attempts(chat);
        assertEquals(3, attempts.size());
        assertEquals(429, attempts.get(0).status());
        Duration waited = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        assertTrue(waited.toMillis() >= 2000, "retried after " + waited + ", Telegram asked for 2 s");
    }

    @Test
    void serverErrorsAreRetriedUntilTheMessageGoesThroughOnce() {
        long chat = 5001;
        API.failNextSends(chat, 2, 500, null);
        API.failNextSends(chat, 1, 502, null);
        API.pushText(chat, "en", "/start");
        List<Call> sent = awaitSent(chat, 2);
        assertEquals(List.of(t("en", "welcome.hello"), t("en", "welcome.menu_q")), sent.stream().map(Call::text).toList());
        assertEquals(5, API.attempts(chat).size());
        Await.until("the outbox emptied", () -> mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION) == 0);
    }

    @Test
    void aBlockedBotStopsWritingToThatChatUntilTheNewcomerComesBack() {
        long chat = 6001;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        API.failNextSends(chat, 1, 403, null);
        API.pushText(chat, "en", "/menu");
        Await.until("the chat marked unreachable", () -> unreachable(chat));
        // The failed message and what waited behind it are dropped right after the chat is marked.
        Await.until("the blocked chat's outbox emptied", () -> mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION) == 0);

        int attempts = API.attempts(chat).size();
        telegram().deliver(conversation(chat), List.of(new Reply("An adviser writes", List.of(), "en", false)));
        assertEquals(0, mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION), "nothing queued");
        API.pushText(6002, "en", "/start"); // another chat is served meanwhile
        awaitSent(6002, 2);
        assertEquals(attempts, API.attempts(chat).size(), "no attempt to write to the blocked chat");

        // Unblocking sends /start: the newcomer is back.
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 4);
        assertFalse(unreachable(chat));

        // Blocking without a failed message: Telegram tells with my_chat_member.
        API.pushText(6003, "en", "/start");
        awaitSent(6003, 2);
        API.pushMembership(6003, "kicked");
        Await.until("my_chat_member kicked marks the chat", () -> unreachable(6003));
    }

    boolean unreachable(long chat) {
        Document d = mongo.findById(chat, Document.class, ChatStates.COLLECTION);
        return d != null && Boolean.TRUE.equals(d.getBoolean("unreachable"));
    }

    // ---------------------------------------------------------------- rendering

    @Test
    void aMessageOverTelegramsLimitIsSplitAtParagraphsWithTheButtonsOnTheLastPart() {
        long chat = 7001;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= 30; p++) {
            if (p > 1) text.append("\n\n");
            text.append("Paragraph ").append(p).append(". ");
            text.append("This sentence is here to make the paragraph long enough to matter. ".repeat(4).strip());
        }
        assertTrue(text.length() > 2 * 4096);
        telegram().deliver(conversation(chat), List.of(new Reply(text.toString(), List.of(Button.action("OK", "cmd:menu")), "en", false)));
        List<Call> parts = Await.until("the long message", () -> API.sent(chat).subList(2, API.sent(chat).size()),
                l -> l.stream().map(Call::text).collect(Collectors.joining()).replaceAll("\\s", "").length()
                        >= text.toString().replaceAll("\\s", "").length());
        assertTrue(parts.size() >= 3, parts.size() + " parts");
        for (Call part : parts) {
            assertTrue(part.text().length() <= 4096, part.text().length() + " characters");
            assertTrue(part.text().startsWith("Paragraph "), "split at a paragraph: " + part.text().substring(0, 20));
        }
        assertEquals(text.toString(), parts.stream().map(Call::text).collect(Collectors.joining("\n\n")));
        for (int i = 0; i < parts.size() - 1; i++) assertTrue(parts.get(i).buttons().isEmpty());
        assertEquals(List.of("OK"), parts.get(parts.size() - 1).labels());
    }

    @Test
    void markupCharactersArriveLiterally() {
        long chat = 7002;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        String text = "<b>x</b> *_[ & 1 < 2 > 0 `code` ~strike~";
        telegram().deliver(conversation(chat), List.of(new Reply(text, List.of(Button.action("<i>*ok*</i>", "cmd:menu")), "en", false)));
        Call c = awaitSent(chat, 3).get(2);
        assertEquals(text, c.text());
        assertTrue(c.params().path("parse_mode").isMissingNode(), "no parse mode: Telegram shows the text as it is");
        assertEquals(List.of("<i>*ok*</i>"), c.labels());
    }

    @Test
    void aPayloadTooLongForTelegramTravelsAsAToken() {
        long chat = 7003;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        String note = "n".repeat(90);
        telegram().deliver(conversation(chat), List.of(new Reply("Pick", List.of(Button.action("Long", "v:handoff:ask_topic:" + note)), "en", false)));
        Call pick = awaitSent(chat, 3).get(2);
        String data = pick.buttons().get(0).path("callback_data").asText();
        assertTrue(data.startsWith(CallbackTokens.TOKEN_PREFIX), data);
        assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
        API.pushCallback(chat, "en", pick.messageId(), data);
        Await.until("the long payload reached the engine", () -> note.equals(conversation(chat).getState().variables().get("topic_note")));
    }

    @Test
    void aMessageTelegramRefusesForItsButtonsIsSentAgainWithoutThem() {
        long chat = 7004;
        API.pushText(chat, "en", "/start");
        awaitSent(chat, 2);
        // A link our renderer lets through (https) that Telegram refuses (no valid host): the text must still arrive.
        telegram().deliver(conversation(chat), List.of(new Reply("Read more on the municipality's page",
                List.of(Button.link("Exempelkommun", "https://exempel kommun.se/")), "en", false)));
        Call resent = awaitSent(chat, 3).get(2);
        assertEquals("Read more on the municipality's page", resent.text());
        assertTrue(resent.buttons().isEmpty(), "sent again without the button");
        List<Call> attempts = API.attempts(chat);
        Call refused = attempts.get(attempts.size() - 2);
        assertEquals(400, refused.status());
        assertEquals(FakeBotApi.BUTTON_URL_INVALID, refused.error());
        assertEquals(List.of("Exempelkommun"), refused.labels());
    }

    // ---------------------------------------------------------------- other kinds of messages

    @Test
    void everyOtherKindOfMessageIsAnsweredInTheNewcomersLanguage() {
        long chat = 8001;
        API.pushText(chat, "uk", "/start");
        int count = awaitSent(chat, 2).size();
        Map<String, ObjectNode> kinds = new java.util.LinkedHashMap<>();
        kinds.put("voice", obj("{\"voice\":{\"file_id\":\"voice-1\",\"file_unique_id\":\"uv1\",\"duration\":3}}"));
        kinds.put("photo", obj("{\"photo\":[{\"file_id\":\"small\",\"file_unique_id\":\"us\",\"width\":90,\"height\":90},"
                + "{\"file_id\":\"big\",\"file_unique_id\":\"ub\",\"width\":800,\"height\":600}]}"));
        kinds.put("sticker", obj("{\"sticker\":{\"file_id\":\"st-1\",\"file_unique_id\":\"ust\",\"type\":\"regular\",\"width\":512,"
                + "\"height\":512,\"is_animated\":false,\"is_video\":false}}"));
        kinds.put("document", obj("{\"document\":{\"file_id\":\"doc-1\",\"file_unique_id\":\"ud\",\"file_name\":\"cv.pdf\"}}"));
        kinds.put("location", obj("{\"location\":{\"latitude\":59.33,\"longitude\":18.06}}"));
        kinds.put("contact", obj("{\"contact\":{\"phone_number\":\"+46700000000\",\"first_name\":\"A\"}}"));
        kinds.put("other", obj("{\"video\":{\"file_id\":\"vid-1\",\"file_unique_id\":\"uvid\",\"width\":1,\"height\":1,\"duration\":1}}"));
        for (Map.Entry<String, ObjectNode> k : kinds.entrySet()) {
            API.pushMessage(chat, "uk", k.getValue());
            Call answer = awaitSent(chat, ++count).get(count - 1);
            assertEquals(t("uk", "system.kind." + k.getKey()), answer.text(), k.getKey());
        }
        API.pushEdited(chat, "uk", "виправлено");
        assertEquals(t("uk", "system.kind.edited"), awaitSent(chat, ++count).get(count - 1).text());
    }

    @Test
    void aFileSentDuringAHandoffReachesTheAdviserWhoCanOpenIt() {
        long chat = 8002;
        byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        API.addFile("photo-big", "photos/file_7.jpg", photo);
        API.pushText(chat, "en", "/human");
        assertEquals(t("en", "handoff.ask_topic"), awaitSent(chat, 1).get(0).text());
        API.pushText(chat, "en", "My work permit application");
        Call consent = awaitSent(chat, 2).get(1);
        assertEquals(t("en", "privacy.consent_q"), consent.text());
        API.pushCallback(chat, "en", consent.messageId(), button(consent, t("en", "privacy.consent_yes")).path("callback_data").asText());
        int count = Await.until("the handoff answered", () -> API.sent(chat).size(), n -> n >= 3);
        String queued = awaitSent(chat, count).get(count - 1).text();
        assertTrue(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(p -> kit().t("en", "handoff.position", Map.of("position", p)))
                .anyMatch(queued::equals), "the place in the queue: " + queued);
        Await.until("the handoff recorded", () -> conversation(chat).getState().escalated());
        API.pushMessage(chat, "en", obj("{\"photo\":[{\"file_id\":\"photo-big\",\"file_unique_id\":\"u\",\"width\":800,\"height\":600}]}"));
        assertEquals(t("en", "system.passed_to_adviser"), awaitSent(chat, count + 1).get(count).text());

        String id = conversation(chat).getId();
        Output.ForAdviser forAdviser = Await.until("the file handed to advisers", () -> events.seen.stream()
                .filter(e -> e.conversationId().equals(id) && e.output() instanceof Output.ForAdviser)
                .map(e -> (Output.ForAdviser) e.output()).findFirst().orElse(null), x -> x != null);
        assertEquals("photo", forAdviser.kind());
        assertEquals("photo-big", forAdviser.reference());

        AttachmentSource source = attachments.stream().filter(a -> a.channel().equals("telegram")).findFirst().orElseThrow();
        AttachmentSource.Attachment file = source.open(forAdviser.reference()).orElseThrow();
        assertEquals("file_7.jpg", file.fileName());
        assertEquals("image/jpeg", file.contentType());
        assertEquals(new String(photo, StandardCharsets.UTF_8), new String(file.bytes(), StandardCharsets.UTF_8));
        assertTrue(source.open("no-such-file").isEmpty());
    }

    static ObjectNode obj(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
