package org.lots.helpdesk.studio.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.unanswered.UnansweredQuestion;
import org.lots.helpdesk.unanswered.UnansweredRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The content health API: lint, texts per language, few example phrases, this week's unanswered questions. */
@HelpdeskIntegrationTest
class ContentHealthApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ContentService content;
    @Autowired
    ConversationService conversations;
    @Autowired
    UnansweredRepository unanswered;
    @Autowired
    Clock clock;

    JsonNode health(String query) {
        Api.Response r = new Api(port).get("/api/editor/health" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void lintAndEveryLanguagesTextsAreCountedAsTheTranslationReportCountsThem() {
        JsonNode h = health("");
        assertEquals(0, h.get("lint").get("errors").asInt(), h.get("lint").toString());
        assertFalse(h.get("lint").get("refused").asBoolean());
        assertEquals(content.problems().size(), h.get("lint").get("problems").size());
        assertEquals(content.problems().size(), h.get("lint").get("warnings").asInt());
        JsonNode first = h.get("lint").get("problems").get(0);
        assertTrue(first.get("path").asText().startsWith("translations/") || first.get("path").asText().startsWith("dialogs/"), first.toString());

        Content c = content.current().content();
        assertEquals(c.languages().size(), h.get("translations").size());
        for (JsonNode l : h.get("translations")) {
            String language = l.get("language").asText();
            var texts = c.catalogue().language(language).orElseThrow().texts();
            var source = c.catalogue().language(c.catalogue().fallback()).orElseThrow().texts();
            // Each text once, however many dialogs show it: the counts lint and the catalogue have.
            long machine = texts.values().stream().filter(e -> e.status() == Catalogue.Status.MACHINE).count();
            long missing = source.keySet().stream().filter(k -> !texts.containsKey(k)).count();
            assertEquals(List.of(source.size(), (int) missing, (int) machine), List.of(l.get("total").asInt(), l.get("missing").asInt(),
                    l.get("machine").asInt()), l.toString());
            assertEquals(c.catalogue().names().get(language), l.get("name").asText());
            for (JsonNode g : l.get("dialogs")) assertTrue(g.get("missing").asInt() + g.get("outdated").asInt() > 0, g.toString());
        }
        // Lint counts the same machine-made texts.
        JsonNode ar = null;
        for (JsonNode l : h.get("translations")) if (l.get("language").asText().equals("ar")) ar = l;
        String machineLine = ar.get("machine").asInt() + " machine-made text(s)";
        assertTrue(h.get("lint").toString().contains(machineLine), machineLine + " in " + h.get("lint"));
    }

    @Test
    void dialogsWithFewerExamplePhrasesThanAskedAreListedPerLanguage() {
        Content c = content.current().content();
        int learned = 0, under7 = 0;
        for (Dialog d : c.dialogs().values()) {
            if (d.examples().isEmpty()) continue;
            learned++;
            for (String language : c.languages()) if (d.examples().getOrDefault(language, List.of()).size() < 7) under7++;
        }
        // Everything is "few" below a high bar: one row per dialog the router learns and language.
        JsonNode all = health("?few=1000").get("examples");
        assertEquals(1000, all.get("few").asInt());
        assertEquals(learned * c.languages().size(), all.get("gaps").size());
        JsonNode some = health("?few=7").get("examples").get("gaps");
        assertEquals(under7, some.size());
        for (JsonNode g : some) {
            assertTrue(g.get("count").asInt() < 7, g.toString());
            assertEquals(c.dialogs().get(g.get("dialog").asText()).examples().getOrDefault(g.get("language").asText(), List.of()).size(),
                    g.get("count").asInt());
            assertTrue(g.get("most").asInt() >= g.get("count").asInt());
        }
        // Fewest first.
        for (int i = 1; i < some.size(); i++) assertTrue(some.get(i - 1).get("count").asInt() <= some.get(i).get("count").asInt());
    }

    @Test
    void thisWeeksUnansweredQuestionsAreGroupedAndOlderOnesLeftOut() {
        var chat = new ConversationService.Address("test", "health-weather");
        conversations.receive(chat, new Input.Command("start", "en"), "en");
        conversations.receive(chat, new Input.Text("gonna rain in lund tmrw?? need to kno for my bike"), "en");
        unanswered.save(new UnansweredQuestion(null, "health-old", "how cold kiruna last month, was it -30", "en",
                "FALLBACK", "fallback", null, clock.instant().minus(Duration.ofDays(8))));

        JsonNode u = health("").get("unanswered");
        assertEquals(7, u.get("days").asInt());
        assertTrue(u.get("questions").asInt() >= 1);
        assertTrue(u.get("groups").size() <= ContentHealthController.TOP_GROUPS);
        String all = u.get("groups").toString();
        assertTrue(all.contains("gonna rain in lund tmrw?? need to kno for my bike"), all);
        assertFalse(all.contains("how cold kiruna last month"), all);
        for (JsonNode g : u.get("groups")) assertTrue(g.has("closestTopic") && g.has("count") && g.has("languages") && g.has("examples"));
        // A longer window reaches the older one.
        assertTrue(health("?days=30").get("unanswered").toString().contains("how cold kiruna last month"));
    }

    @Test
    void onlyEditorsSeeIt() {
        assertEquals(401, new Api(port, null, null).get("/api/editor/health").status());
    }
}
