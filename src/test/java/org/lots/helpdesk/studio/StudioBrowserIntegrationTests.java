package org.lots.helpdesk.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.Axe;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.users.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A native Swedish reviewer in a real (headless) Chromium: logs in, reviews the greeting, and the bot says the
 * reviewed text (through the preview API) while the file on disk changed in that text's lines only. The review and
 * example pages pass axe-core's WCAG 2.1 A/AA rules in Swedish (left to right) and Arabic (right to left).
 */
class StudioBrowserIntegrationTests {

    static final String PASSWORD = "Reviewer-Secret-2026!";
    static final String NEW_GREETING = "Hej och välkommen! Jag är {helpline_name}. Jag ger gratis råd om jobb, eget företag och utbildning i Sverige – på ditt språk. Du kan också prata med en person.";
    static StudioApp app;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() {
        Browsers.require();
        app = new StudioApp();
        app.app.getBean(UserService.class).create("siv-reviewer", PASSWORD, List.of("REVIEWER"), List.of("sv", "ar"));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port + path;
    }

    void login() {
        login("siv-reviewer", PASSWORD);
    }

    void login(String username, String password) {
        browser = Browsers.open(1280, 900, "en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        Browsers.logIn(browser, wait, url(""), username, password);
    }

    WebElement item(String key) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.text-item[data-key='" + key + "']")));
    }

    @Test
    void aReviewedSwedishGreetingIsWhatTheBotSaysAndTheFileChangedOnlyThere() throws Exception {
        login();
        String before = app.file("translations/sv.yaml");
        browser.get(url("/console/review.html?language=sv&dialog=welcome"));
        WebElement item = item("welcome.hello");
        assertTrue(item.findElement(By.cssSelector(".badge")).getText().contains("machine"));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the review page (sv)");
        WebElement box = item.findElement(By.tagName("textarea"));
        assertEquals("sv", box.getDomAttribute("lang"));
        box.clear();
        box.sendKeys(NEW_GREETING);
        item.findElement(By.cssSelector("button.review")).click();
        wait.until(d -> item("welcome.hello").findElement(By.cssSelector(".note")).getText().startsWith("Saved"));
        assertEquals("reviewed", item("welcome.hello").findElement(By.cssSelector(".badge")).getText());

        // git diff: the two lines of that text, nothing else
        List<String> diff = YamlEditTests.diff(before, app.file("translations/sv.yaml"));
        assertEquals(4, diff.size(), diff.toString());
        assertTrue(diff.get(0).startsWith("-    text: Hej! Jag är {helpline_name}."), diff.toString());
        assertEquals("-    status: machine", diff.get(1));
        assertEquals("+    text: " + NEW_GREETING, diff.get(2));
        assertEquals("+    status: reviewed", diff.get(3));

        // the history names who changed it
        browser.findElement(By.id("show-history")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "siv-reviewer · welcome.hello reviewed"));

        // and the bot says it, in a fresh Swedish conversation
        Api editor = app.api();
        String said = NEW_GREETING.replace("{helpline_name}", "Lots");
        StudioApp.await(() -> botSays(editor, "hej").stream().anyMatch(t -> t.contains(said)), "the bot greeting with the reviewed text");

        // and an editor sees it live in the simulator (the reviewer's role does not open the simulator)
        browser.quit();
        login("admin", Api.ADMIN_PASSWORD);
        browser.get(url("/console/simulator.html?language=sv"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-messages"), "A new conversation, in"));
        WebElement say = browser.findElement(By.id("sim-text"));
        say.sendKeys("hej");
        say.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-messages"), said));
    }

    static List<String> botSays(Api editor, String text) {
        String id = editor.post("/api/preview/conversations", Map.of("language", "sv")).json().get("id").asText();
        JsonNode r = editor.post("/api/preview/conversations/" + id + "/messages", Map.of("text", text)).json();
        List<String> out = new ArrayList<>();
        r.get("replies").forEach(x -> out.add(x.get("text").asText()));
        return out;
    }

    @Test
    void theStudioPagesPassAxeRightToLeftInArabic() throws Exception {
        login();
        browser.get(url("/console/review.html?language=ar&dialog=welcome"));
        WebElement box = item("welcome.hello").findElement(By.tagName("textarea"));
        assertEquals("rtl", box.getDomAttribute("dir"));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the review page (ar)");
        browser.get(url("/console/examples.html?language=ar"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#phrases li span[dir='rtl']")));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the examples page (ar)");
        browser.get(url("/console/examples.html?language=sv"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#phrases li span[dir='ltr']")));
        assertEquals(List.of(), Axe.violations(browser), "axe-core WCAG 2.1 A/AA violations on the examples page (sv)");
    }
}
