package org.lots.helpdesk.channel.telegram;

import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What a failed Bot API call means for the sender. telegrambots wraps the API's answer in layers of
 * exceptions; the error code and retry_after are on the {@link TelegramApiRequestException} inside.
 */
final class TelegramErrors {

    private TelegramErrors() {}

    enum Kind {
        /** 429: Telegram asks us to wait {@code retryAfterSeconds}. */
        FLOOD,
        /** 403: the user blocked the bot (or deleted the account); nothing can be sent to this chat any more. */
        BLOCKED,
        /** 400: this request can never succeed (a message that no longer exists, an invalid request). */
        REJECTED,
        /** Network trouble, 5xx, or anything else that may work later. */
        TRANSIENT
    }

    record Failure(Kind kind, Integer code, int retryAfterSeconds, String description) {}

    static Failure classify(Throwable error) {
        TelegramApiRequestException api = find(error);
        if (api == null || api.getErrorCode() == null) {
            return new Failure(Kind.TRANSIENT, null, 0, rootName(error));
        }
        int code = api.getErrorCode();
        // Telegram's descriptions name the problem ("Bad Request: message is not modified"), never message text.
        String description = api.getApiResponse();
        if (code == 429) {
            Integer after = api.getParameters() == null ? null : api.getParameters().getRetryAfter();
            return new Failure(Kind.FLOOD, code, after == null ? 1 : Math.max(1, after), description);
        }
        if (code == 403) return new Failure(Kind.BLOCKED, code, 0, description);
        if (code == 400) return new Failure(Kind.REJECTED, code, 0, description);
        return new Failure(Kind.TRANSIENT, code, 0, description);
    }

    private static TelegramApiRequestException find(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof TelegramApiRequestException e && e.getErrorCode() != null) return e;
        }
        return null;
    }

    private static String rootName(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) root = root.getCause();
        return root.getClass().getSimpleName();
    }
}
