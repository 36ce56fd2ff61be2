package org.lots.helpdesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The line operators and scripts wait for (the port matters when {@code server.port=0}). */
@Component
class ReadyLog {
    private static final Logger log = LoggerFactory.getLogger("org.lots.helpdesk");

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Help desk ready on port {}", web.getWebServer().getPort());
        }
    }
}
