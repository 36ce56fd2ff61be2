package org.lots.helpdesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TelegramPropertiesTests {

    static TelegramProperties properties(String token, String baseUrl, String mode, String secret) {
        return new TelegramProperties(token, baseUrl, mode, new TelegramProperties.Webhook("", secret),
                new TelegramProperties.Polling(Duration.ofSeconds(50)), new TelegramProperties.Limits(30, 1, 3),
                new TelegramProperties.Outbox(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24)), 8);
    }

    @Test
    void badSettingsAreRefusedWithAReason() {
        String t = "1:x";
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> properties(t, "https://api.telegram.org", "push", ""));
        assertTrue(mode.getMessage().contains("telegram.mode"));
        assertThrows(IllegalArgumentException.class, () -> properties(t, "api.telegram.org", "polling", ""));
        assertThrows(IllegalArgumentException.class, () -> properties(t, "https://proxy.example.org/telegram", "polling", ""));
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class, () -> properties(t, "https://api.telegram.org", "webhook", ""));
        assertTrue(secret.getMessage().contains("telegram.webhook.secret"));
        assertThrows(IllegalArgumentException.class, () -> properties(t, "https://api.telegram.org", "webhook", "has spaces"));
        properties(t, "http://127.0.0.1:8081", "webhook", "Good_secret-1");
        properties("", "https://api.telegram.org", "webhook", ""); // off: nothing to check
    }

    @Test
    void theChannelExistsOnlyWithAToken() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(TelegramConfiguration.class);
        runner.run(c -> assertThat(c).doesNotHaveBean(BotApi.class));
        runner.withPropertyValues("telegram.token=  ").run(c -> assertThat(c).doesNotHaveBean(BotApi.class));
        runner.withPropertyValues("telegram.token=123:abc", "telegram.base-url=http://127.0.0.1:9")
                .run(c -> assertThat(c).hasSingleBean(BotApi.class));
    }
}
