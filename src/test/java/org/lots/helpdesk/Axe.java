package org.lots.helpdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** axe-core (installed by scripts/install-test-deps) on the page in a browser: WCAG 2.1 A and AA rules. */
public final class Axe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {}

    /** The violations on the whole page, one line each (rule, impact, where, why). */
    public static List<String> violations(WebDriver browser) throws Exception {
        Path axe = Path.of("target", "test-deps", "node_modules", "axe-core", "axe.min.js");
        if (!Files.exists(axe)) throw new AssertionError(axe + " is missing: run bash scripts/install-test-deps");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(axe));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; }).join(' | ');"
                + "}))); }, function (e) { done(JSON.stringify(['axe failed: ' + e])); });");
        JsonNode list = JSON.readTree(String.valueOf(result));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }
}
