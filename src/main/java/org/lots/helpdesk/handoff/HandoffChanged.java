package org.lots.helpdesk.handoff;

/**
 * Published (as a Spring application event) when a handoff or its conversation changed in a way advisers should
 * see at once: requested, claimed, a message, a note, transferred, closed. Carries ids only, never text.
 */
public record HandoffChanged(String handoffId, String conversationId) {}
