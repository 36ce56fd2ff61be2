package org.lots.helpdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
