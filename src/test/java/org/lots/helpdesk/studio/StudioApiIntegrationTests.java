package org.lots.helpdesk.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.unanswered.UnansweredQuestion;
import org.lots.helpdesk.unanswered.UnansweredRepository;
import org.lots.helpdesk.users.UserService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The studio over HTTP against a running help desk with its own copy of the content: reviews and their version
 * check, the XLIFF exchange (contract section 10), example phrases with the held-out rule, the inbox, history and
 * restore, and a reviewer kept to their languages. Every save is checked in the file on disk (only its lines
 * changed) and live in the running bot.
 */
class StudioApiIntegrationTests {

    static final String REVIEWER_PASSWORD = "Reviewer-Secret-2026!";
    static final String SV = "translations/sv.yaml";
    static StudioApp app;
    static Api admin;

    @BeforeAll
    static void start() {
        app = new StudioApp();
        admin = app.api();
        UserService users = app.app.getBean(UserService.class);
        users.create("second-editor", REVIEWER_PASSWORD, List.of("EDITOR"), List.of("sv"));
        users.create("sv-reviewer", REVIEWER_PASSWORD, List.of("REVIEWER"), List.of("sv"));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    static JsonNode row(String lang, String key) {
        Api.Response r = admin.get("/api/studio/review/" + lang);
        assertEquals(200, r.status(), r.body());
        for (JsonNode t : r.json().get("texts")) if (t.get("key").asText().equals(key)) return t;
        throw new AssertionError("no row " + key);
    }

    static Api.Response save(Api as, String lang, String key, String text, boolean reviewed, String version) {
        return as.send("PUT", "/api/studio/review/" + lang, Map.of("key", key, "text", text, "reviewed", reviewed, "version", version));
    }

    @Test
    void aReviewedTextIsWrittenInItsOwnLinesAndGoesLive() {
        String before = app.file(SV);
        JsonNode row = row("sv", "system.clarify");
        assertEquals("machine", row.get("status").asText());
        Api.Response r = save(admin, "sv", "system.clarify", "Menar du något av det här?", true, row.get("version").asText());
        assertEquals(200, r.status(), r.body());
        assertEquals("reviewed", r.json().get("status").asText());
        assertEquals(List.of("-    text: Menade du något av de här?", "-    status: machine",
                "+    text: Menar du något av det här?", "+    status: reviewed"), YamlEditTests.diff(before, app.file(SV)));
        StudioApp.await(() -> app.contentService().current().texts().format("sv", "system.clarify").equals("Menar du något av det här?"), "the reviewed text live");
        Catalogue.Entry live = app.contentService().current().content().catalogue().entry("sv", "system.clarify").orElseThrow();
        assertEquals(Catalogue.Status.REVIEWED, live.status());
        assertTrue(admin.get("/api/studio/review/sv?status=reviewed").body().contains("system.clarify"));
    }

    @Test
    void aBrokenTextIsRefusedBeforeAnythingIsWritten() {
        String before = app.file(SV);
        JsonNode row = row("sv", "system.too_long");
        Api.Response icu = save(admin, "sv", "system.too_long", "För långt (högst {max tecken).", true, row.get("version").asText());
        assertEquals(400, icu.status(), icu.body());
        assertTrue(icu.json().get("error").asText().contains("ICU"), icu.body());
        Api.Response placeholder = save(admin, "sv", "system.too_long", "För långt (högst {maximum} tecken).", true, row.get("version").asText());
        assertEquals(400, placeholder.status());
        assertTrue(placeholder.json().get("error").asText().contains("{max}"), placeholder.body());
        assertEquals(before, app.file(SV));
    }

    @Test
    void aSecondEditorWithAStaleVersionGets409AndNeitherChangeIsLost() throws Exception {
        String key = "system.empty", other = "system.unreadable";
        JsonNode seenByBoth = row("sv", key);
        JsonNode otherRow = row("sv", other);
        Api second = admin.as("second-editor", REVIEWER_PASSWORD);
        // Two editors save at the same moment: one the text both opened, one another text of the same file.
        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> save(admin, "sv", key, "Ditt meddelande var tomt. Skriv din fråga.", true, seenByBoth.get("version").asText()));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> save(second, "sv", other, "Jag kunde inte läsa det. Skriv din fråga som text.", false, otherRow.get("version").asText()));
        assertEquals(200, a.get().status(), a.get().body());
        assertEquals(200, b.get().status(), b.get().body());
        // The second editor still has the old version of the first text: refused, told what is there now.
        Api.Response stale = save(second, "sv", key, "Tomt meddelande.", true, seenByBoth.get("version").asText());
        assertEquals(409, stale.status(), stale.body());
        assertEquals("Ditt meddelande var tomt. Skriv din fråga.", stale.json().get("current").get("text").asText());
        String file = app.file(SV);
        assertTrue(file.contains("Ditt meddelande var tomt. Skriv din fråga."));
        assertTrue(file.contains("Jag kunde inte läsa det. Skriv din fråga som text."));
        assertFalse(file.contains("Tomt meddelande."));
        // With the current version the second editor's change goes in too.
        Api.Response again = save(second, "sv", key, "Tomt meddelande.", true, stale.json().get("current").get("version").asText());
        assertEquals(200, again.status(), again.body());
        assertTrue(app.file(SV).contains("Jag kunde inte läsa det. Skriv din fråga som text."));
    }

    @Test
    void theHistoryKeepsWhoChangedWhatAndRestoresAnEarlierVersion() {
        String file = "translations/de.yaml";
        String original = app.file(file);
        JsonNode row = row("de", "system.clarify");
        assertEquals(200, save(admin, "de", "system.clarify", "Meinst du eines davon?", true, row.get("version").asText()).status());
        Api.Response history = admin.get("/api/studio/history?file=" + file);
        assertEquals(200, history.status(), history.body());
        JsonNode versions = history.json().get("versions");
        assertEquals("admin", versions.get(0).get("user").asText());
        assertTrue(versions.get(0).get("summary").asText().contains("system.clarify"));
        JsonNode found = versions.get(versions.size() - 1);
        assertEquals(ContentHistory.ON_DISK, found.get("user").asText());
        Api.Response restored = admin.post("/api/studio/history/restore", Map.of("file", file, "id", found.get("id").asText()));
        assertEquals(200, restored.status(), restored.body());
        assertEquals(original, app.file(file));
        assertFalse(Files.exists(app.content.resolve("translations").resolve(".de.yaml.tmp")));
        assertTrue(Files.exists(Path.of(app.app.getEnvironment().getProperty("helpdesk.data-dir"), "studio-history")));
        assertEquals(404, admin.get("/api/studio/history?file=../pom.xml").status());
    }

    // ---------------------------------------------------------------- XLIFF (CONTRACT section 10)

    static String export(String lang) {
        Api.Response r = admin.get("/api/editor/translations/" + lang + ".xliff");
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    Api.Response importFile(String lang, String xliff) {
        return app.raw("PUT", "/api/editor/translations/" + lang + ".xliff", xliff, "application/xliff+xml", "admin", Api.ADMIN_PASSWORD);
    }

    /** Replaces one unit's segment in an exported file. */
    static String withUnit(String xliff, String key, String state, String target) {
        int unit = xliff.indexOf("<unit id=\"" + key + "\"");
        assertTrue(unit >= 0, key);
        int start = xliff.indexOf("<segment", unit), end = xliff.indexOf("</segment>", unit) + "</segment>".length();
        String source = xliff.substring(xliff.indexOf("<source", start), xliff.indexOf("</source>", start) + "</source>".length());
        return xliff.substring(0, start) + "<segment state=\"" + state + "\">" + source + "<target>" + target + "</target></segment>" + xliff.substring(end);
    }

    @Test
    void anXliffRoundTripWritesWhatPassesAndRejectsTheRestByKey() {
        String xliff = export("sv");
        assertTrue(xliff.contains("urn:oasis:names:tc:xliff:document:2.0") && xliff.contains("trgLang=\"sv\""));
        assertTrue(xliff.contains("<unit id=\"welcome.hello\""), "one unit per key");
        assertTrue(xliff.contains("state=\"translated\""), "machine texts are translated");
        // Unchanged, the file changes nothing.
        Api.Response same = importFile("sv", xliff);
        assertEquals(200, same.status(), same.body());
        assertEquals(0, same.json().get("updated").asInt(), same.body());
        assertEquals(0, same.json().get("rejected").size(), same.body());
        String before = app.file(SV);
        String edited = withUnit(xliff, "system.stale_button", "reviewed", "Den knappen hör till ett äldre meddelande.");
        edited = withUnit(edited, "system.too_long", "translated", "Ditt meddelande är för långt (högst {max tecken).");
        edited = withUnit(edited, "system.restarted", "final", "Vi börjar om, {municipality}.");
        Api.Response r = importFile("sv", edited);
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("updated").asInt(), r.body());
        assertTrue(r.json().get("unchanged").asInt() > 100, r.body());
        List<String> rejected = new ArrayList<>();
        r.json().get("rejected").forEach(x -> rejected.add(x.get("key").asText()));
        assertEquals(List.of("system.too_long", "system.restarted"), rejected);
        assertTrue(r.json().get("rejected").get(0).get("reason").asText().contains("ICU"));
        assertTrue(r.json().get("rejected").get(1).get("reason").asText().contains("{municipality}"));
        List<String> diff = YamlEditTests.diff(before, app.file(SV));
        assertTrue(diff.contains("+    text: Den knappen hör till ett äldre meddelande."), diff.toString());
        assertTrue(diff.contains("+    status: reviewed"), diff.toString());
        assertEquals(4, diff.size(), diff.toString());
        StudioApp.await(() -> app.contentService().current().texts().format("sv", "system.stale_button").startsWith("Den knappen hör"), "the imported text live");
        assertTrue(export("sv").contains("Den knappen hör till ett äldre meddelande.</target>"));
    }

    @Test
    void anXliffFileForAnotherLanguageJunkAndEntitiesAreRefusedWithNothingChanged() {
        String before = app.file(SV);
        Api.Response other = importFile("sv", export("ar"));
        assertEquals(400, other.status(), other.body());
        assertTrue(other.json().get("error").asText().contains("'ar'"), other.body());
        assertEquals(400, importFile("sv", "not xliff").status());
        assertEquals(400, importFile("sv", "").status());
        assertEquals(400, importFile("sv", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>").status());
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"sv\"><file id=\"f\">"
                + "<unit id=\"system.clarify\"><segment state=\"reviewed\"><source>x</source><target>&x;</target></segment></unit></file></xliff>";
        Api.Response entity = importFile("sv", xxe);
        assertEquals(400, entity.status(), entity.body());
        assertTrue(entity.json().get("error").asText().contains("DOCTYPE"), entity.body());
        assertEquals(before, app.file(SV));
    }

    // ---------------------------------------------------------------- examples and the inbox

    @Test
    void anExampleIsAddedAndRemovedInItsOneLine() {
        String file = "dialogs/jobs.cv.yaml", before = app.file(file);
        JsonNode dialog = dialog("sv", "jobs.cv");
        Api.Response added = admin.post("/api/studio/examples/sv/jobs.cv", Map.of("add", "studiotest mitt cv behöver ses över", "version", dialog.get("version").asText()));
        assertEquals(200, added.status(), added.body());
        List<String> diff = YamlEditTests.diff(before, app.file(file));
        assertEquals(2, diff.size(), diff.toString());
        assertTrue(diff.get(1).startsWith("+  sv: [") && diff.get(1).endsWith(", \"studiotest mitt cv behöver ses över\"]"), diff.toString());
        Api.Response stale = admin.post("/api/studio/examples/sv/jobs.cv", Map.of("add", "studiotest något annat", "version", dialog.get("version").asText()));
        assertEquals(409, stale.status(), stale.body());
        Api.Response removed = admin.post("/api/studio/examples/sv/jobs.cv", Map.of("remove", "studiotest mitt cv behöver ses över", "version", added.json().get("version").asText()));
        assertEquals(200, removed.status(), removed.body());
        assertEquals(before, app.file(file));
    }

    static JsonNode dialog(String lang, String id) {
        Api.Response r = admin.get("/api/studio/examples/" + lang);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("heldOutChecked").asBoolean());
        for (JsonNode d : r.json().get("dialogs")) if (d.get("id").asText().equals(id)) return d;
        throw new AssertionError(id);
    }

    @Test
    void aHeldOutQuestionOrAnotherDialogsExampleIsNeverTaught() throws Exception {
        String file = "dialogs/jobs.find.yaml", before = app.file(file);
        // A question of the held-out set (read here only to prove it is refused; it is never written anywhere).
        String[] heldOut = Files.readAllLines(app.content.resolve("eval/dev.tsv")).get(1).split("\t", 3);
        JsonNode d = dialog(heldOut[0], "jobs.find");
        Api.Response r = admin.post("/api/studio/examples/" + heldOut[0] + "/jobs.find", Map.of("add", heldOut[2] + "!", "version", d.get("version").asText()));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("held-out"), r.body());
        assertTrue(r.json().get("error").asText().contains("eval/dev.tsv"), r.body());
        String cvExample = dialog("sv", "jobs.cv").get("examples").get(0).asText();
        Api.Response twice = admin.post("/api/studio/examples/sv/jobs.find", Map.of("add", cvExample, "version", dialog("sv", "jobs.find").get("version").asText()));
        assertEquals(400, twice.status(), twice.body());
        assertTrue(twice.json().get("error").asText().contains("jobs.cv"));
        assertEquals(before, app.file(file));
    }

    @Test
    void oneCallTurnsAnUnansweredQuestionIntoAnExampleOfTheChosenDialog() {
        UnansweredRepository unanswered = app.app.getBean(UnansweredRepository.class);
        UnansweredQuestion q = unanswered.insert(new UnansweredQuestion(null, "c-studio", "studiotest var lär man sig svetsa", "sv",
                "fallback", "fallback", null, Instant.now()));
        Api.Response inbox = admin.get("/api/studio/inbox?days=1");
        assertEquals(200, inbox.status(), inbox.body());
        assertTrue(inbox.body().contains(q.id()));
        assertFalse(app.file("dialogs/education.adult.yaml").contains("svetsa"));
        String version = dialog("sv", "education.adult").get("version").asText();
        Api.Response r = admin.post("/api/studio/inbox/" + q.id() + "/example", Map.of("dialog", "education.adult", "version", version));
        assertEquals(200, r.status(), r.body());
        assertTrue(app.file("dialogs/education.adult.yaml").contains("\"studiotest var lär man sig svetsa\"]"));
        StudioApp.await(() -> app.contentService().current().content().dialogs().get("education.adult").examples().get("sv")
                .contains("studiotest var lär man sig svetsa"), "the example live");
        assertEquals(404, admin.post("/api/studio/inbox/nope/example", Map.of("dialog", "education.adult")).status());
    }

    // ---------------------------------------------------------------- roles

    @Test
    void aReviewerWorksOnlyInTheirOwnLanguages() {
        Api reviewer = admin.as("sv-reviewer", REVIEWER_PASSWORD);
        assertEquals(200, reviewer.get("/api/studio/review/sv").status());
        assertEquals(200, reviewer.get("/api/editor/translations/sv.xliff").status());
        assertEquals(403, reviewer.get("/api/studio/review/ar").status());
        assertEquals(403, reviewer.get("/api/editor/translations/ar.xliff").status());
        assertEquals(403, app.raw("PUT", "/api/editor/translations/ar.xliff", export("ar"), "application/xliff+xml", "sv-reviewer", REVIEWER_PASSWORD).status());
        assertEquals(403, save(reviewer, "ar", "system.clarify", "نص", true, row("ar", "system.clarify").get("version").asText()).status());
        assertEquals(403, reviewer.get("/api/studio/examples/ar").status());
        assertEquals(403, reviewer.post("/api/studio/examples/ar/jobs.cv", Map.of("add", "x")).status());
        assertEquals(403, reviewer.get("/api/studio/history?file=translations/ar.yaml").status());
        assertEquals(403, reviewer.get("/api/studio/history?file=dialogs/jobs.cv.yaml").status());
        assertEquals(403, reviewer.get("/api/studio/inbox").status(), "newcomers' questions are for editors");
        assertEquals(403, reviewer.get("/api/editor/unanswered").status());
        JsonNode status = reviewer.get("/api/studio/status").json();
        assertEquals("[\"sv\"]", status.get("languages").toString());
        assertNotEquals(null, status.get("languageNames"));
    }
}
