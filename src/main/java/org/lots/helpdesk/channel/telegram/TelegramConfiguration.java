package org.lots.helpdesk.channel.telegram;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Telegram channel exists only with a token (see {@link ConditionalOnTelegram}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTelegram
@EnableConfigurationProperties({TelegramProperties.class, ClusterProperties.class})
class TelegramConfiguration {

    @Bean(destroyMethod = "close")
    BotApi botApi(TelegramProperties properties) {
        return new BotApi(properties);
    }
}
