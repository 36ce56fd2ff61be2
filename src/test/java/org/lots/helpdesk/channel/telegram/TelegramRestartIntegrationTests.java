package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.engine.Output.Reply;
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
}
