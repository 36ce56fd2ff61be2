package org.lots.helpdesk.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Scripts;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

@HelpdeskIntegrationTest
class PreviewApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    String start(Map<String, ?> body) {
        Api.Response r = api().post("/api/preview/conversations", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    JsonNode say(String id, String text) {
        Api.Response r = api().post("/api/preview/conversations/" + id + "/messages", Map.of("text", text));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sv,LATIN", "en,LATIN", "de,LATIN", "ar,ARABIC", "fa,ARABIC", "ti,ETHIOPIC", "so,LATIN",
            "uk,CYRILLIC", "tr,LATIN", "ru,CYRILLIC"})
    void greetsANewcomerInEachLanguageInItsOwnScript(String language, String script) {
        String id = start(Map.of("language", language));
        JsonNode r = api().post("/api/preview/conversations/" + id + "/messages", Map.of("payload", "cmd:menu")).json();
        assertEquals(language, r.get("trace").get("language").asText());
        String text = r.get("replies").get(0).get("text").asText();
        assertTrue(Scripts.share(text, script) >= 0.7, language + " menu not in " + script + ": " + text);
        assertEquals(language.equals("ar") || language.equals("fa") ? "rtl" : "ltr", r.get("replies").get(0).get("direction").asText());
        // Machine-made translations are marked as such until a native speaker has reviewed them.
        assertEquals(language.equals("en") ? "source" : "machine", r.get("replies").get(0).get("status").asText());
    }

    @Test
    void aFirstMessageSetsTheLanguageAndRoutesIt() {
        String id = start(Map.of());
        JsonNode r = say(id, "hej, hur hittar jag ett jobb här i sverige?");
        assertEquals("sv", r.get("trace").get("language").asText());
        assertEquals("jobs.find", r.get("trace").get("dialog").asText());
        assertTrue(r.get("trace").get("confidence").asDouble() > 0);
        assertFalse(r.get("trace").get("escalated").asBoolean());
        assertTrue(r.get("trace").get("variables").isObject(), r.toString());
        // An answer goes into the conversation's variables, and the trace shows them.
        JsonNode answered = say(id, "ja");
        assertEquals("yes", answered.get("trace").get("variables").path("registered").asText(), answered.toString());
    }

    @Test
    void badInputGetsAClearAnswerInTheNewcomersLanguageAndNothingBreaks() {
        String id = start(Map.of("language", "uk"));
        // Longer than a message may be, within the body limit: the bot's own clear answer. (Over the body limit,
        // helpdesk.limits.max-body, the API answers 413 with a JSON reason: see HostileInputIntegrationTests.)
        JsonNode huge = say(id, "робота ".repeat(1_000));
        assertEquals("uk", huge.get("trace").get("language").asText());
        JsonNode replies = huge.get("replies"); // (the first contact's short privacy notice comes first)
        assertTrue(replies.get(replies.size() - 1).get("text").asText().matches("(?s).*2.000.*"), huge.toString()); // at most 2 000 characters
        JsonNode control = say(id, "\u0000\u0001\u200f");
        assertEquals("uk", control.get("trace").get("language").asText());
        assertEquals(400, api().post("/api/preview/conversations/" + id + "/messages", "{not json").status());
        // The conversation goes on as before.
        JsonNode after = api().post("/api/preview/conversations/" + id + "/messages", Map.of("payload", "cmd:menu")).json();
        assertEquals("welcome", after.get("trace").get("dialog").asText());
    }

    @Test
    void refusesAnonymousAndUnknownConversations() {
        assertEquals(401, new Api(port, null, null).post("/api/preview/conversations", Map.of()).status());
        assertEquals(404, api().post("/api/preview/conversations/nope/messages", Map.of("text", "hi")).status());
        assertEquals(400, api().post("/api/preview/conversations/" + start(Map.of()) + "/messages", Map.of()).status());
    }

    JsonNode press(String id, String payload) {
        Api.Response r = api().post("/api/preview/conversations/" + id + "/messages", Map.of("payload", payload));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static JsonNode replyWithKey(JsonNode answer, String key) {
        for (JsonNode r : answer.get("replies")) if (key.equals(r.path("key").asText())) return r;
        throw new AssertionError("no reply with key " + key + " in " + answer);
    }

    static boolean shows(JsonNode answer, String key, String status, String in) {
        for (JsonNode t : answer.get("trace").get("texts")) {
            if (t.get("key").asText().equals(key) && t.get("status").asText().equals(status) && t.get("in").asText().equals(in)) return true;
        }
        return false;
    }

    @Test
    void everyTextShownComesWithItsKeyAndReviewStatusRepliesAndButtonsAlike() {
        JsonNode ar = press(start(Map.of("language", "ar")), "cmd:menu");
        // The first contact's privacy notice, added around the engine's answer, is a text like any other.
        assertEquals("machine", replyWithKey(ar, "privacy.first_contact").get("status").asText(), ar.toString());
        JsonNode menu = replyWithKey(ar, "welcome.menu_q");
        assertEquals("machine", menu.get("status").asText());
        assertEquals("rtl", menu.get("direction").asText());
        JsonNode work = menu.get("buttons").get(0);
        assertEquals("welcome.menu.work", work.get("key").asText(), menu.toString());
        assertEquals("machine", work.get("status").asText());
        assertTrue(work.get("payload").asText().length() > 0);
        assertTrue(shows(ar, "welcome.menu_q", "machine", "reply") && shows(ar, "welcome.menu.work", "machine", "button"), ar.toString());
        // The contract's fields are all still there.
        for (String field : List.of("language", "dialog", "step", "escalated", "variables")) assertTrue(ar.get("trace").has(field), field);

        JsonNode en = press(start(Map.of("language", "en")), "cmd:menu");
        assertEquals("source", replyWithKey(en, "welcome.menu_q").get("status").asText());
        assertTrue(shows(en, "welcome.menu.work", "source", "button"), en.toString());
    }

    @Test
    void wordsThatAreNoTextHaveNoKey() {
        JsonNode languages = press(start(Map.of("language", "sv")), "cmd:language");
        // The language menu's buttons are each language's own name, not a translated text.
        JsonNode buttons = languages.get("replies").get(languages.get("replies").size() - 1).get("buttons");
        boolean nameWithoutKey = false;
        for (JsonNode b : buttons) if (b.get("label").asText().equals("العربية") && b.get("key").isNull()) nameWithoutKey = true;
        assertTrue(nameWithoutKey, languages.toString());
    }

    @Test
    void theConversationComesBackAsAGoldenTranscript() {
        String id = start(Map.of("language", "ar"));
        JsonNode work = replyWithKey(press(id, "cmd:menu"), "welcome.menu_q").get("buttons").get(0);
        press(id, work.get("payload").asText());
        Api.Response yaml = api().get("/api/preview/conversations/" + id + "/transcript.yaml");
        assertEquals(200, yaml.status(), yaml.body());
        assertTrue(yaml.body().contains("\nlanguage: ar\nturns:\n"), yaml.body());
        assertTrue(yaml.body().contains("  - payload: \"cmd:menu\"\n    expect: {dialog: welcome, step: menu, says: [welcome.menu_q]}\n"), yaml.body());
        // A pressed button is written by its label, as an editor reads it.
        assertTrue(yaml.body().contains("  - press: \"" + work.get("label").asText() + "\"\n    expect: {dialog: welcome, step: work, "), yaml.body());
        assertEquals(404, api().get("/api/preview/conversations/nope/transcript.yaml").status());
    }

    @Test
    void aDialogsTranscriptFilesAreListedWithTheirText() {
        JsonNode r = api().get("/api/preview/transcripts?dialog=referral.health_care").json();
        assertEquals("referral.health_care", r.get("dialog").asText());
        JsonNode first = r.get("files").get(0);
        assertEquals("dialogs/tests/referral.health_care.ar.yaml", first.get("path").asText(), r.toString());
        assertTrue(first.get("text").asText().contains("language: ar"), first.toString());
        assertEquals(0, api().get("/api/preview/transcripts?dialog=no.such.dialog").json().get("files").size());
    }
}
