package org.lots.helpdesk.unanswered;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Something a newcomer asked that the bot could not answer by itself: where editors find what to write next. */
@Document("unanswered")
public record UnansweredQuestion(@Id String id, String conversationId, String text, String language, String reason,
                                 String dialog, String step, @Indexed Instant at) {}
