package org.lots.helpdesk.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** Contract section 4: {@code trace.variables} holds what the bot picked up from the newcomer's words, over HTTP. */
@HelpdeskIntegrationTest
class PickedUpVariablesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aFirstMessageThatSaysTheSituationShowsItInTheTrace() {
        Api api = new Api(port);
        Api.Response started = api.post("/api/preview/conversations", Map.of("language", "en"));
        assertEquals(201, started.status(), started.body());
        String id = started.json().get("id").asText();
        Api.Response r = api.post("/api/preview/conversations/" + id + "/messages",
                Map.of("text", "got temporary protection last year, are swedish lessons free for me"));
        assertEquals(200, r.status(), r.body());
        JsonNode trace = r.json().get("trace");
        assertEquals("education.language", trace.get("dialog").asText(), r.body());
        assertEquals("temporary_protection", trace.get("variables").path("language_situation").asText(), r.body());
        boolean said = false;
        for (JsonNode reply : r.json().get("replies")) {
            if (reply.get("text").asText().startsWith("I understood: ")) {
                said = true;
                assertEquals("q:education.language:situation", reply.get("buttons").get(0).get("payload").asText(), r.body());
            }
        }
        assertTrue(said, r.body());
    }

    @Test
    void aMunicipalityNamedInTheFirstMessageShowsInTheTrace() {
        Api api = new Api(port);
        String id = api.post("/api/preview/conversations", Map.of("language", "ru")).json().get("id").asText();
        Api.Response r = api.post("/api/preview/conversations/" + id + "/messages", Map.of("text", "живу в Тролльхеттане, нужна квартира"));
        assertEquals(200, r.status(), r.body());
        assertEquals("trollhattan", r.json().get("trace").get("variables").path("municipality").asText(), r.body());
        assertEquals("referral.housing", r.json().get("trace").get("dialog").asText(), r.body());
    }
}
