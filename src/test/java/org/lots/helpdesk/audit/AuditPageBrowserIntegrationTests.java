package org.lots.helpdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lots.helpdesk.TestChannel;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The audit log page in a real (headless) Chromium: an admin reaches it from the users page, filters with the
 * keyboard alone, and reads who did what; each cell finds its own direction.
 */
@HelpdeskIntegrationTest
@Import(TestChannel.class)
class AuditPageBrowserIntegrationTests {

    WebDriver browser;
    WebDriverWait wait;

    @LocalServerPort int port;

    @BeforeAll
    static void checkBrowser() {
        Browsers.require();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.open(1280, 900, "en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the list is redrawn on every filter
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAdminFiltersTheAuditLogWithTheKeyboard() {
        Api admin = new Api(port);
        assertEquals(201, admin.post("/api/admin/users", java.util.Map.of("username", "sigrid", "password", "Audit-Page-Secret-26!",
                "roles", List.of("ADVISER"), "languages", List.of("ar"))).status());
        assertEquals(200, admin.post("/api/admin/users/sigrid/disable", null).status());

        Browsers.logIn(browser, wait, url(""), "admin", Api.ADMIN_PASSWORD);
        browser.get(url("/console/admin.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Audit log"))).click();
        wait.until(ExpectedConditions.urlContains("/console/audit.html"));
        wait.until(d -> !d.findElements(By.cssSelector("#entries tr")).isEmpty());

        WebElement target = browser.findElement(By.id("f-target"));
        target.sendKeys("sigrid", Keys.ENTER); // the form submits from the keyboard
        wait.until(d -> d.findElements(By.cssSelector("#entries tr")).stream()
                .allMatch(r -> r.getText().contains("sigrid")) && d.findElements(By.cssSelector("#entries tr")).size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#entries tr"));
        String both = rows.get(0).getText() + "\n" + rows.get(1).getText(); // same instant on the test clock: any order
        assertTrue(both.contains("admin user.disable sigrid 200") && both.contains("admin user.create sigrid 201"), both);
        assertEquals("auto", rows.get(0).findElements(By.tagName("td")).get(3).getDomAttribute("dir"));
        assertEquals("2 entries", browser.findElement(By.id("count")).getText());
        assertTrue(browser.findElements(By.cssSelector("th[scope=col]")).size() >= 6);
    }
}
