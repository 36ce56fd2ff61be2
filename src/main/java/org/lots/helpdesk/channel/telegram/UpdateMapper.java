package org.lots.helpdesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.lots.helpdesk.engine.Input;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Reads a Telegram update as what the engine understands. Only private chats are served: the help desk talks to
 * one newcomer at a time, never in groups.
 */
@Component
@ConditionalOnTelegram
class UpdateMapper {

    /** The commands of the bot's menu (and /restart, which the engine also knows). */
    static final List<String> COMMANDS = List.of("start", "menu", "language", "human", "help", "privacy", "mydata", "forget", "stop");
    private static final Set<String> KNOWN = Set.of("start", "menu", "language", "human", "help", "privacy", "mydata", "forget", "stop", "restart");
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@\\S+)?(?:\\s+(.*))?$", Pattern.DOTALL);
    static final String CHOSEN = "✓ ";

    /** What an update asks for. */
    sealed interface Inbound permits Said, Pressed, Membership, Ignored {}

    /** The newcomer wrote or sent something. */
    record Said(long chatId, Input input, String languageHint) implements Inbound {}

    /**
     * The newcomer pressed a button. {@code input} is null for a button already answered; {@code buttonsAfter}
     * (null: leave the message as it is) replaces the pressed message's keyboard to show the choice.
     */
    record Pressed(long chatId, Input input, String languageHint, String callbackId, Integer messageId,
                   List<List<KeyButton>> buttonsAfter) implements Inbound {}

    /** The newcomer blocked (or unblocked) the bot. */
    record Membership(long chatId, boolean blocked) implements Inbound {}

    record Ignored(String why) implements Inbound {}

    private final Function<String, Optional<String>> tokens;

    @Autowired
    UpdateMapper(CallbackTokens tokens) {
        this(tokens::resolve);
    }

    UpdateMapper(Function<String, Optional<String>> tokens) {
        this.tokens = tokens;
    }

    /** The chat an update belongs to (updates of one chat are handled in order); null when it has none. */
    static Long chatId(Update u) {
        if (u.getMessage() != null) return u.getMessage().getChatId();
        if (u.getEditedMessage() != null) return u.getEditedMessage().getChatId();
        if (u.getCallbackQuery() != null) {
            MaybeInaccessibleMessage m = u.getCallbackQuery().getMessage();
            return m != null ? m.getChatId() : u.getCallbackQuery().getFrom() == null ? null : u.getCallbackQuery().getFrom().getId();
        }
        if (u.getMyChatMember() != null && u.getMyChatMember().getChat() != null) return u.getMyChatMember().getChat().getId();
        return null;
    }

    Inbound map(Update u) {
        if (u.getMessage() != null) return message(u.getMessage());
        if (u.getEditedMessage() != null) {
            Message m = u.getEditedMessage();
            if (!isPrivate(m.getChat())) return new Ignored("not a private chat");
            return new Said(m.getChatId(), new Input.Media("edited", null), hint(m.getFrom()));
        }
        if (u.getCallbackQuery() != null) return press(u.getCallbackQuery());
        if (u.getMyChatMember() != null) return membership(u.getMyChatMember());
        return new Ignored("update kind not served");
    }

    private Inbound message(Message m) {
        if (!isPrivate(m.getChat())) return new Ignored("not a private chat");
        Input input = input(m);
        if (input == null) return new Ignored("service message");
        return new Said(m.getChatId(), input, hint(m.getFrom()));
    }

    /** The engine's input for a message, or null for service messages nobody wrote. */
    static Input input(Message m) {
        if (m.getText() != null) return text(m.getText());
        if (m.getVoice() != null) return new Input.Media("voice", m.getVoice().getFileId());
        if (m.getPhoto() != null && !m.getPhoto().isEmpty()) return new Input.Media("photo", largest(m.getPhoto()).getFileId());
        if (m.getSticker() != null) return new Input.Media("sticker", m.getSticker().getFileId());
        if (m.getDocument() != null) return new Input.Media("document", m.getDocument().getFileId());
        if (m.getLocation() != null || m.getVenue() != null) return new Input.Media("location", null);
        if (m.getContact() != null) return new Input.Media("contact", null);
        if (m.getAudio() != null) return new Input.Media("other", m.getAudio().getFileId());
        if (m.getVideo() != null) return new Input.Media("other", m.getVideo().getFileId());
        if (m.getVideoNote() != null) return new Input.Media("other", m.getVideoNote().getFileId());
        if (m.getAnimation() != null) return new Input.Media("other", m.getAnimation().getFileId());
        if (m.getPoll() != null || m.getDice() != null || m.getGame() != null || m.getStory() != null) {
            return new Input.Media("other", null);
        }
        return null;
    }

    /** {@code /name arg} for the bot's commands (a deep link's {@code jobs_find} means dialog {@code jobs.find}). */
    static Input text(String text) {
        Matcher c = COMMAND.matcher(text.strip());
        if (!c.matches()) return new Input.Text(text);
        String name = c.group(1).toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) return new Input.Text(text);
        String arg = c.group(2) == null || c.group(2).isBlank() ? null : c.group(2).strip();
        // Deep-link parameters allow only A-Z, a-z, 0-9, _ and -: dialog ids are written with _ for the dot.
        if (arg != null && name.equals("start") && arg.matches("[A-Za-z0-9_-]+")) arg = arg.replace('_', '.');
        return new Input.Command(name, arg);
    }

    private Inbound press(CallbackQuery q) {
        MaybeInaccessibleMessage where = q.getMessage();
        if (where == null) return new Ignored("button outside a chat");
        if (where.getChat() != null && !isPrivate(where.getChat())) return new Ignored("not a private chat");
        String data = q.getData();
        if (data == null) return new Ignored("button without data");
        Input input;
        if (data.equals(CallbackTokens.DONE)) {
            input = null;
        } else if (data.startsWith(CallbackTokens.TOKEN_PREFIX)) {
            // An expired token reads as an unknown payload: the engine says the button is no longer active.
            input = new Input.Payload(tokens.apply(data.substring(CallbackTokens.TOKEN_PREFIX.length())).orElse("expired"));
        } else {
            input = new Input.Payload(data);
        }
        List<List<KeyButton>> after = input == null || !(where instanceof Message m) ? null : chosen(m.getReplyMarkup(), data);
        return new Pressed(where.getChatId(), input, hint(q.getFrom()), q.getId(), where.getMessageId(), after);
    }

    /** The pressed message's keyboard reduced to "✓ choice" (links stay); null when the button is not found. */
    static List<List<KeyButton>> chosen(InlineKeyboardMarkup markup, String data) {
        if (markup == null || markup.getKeyboard() == null) return null;
        boolean found = false;
        List<List<KeyButton>> rows = new ArrayList<>();
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            List<KeyButton> kept = new ArrayList<>();
            for (InlineKeyboardButton b : row) {
                if (b.getUrl() != null) {
                    kept.add(new KeyButton(b.getText(), null, b.getUrl()));
                } else if (data.equals(b.getCallbackData()) && !found) {
                    kept.add(new KeyButton(CHOSEN + b.getText(), CallbackTokens.DONE, null));
                    found = true;
                }
            }
            if (!kept.isEmpty()) rows.add(kept);
        }
        return found ? rows : null;
    }

    private static Inbound membership(ChatMemberUpdated m) {
        if (m.getChat() == null || !isPrivate(m.getChat()) || m.getNewChatMember() == null) return new Ignored("membership elsewhere");
        String status = m.getNewChatMember().getStatus();
        if ("kicked".equals(status)) return new Membership(m.getChat().getId(), true);
        if ("member".equals(status)) return new Membership(m.getChat().getId(), false);
        return new Ignored("membership status " + status);
    }

    private static boolean isPrivate(Chat chat) {
        return chat != null && "private".equals(chat.getType());
    }

    private static String hint(User from) {
        return from == null ? null : from.getLanguageCode();
    }

    private static PhotoSize largest(List<PhotoSize> sizes) {
        PhotoSize best = sizes.get(0);
        for (PhotoSize p : sizes) {
            if (area(p) > area(best)) best = p;
        }
        return best;
    }

    private static long area(PhotoSize p) {
        return (long) (p.getWidth() == null ? 0 : p.getWidth()) * (p.getHeight() == null ? 0 : p.getHeight());
    }
}
