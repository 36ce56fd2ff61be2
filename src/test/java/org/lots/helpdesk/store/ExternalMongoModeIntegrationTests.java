package org.lots.helpdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.TestApps;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * {@code helpdesk.store=mongodb}: no embedded server is started and the standard URI property is used. A separate
 * wire-protocol server stands in for the real MongoDB that docker-compose starts (no MongoDB can be installed here).
 */
class ExternalMongoModeIntegrationTests {

    @Test
    void theHelpDeskUsesTheConfiguredMongoDbAndStartsNoEmbeddedStore() {
        MongoServer external = new MongoServer(H2Backend.inMemory());
        external.bind("127.0.0.1", 0);
        String uri = external.getConnectionString() + "/helpdesk";
        try (ConfigurableApplicationContext app = TestApps.start(null, "--helpdesk.store=mongodb", "--spring.mongodb.uri=" + uri)) {
            assertTrue(app.getBeansOfType(MongoServer.class).isEmpty(), "no embedded server in mongodb mode");
            Api api = new Api(TestApps.port(app));
            Api.Response health = api.get("/actuator/health");
            assertEquals("UP", health.json().get("status").asText(), health.body());
            String id = api.post("/api/preview/conversations", Map.of("language", "de")).json().get("id").asText();
            assertEquals(200, api.post("/api/preview/conversations/" + id + "/messages", Map.of("text", "hallo")).status());
            try (var client = MongoClients.create(uri)) {
                assertEquals(1, client.getDatabase("helpdesk").getCollection("conversations").countDocuments());
                assertEquals(1, client.getDatabase("helpdesk").getCollection("users").countDocuments());
            }
        } finally {
            external.shutdownNow();
        }
    }
}
