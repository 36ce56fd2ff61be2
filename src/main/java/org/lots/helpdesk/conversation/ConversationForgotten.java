package org.lots.helpdesk.conversation;

import java.time.Instant;

/**
 * Published when a conversation and its transcript are deleted (the newcomer's /forget, the web chat's delete, or the
 * retention purge), before the other modules delete their part on the {@code ForgetRequested} event: channels drop
 * what they keep about the address, and counts without content can be kept of what goes. Carries what is gone from
 * the store by then.
 *
 * @param language the language the conversation was in (null if none yet)
 * @param topic    the last content topic (null if none)
 */
public record ConversationForgotten(String conversationId, String channel, String address, boolean preview,
                                    Instant createdAt, String language, String topic) {}
