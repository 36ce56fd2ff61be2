package org.lots.helpdesk.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram channel's settings ({@code telegram.*}). The channel is off while {@code token} is empty.
 *
 * @param token    the bot token from BotFather
 * @param baseUrl  the Bot API server; a local emulator such as {@code http://127.0.0.1:8081} works too
 * @param mode     {@code polling} (the app asks Telegram for updates) or {@code webhook} (Telegram calls the app)
 * @param webhook  public URL announced with setWebhook, and the secret Telegram must send back
 * @param polling  long-polling settings
 * @param limits   Telegram's sending limits (about 30 messages a second overall, 1 a second per chat)
 * @param outbox   retry policy for messages that could not be sent yet
 * @param workers  how many chats are handled in parallel (each chat is always handled in order)
 */
@ConfigurationProperties("telegram")
public record TelegramProperties(
        @DefaultValue("") String token,
        @DefaultValue("https://api.telegram.org") String baseUrl,
        @DefaultValue("polling") String mode,
        @DefaultValue Webhook webhook,
        @DefaultValue Polling polling,
        @DefaultValue Limits limits,
        @DefaultValue Outbox outbox,
        @DefaultValue("8") int workers) {

    /** Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - as a webhook secret. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramProperties {
        if (!mode.equals("polling") && !mode.equals("webhook")) {
            throw new IllegalArgumentException("telegram.mode must be 'polling' or 'webhook', not '" + mode + "'");
        }
        if (workers < 1) throw new IllegalArgumentException("telegram.workers must be at least 1");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("telegram.base-url must look like https://api.telegram.org or http://127.0.0.1:8081");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            // the client builds /bot<token>/<method> right under the host
            throw new IllegalArgumentException("telegram.base-url cannot have a path: " + uri.getPath());
        }
        if (mode.equals("webhook") && !token.isBlank() && !SECRET.matcher(webhook.secret()).matches()) {
            throw new IllegalArgumentException("telegram.webhook.secret is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
    }

    public boolean webhookMode() {
        return mode.equals("webhook");
    }

    /**
     * @param url    the public HTTPS address of {@code /telegram/webhook}, announced to Telegram at start; empty:
     *               the operator registers the webhook by hand
     * @param secret compared with the X-Telegram-Bot-Api-Secret-Token header of every call
     */
    public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret) {}

    /** @param timeout how long one getUpdates call waits for news (Telegram allows up to 50 s) */
    public record Polling(@DefaultValue("50s") Duration timeout) {}

    /**
     * @param messagesPerSecond messages sent per second over all chats
     * @param perChatPerSecond  messages per second to one chat, on average
     * @param perChatBurst      messages one chat may get at once (a reply often is two or three messages)
     */
    public record Limits(@DefaultValue("30") double messagesPerSecond, @DefaultValue("1") double perChatPerSecond,
                         @DefaultValue("3") int perChatBurst) {}

    /**
     * @param retryInitial first wait after a network error or a 5xx answer; doubled on each further failure
     * @param retryMax     the longest wait between two attempts
     * @param maxAge       a message still unsent after this long is dropped (it would no longer make sense)
     */
    public record Outbox(@DefaultValue("1s") Duration retryInitial, @DefaultValue("5m") Duration retryMax,
                         @DefaultValue("24h") Duration maxAge) {}
}
