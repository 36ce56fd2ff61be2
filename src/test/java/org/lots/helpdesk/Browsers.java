package org.lots.helpdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations, one line each. */
    public static java.util.List<String> axeViolations(org.openqa.selenium.WebDriver driver) throws IOException {
        org.openqa.selenium.JavascriptExecutor browser = (org.openqa.selenium.JavascriptExecutor) driver;
        Path axe = Path.of("target", "test-deps", "node_modules", "axe-core", "axe.min.js");
        if (!Files.exists(axe)) throw new AssertionError(axe + " is missing: run bash scripts/install-test-deps");
        browser.executeScript(Files.readString(axe));
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        Object result = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; }).join(' | ');"
                + "}))); }, function (e) { done(JSON.stringify(['axe failed: ' + e])); });");
        com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(result));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList();
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
