package org.lots.helpdesk.translator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for LibreTranslate's {@code POST /translate} ({@code {q, source, target, format: "text"}} in,
 * {@code {translatedText}} out). Failures are logged without the text (privacy) and answered with empty.
 */
public final class LibreTranslateClient implements Translator {

    private static final Logger log = LoggerFactory.getLogger(LibreTranslateClient.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public LibreTranslateClient(String baseUrl, String apiKey, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/translate");
        this.apiKey = apiKey == null ? "" : apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<String> translate(String text, String source, String target) {
        if (text == null || text.isBlank() || source == null || target == null) return Optional.empty();
        if (source.equals(target)) return Optional.of(text);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("q", text);
        body.put("source", source);
        body.put("target", target);
        body.put("format", "text");
        if (!apiKey.isBlank()) body.put("api_key", apiKey);
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                log.warn("Translation {} -> {} failed: HTTP {}", source, target, response.statusCode());
                return Optional.empty();
            }
            JsonNode translated = JSON.readTree(response.body()).get("translatedText");
            if (translated == null || !translated.isString() || translated.asString().isBlank()) {
                log.warn("Translation {} -> {} failed: no translatedText in the answer", source, target);
                return Optional.empty();
            }
            return Optional.of(translated.asString());
        } catch (IOException | JacksonException e) {
            log.warn("Translation {} -> {} failed: {}", source, target, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Translation {} -> {} failed: {}", source, target, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
