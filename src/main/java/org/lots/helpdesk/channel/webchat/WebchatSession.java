package org.lots.helpdesk.channel.webchat;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The key to one web chat conversation: only the SHA-256 of its token is kept, so a copy of the store opens no
 * conversation. {@code pushed} numbers the messages pushed to the widget (the server-sent event ids).
 */
@Document("webchat_sessions")
record WebchatSession(@Id String conversationId, String tokenHash, Instant createdAt, long pushed) {}
