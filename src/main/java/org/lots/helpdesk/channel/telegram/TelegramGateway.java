package org.lots.helpdesk.channel.telegram;

import java.util.List;

import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.engine.Output.Reply;
import org.springframework.stereotype.Component;

/** Messages nobody on Telegram asked for just now (an adviser's words, a closing note) go out through the outbox too. */
@Component
@ConditionalOnTelegram
class TelegramGateway implements ChannelGateway {

    private final ReplyRenderer renderer;
    private final Outbox outbox;

    TelegramGateway(ReplyRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    @Override
    public String channel() {
        return UpdateHandler.CHANNEL;
    }

    @Override
    public void deliver(Conversation conversation, List<Reply> replies) {
        long chatId = Long.parseLong(conversation.getAddress());
        outbox.send(chatId, renderer.render(chatId, replies));
    }
}
