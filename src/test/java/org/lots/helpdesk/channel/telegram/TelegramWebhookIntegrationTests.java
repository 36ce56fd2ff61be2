package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.channel.telegram.FakeBotApi.Call;
import org.lots.helpdesk.content.ContentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Webhook mode: Telegram calls {@code /telegram/webhook}; answers still go out through the Bot API (the fake). */
@HelpdeskIntegrationTest
@DirtiesContext
class TelegramWebhookIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();
    static final String SECRET = "Webhook-secret_42";
    static final String PUBLIC_URL = "https://helpdesk.example.org/telegram/webhook";
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry r) {
        r.add("telegram.token", () -> FakeBotApi.TOKEN);
        // Counted messages below; the first-contact notice has its own test (TelegramPrivacyIntegrationTests).
        r.add("helpdesk.privacy.first-contact-notice", () -> "false");
        r.add("telegram.base-url", API::baseUrl);
        r.add("telegram.mode", () -> "webhook");
        r.add("telegram.webhook.secret", () -> SECRET);
        r.add("telegram.webhook.url", () -> PUBLIC_URL);
        r.add("telegram.limits.per-chat-per-second", () -> "20");
    }

    /** The channel first (so that it does not call a fake that is gone), then the fake. */
    @AfterAll
    static void stopFake(@Autowired TelegramChannel channel) {
        channel.stop();
        API.close();
    }

    @LocalServerPort int port;
    @Autowired ContentService content;
    @Autowired MongoTemplate mongo;

    TelegramHarness kit() {
        return new TelegramHarness(API, mongo, content);
    }

    /** Updates the fake makes (pushText, pushCallback) reach the help desk as Telegram's webhook calls. */
    @BeforeEach
    void webhook() {
        API.deliverTo(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"), SECRET);
    }

    @Test
    void aNewcomerReachesAPersonThroughTheAdviserApiAndRatesTheHelp() {
        kit().escalateClaimTalkCloseAndRate(new Api(port), 9201);
    }

    int post(String body, String secret) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) b.header(WebhookController.SECRET_HEADER, secret);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts until the channel accepts (it answers 503 while it starts, and Telegram would simply retry). */
    int postAccepted(String body) {
        return Await.until("the webhook to accept", () -> post(body, SECRET), s -> s != 503);
    }

    String t(String language, String key) {
        return content.current().texts().format(language, key);
    }

    @Test
    void theWebhookIsAnnouncedWithItsSecretAndNoOneIsPolling() {
        Call set = Await.until("setWebhook", () -> API.calls("setWebhook"), l -> !l.isEmpty()).get(0);
        assertEquals(PUBLIC_URL, set.params().path("url").asText());
        assertEquals(SECRET, set.params().path("secret_token").asText());
        assertTrue(API.calls("deleteWebhook").isEmpty(), "polling would delete the webhook");
    }

    @Test
    void anUpdateWithTheRightSecretIsAnswered() {
        ObjectNode update = API.textUpdate(9101, "tr", "/start");
        assertEquals(200, postAccepted(update.toString()));
        List<Call> sent = kit().exactly(9101, List.of(t("tr", "welcome.hello"), t("tr", "welcome.menu_q")));
        assertEquals(t("tr", "welcome.hello"), sent.get(0).text());
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingHappens() {
        ObjectNode update = API.textUpdate(9102, "en", "/start");
        assertEquals(403, post(update.toString(), "Webhook-secret_43"));
        assertEquals(403, post(update.toString(), ""));
        assertEquals(401, post(update.toString(), null));
        assertEquals(0, mongo.count(Query.query(Criteria.where("updateId").is(update.get("update_id").asLong())), UpdateLog.COLLECTION));
        // the same update with the right secret is still new
        assertEquals(200, postAccepted(update.toString()));
        kit().exactly(9102, List.of(t("en", "welcome.hello"), t("en", "welcome.menu_q")));
    }

    @Test
    void anUpdateTelegramDeliversTwiceIsHandledOnce() {
        ObjectNode update = API.textUpdate(9103, "en", "/start");
        assertEquals(200, postAccepted(update.toString()));
        assertEquals(200, post(update.toString(), SECRET));
        assertEquals(200, post(API.textUpdate(9103, "en", "/menu").toString(), SECRET));
        kit().exactly(9103, List.of(t("en", "welcome.hello"), t("en", "welcome.menu_q"), t("en", "welcome.menu_q")));
    }

    @Test
    void aBodyThatIsNotAnUpdateIsRefused() {
        postAccepted(API.textUpdate(9104, "en", "/start").toString());
        assertEquals(400, post("{not json", SECRET));
        assertEquals(400, post("{}", SECRET));
    }
}
