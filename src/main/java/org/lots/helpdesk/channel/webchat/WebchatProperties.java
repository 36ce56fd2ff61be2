package org.lots.helpdesk.channel.webchat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web chat's settings ({@code helpdesk.webchat.*}).
 *
 * @param allowedOrigins          origins whose pages may call the web chat API from a browser (CORS); empty: only
 *                                the help desk's own origin (the demo page)
 * @param maxMessageChars         a longer message gets 413
 * @param maxBodyBytes            a larger request body gets 413 before it is read further
 * @param perConversation         messages one conversation may send per {@code window}
 * @param perClient               messages and new conversations one client address may send per {@code window}
 * @param window                  the limiter's window
 * @param keepPushes              how long messages pushed to the widget stay replayable after a lost connection
 */
@ConfigurationProperties("helpdesk.webchat")
public record WebchatProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("4000") int maxMessageChars,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("30") int perConversation,
        @DefaultValue("120") int perClient,
        @DefaultValue("1m") Duration window,
        @DefaultValue("7d") Duration keepPushes) {}
