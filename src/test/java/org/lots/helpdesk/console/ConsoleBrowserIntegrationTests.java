package org.lots.helpdesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.Browsers;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.users.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The adviser console in a real (headless) Chromium: log in, see an Arabic chat right to left, take it, reply,
 * watch the newcomer's next message arrive without reloading, close it; newcomer markup stays text.
 * Needs Debian's chromium and chromedriver (scripts/install-test-deps).
 */
@HelpdeskIntegrationTest
class ConsoleBrowserIntegrationTests {

    static final String PASSWORD = "Adviser-Secret-2026!";
    static final String XSS = "<img src=x onerror=alert(1)>";

    WebDriver browser;
    WebDriverWait wait;

    @LocalServerPort
    int port;
    @Autowired
    ConversationService conversations;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    TestChannel.Recorder channel;
    @Autowired
    UserService users;

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.open(1280, 900, "en");
        // Live updates redraw lists; an element found a moment ago may be replaced by an identical one.
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void login(String username) {
        browser.get(url("/console/"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        submitLogin(username, PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), username));
    }

    void submitLogin(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
    }

    /** A property of an element found afresh (live updates may have redrawn it). */
    String css(By by, String property) {
        return wait.until(d -> d.findElement(by).getCssValue(property));
    }

    String attribute(By by, String name) {
        return wait.until(d -> d.findElement(by).getDomAttribute(name));
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

    String escalate(String address, String language, String topic) {
        return new Newcomers(conversations, handoffs).escalate(address, language, topic);
    }

    By message(String author, String text) {
        return By.xpath("//ol[@id='messages']/li[contains(@class,'msg-" + author + "')]/p[@class='text' and normalize-space(.)="
                + xpathLiteral(text) + "]");
    }

    static String xpathLiteral(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    void saveScreenshot(String file) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(java.nio.file.Path.of(file), png);
        } catch (Exception e) {
            // a screenshot is a convenience, never a reason to fail
        }
    }

    @Test
    void anAdviserTakesAnArabicChatRepliesSeesTheNextMessageLiveAndClosesIt() {
        if (users.find("nour").isEmpty()) users.create("nour", PASSWORD, List.of("ADVISER"), List.of("ar", "en"));
        String id = escalate("browser-ar", "ar", "أحتاج مساعدة في تصريح العمل");
        login("nour");

        // The waiting chat, its preview right to left.
        By preview = By.cssSelector("li.queue-item[data-id='" + id + "'] .preview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(preview));
        assertEquals("rtl", attribute(preview, "dir"));
        assertEquals("rtl", css(preview, "direction"));
        assertEquals("أحتاج مساعدة في تصريح العمل", text(preview));

        click(By.cssSelector("li.queue-item[data-id='" + id + "'] button.open"));
        By topic = message("newcomer", "أحتاج مساعدة في تصريح العمل");
        wait.until(ExpectedConditions.visibilityOfElementLocated(topic));
        assertEquals("rtl", css(topic, "direction"));
        click(By.id("claim"));

        // Reply; it reaches the newcomer's own channel.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply"))).sendKeys("مرحبا، أنا نور. كيف أستطيع مساعدتك؟");
        click(By.id("send"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(message("adviser", "مرحبا، أنا نور. كيف أستطيع مساعدتك؟")));
        assertTrue(channel.textsTo("browser-ar").contains("مرحبا، أنا نور. كيف أستطيع مساعدتك؟"));

        // The newcomer writes; it appears without a reload (a page-level marker survives).
        ((JavascriptExecutor) browser).executeScript("window.__noReload = 'still here';");
        conversations.receive(new Address(TestChannel.NAME, "browser-ar"), new Input.Text("شكرا، عندي سؤال عن الإقامة"), "ar");
        By live = message("newcomer", "شكرا، عندي سؤال عن الإقامة");
        wait.until(ExpectedConditions.visibilityOfElementLocated(live));
        assertEquals("rtl", attribute(live, "dir"));
        assertEquals("still here", ((JavascriptExecutor) browser).executeScript("return window.__noReload;"));

        // Markup from a newcomer is shown as text and runs nothing.
        conversations.receive(new Address(TestChannel.NAME, "browser-ar"), new Input.Text(XSS), "ar");
        By markup = message("newcomer", XSS);
        wait.until(ExpectedConditions.visibilityOfElementLocated(markup));
        assertEquals(XSS, text(markup));
        assertTrue(browser.findElements(By.cssSelector("#messages img")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());

        // An internal note shows for advisers only.
        browser.findElement(By.id("note")).sendKeys("Asked about residence permits too");
        click(By.id("add-note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(message("note", "Asked about residence permits too")));
        assertTrue(channel.textsTo("browser-ar").stream().noneMatch(t -> t.contains("residence permits")));
        saveScreenshot("target/console-chat.png"); // for people to look at; asserts nothing

        // Close with an outcome: the bot takes over and asks the satisfaction question.
        new Select(browser.findElement(By.id("outcome"))).selectByValue("answered");
        click(By.id("close"));
        wait.until(ExpectedConditions.attributeToBe(By.id("chat"), "data-status", "closed"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reply-form")));
        assertEquals(5, channel.to("browser-ar").get(channel.to("browser-ar").size() - 1).buttons().size());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void anAdminCreatesAnAdviserAndSetsTheLanguagesTheySpeak() {
        browser.get(url("/console/admin.html"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        submitLogin("admin", Api.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "admin"));
        click(By.id("admin-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-username='admin']")));

        browser.findElement(By.id("new-username")).sendKeys("rania");
        browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
        click(By.cssSelector("input[name='new-language'][value='ar']"));
        click(By.cssSelector("#create-form button[type='submit']"));
        By row = By.cssSelector("tr[data-username='rania']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertEquals(List.of("ar"), users.find("rania").orElseThrow().languages());

        click(By.cssSelector("tr[data-username='rania'] input[name='langs-rania'][value='sv']"));
        click(By.xpath("//tr[@data-username='rania']//button[text()='Save']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Saved rania"));
        assertEquals(List.of("ar", "sv"), users.find("rania").orElseThrow().languages());
    }

    @Test
    void aNewcomerChatInTheQueueAppearsLiveAndTheLoginRejectsAWrongPassword() {
        if (users.find("omar").isEmpty()) users.create("omar", PASSWORD, List.of("ADVISER"), List.of("fa"));
        browser.get(url("/console/"));
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        submitLogin("omar", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Wrong username or password"));
        submitLogin("omar", PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "omar"));

        // A chat that starts waiting while the console is open shows up by itself.
        String id = escalate("browser-fa", "fa", "برای اجازه کار کمک می‌خواهم");
        By preview = By.cssSelector("li.queue-item[data-id='" + id + "'] .preview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(preview));
        assertEquals("rtl", css(preview, "direction"));
    }

    /**
     * A newcomer in danger: marked URGENT at the top of the queue of an adviser who does not speak their language,
     * with a banner; the adviser can unflag it. The beep is made in the page (WebAudio) and must not fail.
     */
    @Test
    void anUrgentChatIsMarkedFirstInTheQueueAndCanBeUnflagged() {
        if (users.find("siv").isEmpty()) users.create("siv", PASSWORD, List.of("ADVISER"), List.of("sv"));
        Address a = new Address(TestChannel.NAME, "urgent-browser");
        conversations.receive(a, new Input.Command("start", "ti"), "ti");
        ConversationService.Result r = conversations.receive(a, new Input.Text("ሰብኣየይ ብካራ ክቐትለኪ እየ ይብለኒ ኣሎ"), "ti");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING))
                .orElseThrow().getId();
        login("siv");

        By first = By.cssSelector("#queue li.queue-item:first-child");
        wait.until(d -> id.equals(d.findElement(first).getDomAttribute("data-id")));
        assertTrue(attribute(first, "class").contains("urgent"));
        assertTrue(text(first).contains("URGENT"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("urgent-banner")));
        assertTrue(text(By.id("urgent-banner")).contains("urgent"));
        Object beep = ((JavascriptExecutor) browser).executeScript(
                "try { Lots.urgent.unlock(); Lots.urgent.beep(); return 'ok'; } catch (e) { return String(e); }");
        assertEquals("ok", beep);

        click(By.cssSelector("#queue li[data-id='" + id + "'] button.open"));
        wait.until(ExpectedConditions.textToBe(By.id("urgent-flag"), "Not urgent"));
        click(By.id("urgent-flag"));
        wait.until(ExpectedConditions.textToBe(By.id("urgent-flag"), "Mark urgent"));
        // No longer urgent, it may even leave this adviser's queue (offered first to speakers of its language).
        wait.until(d -> d.findElements(By.cssSelector("#queue li[data-id='" + id + "']")).stream()
                .noneMatch(e -> e.getDomAttribute("class").contains("urgent")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("urgent-banner")));
        assertTrue(!handoffs.findById(id).orElseThrow().isUrgent());
    }
}
