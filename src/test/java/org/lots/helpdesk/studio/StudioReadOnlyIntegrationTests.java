package org.lots.helpdesk.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A content folder the studio may not write (a read-only mount; here declared with helpdesk.studio.writable=false,
 * since the tests run as root, who may write any folder): the studio says so up front, a save is checked as
 * always and then answered 423 with the changed file for a download, and nothing on disk changes.
 */
class StudioReadOnlyIntegrationTests {

    @Test
    void aReadOnlyFolderGetsTheChangedFileAsADownloadAndNothingIsWritten() {
        try (StudioApp app = new StudioApp("--helpdesk.studio.writable=false")) {
            Api admin = app.api();
            JsonNode status = admin.get("/api/studio/status").json();
            assertTrue(status.get("readOnly").asText().contains("not to write"), status.toString());
            String before = app.file("translations/sv.yaml");
            JsonNode row = null;
            for (JsonNode t : admin.get("/api/studio/review/sv").json().get("texts")) if (t.get("key").asText().equals("system.clarify")) row = t;
            Api.Response r = admin.send("PUT", "/api/studio/review/sv", Map.of("key", "system.clarify", "text", "Menar du något av det här?",
                    "reviewed", true, "version", row.get("version").asText()));
            assertEquals(423, r.status(), r.body());
            assertTrue(r.json().get("readOnly").asBoolean());
            assertEquals("translations/sv.yaml", r.json().get("file").asText());
            String changed = r.json().get("changed").asText();
            assertEquals(List.of("-    text: Menade du något av de här?", "-    status: machine",
                    "+    text: Menar du något av det här?", "+    status: reviewed"), YamlEditTests.diff(before, changed));
            assertEquals(before, app.file("translations/sv.yaml"));
            // A broken text is still refused as broken (400), not offered for download.
            Api.Response broken = admin.send("PUT", "/api/studio/review/sv", Map.of("key", "system.clarify", "text", "{oops",
                    "reviewed", true, "version", row.get("version").asText()));
            assertEquals(400, broken.status());
            Api.Response file = admin.get("/api/studio/history/file?file=translations/sv.yaml");
            assertEquals(200, file.status());
            assertEquals(before, file.body());
        }
    }
}
