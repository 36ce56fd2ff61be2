package org.lots.helpdesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.users.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An urgent chat in the adviser console, in a real headless Chromium: a newcomer in danger appears marked URGENT
 * at the top of the queue of an adviser who does not speak their language, with a banner; the adviser can unflag
 * it. The beep is made in the page (WebAudio) and must not fail.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class UrgentConsoleBrowserIntegrationTests {

    static final String PASSWORD = "Adviser-Secret-2026!";

    static Path profile;
    WebDriver browser;
    WebDriverWait wait;

    @LocalServerPort
    int port;
    @Autowired
    ConversationService conversations;
    @Autowired
    HandoffRepository handoffs;
    @Autowired
    UserService users;

    @BeforeAll
    static void checkBrowser() throws Exception {
        assertTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "browser tests need /usr/bin/chromium and /usr/bin/chromedriver: run bash scripts/install-test-deps");
        profile = Files.createTempDirectory("urgent-browser-");
    }

    @BeforeEach
    void openBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=en", "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile.resolve("p" + System.nanoTime()));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    void click(By by) {
        wait.until(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed() || !e.isEnabled()) return false;
            e.click();
            return true;
        });
    }

    @Test
    void anUrgentChatIsMarkedFirstInTheQueueAndCanBeUnflagged() {
        if (users.find("siv").isEmpty()) users.create("siv", PASSWORD, List.of("ADVISER"), List.of("sv"));
        Address a = new Address(TestChannel.NAME, "urgent-browser");
        conversations.receive(a, new Input.Command("start", "ti"), "ti");
        ConversationService.Result r = conversations.receive(a, new Input.Text("ሰብኣየይ ብካራ ክቐትለኪ እየ ይብለኒ ኣሎ"), "ti");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING))
                .orElseThrow().getId();

        browser.get("http://127.0.0.1:" + port + "/console/");
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        browser.findElement(By.id("username")).sendKeys("siv");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        click(By.id("login"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "siv"));

        By first = By.cssSelector("#queue li.queue-item:first-child");
        wait.until(d -> id.equals(d.findElement(first).getDomAttribute("data-id")));
        assertTrue(wait.until(d -> d.findElement(first).getDomAttribute("class")).contains("urgent"));
        assertTrue(wait.until(d -> d.findElement(first).getText()).contains("URGENT"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("urgent-banner")));
        assertTrue(browser.findElement(By.id("urgent-banner")).getText().contains("urgent"));

        // The alert sound is synthesised in the page; calling it must not throw, with or without audio.
        Object beep = ((JavascriptExecutor) browser).executeScript(
                "try { Lots.urgent.unlock(); Lots.urgent.beep(); return 'ok'; } catch (e) { return String(e); }");
        assertEquals("ok", beep);

        click(By.cssSelector("#queue li[data-id='" + id + "'] button.open"));
        wait.until(ExpectedConditions.textToBe(By.id("urgent-flag"), "Not urgent"));
        click(By.id("urgent-flag"));
        wait.until(ExpectedConditions.textToBe(By.id("urgent-flag"), "Mark urgent"));
        wait.until(d -> !d.findElement(By.cssSelector("#queue li[data-id='" + id + "']")).getDomAttribute("class").contains("urgent"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("urgent-banner")));
        assertTrue(!handoffs.findById(id).orElseThrow().isUrgent());
    }
}
