package org.lots.helpdesk.conversation;

import org.lots.helpdesk.engine.Helpline;

/**
 * Gives the engine's {@link Helpline} port for one conversation (its place in the queue, the office hours).
 * Implemented by the handoff module; without one, the bot says the handoff step's own text.
 */
public interface HelplineSource {

    Helpline forConversation(Conversation conversation);
}
