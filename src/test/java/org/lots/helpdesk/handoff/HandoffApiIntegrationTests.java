package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.users.LoginThrottle;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The adviser API over real HTTP against the real embedded store; newcomers talk through the real
 * ConversationService on the fake channel "test", and what reaches them is recorded there.
 */
@HelpdeskIntegrationTest
class HandoffApiIntegrationTests {

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
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ContentService content;

    Api admin() {
        return new Api(port);
    }

    Api as(String adviser) {
        return new Api(port, adviser, PASSWORD);
    }

    void adviser(String name, String... languages) {
        if (users.find(name).isEmpty()) users.create(name, PASSWORD, List.of("ADVISER"), List.of(languages));
    }

    String text(String language, String key) {
        return content.current().texts().format(language, key);
    }

    ConversationService.Result newcomer(String address, Input input) {
        return conversations.receive(new Address(TestChannel.NAME, address), input, null);
    }

    ConversationService.Result newcomer(String address, String text) {
        return newcomer(address, new Input.Text(text));
    }

    /** A newcomer on the test channel asks for a person and says what it is about; returns the handoff id. */
    String escalate(String address, String language, String topic) {
        return new Newcomers(conversations, handoffs).escalate(address, language, topic);
    }

    JsonNode conversation(Api api, String id) {
        Api.Response r = api.get("/api/handoffs/" + id);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static boolean hasMessage(JsonNode conversation, String author, String text) {
        for (JsonNode m : conversation.get("messages")) {
            if (m.get("author").asText().equals(author) && m.get("text").asText().equals(text)) return true;
        }
        return false;
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    // ---------------------------------------------------------------- claiming

    @Test
    void ofFiftySimultaneousClaimsByDifferentAdvisersExactlyOneWins() throws Exception {
        List<String> names = IntStream.range(0, 50).mapToObj(i -> "racer" + i).toList();
        names.parallelStream().forEach(n -> adviser(n));
        String id = escalate("race", "sv", "Jag behöver hjälp med mitt arbetstillstånd");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (String n : names) {
                claims.add(pool.submit(() -> {
                    go.await();
                    return as(n).post("/api/handoffs/" + id + "/claim", null).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : claims) statuses.add(f.get());
            assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
            assertEquals(49, Collections.frequency(statuses, 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        JsonNode c = conversation(admin(), id);
        assertEquals("claimed", c.get("status").asText());
        assertTrue(names.contains(c.get("adviser").asText()));
        // The newcomer is told once that a person has joined, in their language.
        assertEquals(1, Collections.frequency(channel.textsTo("race"), text("sv", "handoff.adviser_joined")));
    }

    @Test
    void claimingAnUnknownChatIs404AndAClosedOne409() {
        adviser("olga", "ru");
        assertEquals(404, as("olga").post("/api/handoffs/000000000000000000000000/claim", null).status());
        String id = escalate("closed-claim", "ru", "Мне нужна помощь с работой");
        assertEquals(200, as("olga").post("/api/handoffs/" + id + "/close", Map.of("outcome", "no_response")).status());
        Api.Response again = as("olga").post("/api/handoffs/" + id + "/claim", null);
        assertEquals(409, again.status());
        assertTrue(again.json().get("error").asText().contains("closed"), again.body());
    }

    // ---------------------------------------------------------------- the queue

    @Test
    void theQueueListsWaitingChatsOldestFirstWithTheirLanguageTopicAndPreview() {
        String first = escalate("queue-1", "en", "I need help with my CV please");
        clock.advance(Duration.ofSeconds(5));
        String second = escalate("queue-2", "de", "Ich brauche Hilfe mit meinem Lebenslauf");
        Api.Response r = admin().get("/api/handoffs?status=waiting");
        assertEquals(200, r.status(), r.body());
        List<String> order = ids(r.json());
        assertTrue(order.indexOf(first) >= 0 && order.indexOf(first) < order.indexOf(second), order.toString());
        JsonNode item = r.json().get(order.indexOf(second));
        assertEquals("de", item.get("language").asText());
        assertEquals("Ich brauche Hilfe mit meinem Lebenslauf", item.get("preview").asText());
        assertTrue(item.has("topic") && item.has("since"), item.toString());
        assertNotNull(Instant.parse(item.get("since").asText()));
    }

    @Test
    void aWaitingChatIsOfferedFirstToOnlineAdvisersWhoSpeakItsLanguageThenToAll() {
        adviser("amal", "ar");
        adviser("sven", "sv");
        assertEquals(200, as("amal").get("/api/handoffs?status=waiting").status()); // amal is online now
        String id = escalate("offer", "ar", "أحتاج مساعدة في تصريح العمل");
        assertTrue(ids(as("amal").get("/api/handoffs?status=waiting").json()).contains(id));
        assertFalse(ids(as("sven").get("/api/handoffs?status=waiting").json()).contains(id));
        assertTrue(ids(as("sven").get("/api/handoffs?status=waiting&scope=all").json()).contains(id));
        clock.advance(Duration.ofMinutes(3)); // helpdesk.handoff.offer-all-after is 2 minutes
        JsonNode offered = as("sven").get("/api/handoffs?status=waiting").json();
        assertTrue(ids(offered).contains(id));
        offered.forEach(n -> { if (n.get("id").asText().equals(id)) assertTrue(n.get("offeredToAll").asBoolean()); });
    }

    @Test
    void previewConversationsNeverAppearInTheQueue() {
        Api api = admin();
        String preview = api.post("/api/preview/conversations", Map.of("language", "en")).json().get("id").asText();
        api.post("/api/preview/conversations/" + preview + "/messages", Map.of("payload", "cmd:human"));
        api.post("/api/preview/conversations/" + preview + "/messages", Map.of("text", "I need help with my work permit"));
        JsonNode r = api.post("/api/preview/conversations/" + preview + "/messages", Map.of("payload", "cmd:consent_yes")).json();
        assertTrue(r.get("trace").get("escalated").asBoolean(), r.toString());
        // The preview still says what would happen: the place in the queue, computed as if it were queued.
        String said = r.get("replies").toString();
        assertTrue(said.contains("You are number"), said);
        assertTrue(handoffs.findFirstByConversationIdAndStatusIn(preview, List.of(Handoff.Status.values())).isEmpty());
        for (JsonNode n : api.get("/api/handoffs?status=waiting&scope=all").json()) {
            assertFalse(handoffs.findById(n.get("id").asText()).orElseThrow().getConversationId().equals(preview));
        }
    }

    // ---------------------------------------------------------------- talking

    @Test
    void newcomerAndAdviserReachEachOtherBothWaysAndFilesCanBeOpened() {
        adviser("anna", "en");
        String id = escalate("relay", "en", "Can someone help me with my diploma?");
        assertEquals(200, as("anna").post("/api/handoffs/" + id + "/claim", null).status());

        ConversationService.Result r = newcomer("relay", "Hello, is anyone there?");
        assertTrue(r.turn().replies().isEmpty(), "the bot stays quiet while an adviser has the chat");
        assertTrue(hasMessage(conversation(as("anna"), id), "NEWCOMER", "Hello, is anyone there?"));

        Api.Response sent = as("anna").post("/api/handoffs/" + id + "/messages", Map.of("text", "Hi, I am Anna. How can I help?"));
        assertEquals(200, sent.status(), sent.body());
        assertTrue(channel.textsTo("relay").contains("Hi, I am Anna. How can I help?"));
        JsonNode c = conversation(as("anna"), id);
        assertTrue(hasMessage(c, "ADVISER", "Hi, I am Anna. How can I help?"));
        assertTrue(hasMessage(c, "BOT", text("en", "handoff.ask_topic")), "the bot's part of the conversation is there too");
        c.get("messages").forEach(m -> assertNotNull(Instant.parse(m.get("at").asText())));

        newcomer("relay", new Input.Media("document", "file-42"));
        JsonNode files = conversation(as("anna"), id).get("files");
        assertEquals(1, files.size(), files.toString());
        Api.Response file = as("anna").get("/api/handoffs/" + id + "/files/" + files.get(0).get("id").asText());
        assertEquals(200, file.status());
        assertEquals("contents of file-42", file.body());
    }

    @Test
    void onlyTheAdviserWhoHasTheChatWritesToTheNewcomer() {
        adviser("bo", "sv");
        adviser("cecilia", "sv");
        String id = escalate("owner", "sv", "Hur registrerar jag ett företag?");
        assertEquals(409, as("bo").post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej")).status()); // not taken yet
        assertEquals(200, as("bo").post("/api/handoffs/" + id + "/claim", null).status());
        assertEquals(404, as("cecilia").post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej")).status()); // not hers to see
        assertEquals(400, as("bo").post("/api/handoffs/" + id + "/messages", Map.of("text", "  ")).status());
    }

    @Test
    void notesStayWithAdvisersAndNeverReachTheNewcomer() {
        adviser("dana", "en");
        String id = escalate("notes", "en", "I want to open a small shop");
        assertEquals(200, as("dana").post("/api/handoffs/" + id + "/claim", null).status());
        int before = channel.to("notes").size();
        Api.Response note = as("dana").post("/api/handoffs/" + id + "/notes", Map.of("text", "Refer to Nyföretagarcentrum next week"));
        assertEquals(200, note.status(), note.body());
        assertEquals(before, channel.to("notes").size());
        assertFalse(channel.textsTo("notes").contains("Refer to Nyföretagarcentrum next week"));
        assertTrue(hasMessage(conversation(as("dana"), id), "NOTE", "Refer to Nyföretagarcentrum next week"));
    }

    @Test
    void aTransferredChatBelongsToTheNewAdviser() {
        adviser("erik", "sv");
        adviser("fatima", "sv", "ar");
        String id = escalate("transfer", "sv", "Jag vill studera på universitet");
        assertEquals(200, as("erik").post("/api/handoffs/" + id + "/claim", null).status());
        assertEquals(400, as("erik").post("/api/handoffs/" + id + "/transfer", Map.of("to", "nobody")).status());
        Api.Response t = as("erik").post("/api/handoffs/" + id + "/transfer", Map.of("to", "fatima"));
        assertEquals(200, t.status(), t.body());
        assertEquals("fatima", conversation(as("fatima"), id).get("adviser").asText());
        assertEquals(409, as("erik").post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej")).status());
        assertEquals(200, as("fatima").post("/api/handoffs/" + id + "/messages", Map.of("text", "Hej, jag heter Fatima")).status());
        JsonNode claimed = as("fatima").get("/api/handoffs?status=claimed&mine=true").json();
        assertTrue(ids(claimed).contains(id));
    }

    // ---------------------------------------------------------------- closing

    @Test
    void closingGivesTheChatBackToTheBotWhichAsksForSatisfactionAndStoresIt() {
        adviser("gustav", "en");
        String id = escalate("close", "en", "I have a question about adult education");
        assertEquals(200, as("gustav").post("/api/handoffs/" + id + "/claim", null).status());
        assertEquals(400, as("gustav").post("/api/handoffs/" + id + "/close", Map.of("outcome", "maybe")).status());
        Api.Response closed = as("gustav").post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered"));
        assertEquals(200, closed.status(), closed.body());

        List<Output.Reply> got = channel.to("close");
        Output.Reply question = got.get(got.size() - 1);
        assertEquals(text("en", "handoff.satisfaction_q"), question.text());
        assertEquals(List.of("1", "2", "3", "4", "5"), question.buttons().stream().map(Output.Button::label).toList());
        assertTrue(channel.textsTo("close").contains(text("en", "system.adviser_closed")));

        ConversationService.Result rated = newcomer("close", new Input.Payload(question.buttons().get(3).payload()));
        assertEquals(text("en", "handoff.satisfaction_thanks"), rated.turn().replies().get(0).text());
        JsonNode c = conversation(admin(), id);
        assertEquals("closed", c.get("status").asText());
        assertEquals("answered", c.get("outcome").asText());
        assertEquals(4, c.get("satisfaction").asInt());

        ConversationService.Result next = newcomer("close", "How do I find a job?");
        assertFalse(next.turn().replies().isEmpty(), "the bot answers again");
        assertTrue(next.turn().outputs().stream().noneMatch(Output.ForAdviser.class::isInstance));
        assertFalse(next.turn().trace().escalated());
    }

    // ---------------------------------------------------------------- office hours

    @Test
    void outsideOfficeHoursTheNewcomerLearnsWhenTheHelplineOpensAndWithinThemTheirPlace() {
        // Saturday 2026-12-05 12:00 in Stockholm: closed until Monday 09:00 (shipped settings).
        clock.moveTo(Instant.parse("2026-12-05T11:00:00Z"));
        conversations.receive(new Address(TestChannel.NAME, "hours"), new Input.Command("start", "en"), "en");
        newcomer("hours", new Input.Command("human", null));
        newcomer("hours", "My employer does not pay me");
        String said = String.join("\n", newcomer("hours", new Input.Payload("cmd:consent_yes")).turn().replies().stream().map(Output.Reply::text).toList());
        assertTrue(said.contains("closed") && said.contains("Monday") && said.contains("December 7") && said.contains("9:00"), said);

        // Monday 10:00 in Stockholm: open; the newcomer already waiting keeps their place and is told it.
        clock.moveTo(Instant.parse("2026-12-07T09:00:00Z"));
        newcomer("hours", new Input.Command("human", null));
        String again = String.join("\n", newcomer("hours", "Still about my salary").turn().replies().stream().map(Output.Reply::text).toList());
        assertTrue(again.contains("You are number"), again);
    }

    // ---------------------------------------------------------------- security

    @Test
    void anonymousApiCallsGet401AndConsolePagesRedirectToTheLogin() {
        Api anonymous = new Api(port, null, null);
        assertEquals(401, anonymous.get("/api/handoffs?status=waiting").status());
        assertEquals(401, anonymous.post("/api/handoffs/x/claim", null).status());
        Api.Response page = anonymous.get("/console/");
        assertEquals(302, page.status());
        assertEquals(200, anonymous.get("/console/login.html").status());
        adviser("hanna", "en");
        assertEquals(403, as("hanna").get("/api/admin/users").status());
    }

    @Test
    void theConsoleLogsInWithAFormAndEveryChangeNeedsTheCsrfToken() throws Exception {
        adviser("kim", "en");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode token = json(browser.send(get("/console/csrf"), BodyHandlers.ofString()).body());
        HttpResponse<String> wrong = browser.send(form("/console/login", "username=kim&password=nope&" + token.get("parameter").asText()
                + "=" + token.get("token").asText()), BodyHandlers.ofString());
        assertEquals(302, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Location").orElse("").contains("/console/login.html?error"));

        token = json(browser.send(get("/console/csrf"), BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(form("/console/login", "username=kim&password=" + PASSWORD + "&"
                + token.get("parameter").asText() + "=" + token.get("token").asText()), BodyHandlers.ofString());
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/console/"), login.headers().toString());
        HttpResponse<String> me = browser.send(get("/api/console/me"), BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertEquals("kim", json(me.body()).get("username").asText());

        HttpRequest.Builder claim = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/handoffs/000000000000000000000000/claim"))
                .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.noBody());
        assertEquals(403, browser.send(claim.build(), BodyHandlers.ofString()).statusCode(), "no CSRF token: refused");
        token = json(browser.send(get("/console/csrf"), BodyHandlers.ofString()).body());
        claim.header(token.get("header").asText(), token.get("token").asText());
        assertEquals(404, browser.send(claim.build(), BodyHandlers.ofString()).statusCode(), "with the token: handled");
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Requested-With", "XMLHttpRequest").GET().build();
    }

    HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    @Test
    void wrongPasswordsSlowTheGuesserAndNeverKeepTheRightPersonOutForLong() {
        adviser("ivan", "uk", "ru");
        Api wrong = new Api(port, "ivan", "Wrong-Password-123");
        for (int i = 0; i < 3; i++) assertEquals(401, wrong.get("/api/handoffs?status=waiting").status());
        assertEquals(401, as("ivan").get("/api/handoffs?status=waiting").status(), "too soon after three failures: not checked");
        assertEquals(200, admin().get("/api/handoffs?status=waiting").status(), "other users are not affected");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(200, as("ivan").get("/api/handoffs?status=waiting").status(), "after the short wait the right password works");

        // A flood from many addresses: the account as a whole waits at most a minute, then has a minute of grace,
        // again and again.
        LoginThrottle throttle = context.getBean(LoginThrottle.class);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 30; i++) guess("ivan", "10." + round + ".0." + i);
            Duration wait = throttle.wait("ivan", "192.0.2.7");
            assertTrue(wait.compareTo(Duration.ofSeconds(60)) <= 0, "round " + round + ": " + wait);
            if (round == 0) {
                JsonNode ivan = admin().get("/api/admin/users/ivan").json();
                // The admin's own login takes real time on a loaded machine and the test clock ticks with it: the
                // account shows the lock, unless the lock is already over by then.
                assertTrue(ivan.hasNonNull("lockedUntil") || throttle.wait("ivan", "192.0.2.7").isZero(), ivan.toString());
            }
            clock.advance(wait);
            for (int i = 0; i < 30; i++) guess("ivan", "10." + round + ".1." + i);
            assertEquals(Duration.ZERO, throttle.wait("ivan", "192.0.2.7"), "round " + round + ": the owner at another address gets in");
            clock.advance(Duration.ofSeconds(59));
        }

        // The guesser's own address keeps waiting longer and longer; an operator's unlock clears the user's records.
        for (int i = 0; i < 12; i++) guess("ivan", "198.51.100.1");
        assertTrue(throttle.wait("ivan", "198.51.100.1").compareTo(Duration.ofSeconds(60)) > 0);
        assertEquals(200, admin().post("/api/admin/users/ivan/unlock", null).status());
        assertTrue(throttle.wait("ivan", "198.51.100.1").compareTo(Duration.ofSeconds(60)) <= 0, "only the address's own count is left");
    }

    /** A wrong password for {@code username} from {@code address}, as Spring Security reports it. */
    void guess(String username, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "guess-" + address);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        context.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong")));
    }

    @Test
    void adminsSetTheLanguagesAndRolesOfAnExistingUser() {
        adviser("jana", "sv");
        Api.Response r = admin().send("PUT", "/api/admin/users/jana", Map.of("languages", List.of("sv", "fa"), "roles", List.of("ADVISER", "EDITOR")));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("sv", "fa"), List.of(r.json().get("languages").get(0).asText(), r.json().get("languages").get(1).asText()));
        assertEquals(400, admin().send("PUT", "/api/admin/users/jana", Map.of("languages", List.of("xx"))).status());
        assertEquals(404, admin().send("PUT", "/api/admin/users/nobody", Map.of("languages", List.of("sv"))).status());
        assertEquals(400, admin().send("PUT", "/api/admin/users/admin", Map.of("roles", List.of("ADVISER"))).status());
        assertEquals(200, admin().post("/api/admin/users/jana/disable", null).status());
        assertEquals(401, as("jana").get("/api/handoffs?status=waiting").status());
        assertEquals(200, admin().post("/api/admin/users/jana/enable", null).status());
        assertEquals(200, as("jana").get("/api/handoffs?status=waiting").status());
    }
}
