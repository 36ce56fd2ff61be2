package org.lots.helpdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium for browser tests, driven through Debian's chromedriver (never a download by Selenium
 * Manager), each browser with a fresh profile. Quitting the browser stops its driver service too.
 */
public final class Browsers {

    private static Path profiles;

    private Browsers() {}

    /** Fails with the fix when chromium or chromedriver is missing. */
    public static void require() {
        assertTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "browser tests need /usr/bin/chromium and /usr/bin/chromedriver: run bash scripts/install-test-deps");
    }

    public static ChromeDriver open(int width, int height, String language) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=" + language,
                "--user-data-dir=" + profiles().resolve("p" + System.nanoTime()));
        return new ChromeDriver(service, options);
    }

    /**
     * Logs in on the console's login page and waits until the browser has left it. Waiting for "/console/" alone
     * raced: the login page is under /console/ too, so the next page could load before the session existed.
     */
    public static void logIn(WebDriver browser, WebDriverWait wait, String baseUrl, String username, String password) {
        browser.get(baseUrl + "/console/login.html");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
        wait.until(d -> !d.getCurrentUrl().contains("/console/login.html"));
    }

    /** Makes the page's viewport a phone's: {@code width} CSS pixels wide, touch, mobile layout. */
    public static void phone(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}, for a person to look at. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " could not be saved: " + e);
        }
    }

    /** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations, one line each. */
    public static java.util.List<String> axeViolations(WebDriver driver) throws Exception {
        return Axe.violations(driver);
    }

    private static synchronized Path profiles() {
        try {
            if (profiles == null) profiles = Files.createTempDirectory("browser-profiles-");
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
