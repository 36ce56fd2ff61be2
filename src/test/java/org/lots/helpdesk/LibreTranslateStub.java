package org.lots.helpdesk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking LibreTranslate's {@code POST /translate} (the JDK's HttpServer), answering each request
 * with what {@code answer} returns. {@link #tagging()} is the one the shared test application uses: it "translates"
 * by tagging the text with the languages, {@code "[ar->sv] مرحبا"}.
 */
public final class LibreTranslateStub implements AutoCloseable {

    public record Answer(int status, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LibreTranslateStub tagging;

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public LibreTranslateStub(Function<JsonNode, Answer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/translate", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            Answer a = answer.apply(body);
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    /** One per test JVM, never stopped (daemon threads): the shared application context points at it. */
    public static synchronized LibreTranslateStub tagging() {
        if (tagging == null) {
            tagging = new LibreTranslateStub(q -> {
                try {
                    return new Answer(200, JSON.writeValueAsString(Map.of("translatedText",
                            "[" + q.get("source").asText() + "->" + q.get("target").asText() + "] " + q.get("q").asText())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return tagging;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<JsonNode> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
