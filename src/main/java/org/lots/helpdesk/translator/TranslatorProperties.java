package org.lots.helpdesk.translator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helpdesk.translator.*}: a self-hosted LibreTranslate for two-way translation in the adviser console.
 *
 * @param url     the LibreTranslate base URL, e.g. {@code http://libretranslate:5000}; empty: translation is off
 * @param apiKey  sent as {@code api_key} when the server requires one
 * @param timeout how long one translation may take before the console shows the original only
 */
@ConfigurationProperties("helpdesk.translator")
public record TranslatorProperties(@DefaultValue("") String url, @DefaultValue("") String apiKey,
                                   @DefaultValue("10s") Duration timeout) {}
