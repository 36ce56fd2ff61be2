package org.lots.helpdesk.channel.webchat;

import java.util.List;

import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.engine.Output.Reply;
import org.springframework.stereotype.Component;

/**
 * What the newcomer did not ask for just now reaches the widget over its live stream: an adviser's words (a reply
 * without buttons while an adviser has the chat) and the bot's notes around the handoff.
 */
@Component
class WebchatGateway implements ChannelGateway {

    static final String CHANNEL = "webchat";

    private final WebchatSessions sessions;
    private final WebchatEvents events;

    WebchatGateway(WebchatSessions sessions, WebchatEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void deliver(Conversation conversation, List<Reply> replies) {
        for (Reply r : replies) {
            // Replies the bot makes carry a status (source, machine, ...); an adviser's words carry none.
            String from = r.status() == null ? "adviser" : "bot";
            sessions.push(conversation.getId(), from, r.text(), r.buttons());
        }
        events.pushed(conversation.getId());
    }
}
