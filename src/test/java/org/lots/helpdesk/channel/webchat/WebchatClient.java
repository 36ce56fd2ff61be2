package org.lots.helpdesk.channel.webchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.lots.helpdesk.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The web chat API as a widget uses it, for tests: a conversation, its token, JSON in and out, and its live stream. */
public final class WebchatClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    public String id, token;

    public WebchatClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts a conversation (in {@code language}, or none) and says /start. */
    public WebchatClient start(String language) {
        Api.Response r = call("POST", "/webchat/conversations", language == null ? Map.of() : Map.of("language", language), null, Map.of());
        if (r.status() != 201) throw new AssertionError("start: " + r.status() + " " + r.body());
        id = r.json().get("id").asText();
        token = r.json().get("token").asText();
        return this;
    }

    public Api.Response say(String text) {
        return call("POST", "/webchat/conversations/" + id + "/messages", Map.of("text", text), token, Map.of());
    }

    public Api.Response press(String payload) {
        return call("POST", "/webchat/conversations/" + id + "/messages", Map.of("payload", payload), token, Map.of());
    }

    public Api.Response history() {
        return call("GET", "/webchat/conversations/" + id, null, token, Map.of());
    }

    public Api.Response delete() {
        return call("DELETE", "/webchat/conversations/" + id, null, token, Map.of());
    }

    Api.Response call(String method, String path, Object body, String bearer, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            if (bearer != null) b.header("Authorization", "Bearer " + bearer);
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                if (!r.body().isBlank()) json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                // keep the raw body
            }
            return new Api.Response(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** The conversation's event stream, with {@code Last-Event-ID} when given; events arrive in {@link Events#next}. */
    Events events(String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/webchat/conversations/" + id + "/events?token=" + token))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        Events events = new Events();
        events.response = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
            events.status = r.statusCode();
            Thread t = new Thread(() -> events.read(r.body()), "test-sse");
            t.setDaemon(true);
            t.start();
            return r;
        });
        return events;
    }

    /** One event: its id, name and data. */
    record Event(String id, String name, JsonNode data) {}

    static final class Events implements AutoCloseable {
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response;
        volatile int status;
        private volatile Stream<String> lines;

        private void read(Stream<String> body) {
            lines = body;
            String id = null, name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) body::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0 || name != null) queue.add(new Event(id, name, JSON.readTree(data.length() == 0 ? "{}" : data.toString())));
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) id = line.substring(3).trim();
                    else if (line.startsWith("event:")) name = line.substring(6).trim();
                    else if (line.startsWith("data:")) data.append(line.substring(5));
                }
            } catch (IOException | RuntimeException e) {
                // the stream ended
            }
        }

        /** The next event named {@code name}, waiting up to a generous deadline. */
        Event next(String name) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                Event e = queue.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && name.equals(e.name())) return e;
            }
            throw new AssertionError("no '" + name + "' event within 20 s");
        }

        /** Events so far, not waiting. */
        java.util.List<Event> drained() {
            java.util.List<Event> out = new java.util.ArrayList<>();
            queue.drainTo(out);
            return out;
        }

        @Override
        public void close() {
            Stream<String> l = lines;
            if (l != null) l.close();
            response.cancel(true);
        }
    }
}
