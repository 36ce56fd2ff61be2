package org.lots.helpdesk.conversation;

import java.time.Instant;

import org.lots.helpdesk.engine.Output;

/**
 * Published (as a Spring application event) for every engine output other than a reply, after the conversation
 * was saved: handoffs, unanswered questions, words for an adviser. Listeners in other modules record them.
 */
public record ConversationEvent(String conversationId, String channel, boolean preview, Output output, Instant at) {}
