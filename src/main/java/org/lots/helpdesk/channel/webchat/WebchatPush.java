package org.lots.helpdesk.channel.webchat;

import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.engine.Output.Button;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message the newcomer did not ask for just now (an adviser's words, the bot's note that an adviser joined or
 * left), kept so that a widget that lost its connection gets exactly what it missed ({@code seq} is the event id).
 * The channel's outbox: deleted with the conversation, and after {@code helpdesk.webchat.keep-pushes}.
 */
@Document("webchat_pushes")
@CompoundIndex(name = "conversation_seq", def = "{'conversationId': 1, 'seq': 1}", unique = true)
record WebchatPush(@Id String id, String conversationId, long seq, String from, String text, List<Button> buttons, Instant at) {}
