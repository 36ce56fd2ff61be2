package org.lots.helpdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestClock;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The coordinator's report page and the editors' failure page in real headless chromium: the period's numbers and
 * charts (inline SVG, nothing fetched from elsewhere), the print layout, and no WCAG 2.1 A/AA violation (axe-core).
 */
@HelpdeskIntegrationTest
@TestPropertySource(properties = "helpdesk.reports.max-days=1100") // a context of its own: these tests move its clock by weeks
@DirtiesContext
class ReportsBrowserIntegrationTests {

    static final String PASSWORD = "Reports-Secret-2026!";

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired ConversationService conversations;
    @Autowired HandoffRepository handoffs;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    LocalDate freshDay() {
        return ReportsIntegrationTests.freshDay(clock);
    }

    void login(String role) {
        String name = role.toLowerCase() + System.nanoTime() % 1_000_000;
        Api.Response created = new Api(port).post("/api/admin/users", Map.of("username", name, "password", PASSWORD,
                "roles", List.of(role), "languages", List.of("en")));
        assertEquals(201, created.status(), created.body());
        browser = Browsers.open(1280, 900, "en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Browsers.logIn(browser, wait, url(""), name, PASSWORD);
    }

    /** Traffic on the test channel: answered by the bot in Arabic and Swedish, one not understood, one handoff closed. */
    void traffic() {
        Newcomers newcomers = new Newcomers(conversations, handoffs);
        newcomers.send("rb-ar-" + System.nanoTime(), new Input.Command("start", "jobs.find"), "ar");
        newcomers.send("rb-sv-" + System.nanoTime(), new Input.Command("start", "education.language"), "sv");
        String so = "rb-so-" + System.nanoTime();
        newcomers.send(so, new Input.Command("start", "so"), "so");
        newcomers.send(so, new Input.Text("qxzv wbkj ptrm"), "so");
        String id = newcomers.escalate("rb-en-" + System.nanoTime(), "en", "i need help with my papers");
        Api admin = new Api(port);
        assertEquals(200, admin.post("/api/handoffs/" + id + "/claim", null).status());
        assertEquals(200, admin.post("/api/handoffs/" + id + "/messages", Map.of("text", "Hello, how can I help?")).status());
        assertEquals(200, admin.post("/api/handoffs/" + id + "/close", Map.of("outcome", "job")).status());
    }

    @Test
    void theCoordinatorSeesTheNumbersAndChartsOfThePeriodWithoutAnAccessibilityViolationAndItPrints() throws Exception {
        LocalDate day = freshDay();
        traffic();
        login("COORDINATOR");
        browser.get(url("/console/reports.html?from=" + day + "&to=" + day));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", day + "/" + day));

        String headline = browser.findElement(By.id("headline")).getText();
        assertTrue(headline.contains("Newcomers reached\n<5"), headline);
        assertTrue(headline.contains("Answered by the bot\n50%"), "2 of 4 conversations: " + headline);
        for (String chart : List.of("chart-weeks", "chart-topics", "chart-outcomes", "chart-shares")) {
            assertEquals(1, browser.findElements(By.cssSelector("#" + chart + " svg[role='img'] title")).size(), chart);
        }
        assertTrue(browser.findElement(By.cssSelector("#chart-topics")).getDomProperty("textContent").contains("jobs.find"));
        assertTrue(browser.findElement(By.cssSelector("#chart-outcomes")).getDomProperty("textContent").contains("Got a job"));
        assertEquals("/api/reports/summary.csv?from=" + day + "&to=" + day,
                browser.findElement(By.id("csv")).getDomAttribute("href"));
        List<String> violations = Browsers.axeViolations(browser);
        assertTrue(violations.isEmpty(), String.join("\n", violations));

        // Printed for a funder: the charts and numbers, without the period picker and the links.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals("none", browser.findElement(By.id("period")).getCssValue("display"));
        assertEquals("none", browser.findElement(By.cssSelector("header.top")).getCssValue("display"));
        assertTrue(browser.findElement(By.cssSelector("#chart-weeks svg")).isDisplayed());
    }

    @Test
    void anEditorSeesWhereTheBotFailsPerLanguageAndOpensThatLanguagesUnansweredQuestions() throws Exception {
        LocalDate day = freshDay();
        traffic();
        Api.Response somali = new Api(port).get("/api/editor/unanswered?days=90&language=so");
        assertTrue(somali.body().contains("qxzv wbkj ptrm"), somali.body());
        assertTrue(new Api(port).get("/api/editor/unanswered?days=90&language=sv").json().toString().indexOf("qxzv") < 0);
        login("EDITOR");
        browser.get(url("/console/failures.html?from=" + day + "&to=" + day + "&inbox=so#inbox"));
        wait.until(d -> d.findElement(By.id("languages")).getText().contains("Unanswered in")
                || !d.findElement(By.id("error")).getText().isEmpty());
        assertEquals("", browser.findElement(By.id("error")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-list"), "qxzv wbkj ptrm"));
        String table = browser.findElement(By.id("languages")).getText();
        assertTrue(table.contains("100%"), "the Somali message was not understood: " + table);
        assertEquals("/console/failures.html?inbox=so#inbox",
                browser.findElement(By.xpath("//a[contains(., 'Unanswered in') and contains(., '(so)')]")).getDomAttribute("href"));
        List<String> violations = Browsers.axeViolations(browser);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
