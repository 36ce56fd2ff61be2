package org.lots.helpdesk.conversation;

/**
 * Port: whether a conversation has a handoff waiting or with an adviser. A conversation whose state still waits
 * for a person that no handoff stands for (it was closed and the notice lost, or deleted) gets the bot back.
 * Implemented by the handoff module.
 */
public interface OpenHandoffs {

    boolean open(String conversationId);
}
