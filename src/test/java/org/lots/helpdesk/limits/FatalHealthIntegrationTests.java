package org.lots.helpdesk.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker that caught an OutOfMemoryError carries on, but the process may be in any state: health turns DOWN so
 * that an orchestrator restarts it (the container also exits on one).
 */
@HelpdeskIntegrationTest
class FatalHealthIntegrationTests {

    @LocalServerPort int port;

    @Test
    void anOutOfMemoryErrorCaughtByAWorkerTurnsHealthDown() {
        Api anonymous = new Api(port, null, null);
        assertEquals("UP", anonymous.get("/actuator/health").json().get("status").asText());
        try {
            Fatal.check(new OutOfMemoryError("simulated")); // as the outbox, the poller or the content watcher do
            Api.Response down = anonymous.get("/actuator/health");
            assertEquals(503, down.status(), down.body());
            assertEquals("DOWN", down.json().get("status").asText());
        } finally {
            Fatal.clearAfterSimulation();
        }
        assertEquals("UP", anonymous.get("/actuator/health").json().get("status").asText());
    }
}
