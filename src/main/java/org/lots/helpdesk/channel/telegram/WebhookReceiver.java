package org.lots.helpdesk.channel.telegram;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Webhook mode: Telegram calls {@link WebhookController}. At start the public URL (when configured) is announced
 * with setWebhook, together with the secret Telegram must send back. The webhook stays registered when the app
 * stops, so that Telegram keeps the updates of the pause and delivers them afterwards.
 */
@Component
@ConditionalOnTelegram
@ConditionalOnProperty(name = "telegram.mode", havingValue = "webhook")
class WebhookReceiver implements UpdateReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final BotApi api;
    private final TelegramProperties.Webhook webhook;
    private ScheduledExecutorService retries;

    WebhookReceiver(BotApi api, TelegramProperties properties) {
        this.api = api;
        this.webhook = properties.webhook();
    }

    @Override
    public synchronized void start() {
        if (webhook.url().isBlank()) {
            log.info("Telegram webhook mode without telegram.webhook.url: register {}/telegram/webhook with setWebhook yourself",
                    "<public address>");
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(Outbox.named("telegram-webhook"));
        retries.execute(() -> register(1));
    }

    private void register(int attempt) {
        try {
            api.client().execute(SetWebhook.builder().url(webhook.url()).secretToken(webhook.secret())
                    .allowedUpdates(PollingReceiver.ALLOWED_UPDATES).build());
            log.info("Telegram webhook registered (bot {})", api.botId());
        } catch (TelegramApiException | RuntimeException e) {
            long seconds = Math.min(300, 1L << Math.min(8, attempt));
            log.warn("setWebhook failed ({}); next try in {} s", TelegramErrors.classify(e).description(), seconds);
            if (!retries.isShutdown()) retries.schedule(() -> register(attempt + 1), seconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (retries != null) retries.shutdownNow();
    }
}
