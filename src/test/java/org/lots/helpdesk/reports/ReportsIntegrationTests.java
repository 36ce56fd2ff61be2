package org.lots.helpdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.channel.telegram.Await;
import org.lots.helpdesk.channel.telegram.FakeBotApi;
import org.lots.helpdesk.channel.telegram.TelegramHarness;
import org.lots.helpdesk.channel.webchat.WebchatClient;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.privacy.RetentionPurge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scripted traffic through Telegram (the real client against the local Bot API server) and the web chat in eight
 * languages, with handoffs, waits, outcomes, a follow-up and ratings; then the exact numbers of the summary and the
 * CSV. Preview traffic counts nothing; /forget, the web chat's delete and the retention purge change no count. Each
 * test works on a day of its own (the shared clock moves on to a fresh Wednesday, within office hours).
 */
@HelpdeskIntegrationTest
@DirtiesContext
@TestPropertySource(properties = {"helpdesk.webchat.per-client=1000", "helpdesk.privacy.first-contact-notice=false"})
class ReportsIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry r) {
        r.add("telegram.token", () -> FakeBotApi.TOKEN);
        r.add("telegram.base-url", API::baseUrl);
        r.add("telegram.polling.timeout", () -> "1s");
        r.add("telegram.limits.per-chat-per-second", () -> "20");
        r.add("telegram.limits.per-chat-burst", () -> "5");
        r.add("telegram.outbox.retry-initial", () -> "200ms");
    }

    @AfterAll
    static void stopFake(@Autowired org.springframework.context.ApplicationContext app) {
        // The channel first (so that it does not call a fake that is gone), then the fake.
        app.getBeansOfType(org.springframework.context.SmartLifecycle.class).forEach((name, bean) -> {
            if (name.toLowerCase(java.util.Locale.ROOT).contains("telegramchannel")) bean.stop();
        });
        API.close();
    }

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired MongoTemplate mongo;
    @Autowired ContentService content;
    @Autowired HandoffRepository handoffs;
    @Autowired ConversationRepository conversations;
    @Autowired RetentionPurge purge;

    Api admin() {
        return new Api(port);
    }

    LocalDate freshDay() {
        return freshDay(clock);
    }

    /** Moves the clock to 09:00 UTC (10:00 in Stockholm) of a Wednesday no test has used yet; returns that day. */
    static LocalDate freshDay(TestClock clock) {
        ZonedDateTime d = clock.instant().atZone(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.DAYS).withHour(9);
        while (d.getDayOfWeek() != DayOfWeek.WEDNESDAY) d = d.plusDays(1);
        clock.moveTo(d.toInstant());
        return d.toLocalDate();
    }

    JsonNode summary(LocalDate day) {
        Api.Response r = admin().get("/api/reports/summary?from=" + day + "&to=" + day);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    String csv(LocalDate day) {
        Api.Response r = admin().get("/api/reports/summary.csv?from=" + day + "&to=" + day);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    WebchatClient webchat(String language) {
        return new WebchatClient(port).start(language);
    }

    /** /start, /human, why, yes to an adviser reading: the handoff now waiting. */
    String escalate(WebchatClient c, String why) {
        c.say("/start");
        c.say("/human");
        c.say(why);
        c.press("cmd:consent_yes");
        return handoffs.findFirstByConversationIdAndStatusIn(c.id, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
    }

    /** The admin takes the chat, writes after {@code wait} since the request, and closes it with {@code outcome}. */
    void adviserHelps(String handoff, Duration wait, String outcome) {
        Api admin = admin();
        assertEquals(200, admin.post("/api/handoffs/" + handoff + "/claim", null).status());
        clock.advance(wait);
        Api.Response sent = admin.post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hello, I am an adviser. How can I help?"));
        assertEquals(200, sent.status(), sent.body());
        Api.Response closed = admin.post("/api/handoffs/" + handoff + "/close", Map.of("outcome", outcome));
        assertEquals(200, closed.status(), closed.body());
    }

    Conversation telegramConversation(long chat) {
        return Await.until("conversation of chat " + chat,
                () -> conversations.findByChannelAndAddress("telegram", String.valueOf(chat)).orElse(null), c -> c != null);
    }

    @Test
    void scriptedTrafficGivesExactNumbersThatForgettingAndPurgingLeaveAlone() {
        LocalDate day = freshDay();
        TelegramHarness telegram = new TelegramHarness(API, mongo, content);

        // Preview traffic first: it never counts.
        Api.Response preview = admin().post("/api/preview/conversations", Map.of("language", "en"));
        String pid = preview.json().path("id").asText();
        for (String text : List.of("/start jobs.find", "how do i find work", "/human", "i need a person"))
            assertEquals(200, admin().post("/api/preview/conversations/" + pid + "/messages", Map.of("text", text)).status());
        JsonNode empty = summary(day);
        assertEquals(0, empty.path("newcomers").asInt(), empty.toString());
        assertEquals(0, empty.path("conversations").asInt());
        assertEquals(0, empty.path("messages").asInt());

        // Web chat: three answered by the bot, two handed to a person, one the bot did not understand.
        WebchatClient ar = webchat("ar");
        ar.say("/start jobs.find");
        WebchatClient sv = webchat("sv");
        sv.say("/start education.language");
        WebchatClient en = webchat("en");
        en.say("/start education.higher");
        WebchatClient so = webchat("so");
        so.say("/start");
        so.say("qxzv wbkj ptrm");

        WebchatClient uk = webchat("uk");
        String ukHandoff = escalate(uk, "шукаю роботу, допоможіть");
        adviserHelps(ukHandoff, Duration.ofMinutes(12), "job");
        uk.press("rate:5");
        Api.Response followUp = admin().post("/api/handoffs/" + ukHandoff + "/outcomes", Map.of("outcome", "education"));
        assertEquals(200, followUp.status(), followUp.body());

        WebchatClient tr = webchat("tr");
        String trHandoff = escalate(tr, "iş arıyorum yardım lazım");
        adviserHelps(trHandoff, Duration.ofMinutes(30), "internship");

        // Telegram: a whole handoff in English (rated 4), and a Persian newcomer the bot answers.
        telegram.escalateClaimTalkCloseAndRate(admin(), 7001);
        API.pushText(7002, "fa", "/start jobs.permit");
        Await.until("the Persian chat counted", () -> telegramConversation(7002).getCounted(),
                s -> s != null && s.topics().contains("jobs.permit"));

        JsonNode s = summary(day);
        assertEquals(day.toString(), s.path("from").asText());
        assertEquals(8, s.path("newcomers").asInt(), s.toString());
        assertEquals(8, s.path("conversations").asInt());
        assertEquals(10, s.path("messages").asInt(), "typed words and pressed buttons, no commands");
        assertEquals(3, s.path("handoffs").asInt());
        assertEquals(4, s.path("answered").asInt());
        assertEquals(0.5, s.path("answeredByBot").asDouble());
        assertEquals(1, s.path("fallbacks").asInt());
        assertEquals(3, s.path("waitMinutes").path("count").asInt());
        assertEquals(12, s.path("waitMinutes").path("median").asInt());
        assertEquals(30, s.path("waitMinutes").path("p90").asInt());
        JsonNode outcomes = s.path("outcomes");
        assertEquals(1, outcomes.path("answered").asInt(), outcomes.toString());
        assertEquals(1, outcomes.path("job").asInt());
        assertEquals(1, outcomes.path("internship").asInt());
        assertEquals(1, outcomes.path("education").asInt(), "the follow-up counts");
        assertEquals(0, outcomes.path("business_started").asInt());
        assertEquals(2, s.path("satisfaction").path("count").asInt());
        assertEquals(4.5, s.path("satisfaction").path("average").asDouble());

        JsonNode byLanguage = s.path("byLanguage");
        assertEquals(2, byLanguage.path("en").path("newcomers").asInt(), byLanguage.toString());
        assertEquals(1, byLanguage.path("en").path("handoffs").asInt());
        assertEquals(1, byLanguage.path("ar").path("conversations").asInt());
        assertEquals(1.0, byLanguage.path("ar").path("answeredByBot").asDouble());
        assertEquals(0.0, byLanguage.path("uk").path("answeredByBot").asDouble());
        assertEquals(1, byLanguage.path("so").path("fallbacks").asInt());
        assertEquals(1.0, byLanguage.path("so").path("fallbackShare").asDouble());
        assertEquals(1, byLanguage.path("uk").path("outcomes").path("job").asInt());
        assertEquals(5.0, byLanguage.path("uk").path("satisfaction").path("average").asDouble());
        assertEquals(7, byLanguage.size(), "en twice: " + byLanguage);

        JsonNode byTopic = s.path("byTopic");
        for (String topic : List.of("jobs.find", "education.language", "education.higher", "jobs.permit")) {
            assertEquals(1, byTopic.path(topic).path("conversations").asInt(), topic + ": " + byTopic);
        }
        assertEquals(3, byTopic.path("none").path("handoffs").asInt(), "handoffs asked for before any topic");

        JsonNode byChannel = s.path("byChannel");
        assertEquals(6, byChannel.path("webchat").path("newcomers").asInt(), byChannel.toString());
        assertEquals(2, byChannel.path("telegram").path("newcomers").asInt());
        assertEquals(1, byChannel.path("telegram").path("handoffs").asInt());
        assertEquals(1, s.path("newcomersByWeek").size());
        assertEquals(2, s.path("newcomersByWeek").get(0).path("byLanguage").path("en").asInt());

        String csv = csv(day);
        assertTrue(csv.startsWith("section,group,metric,value\r\n"), csv);
        for (String line : List.of("total,all,newcomers,8", "total,all,conversations,8", "total,all,messages,10",
                "total,all,handoffs,<5", "total,all,answeredByBot,0.5", "total,all,waitMinutes.count,<5",
                "total,all,waitMinutes.median,", "total,all,satisfaction.count,<5", "total,all,satisfaction.average,",
                "total,all,outcomes.job,<5", "total,all,outcomes.business_started,0", "language,ar,newcomers,<5",
                "topic,jobs.find,conversations,<5", "channel,webchat,newcomers,6", "channel,telegram,newcomers,<5",
                "language,en,answeredByBot,")) {
            assertTrue(csv.contains("\r\n" + line + "\r\n"), line + " in\n" + csv);
        }

        // People exercise their rights; the period's numbers stay as they were.
        assertEquals(204, sv.delete().status());
        API.pushText(7002, "fa", "/forget");
        String confirmText = telegram.t("fa", "system.forget_confirm");
        var sent = Await.until("the forget question", () -> API.sent(7002), l -> l.stream().anyMatch(c -> confirmText.equals(c.text())));
        var question = sent.stream().filter(c -> confirmText.equals(c.text())).findFirst().orElseThrow();
        API.pushCallback(7002, "fa", question.messageId(), TelegramHarness.button(question, telegram.t("fa", "system.forget_yes")).path("callback_data").asText());
        Await.until("the Persian chat forgotten", () -> conversations.findByChannelAndAddress("telegram", "7002").isEmpty());
        assertEquals(s, summary(day), "after /forget and the web chat's delete");
        assertEquals(csv, csv(day));

        RetentionPurge.Purged purged = purge.purge(clock.instant().plus(Duration.ofDays(800)));
        assertTrue(purged.conversations() >= 6, purged.toString());
        assertTrue(conversations.findById(ar.id).isEmpty(), "the purge deleted the chats");
        assertEquals(s, summary(day), "after the retention purge");
        assertEquals(csv, csv(day));
    }

    @Test
    void aLanguageChangedMidConversationCountsTheConversationOnceUnderTheNewLanguage() {
        LocalDate day = freshDay();
        WebchatClient c = webchat("de");
        c.say("/start jobs.find");
        c.press("lang:ru");
        JsonNode s = summary(day);
        assertEquals(1, s.path("conversations").asInt(), s.toString());
        assertEquals(1, s.path("byLanguage").path("ru").path("conversations").asInt(), s.toString());
        assertEquals(1, s.path("byLanguage").path("ru").path("newcomers").asInt());
        assertEquals(1, s.path("byLanguage").path("ru").path("answered").asInt());
        assertEquals(0, s.path("byLanguage").path("de").path("conversations").asInt());
    }

    @Test
    void aNewcomerBackAfterADayStartsANewConversationButIsNoNewNewcomer() {
        LocalDate day = freshDay();
        WebchatClient c = webchat("en");
        c.say("/start jobs.cv");
        clock.advance(Duration.ofHours(25));
        c.say("/start business.start");
        JsonNode first = summary(day), second = summary(day.plusDays(1));
        assertEquals(1, first.path("newcomers").asInt(), first.toString());
        assertEquals(1, first.path("conversations").asInt());
        assertEquals(0, second.path("newcomers").asInt(), second.toString());
        assertEquals(1, second.path("conversations").asInt());
        assertEquals(1, second.path("byTopic").path("business.start").path("conversations").asInt());
        Api.Response both = admin().get("/api/reports/summary?from=" + day + "&to=" + day.plusDays(1));
        assertEquals(2, both.json().path("conversations").asInt());
        assertEquals(1, both.json().path("newcomers").asInt());
    }

    @Test
    void outcomesAreCheckedAgainstTheListAndAFollowUpIsForTheAdviserWhoHeldTheChat() {
        freshDay();
        Api admin = admin();
        String olga = "olga" + System.nanoTime() % 100000, password = "Adviser-Secret-2026!";
        assertEquals(201, admin.post("/api/admin/users", Map.of("username", olga, "password", password,
                "roles", List.of("ADVISER"), "languages", List.of("en"))).status());
        String other = olga + "x";
        assertEquals(201, admin.post("/api/admin/users", Map.of("username", other, "password", password,
                "roles", List.of("ADVISER"), "languages", List.of("en"))).status());
        Api adviser = admin.as(olga, password), stranger = admin.as(other, password);

        JsonNode list = adviser.get("/api/console/outcomes?language=sv").json();
        assertEquals("education", list.get(0).path("id").asText(), list.toString());
        assertEquals("Började studera", list.get(0).path("label").asText());
        assertEquals(content.current().texts().format("en", "outcome.business_started"),
                adviser.get("/api/console/outcomes").json().get(3).path("label").asText());

        String id = escalate(webchat("en"), "i need help with my cv please");
        assertEquals(200, adviser.post("/api/handoffs/" + id + "/claim", null).status());
        Api.Response unknown = adviser.post("/api/handoffs/" + id + "/close", Map.of("outcome", "won the lottery"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().path("error").asText().contains("business_started"), unknown.body());
        assertEquals(409, adviser.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "job")).status(), "not closed yet");
        assertEquals(200, adviser.post("/api/handoffs/" + id + "/close", Map.of("outcome", "Referred")).status());
        assertEquals("referred", adviser.get("/api/handoffs/" + id).json().path("outcome").asText());

        assertEquals(400, adviser.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "nope")).status());
        assertEquals(404, stranger.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "job")).status(), "someone else's chat");
        Api.Response job = adviser.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "job"));
        assertEquals(200, job.status(), job.body());
        assertEquals(409, adviser.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "job")).status(), "once per chat");
        assertEquals(409, adviser.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "referred")).status(), "the closing outcome");
        assertEquals(200, admin.post("/api/handoffs/" + id + "/outcomes", Map.of("outcome", "business_started")).status());
        JsonNode chat = adviser.get("/api/handoffs/" + id).json();
        assertEquals(2, chat.path("followUps").size(), chat.toString());
        assertEquals(olga, chat.path("followUps").get(0).path("by").asText());
    }

    @Test
    void onlyCoordinatorsReadReportsAndBadPeriodsGetAReason() {
        Api admin = admin();
        String name = "adele" + System.nanoTime() % 100000, password = "Adviser-Secret-2026!";
        assertEquals(201, admin.post("/api/admin/users", Map.of("username", name, "password", password,
                "roles", List.of("ADVISER", "EDITOR"), "languages", List.of("en"))).status());
        Api adviser = admin.as(name, password);
        assertEquals(403, adviser.get("/api/reports/summary?from=2026-01-01&to=2026-01-31").status());
        assertEquals(403, adviser.get("/api/reports/summary.csv?from=2026-01-01&to=2026-01-31").status());
        assertEquals(403, adviser.get("/console/reports.html").status());

        for (Map.Entry<String, String> bad : Map.of(
                "from=2026-02-30&to=2026-03-01", "from must be a date",
                "from=2026-03-01&to=2026-02-01", "is after",
                "from=2020-01-01&to=2026-12-31", "at most",
                "to=2026-01-01", "give the period",
                "from=yesterday&to=2026-01-01", "from must be a date").entrySet()) {
            for (String path : List.of("/api/reports/summary?", "/api/reports/summary.csv?")) {
                Api.Response r = admin.get(path + bad.getKey());
                assertEquals(400, r.status(), bad.getKey());
                assertTrue(r.json().path("error").asText().contains(bad.getValue()), bad.getKey() + ": " + r.body());
            }
        }
    }
}
