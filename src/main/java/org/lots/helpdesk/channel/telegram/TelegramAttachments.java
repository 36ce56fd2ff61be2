package org.lots.helpdesk.channel.telegram;

import java.io.IOException;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lots.helpdesk.channel.telegram.TelegramErrors.Failure;
import org.lots.helpdesk.conversation.AttachmentSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Opens a file a newcomer sent on Telegram (by its file_id) for the adviser: getFile tells where it is, then it is
 * downloaded from the same Bot API server. Empty when Telegram no longer has it; an exception when Telegram cannot
 * be reached, so that the console can say "try again" rather than "gone".
 */
@Component
@ConditionalOnTelegram
class TelegramAttachments implements AttachmentSource {

    private static final Map<String, String> TYPES = Map.of(
            "oga", "audio/ogg", "ogg", "audio/ogg", "webp", "image/webp", "tgs", "application/x-tgsticker",
            "webm", "video/webm", "mp4", "video/mp4", "pdf", "application/pdf", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png");

    private final BotApi api;

    TelegramAttachments(BotApi api) {
        this.api = api;
    }

    @Override
    public String channel() {
        return UpdateHandler.CHANNEL;
    }

    @Override
    public Optional<Attachment> open(String reference) {
        if (reference == null || reference.isBlank()) return Optional.empty();
        File file;
        try {
            file = api.client().execute(new GetFile(reference));
        } catch (TelegramApiException | RuntimeException e) {
            Failure f = TelegramErrors.classify(e);
            if (f.kind() == TelegramErrors.Kind.REJECTED) return Optional.empty(); // unknown or expired file_id
            throw new IllegalStateException("Telegram could not be asked for the file (" + f.description() + ")");
        }
        if (file == null || file.getFilePath() == null) return Optional.empty();
        try {
            String name = file.getFilePath().substring(file.getFilePath().lastIndexOf('/') + 1);
            return api.download(file.getFilePath()).map(bytes -> new Attachment(name, contentType(name), bytes));
        } catch (IOException e) {
            throw new IllegalStateException("Telegram could not send the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String known = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (known != null) return known;
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed != null ? guessed : "application/octet-stream";
    }
}
