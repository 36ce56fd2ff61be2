package org.lots.helpdesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's replies into Telegram messages: texts longer than Telegram allows are split, buttons become
 * an inline keyboard under the last part (payload buttons as callback_data, links as URL buttons).
 * <p>
 * Messages are sent without a parse mode: Telegram shows the text exactly as written, so nothing a newcomer, an
 * adviser or an editor writes ({@code <b>}, {@code *}, {@code _}, {@code [}) can break a message or turn into
 * formatting, and there is nothing to escape.
 */
@Component
@ConditionalOnTelegram
class ReplyRenderer {

    /** Two buttons share a row when both labels are this short (language names, yes/no). */
    static final int SHORT_LABEL = 18;

    private final UnaryOperator<String> callbackData;

    @Autowired
    ReplyRenderer(CallbackTokens tokens) {
        this(tokens::callbackData);
    }

    ReplyRenderer(UnaryOperator<String> callbackData) {
        this.callbackData = callbackData;
    }

    List<OutboundMessage> render(long chatId, List<Reply> replies) {
        List<OutboundMessage> out = new ArrayList<>();
        for (Reply r : replies) out.addAll(render(chatId, r));
        return out;
    }

    List<OutboundMessage> render(long chatId, Reply reply) {
        List<List<KeyButton>> keyboard = keyboard(reply.buttons());
        List<String> parts = TextSplitter.split(reply.text(), TextSplitter.MAX, reply.language());
        if (parts.isEmpty()) {
            if (keyboard.isEmpty()) return List.of();
            parts = List.of("…"); // Telegram needs some text to hang buttons on
        }
        List<OutboundMessage> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(OutboundMessage.send(chatId, parts.get(i), i == parts.size() - 1 ? keyboard : List.of()));
        }
        return out;
    }

    List<List<KeyButton>> keyboard(List<Button> buttons) {
        List<List<KeyButton>> rows = new ArrayList<>();
        List<KeyButton> open = null; // a row with one short payload button that another may join
        for (Button b : buttons == null ? List.<Button>of() : buttons) {
            if (b.label() == null || b.label().isBlank()) continue;
            KeyButton k;
            if (b.url() != null) {
                if (!linkable(b.url())) continue; // Telegram refuses the whole message over one bad link
                k = new KeyButton(b.label(), null, b.url());
            } else if (b.payload() != null) {
                k = new KeyButton(b.label(), callbackData.apply(b.payload()), null);
            } else {
                continue;
            }
            boolean isShort = k.data() != null && k.label().length() <= SHORT_LABEL;
            if (isShort && open != null) {
                open.add(k);
                open = null;
                continue;
            }
            List<KeyButton> row = new ArrayList<>(List.of(k));
            rows.add(row);
            open = isShort ? row : null;
        }
        return rows;
    }

    static boolean linkable(String url) {
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("tg://");
    }
}
