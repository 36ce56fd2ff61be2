package org.lots.helpdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for integration tests: JSON in and out, HTTP Basic as a given user. */
public final class Api {

    public static final String ADMIN_PASSWORD = "Test-Admin-Secret-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String user, password;

    public Api(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    public Api(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.password = password;
    }

    public Api as(String user, String password) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user, password);
    }

    public record Response(int status, JsonNode json, String body) {}

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response send(String method, String path, Object body) {
        try {
            return send(method, path, body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A body of another type (an XLIFF file), as is. */
    public Response send(String method, String path, String body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", contentType)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                if (!r.body().isBlank()) json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                // keep the raw body
            }
            return new Response(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
