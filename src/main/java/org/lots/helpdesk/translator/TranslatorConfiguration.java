package org.lots.helpdesk.translator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Translation is off unless {@code helpdesk.translator.url} names a LibreTranslate server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranslatorProperties.class)
class TranslatorConfiguration {

    @Bean
    Translator translator(TranslatorProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) return Translator.OFF;
        return new LibreTranslateClient(properties.url().trim(), properties.apiKey(), properties.timeout());
    }
}
