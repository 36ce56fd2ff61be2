package org.lots.helpdesk.channel.telegram;

import java.util.List;

/**
 * One Bot API call the outbox makes for a chat: a new message, or a change to the buttons of one already sent.
 *
 * @param kind      SEND (sendMessage) or EDIT_BUTTONS (editMessageReplyMarkup)
 * @param text      the message text, sent without a parse mode so that it arrives exactly as written
 * @param keyboard  inline keyboard rows; empty for none
 * @param messageId the message to edit (EDIT_BUTTONS only)
 */
record OutboundMessage(Kind kind, long chatId, String text, List<List<KeyButton>> keyboard, Integer messageId) {

    enum Kind { SEND, EDIT_BUTTONS }

    OutboundMessage {
        keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
    }

    static OutboundMessage send(long chatId, String text, List<List<KeyButton>> keyboard) {
        return new OutboundMessage(Kind.SEND, chatId, text, keyboard, null);
    }

    static OutboundMessage editButtons(long chatId, int messageId, List<List<KeyButton>> keyboard) {
        return new OutboundMessage(Kind.EDIT_BUTTONS, chatId, null, keyboard, messageId);
    }

    /**
     * An inline keyboard button: {@code data} (callback_data, at most 64 bytes) or {@code url}.
     */
    record KeyButton(String label, String data, String url) {}
}
