package org.lots.helpdesk.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A change an admin makes to an account takes effect on that user's open console sessions and event streams at once:
 * new roles, a new password, or disabling end the session (the next call is 401) and close the stream.
 */
@HelpdeskIntegrationTest
class SessionStampIntegrationTests {

    static final String PASSWORD = "Session-Secret-2026!";

    @LocalServerPort int port;
    @Autowired UserService users;

    /** A browser-like console session: cookies, CSRF token, form login. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrfHeader, csrfToken;

        Browser login(String user) throws Exception {
            JsonNode csrf = new ObjectMapper().readTree(get("/console/csrf").body());
            csrfHeader = csrf.get("header").asText();
            csrfToken = csrf.get("token").asText();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&" + csrf.get("parameter").asText() + "=" + csrfToken;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/console/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("/console/", URI.create(r.headers().firstValue("Location").orElse("")).getPath(), "logged in");
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<Stream<String>>> stream() {
            return http.sendAsync(HttpRequest.newBuilder(uri("/api/console/stream")).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void adviser(String name) {
        if (users.find(name).isEmpty()) users.create(name, PASSWORD, List.of("ADVISER"), List.of("sv"));
    }

    @Test
    void disablingAUserEndsTheirSessionAndClosesTheirEventStream() throws Exception {
        adviser("lena");
        Browser b = new Browser().login("lena");
        assertEquals(200, b.get("/api/console/me").statusCode());
        HttpResponse<Stream<String>> stream = b.stream().get(30, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> stream.body().count());

        assertEquals(200, new Api(port).post("/api/admin/users/lena/disable", null).status());
        ended.get(30, TimeUnit.SECONDS); // the server closed the stream
        assertEquals(401, b.get("/api/console/me").statusCode());
        assertEquals(401, b.stream().get(30, TimeUnit.SECONDS).statusCode(), "the stream cannot be opened again");
    }

    @Test
    void newRolesOrANewPasswordEndTheSession() throws Exception {
        adviser("mats");
        Browser b = new Browser().login("mats");
        assertEquals(200, b.get("/api/handoffs?status=waiting").statusCode());
        Api admin = new Api(port);
        assertEquals(200, admin.send("PUT", "/api/admin/users/mats", Map.of("roles", List.of("EDITOR"))).status());
        assertEquals(401, b.get("/api/handoffs?status=waiting").statusCode(), "the old roles no longer count");

        adviser("nora");
        Browser n = new Browser().login("nora");
        assertEquals(200, n.get("/api/console/me").statusCode());
        assertEquals(200, admin.post("/api/admin/users/nora/password", Map.of("password", "Another-Secret-2026!")).status());
        assertEquals(401, n.get("/api/console/me").statusCode());
    }

    @Test
    void anUnchangedAccountKeepsItsSession() throws Exception {
        adviser("olof");
        Browser b = new Browser().login("olof");
        for (int i = 0; i < 3; i++) assertEquals(200, b.get("/api/console/me").statusCode());
        assertEquals(200, new Api(port).send("PUT", "/api/admin/users/" + "olof", Map.of("languages", List.of("sv", "en"))).status());
        assertEquals(200, b.get("/api/console/me").statusCode(), "languages are no security change");
    }

}
