package org.lots.helpdesk.channel.webchat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The widget on a page, seen through its shadow root: what a newcomer sees and does, for browser tests. */
final class WidgetPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    final WebDriver browser;
    final WebDriverWait wait;

    WidgetPage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    }

    SearchContext root() {
        return wait.until(d -> d.findElement(By.id("lots-webchat")).getShadowRoot());
    }

    WebElement find(String css) {
        return wait.until(d -> root().findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return root().findElements(By.cssSelector(css));
    }

    void open() {
        find(".launch").click();
        wait.until(d -> find("#lots-panel").isDisplayed());
    }

    /** Texts of the messages from {@code from} (bot, newcomer, adviser, note), in order. */
    List<String> messages(String from) {
        return wait.until(d -> all(".m." + from + " > span[dir]").stream().map(WebElement::getText).toList());
    }

    /** Waits until the bot has said more than {@code count} things; returns how many now. */
    int botSaidMoreThan(int count) {
        wait.until(d -> messages("bot").size() > count && find(".ty").getDomAttribute("hidden") != null);
        return messages("bot").size();
    }

    /** Opens the panel, waits for the welcome, asks for a person with the toolbar button and says why. */
    void openAndAskForAPerson(String why) {
        open();
        askForAPerson(why);
    }

    /** In the open panel: waits for the welcome, asks for a person with the toolbar button and says why. */
    void askForAPerson(String why) {
        int said = botSaidMoreThan(0);
        find("[data-act=human]").click();
        said = botSaidMoreThan(said);
        type(why);
        said = botSaidMoreThan(said);
        pressChoice(0); // yes (always first): an adviser may read the conversation
        botSaidMoreThan(said);
    }

    void type(String text) {
        WebElement box = find("#lots-input");
        box.sendKeys(text);
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    void pressChoice(int index) {
        wait.until(d -> all(".ch button").size() > index);
        all(".ch button").get(index).click();
    }

    /** The stored session (id, token, language, open), as the widget keeps it in local storage. */
    JsonNode stored() {
        String raw = (String) ((JavascriptExecutor) browser).executeScript(
                "var k = Object.keys(localStorage).find(function (k) { return k.indexOf('lots-webchat:') === 0; });"
                        + "return k ? localStorage.getItem(k) : null;");
        try {
            return raw == null ? null : JSON.readTree(raw);
        } catch (Exception e) {
            throw new AssertionError("stored session is not JSON: " + raw);
        }
    }

    String storedRaw() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return JSON.stringify(localStorage);"));
    }

    /** The element focused inside the widget (its shadow root's active element), described by tag, class and data-act. */
    String focused() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "var h = document.getElementById('lots-webchat'); if (document.activeElement !== h) return 'outside';"
                        + "var a = h.shadowRoot.activeElement; if (!a) return 'none';"
                        + "return a.tagName.toLowerCase() + '.' + (a.className || '') + (a.dataset.act ? '[' + a.dataset.act + ']' : '')"
                        + " + (a.id ? '#' + a.id : '');"));
    }

    String focusedOutline() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "var a = document.getElementById('lots-webchat').shadowRoot.activeElement;"
                        + "return a ? getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth : 'none';"));
    }

    String css(String selector, String property) {
        return find(selector).getCssValue(property);
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " could not be saved: " + e);
        }
    }

    /** Runs axe-core (WCAG 2.1 A and AA rules) on the page, widget included; returns the violations, one line each. */
    List<String> axeViolations() throws Exception {
        return org.lots.helpdesk.Browsers.axeViolations(browser);
    }

    Map<String, Long> rect(String css) {
        WebElement e = find(css);
        var r = e.getRect();
        return Map.of("x", (long) r.getX(), "y", (long) r.getY(), "width", (long) r.getWidth(), "height", (long) r.getHeight());
    }
}
