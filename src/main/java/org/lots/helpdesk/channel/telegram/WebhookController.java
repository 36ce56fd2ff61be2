package org.lots.helpdesk.channel.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.lots.helpdesk.limits.BodyTooLarge;
import org.lots.helpdesk.limits.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The webhook Telegram calls ({@code POST /telegram/webhook}). Only calls carrying the configured secret are
 * accepted (compared in constant time). 200 means the update is recorded; anything else makes Telegram retry,
 * which is what we want while the app starts or the store is away. A repeat of a recorded update gets 200 too.
 * A body over {@link #MAX_BODY} gets 413 without being read on.
 */
@RestController
@ConditionalOnTelegram
@ConditionalOnProperty(name = "telegram.mode", havingValue = "webhook")
class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Telegram's updates are a few KB; a message of 4096 characters with entities stays far below this. */
    static final long MAX_BODY = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final UpdateHandler handler;
    private final BotApi api;
    private final byte[] secret;

    WebhookController(UpdateHandler handler, BotApi api, TelegramProperties properties) {
        this.handler = handler;
        this.api = api;
        this.secret = digest(properties.webhook().secret());
    }

    /** Comparing digests keeps even the secret's length from showing in the timing. */
    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The body is read here, and only after the secret matched: a stranger's call costs no more than its headers
     * (Tomcat closes the connection rather than swallow a large unread body).
     */
    @PostMapping("/telegram/webhook")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                 HttpServletRequest request) throws IOException {
        if (given == null) return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        if (!MessageDigest.isEqual(secret, digest(given))) {
            log.warn("Telegram webhook called with a wrong secret");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (request.getContentLengthLong() > MAX_BODY) return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        if (!handler.accepting()) return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        Update update;
        try {
            byte[] body = BoundedInputStream.readAll(request.getInputStream(), MAX_BODY);
            update = body.length == 0 ? null : api.json().readValue(body, Update.class);
        } catch (BodyTooLarge e) {
            log.warn("Telegram webhook body over {} bytes refused", MAX_BODY);
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        } catch (IOException e) {
            // the parser's message would quote the body, which may hold a newcomer's words
            log.warn("Telegram webhook body is not an update ({})", e.getClass().getSimpleName());
            return ResponseEntity.badRequest().build();
        }
        if (update == null || update.getUpdateId() == null) return ResponseEntity.badRequest().build();
        try {
            handler.accept(update);
            return ResponseEntity.ok().build();
        } catch (RuntimeException e) {
            log.warn("Telegram update {} could not be recorded ({}); Telegram will retry", update.getUpdateId(), e.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }
}
