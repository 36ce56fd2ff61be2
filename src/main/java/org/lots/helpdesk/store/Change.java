package org.lots.helpdesk.store;

/**
 * Something changed on another instance that this one's live streams must show (a Spring application event
 * published by {@link ChangeFeed}). Ids only, never text.
 *
 * @param topic          what changed: {@code handoff} (the adviser console's queue or a conversation in it) or
 *                       {@code webchat} (a message pushed to a web chat conversation)
 * @param id             the handoff's id (topic handoff) or null
 * @param conversationId the conversation concerned, or null
 */
public record Change(String topic, String id, String conversationId) {}
