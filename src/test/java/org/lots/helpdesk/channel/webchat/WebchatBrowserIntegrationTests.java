package org.lots.helpdesk.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The widget on the demo page in a real (headless) chromium, as a newcomer uses it: a whole conversation in Arabic
 * right to left, a handoff with an adviser's live reply, a reload that keeps the history, keyboard-only use, and
 * axe-core's WCAG 2.1 A/AA rules on the open widget in Arabic, Tigrinya and Swedish on a 360-pixel-wide phone
 * (screenshots in target/screenshots/). The test clock stands within office hours.
 */
@WebchatIntegrationTest
class WebchatBrowserIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    HandoffRepository handoffs;

    WebDriver browser;

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    WidgetPage page(String query, int width, int height, String browserLanguage) {
        ChromeDriver chrome = Browsers.open(Math.max(width, 800), height, browserLanguage);
        browser = chrome;
        if (width < 800) Browsers.phone(chrome, width, height);
        browser.get("http://127.0.0.1:" + port + "/" + query);
        return new WidgetPage(browser);
    }

    @Test
    void aWholeConversationInArabicRunsRightToLeft() {
        WidgetPage w = page("?language=ar", 1280, 900, "en");
        w.open();
        int said = w.botSaidMoreThan(0);
        WebElement panel = w.find("#lots-panel");
        assertEquals("rtl", panel.getDomAttribute("dir"));
        assertEquals("ar", panel.getDomAttribute("lang"));
        assertEquals("rtl", w.css("#lots-input", "direction"), "the whole panel, the input box too");
        assertEquals("اكتب رسالتك", w.find("#lots-input").getDomAttribute("placeholder"));

        w.type("ابحث عن عمل");
        said = w.botSaidMoreThan(said);
        assertEquals(List.of("ابحث عن عمل"), w.messages("newcomer"));
        // Right to left: the bot's bubbles start at the right edge, the newcomer's at the left.
        assertTrue(w.find(".m.bot").getRect().getX() > w.find(".m.newcomer").getRect().getX());

        String label = w.all(".ch button").get(0).getText();
        w.pressChoice(0);
        w.botSaidMoreThan(said);
        assertEquals(label, w.messages("newcomer").get(1), "a pressed button shows as what the newcomer chose");
        w.screenshot("webchat-conversation-ar");
    }

    @Test
    void aHandoffShowsTheQueueAndTheAdvisersReplyArrivesLive() {
        WidgetPage w = page("?language=sv", 1280, 900, "sv");
        w.openAndAskForAPerson("jag behöver hjälp med mitt cv");
        WebElement status = w.find(".st");
        w.wait.until(d -> status.isDisplayed() && status.getText().matches(".*\\d.*"));
        assertTrue(status.getText().startsWith("En person svarar här."), status.getText());

        String conversation = w.stored().get("id").asText();
        String handoff = handoffs.findFirstByConversationIdAndStatusIn(conversation, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
        Api admin = new Api(port);
        assertEquals("webchat", admin.get("/api/handoffs/" + handoff).json().get("channel").asText());
        assertEquals(200, admin.post("/api/handoffs/" + handoff + "/claim", Map.of()).status());
        assertEquals(200, admin.post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hej! Jag heter Sara. Hur kan jag hjälpa dig?")).status());
        w.wait.until(d -> w.messages("adviser").contains("Hej! Jag heter Sara. Hur kan jag hjälpa dig?"));
        w.wait.until(d -> w.find(".st").getText().equals("En rådgivare är i chatten."));
        assertEquals(1, w.messages("adviser").size(), "once");
    }

    @Test
    void aReloadKeepsTheConversationButLocalStorageHoldsOnlyItsKey() {
        WidgetPage w = page("?language=en", 1280, 900, "en");
        w.open();
        int said = w.botSaidMoreThan(0);
        w.type("how do i find a job");
        said = w.botSaidMoreThan(said);
        List<String> before = w.messages("bot");
        JsonNode stored = w.stored();
        assertTrue(stored.has("id") && stored.has("token"));
        assertFalse(w.storedRaw().contains("find a job"), "never the transcript");

        browser.navigate().refresh();
        WidgetPage again = new WidgetPage(browser);
        again.wait.until(d -> again.find("#lots-panel").isDisplayed()); // it was open: it opens again
        again.wait.until(d -> again.messages("bot").size() == before.size());
        assertEquals(before, again.messages("bot"));
        assertEquals(List.of("how do i find a job"), again.messages("newcomer"));
        assertEquals(stored.get("id").asText(), again.stored().get("id").asText());
        again.type("cv");
        again.botSaidMoreThan(said);
    }

    @Test
    void everythingWorksWithTheKeyboardAlone() {
        WidgetPage w = page("?language=en", 1280, 900, "en");
        Actions keys = new Actions(browser);
        for (int i = 0; i < 60 && !w.focused().startsWith("button.launch"); i++) keys.sendKeys(Keys.TAB).perform();
        assertTrue(w.focused().startsWith("button.launch"), "the launcher is reachable with Tab");
        assertNotEquals("none 0px", w.focusedOutline(), "focus is visible");
        keys.sendKeys(Keys.ENTER).perform();
        w.wait.until(d -> w.find("#lots-panel").isDisplayed());
        assertEquals("textarea.#lots-input", w.focused(), "focus moves into the panel, to the message box");
        int said = w.botSaidMoreThan(0);

        keys.sendKeys("i want to study swedish").sendKeys(Keys.ENTER).perform();
        said = w.botSaidMoreThan(said);
        assertEquals("i want to study swedish", w.messages("newcomer").get(0));

        // Back from the box to the last offered button, and press it.
        w.wait.until(d -> !w.all(".ch button").isEmpty());
        List<WebElement> choices = w.all(".ch button");
        String last = choices.get(choices.size() - 1).getText();
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertTrue(w.focused().startsWith("button."), w.focused());
        keys.sendKeys(Keys.ENTER).perform();
        w.botSaidMoreThan(said);
        assertEquals(last, w.messages("newcomer").get(1));

        // Delete with the keyboard: the confirmation takes focus, Cancel is first.
        w.find("[data-act=delete]").sendKeys(Keys.ENTER);
        assertEquals("button.[delete-no]", w.focused());
        keys.sendKeys(Keys.ESCAPE).perform();
        w.wait.until(d -> !w.find("#lots-panel").isDisplayed());
        assertTrue(w.focused().startsWith("button.launch"), "Escape closes the panel and focus returns to the launcher");
    }

    @Test
    void deletingClearsTheConversationAndTheStoredKey() {
        WidgetPage w = page("?language=en", 1280, 900, "en");
        w.open();
        w.botSaidMoreThan(0);
        String id = w.stored().get("id").asText();
        w.find("[data-act=delete]").click();
        w.find("[data-act=delete-yes]").click();
        w.wait.until(d -> w.messages("note").contains("Your conversation is deleted."));
        assertTrue(w.messages("bot").isEmpty());
        assertEquals("{}", w.storedRaw());
        assertEquals(401, new Api(port, null, null).get("/webchat/conversations/" + id).status());
    }

    @Test
    void anAdvisersMessageWhileThePanelIsClosedShowsOnTheLauncher() {
        WidgetPage w = page("?language=en", 1280, 900, "en");
        w.openAndAskForAPerson("i want help with my cv");
        String conversation = w.stored().get("id").asText();
        w.find(".x").click();
        browser.navigate().refresh(); // closed, after a reload: the widget still listens
        WidgetPage again = new WidgetPage(browser);
        again.wait.until(d -> again.find(".launch").isDisplayed());
        String handoff = handoffs.findFirstByConversationIdAndStatusIn(conversation, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
        Api admin = new Api(port);
        admin.post("/api/handoffs/" + handoff + "/claim", Map.of());
        admin.post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Hi, I can help with your CV."));
        again.wait.until(d -> again.find(".launch .dot").isDisplayed() && again.find(".launch .dot").getText().equals("2"));
        assertTrue(again.find(".launch").getDomAttribute("aria-label").endsWith("(2)"), "the adviser joined, and wrote");
        again.open();
        again.wait.until(d -> again.messages("adviser").equals(List.of("Hi, I can help with your CV.")));
        assertFalse(again.find(".launch .dot").isDisplayed());
    }

    /**
     * Another site (another origin, with a strict Content Security Policy that allows only the help desk) embeds
     * the widget with the one script tag: it loads, talks to the help desk across origins and gets live messages.
     */
    @Test
    void aPageOnAnotherOriginWithAStrictPolicyEmbedsTheWidgetWithOneScriptTag() throws Exception {
        String helpdesk = "http://127.0.0.1:" + port;
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = ("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>En förening</title></head>"
                + "<body><main><h1>En förening</h1><p>Välkommen.</p></main>"
                + "<script src=\"" + helpdesk + "/widget.js\" async data-language=\"uk\" data-title=\"Допомога\" data-position=\"left\"></script>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'none'; script-src " + helpdesk + "; connect-src " + helpdesk + "; img-src 'none'; style-src 'none'");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        site.start();
        try {
            browser = Browsers.open(1280, 900, "en");
            browser.get("http://localhost:" + site.getAddress().getPort() + "/");
            WidgetPage w = new WidgetPage(browser);
            w.open();
            assertEquals("Допомога", w.find("#lots-title").getText());
            assertTrue(w.find("#lots-panel").getRect().getX() < 100, "on the left");
            assertEquals("rgba(11, 83, 148, 1)", w.css("header", "background-color"), "the widget's own styles apply under the host's CSP");
            w.askForAPerson("мені потрібна допомога з резюме");
            String conversation = w.stored().get("id").asText();
            String handoff = handoffs.findFirstByConversationIdAndStatusIn(conversation, List.of(Handoff.Status.WAITING)).orElseThrow().getId();
            Api admin = new Api(port);
            admin.post("/api/handoffs/" + handoff + "/claim", Map.of());
            admin.post("/api/handoffs/" + handoff + "/messages", Map.of("text", "Вітаю! Я консультантка."));
            w.wait.until(d -> w.messages("adviser").contains("Вітаю! Я консультантка."));
        } finally {
            site.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "ti", "sv"})
    void theOpenWidgetMeetsWcag21AaOnA360PixelPhone(String language) throws Exception {
        WidgetPage w = page("?language=" + language, 360, 740, language);
        w.open();
        w.botSaidMoreThan(0);
        w.wait.until(d -> !w.all(".ch button").isEmpty());
        assertEquals(360L, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerWidth"));
        assertTrue(w.find("#lots-panel").getRect().getWidth() <= 360, "fits a 360-pixel screen");
        WebElement send = w.find(".send");
        assertTrue(send.getRect().getX() + send.getRect().getWidth() <= 360, "the send button is on screen");
        w.screenshot("webchat-" + language);
        List<String> violations = w.axeViolations();
        assertEquals(List.of(), violations, "axe-core WCAG 2.1 A/AA violations in " + language);
    }
}
