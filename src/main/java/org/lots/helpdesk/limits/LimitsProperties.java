package org.lots.helpdesk.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code helpdesk.limits.*}: how much any caller may send. The Telegram webhook has its own fixed limit of 1 MiB
 * (more than any real update); the web chat may set a smaller one of its own.
 *
 * @param maxBody        largest request body on every other path (the APIs, the console, the web chat)
 * @param maxEditorBody  largest body under {@code /api/editor/} (whole translation files travel there)
 * @param maxJsonDepth   deepest nesting of objects and arrays a JSON body may have
 * @param chatPerMinute  messages one chat may send per minute on average before the bot asks it to slow down
 * @param chatBurst      messages one chat may send at once
 */
@ConfigurationProperties("helpdesk.limits")
public record LimitsProperties(
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("4MB") DataSize maxEditorBody,
        @DefaultValue("64") int maxJsonDepth,
        @DefaultValue("30") int chatPerMinute,
        @DefaultValue("20") int chatBurst) {
}
