package org.lots.helpdesk.system;

import java.time.Clock;

import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.LanguageIdentifier;
import org.lots.helpdesk.engine.Retention;
import org.lots.helpdesk.privacy.RetentionProperties;
import org.lots.helpdesk.language.LinguaLanguageIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure core (engine, language identification) into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HelpdeskProperties.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LanguageIdentifier languageIdentifier() {
        return new LinguaLanguageIdentifier();
    }

    @Bean
    Engine engine(LanguageIdentifier languageIdentifier, HelpdeskProperties properties, RetentionProperties retention,
                  @Value("${helpdesk.privacy.first-contact-notice:true}") boolean firstContactNotice) {
        return new Engine(languageIdentifier, properties.fallbackLanguage(),
                new Retention(retention.inactiveConversations(), retention.closedHandoffs(), retention.unanswered()), firstContactNotice);
    }
}
