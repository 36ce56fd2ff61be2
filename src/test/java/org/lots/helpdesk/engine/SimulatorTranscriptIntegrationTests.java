package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A conversation in the simulator, written as a golden transcript by the preview API, passes the golden transcript
 * runner as it is: an editor who saves it under dialogs/tests/ has a working test.
 */
@HelpdeskIntegrationTest
class SimulatorTranscriptIntegrationTests {

    @LocalServerPort
    int port;

    JsonNode send(String id, String field, String value) {
        Api.Response r = new Api(port).post("/api/preview/conversations/" + id + "/messages", Map.of(field, value));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aSimulatorConversationWrittenAsAGoldenTranscriptPassesTheRunner() {
        String id = new Api(port).post("/api/preview/conversations", Map.of()).json().get("id").asText();
        JsonNode first = send(id, "text", "ابحث عن شغل بالسويد شو لازم اعمل");
        assertEquals("ar", first.get("trace").get("language").asText(), first.toString());
        JsonNode last = first.get("replies").get(first.get("replies").size() - 1);
        if (last.get("buttons").size() > 0) send(id, "payload", last.get("buttons").get(0).get("payload").asText());
        send(id, "text", "/menu");
        send(id, "payload", "cmd:language");
        send(id, "text", "yes \"quoted\" \\ and a tab\tand a line\nbreak");

        String yaml = new Api(port).get("/api/preview/conversations/" + id + "/transcript.yaml").body();
        assertTrue(yaml.startsWith("# Written by the simulator"), yaml);
        GoldenTranscript.run("simulator.yaml", new Yaml().load(yaml));
    }
}
