package org.lots.helpdesk.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The LibreTranslate client against a local stub server (the JDK's HttpServer) speaking LibreTranslate's API. */
class LibreTranslateClientTests {

    HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    /** Starts a stub answering POST /translate with {@code answer(request)} as (status, body). */
    String stub(Function<JsonNode, Object[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/translate", exchange -> {
            JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            Object[] a = answer.apply(body);
            byte[] out = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) a[0], out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void sendsTheTextWithSourceTargetAndPlainTextFormatAndReadsTheTranslation() throws IOException {
        String url = stub(req -> new Object[] {200, "{\"translatedText\":\"مرحبا، كيف يمكنني المساعدة؟\"}"});
        Translator t = new LibreTranslateClient(url + "/", "secret-key", Duration.ofSeconds(5));
        assertEquals(Optional.of("مرحبا، كيف يمكنني المساعدة؟"), t.translate("Hello, how can I help?", "en", "ar"));
        JsonNode sent = requests.get(0);
        assertEquals("Hello, how can I help?", sent.get("q").asText());
        assertEquals("en", sent.get("source").asText());
        assertEquals("ar", sent.get("target").asText());
        assertEquals("text", sent.get("format").asText());
        assertEquals("secret-key", sent.get("api_key").asText());
        assertTrue(t.enabled());
    }

    @Test
    void anErrorFromTheServerGivesNoTranslation() throws IOException {
        String url = stub(req -> new Object[] {400, "{\"error\":\"ti is not supported\"}"});
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(5)).translate("Hej", "sv", "ti"));
    }

    @Test
    void anAnswerWithoutATranslationGivesNoTranslation() throws IOException {
        String url = stub(req -> new Object[] {200, "<html>not json</html>"});
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(5)).translate("Hej", "sv", "en"));
    }

    @Test
    void anUnreachableServerGivesNoTranslation() throws IOException {
        String url = stub(req -> new Object[] {200, "{}"});
        server.stop(0);
        server = null;
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(2)).translate("Hej", "sv", "en"));
    }

    @Test
    void theSameLanguageNeedsNoCallAndOffTranslatesNothing() throws IOException {
        String url = stub(req -> new Object[] {500, "{}"});
        assertEquals(Optional.of("Hej"), new LibreTranslateClient(url, "", Duration.ofSeconds(2)).translate("Hej", "sv", "sv"));
        assertTrue(requests.isEmpty());
        assertEquals(Optional.empty(), Translator.OFF.translate("Hej", "sv", "en"));
    }
}
