package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.channel.telegram.OutboundMessage.KeyButton;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Reply;

class ReplyRendererTests {

    final Map<String, String> stored = new HashMap<>();
    final ReplyRenderer renderer = new ReplyRenderer(payload -> {
        if (CallbackTokens.fits(payload)) return payload;
        String token = CallbackTokens.TOKEN_PREFIX + "tok" + stored.size();
        stored.put(token, payload);
        return token;
    });

    static Reply reply(String text, Button... buttons) {
        return new Reply(text, List.of(buttons), "en", false);
    }

    @Test
    void textIsSentExactlyAsWrittenWithoutAParseMode() {
        String text = "<b>x</b> *_[ & a < b > c `d` ~e~ [link](http://x)";
        OutboundMessage m = renderer.render(1, reply(text)).get(0);
        assertEquals(text, m.text());
        assertEquals(OutboundMessage.Kind.SEND, m.kind());
        // That the request Telegram gets carries no parse_mode is checked on the wire, in
        // TelegramPollingIntegrationTests.markupCharactersArriveLiterally.
    }

    @Test
    void payloadButtonsBecomeCallbackDataAndLinksUrlButtons() {
        List<List<KeyButton>> keyboard = renderer.render(1, reply("Pick",
                Button.action("Work", "c:welcome:menu:0"), Button.link("Arbetsförmedlingen", "https://arbetsformedlingen.se/"))).get(0).keyboard();
        assertEquals(List.of(List.of(new KeyButton("Work", "c:welcome:menu:0", null)),
                List.of(new KeyButton("Arbetsförmedlingen", null, "https://arbetsformedlingen.se/"))), keyboard);
    }

    @Test
    void shortButtonsShareARowAndLongOnesHaveTheirOwn() {
        List<List<KeyButton>> keyboard = renderer.keyboard(List.of(
                Button.action("Svenska", "lang:sv"), Button.action("English", "lang:en"), Button.action("Deutsch", "lang:de"),
                Button.action("A much longer label that needs its own row", "cmd:human"), Button.action("العربية", "lang:ar")));
        assertEquals(List.of(2, 1, 1, 1), keyboard.stream().map(List::size).toList());
    }

    @Test
    void aPayloadOver64BytesIsStoredAndTheButtonCarriesAToken() {
        String payload = "v:handoff:ask_topic:" + "ж".repeat(30); // 20 + 60 bytes
        KeyButton b = renderer.keyboard(List.of(Button.action("Long", payload))).get(0).get(0);
        assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= 64);
        assertEquals(payload, stored.get(b.data()));
        // a payload that looks like one of ours is never taken literally
        assertTrue(renderer.keyboard(List.of(Button.action("x", "~done"))).get(0).get(0).data().startsWith(CallbackTokens.TOKEN_PREFIX));
    }

    @Test
    void linksTelegramWouldRefuseAreLeftOut() {
        assertEquals(List.of(), renderer.keyboard(List.of(Button.link("Kommunen", "{municipality_url}"), Button.link("x", "ftp://a"))));
    }

    @Test
    void aLongTextIsSplitUnderTheLimitWithButtonsOnlyUnderTheLastPart() {
        String paragraph = "Word ".repeat(200).strip();
        String text = String.join("\n\n", java.util.Collections.nCopies(10, paragraph));
        List<OutboundMessage> parts = renderer.render(1, reply(text, Button.action("Menu", "cmd:menu")));
        assertTrue(parts.size() >= 3);
        for (OutboundMessage p : parts) assertTrue(p.text().length() <= TextSplitter.MAX);
        for (int i = 0; i < parts.size() - 1; i++) assertTrue(parts.get(i).keyboard().isEmpty());
        assertEquals(1, parts.get(parts.size() - 1).keyboard().size());
        assertEquals(text, String.join("\n\n", parts.stream().map(OutboundMessage::text).toList()));
    }

    @Test
    void withoutParagraphsTheSplitFallsOnASentenceEnd() {
        String sentence = "هذه جملة طويلة بما فيه الكفاية لتعبئة الرسالة. "; // Arabic, ends with a full stop
        String text = sentence.repeat(150).strip();
        List<String> parts = TextSplitter.split(text, TextSplitter.MAX, "ar");
        assertTrue(parts.size() >= 2);
        for (String p : parts.subList(0, parts.size() - 1)) assertTrue(p.endsWith("."), "ends mid-sentence: …" + p.substring(p.length() - 10));
        assertEquals(text.replaceAll("\\s+", ""), String.join("", parts).replaceAll("\\s+", ""));
    }

    @Test
    void aTextWithoutAnyBreakIsCutHardButNeverInsideACharacter() {
        String text = "😀".repeat(3000); // 6000 UTF-16 units, all surrogate pairs
        List<String> parts = TextSplitter.split(text, TextSplitter.MAX, "en");
        assertEquals(2, parts.size());
        for (String p : parts) {
            assertTrue(p.length() <= TextSplitter.MAX);
            assertTrue(!Character.isLowSurrogate(p.charAt(0)) && !Character.isHighSurrogate(p.charAt(p.length() - 1)));
        }
        assertEquals(text, String.join("", parts));
    }

    @Test
    void anEmptyReplyWithButtonsStillCarriesThem() {
        List<OutboundMessage> m = renderer.render(1, reply("  ", Button.action("Menu", "cmd:menu")));
        assertEquals(1, m.size());
        assertTrue(!m.get(0).text().isBlank());
        assertEquals(List.of(), renderer.render(1, reply("")));
    }
}
