package org.lots.helpdesk.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Axe;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.users.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editors' simulator and content health page in a real (headless) Chromium: an Arabic question gets a right to
 * left answer, a button press goes on, the trace shows the dialog and marks machine-made texts, the transcript files
 * open, "start again" starts afresh; axe-core finds no WCAG 2.1 AA violation, right to left and left to right.
 */
@HelpdeskIntegrationTest
class SimulatorBrowserIntegrationTests {

    static final String PASSWORD = "Editor-Secret-2026!x";

    ChromeDriver browser;
    WebDriverWait wait;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.open(1280, 900, "en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(60)); // a shared, busy machine: generous, never timed
        wait.ignoring(StaleElementReferenceException.class);
        if (users.find("sima-editor").isEmpty()) users.create("sima-editor", PASSWORD, List.of("EDITOR"), List.of("ar"));
        Browsers.logIn(browser, wait, url(""), "sima-editor", PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String text(By by) {
        return wait.until(d -> d.findElement(by).getText());
    }

    void click(By by) {
        wait.until(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed() || !e.isEnabled()) return false;
            e.click();
            return true;
        });
    }

    int botMessages() {
        return browser.findElements(By.cssSelector("#sim-messages li.sim-bot")).size();
    }

    void openSimulator() {
        browser.get(url("/console/simulator.html"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-messages"), "A new conversation"));
    }

    void say(String text) {
        int before = botMessages();
        WebElement box = browser.findElement(By.id("sim-text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
        wait.until(d -> botMessages() > before);
    }

    @Test
    void anEditorTalksArabicSeesTheAnswerRightToLeftPressesAButtonReadsTheTraceAndStartsAgain() throws Exception {
        openSimulator();
        say("ابحث عن شغل بالسويد شو لازم اعمل");

        // The answer, right to left and in Arabic, message by message.
        WebElement answer = browser.findElements(By.cssSelector("#sim-messages li.sim-bot")).get(botMessages() - 1);
        assertEquals("rtl", answer.getDomAttribute("dir"));
        assertEquals("ar", answer.getDomAttribute("lang"));
        assertEquals("rtl", answer.getCssValue("direction"));
        // The trace beside it: the language, the dialog, and a machine-made text marked as such.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-dialog"), "jobs.find"));
        assertTrue(text(By.id("t-language")).contains("(ar)"), text(By.id("t-language")));
        assertTrue(!text(By.id("t-step")).isBlank());
        assertTrue(!text(By.id("t-confidence")).equals("–"));
        assertTrue(browser.findElements(By.cssSelector("#sim-messages li.sim-bot .status-machine")).stream().anyMatch(WebElement::isDisplayed));
        List<String> machineRows = browser.findElements(By.cssSelector("#t-texts tr.text-machine")).stream().map(WebElement::getText).toList();
        assertTrue(machineRows.stream().anyMatch(r -> r.startsWith("jobs.find.") && r.contains("machine-made")), machineRows.toString());
        // The trace stays left to right and English, so that keys read as they are written.
        assertEquals("ltr", browser.findElement(By.id("trace")).getCssValue("direction"));
        Browsers.screenshot(browser, "simulator-ar");

        // A button of the answer: the conversation goes on, and the trace follows.
        String step = text(By.id("t-step"));
        WebElement button = wait.until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("#sim-messages li.sim-bot button.sim-choice"));
            return all.isEmpty() ? null : all.get(all.size() - 1 - (all.size() > 1 ? 1 : 0));
        });
        assertEquals("rtl", button.getCssValue("direction"));
        int before = botMessages();
        button.click();
        wait.until(d -> botMessages() > before);
        wait.until(d -> !d.findElement(By.id("t-step")).getText().equals(step) || !d.findElement(By.id("t-dialog")).getText().equals("jobs.find"));
        assertTrue(text(By.id("trace-turn")).contains("message 2"), text(By.id("trace-turn")));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the simulator, right to left");

        // This dialog's transcript files, and this conversation as one.
        click(By.id("show-files"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("files-note"), "transcript file"));
        click(By.id("show-yaml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("yaml")));
        String yaml = text(By.id("yaml"));
        assertTrue(yaml.contains("say: \"ابحث عن شغل بالسويد شو لازم اعمل\"") && yaml.contains("dialog: jobs.find"), yaml);
        assertTrue(browser.findElement(By.id("yaml-download")).getDomAttribute("href").endsWith("/transcript.yaml"));

        // Start again: a fresh conversation, an empty trace.
        click(By.id("restart"));
        wait.until(d -> botMessages() == 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-turn"), "Nothing sent yet"));
        assertEquals("–", text(By.id("t-dialog")));
        say("مرحبا");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-turn"), "message 1 of 1"));
    }

    @Test
    void theSimulatorInSwedishAndTheHealthPageMeetWcag21Aa() throws Exception {
        openSimulator();
        new Select(browser.findElement(By.id("sim-language"))).selectByValue("sv");
        click(By.id("restart"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-messages"), "(sv)"));
        say("hur hittar jag jobb");
        WebElement answer = browser.findElements(By.cssSelector("#sim-messages li.sim-bot")).get(botMessages() - 1);
        assertEquals("ltr", answer.getDomAttribute("dir"));
        assertEquals("sv", answer.getDomAttribute("lang"));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the simulator, left to right");

        browser.get(url("/console/health.html"));
        wait.until(d -> d.findElements(By.cssSelector("#translations tr")).size() >= 10);
        wait.until(d -> !d.findElements(By.cssSelector("#summary li")).isEmpty());
        assertTrue(text(By.id("lint-note")).length() > 0);
        // A language's row leads to the simulator in that language.
        WebElement arabic = browser.findElement(By.cssSelector("#translations tr[data-language='ar'] a[href*='simulator.html']"));
        assertTrue(arabic.getDomAttribute("href").endsWith("simulator.html?language=ar"), arabic.getDomAttribute("href"));
        // ... and to the studio's review of that language.
        assertTrue(browser.findElement(By.cssSelector("#translations tr[data-language='ar'] a[href*='review.html']"))
                .getDomAttribute("href").endsWith("review.html?language=ar"));
        Browsers.screenshot(browser, "health");
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the health page");
    }
}
