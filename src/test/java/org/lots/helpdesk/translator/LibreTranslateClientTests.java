package org.lots.helpdesk.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.LibreTranslateStub;
import org.lots.helpdesk.LibreTranslateStub.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/** The LibreTranslate client against a local stub server speaking LibreTranslate's API. */
class LibreTranslateClientTests {

    LibreTranslateStub server;

    /** Starts a stub answering POST /translate with {@code answer(request)}. */
    String stub(Function<JsonNode, Answer> answer) {
        server = new LibreTranslateStub(answer);
        return server.url();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void sendsTheTextWithSourceTargetAndPlainTextFormatAndReadsTheTranslation() {
        String url = stub(req -> new Answer(200, "{\"translatedText\":\"مرحبا، كيف يمكنني المساعدة؟\"}"));
        Translator t = new LibreTranslateClient(url + "/", "secret-key", Duration.ofSeconds(5));
        assertEquals(Optional.of("مرحبا، كيف يمكنني المساعدة؟"), t.translate("Hello, how can I help?", "en", "ar"));
        JsonNode sent = server.requests().get(0);
        assertEquals("Hello, how can I help?", sent.get("q").asText());
        assertEquals("en", sent.get("source").asText());
        assertEquals("ar", sent.get("target").asText());
        assertEquals("text", sent.get("format").asText());
        assertEquals("secret-key", sent.get("api_key").asText());
        assertTrue(t.enabled());
    }

    @Test
    void anErrorFromTheServerGivesNoTranslation() {
        String url = stub(req -> new Answer(400, "{\"error\":\"ti is not supported\"}"));
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(5)).translate("Hej", "sv", "ti"));
    }

    @Test
    void anAnswerWithoutATranslationGivesNoTranslation() {
        String url = stub(req -> new Answer(200, "<html>not json</html>"));
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(5)).translate("Hej", "sv", "en"));
    }

    @Test
    void anUnreachableServerGivesNoTranslation() {
        String url = stub(req -> new Answer(200, "{}"));
        server.close();
        server = null;
        assertEquals(Optional.empty(), new LibreTranslateClient(url, "", Duration.ofSeconds(2)).translate("Hej", "sv", "en"));
    }

    @Test
    void theSameLanguageNeedsNoCallAndOffTranslatesNothing() {
        String url = stub(req -> new Answer(500, "{}"));
        assertEquals(Optional.of("Hej"), new LibreTranslateClient(url, "", Duration.ofSeconds(2)).translate("Hej", "sv", "sv"));
        assertTrue(server.requests().isEmpty());
        assertEquals(Optional.empty(), Translator.OFF.translate("Hej", "sv", "en"));
    }
}
