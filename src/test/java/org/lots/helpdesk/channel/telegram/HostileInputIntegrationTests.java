package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.content.ContentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an attacker sends to the public inputs of the running app, over HTTP: huge, deeply nested, broken UTF-8
 * and non-JSON bodies on the Telegram webhook and the preview API each get a 4xx, a stranger's huge body is not
 * read at all, and an ordinary message is still answered afterwards.
 */
@HelpdeskIntegrationTest
@DirtiesContext
class HostileInputIntegrationTests {

    static final FakeBotApi API = FakeBotApi.start();
    static final String SECRET = "Hostile-secret_7";
    static final long MB = 1024 * 1024;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry r) {
        r.add("telegram.token", () -> FakeBotApi.TOKEN);
        r.add("telegram.base-url", API::baseUrl);
        r.add("telegram.mode", () -> "webhook");
        r.add("telegram.webhook.secret", () -> SECRET);
        r.add("telegram.limits.per-chat-per-second", () -> "20");
        r.add("helpdesk.limits.chat-burst", () -> "3");
        r.add("helpdesk.limits.chat-per-minute", () -> "1");
    }

    @AfterAll
    static void stopFake(@Autowired TelegramChannel channel) {
        channel.stop();
        API.close();
    }

    @LocalServerPort int port;
    @Autowired ContentService content;
    final HttpClient http = HttpClient.newHttpClient();

    int send(String path, byte[] body, String secret, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (secret != null) b.header(WebhookController.SECRET_HEADER, secret);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] nested(int depth) {
        return ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] brokenUtf8() {
        byte[] start = "{\"update_id\": 5, \"message\": {\"text\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[start.length + 3 + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        body[start.length] = (byte) 0xC3; // a lead byte followed by no continuation
        body[start.length + 1] = (byte) 0x28;
        body[start.length + 2] = (byte) 0xFF;
        System.arraycopy(end, 0, body, start.length + 3, end.length);
        return body;
    }

    void anOrdinaryMessageIsStillAnswered(long chat) {
        ObjectNodeHolder.post(this, API.textUpdate(chat, "en", "/start").toString());
        // (after the first contact's short privacy notice)
        String hello = content.current().texts().format("en", "welcome.hello");
        Await.until("the welcome", () -> API.sent(chat).stream().map(FakeBotApi.Call::text).toList(), l -> l.contains(hello));
    }

    /** Posts a real update until the channel accepts it (503 while it starts). */
    static final class ObjectNodeHolder {
        static void post(HostileInputIntegrationTests t, String update) {
            Await.until("the webhook to accept", () -> t.send("/telegram/webhook", update.getBytes(StandardCharsets.UTF_8), SECRET,
                    "application/json"), s -> s == 200);
        }
    }

    @Test
    void theWebhookRefusesOversizedNestedBrokenAndNonJsonBodiesAndStillAnswers() {
        ObjectNodeHolder.post(this, API.textUpdate(9301, "en", "/start").toString()); // the channel is up
        assertEquals(413, send("/telegram/webhook", new byte[(int) MB + 1], SECRET, "application/json"));
        assertEquals(400, send("/telegram/webhook", nested(5000), SECRET, "application/json"));
        assertEquals(400, send("/telegram/webhook", brokenUtf8(), SECRET, "application/json"));
        assertEquals(400, send("/telegram/webhook", "hello, is this the help desk?".getBytes(StandardCharsets.UTF_8), SECRET, "text/plain"));
        assertEquals(400, send("/telegram/webhook", new byte[] {0, 1, 2, (byte) 0xFE}, SECRET, "application/octet-stream"));
        anOrdinaryMessageIsStillAnswered(9302);
    }

    @Test
    void thePreviewApiRefusesOversizedNestedBrokenAndNonJsonBodiesAndStillAnswers() {
        Api api = new Api(port);
        String id = api.post("/api/preview/conversations", Map.of()).json().get("id").asText();
        String path = "/api/preview/conversations/" + id + "/messages";
        assertEquals(413, send(path, ("{\"text\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), null, "application/json"));
        assertEquals(400, send(path, nested(5000), null, "application/json"));
        assertEquals(400, send(path, nested(100), null, "application/json"), "deeper than helpdesk.limits.max-json-depth");
        assertEquals(400, send(path, brokenUtf8(), null, "application/json"));
        assertEquals(400, send(path, "{not json".getBytes(StandardCharsets.UTF_8), null, "application/json"));
        int plain = send(path, "hello".getBytes(StandardCharsets.UTF_8), null, "text/plain");
        assertTrue(plain >= 400 && plain < 500, "text/plain: " + plain);
        Api.Response ok = api.post(path, Map.of("text", "/start"));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().get("replies").size() > 0);
    }

    @Test
    void aChatSendingTooFastIsToldOnceInItsLanguageToWait() {
        long chat = 9310;
        for (int i = 0; i < 5; i++) ObjectNodeHolder.post(this, API.textUpdate(chat, "tr", "/start").toString());
        // The first contact's short privacy notice, then three welcomes (two messages each) and one request to wait.
        var sent = Await.until("three welcomes and one request to wait", () -> API.sent(chat), l -> l.size() >= 8);
        assertEquals(content.current().texts().format("tr", "welcome.hello"), sent.get(1).text());
        assertEquals(content.current().texts().format("tr", "system.slow_down"), sent.get(7).text());
        assertEquals(8, API.sent(chat).size(), "the fifth message gets no answer of its own");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"declared length", "chunked"})
    void threeHugeAnonymousBodiesWithAWrongSecretAreNotRead(String how) throws IOException {
        for (int i = 0; i < 3; i++) {
            Sent sent = stream(300 * MB, how.equals("chunked"), "wrong-secret");
            assertTrue(sent.bytes() < 64 * MB, "the app kept reading: " + sent.bytes() / MB + " MB went in");
            assertTrue(sent.status() == 0 || sent.status() == 403, "status " + sent.status());
        }
        anOrdinaryMessageIsStillAnswered(9303 + (how.equals("chunked") ? 1 : 0));
    }

    @Test
    void aHugeChunkedBodyWithTheRightSecretIsCutOffAt1MiB() throws IOException {
        ObjectNodeHolder.post(this, API.textUpdate(9305, "en", "/start").toString());
        Sent sent = stream(300 * MB, true, SECRET);
        assertTrue(sent.bytes() < 64 * MB, "the app kept reading: " + sent.bytes() / MB + " MB went in");
        assertTrue(sent.status() == 0 || sent.status() == 413, "status " + sent.status());
        anOrdinaryMessageIsStillAnswered(9306);
    }

    /** @param status the HTTP status read back, or 0 when the app closed the connection before we could read it */
    record Sent(long bytes, int status) {}

    /** Streams a generated body over a raw socket (never held in memory) until the app stops taking it. */
    Sent stream(long length, boolean chunked, String secret) throws IOException {
        long written = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + WebhookController.SECRET_HEADER + ": " + secret + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) '[');
            byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (written < length) {
                    if (chunked) out.write(chunkHead);
                    out.write(block);
                    if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    written += block.length;
                    if (socket.getInputStream().available() > 0) break; // the app answered already
                }
            } catch (IOException closedByTheApp) {
                // what we want: the app closed the connection instead of reading on
            }
            return new Sent(written, status(socket.getInputStream()));
        }
    }

    private static int status(InputStream in) {
        try {
            byte[] line = new byte[12];
            int n = in.readNBytes(line, 0, 12);
            String s = new String(line, 0, n, StandardCharsets.US_ASCII);
            return s.startsWith("HTTP/1.1 ") ? Integer.parseInt(s.substring(9, 12)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
