package org.lots.helpdesk.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.HelpdeskApplication;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The help desk goes away and comes back on the same port and data folder while a newcomer has the widget open:
 * the widget says it cannot reach the help desk and keeps what they typed, its live stream reconnects by itself,
 * the adviser's reply made after the restart arrives once, and the kept text can be sent.
 */
class WebchatRestartBrowserIntegrationTests {

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    static ConfigurableApplicationContext start(Path dataDir, int port) {
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(
                "--server.port=" + port,
                "--helpdesk.data-dir=" + dataDir,
                "--helpdesk.content-dir=.",
                "--helpdesk.bootstrap.admin-password=" + Api.ADMIN_PASSWORD);
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void theWidgetReconnectsAfterARestartAndMissesNothing() throws Exception {
        Path dir = Files.createTempDirectory("helpdesk-webchat-restart-");
        ChromeDriver browser = Browsers.open(1280, 900, "en");
        try {
            int port;
            String conversation;
            try (ConfigurableApplicationContext first = start(dir, 0)) {
                port = port(first);
                browser.get("http://127.0.0.1:" + port + "/?language=en");
                WidgetPage w = new WidgetPage(browser);
                w.openAndAskForAPerson("i need help with my business plan");
                conversation = w.stored().get("id").asText();
                assertTrue(first.getBean(HandoffRepository.class)
                        .findFirstByConversationIdAndStatusIn(conversation, List.of(Handoff.Status.WAITING)).isPresent());
            }

            WidgetPage w = new WidgetPage(browser);
            w.wait.until(d -> w.find(".off").isDisplayed());
            assertEquals("The help desk cannot be reached right now. Your text is kept; try again in a moment.", w.find(".off p").getText());
            w.type("are you still there?");
            w.wait.until(d -> !w.find(".ty").isDisplayed());
            assertEquals("are you still there?", w.find("#lots-input").getDomProperty("value"), "what they typed is kept");
            assertTrue(w.find(".off").isDisplayed());

            try (ConfigurableApplicationContext second = start(dir, port)) {
                Api admin = new Api(port);
                String handoff = second.getBean(HandoffRepository.class)
                        .findFirstByConversationIdAndStatusIn(conversation, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
                // The stream reconnects by itself; what is pushed now reaches the widget.
                w.wait.until(d -> !w.find(".off").isDisplayed());
                assertEquals(200, admin.post("/api/handoffs/" + handoff + "/claim", Map.of()).status());
                assertEquals(200, admin.post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hello again, I am an adviser.")).status());
                w.wait.until(d -> w.messages("adviser").contains("Hello again, I am an adviser."));

                w.type(""); // Enter again: the kept words go out
                w.wait.until(d -> w.messages("newcomer").contains("are you still there?"));
                w.wait.until(d -> "".equals(w.find("#lots-input").getDomProperty("value")));
                assertEquals(1, w.messages("adviser").size(), "nothing twice");
            }
        } finally {
            browser.quit();
        }
    }
}
