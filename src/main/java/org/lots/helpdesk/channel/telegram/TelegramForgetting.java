package org.lots.helpdesk.channel.telegram;

import org.lots.helpdesk.conversation.ConversationForgotten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a Telegram conversation is deleted (/forget, retention), what the channel keeps about the chat goes too:
 * its stop/blocked state, unsent messages, and the chat id in the update log. Callback tokens hold only
 * engine-made payloads (no chat id, no newcomer words) and expire on their own.
 */
@Component
@ConditionalOnTelegram
class TelegramForgetting {

    private static final Logger log = LoggerFactory.getLogger(TelegramForgetting.class);

    private final ChatStates chats;
    private final Outbox outbox;
    private final UpdateLog updates;

    TelegramForgetting(ChatStates chats, Outbox outbox, UpdateLog updates) {
        this.chats = chats;
        this.outbox = outbox;
        this.updates = updates;
    }

    @EventListener
    void on(ConversationForgotten forgotten) {
        if (!UpdateHandler.CHANNEL.equals(forgotten.channel())) return;
        long chatId;
        try {
            chatId = Long.parseLong(forgotten.address());
        } catch (NumberFormatException e) {
            return;
        }
        chats.forget(chatId);
        outbox.dropChat(chatId);
        long updated = updates.forgetChat(chatId);
        log.info("Telegram data of conversation {} deleted ({} update record(s) anonymised)", forgotten.conversationId(), updated);
    }
}
