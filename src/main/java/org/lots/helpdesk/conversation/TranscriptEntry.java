package org.lots.helpdesk.conversation;

import java.time.Instant;
import java.util.List;

import org.lots.helpdesk.engine.Output.Button;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One turn of a conversation as people see it: what the newcomer sent, what the bot or an adviser answered.
 *
 * @param author   NEWCOMER, BOT, ADVISER, or NOTE (an adviser's internal note, never sent to the newcomer)
 * @param sequence orders entries written in the same millisecond
 */
@Document("transcript")
@CompoundIndex(name = "conversation_time", def = "{'conversationId': 1, 'at': 1, 'sequence': 1}")
public record TranscriptEntry(@Id String id, String conversationId, Instant at, long sequence, Author author,
                              String text, List<Button> buttons, String language, String adviser) {

    public enum Author { NEWCOMER, BOT, ADVISER, NOTE }
}
