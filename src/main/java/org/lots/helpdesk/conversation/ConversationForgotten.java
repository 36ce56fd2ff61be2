package org.lots.helpdesk.conversation;

/**
 * Published once a conversation and its transcript are deleted (the newcomer's /forget, the web chat's delete, or
 * the retention purge): channels drop what they keep about the address. Carries the address, which is gone from the
 * store by then.
 */
public record ConversationForgotten(String conversationId, String channel, String address) {}
