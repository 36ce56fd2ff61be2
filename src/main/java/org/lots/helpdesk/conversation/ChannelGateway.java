package org.lots.helpdesk.conversation;

import java.util.List;

import org.lots.helpdesk.engine.Output.Reply;

/** Delivers messages that do not answer a newcomer's own message (an adviser's words, a closing note). */
public interface ChannelGateway {

    /** The channel name this gateway serves, as stored in {@link Conversation#getChannel()}. */
    String channel();

    void deliver(Conversation conversation, List<Reply> replies);
}
