package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import okhttp3.OkHttpClient;

/** The test Bot API refuses what Telegram refuses, in Telegram's words, as the real client sees it. */
class FakeBotApiTests {

    static final FakeBotApi API = FakeBotApi.start();
    static final OkHttpTelegramClient CLIENT = new OkHttpTelegramClient(new OkHttpClient(), FakeBotApi.TOKEN,
            new TelegramUrl("http", "127.0.0.1", Integer.parseInt(API.baseUrl().substring(API.baseUrl().lastIndexOf(':') + 1)), false));

    @AfterAll
    static void stop() {
        API.close();
    }

    static TelegramApiRequestException refused(SendMessage m) {
        return assertThrows(TelegramApiRequestException.class, () -> CLIENT.execute(m));
    }

    static SendMessage withButton(InlineKeyboardButton b) {
        return SendMessage.builder().chatId(1L).text("Pick").replyMarkup(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(b)))).build();
    }

    @Test
    void aTextOf4096CharactersIsAcceptedAndOneMoreIsTooLong() throws Exception {
        CLIENT.execute(SendMessage.builder().chatId(1L).text("a".repeat(FakeBotApi.MAX_TEXT)).build());
        TelegramApiRequestException e = refused(SendMessage.builder().chatId(1L).text("a".repeat(FakeBotApi.MAX_TEXT + 1)).build());
        assertEquals(400, e.getErrorCode());
        assertEquals(FakeBotApi.TOO_LONG, e.getApiResponse());
        // counted after entity parsing: tags do not count
        CLIENT.execute(SendMessage.builder().chatId(1L).parseMode("HTML").text("<b>" + "a".repeat(FakeBotApi.MAX_TEXT) + "</b>").build());
    }

    @Test
    void callbackDataOver64BytesIsInvalid() throws Exception {
        CLIENT.execute(withButton(InlineKeyboardButton.builder().text("ok").callbackData("ж".repeat(32)).build())); // 64 bytes
        TelegramApiRequestException e = refused(withButton(InlineKeyboardButton.builder().text("x").callbackData("ж".repeat(32) + "a").build()));
        assertEquals(400, e.getErrorCode());
        assertEquals(FakeBotApi.BUTTON_DATA_INVALID, e.getApiResponse());
    }

    @Test
    void onlyHttpHttpsWithAHostAndTgLinksAreAccepted() throws Exception {
        CLIENT.execute(withButton(InlineKeyboardButton.builder().text("ok").url("https://arbetsformedlingen.se/").build()));
        CLIENT.execute(withButton(InlineKeyboardButton.builder().text("ok").url("tg://resolve?domain=lots_test_bot").build()));
        for (String bad : List.of("ftp://example.org/", "javascript:alert(1)", "https://exa mple.org/", "https:///nohost", "{municipality_url}")) {
            TelegramApiRequestException e = refused(withButton(InlineKeyboardButton.builder().text("x").url(bad).build()));
            assertEquals(FakeBotApi.BUTTON_URL_INVALID, e.getApiResponse(), bad);
        }
    }

    @Test
    void anEmptyTextIsRefused() {
        assertEquals(FakeBotApi.EMPTY, refused(SendMessage.builder().chatId(1L).text(" ").build()).getApiResponse());
    }

    @Test
    void refusedCallsAreRecordedWithTelegramsDescription() {
        refused(SendMessage.builder().chatId(77L).text("b".repeat(5000)).build());
        FakeBotApi.Call c = API.attempts(77L).get(0);
        assertEquals(400, c.status());
        assertEquals(FakeBotApi.TOO_LONG, c.error());
        assertEquals(List.of(), API.sent(77L));
    }
}
