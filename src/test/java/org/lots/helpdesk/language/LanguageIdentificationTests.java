package org.lots.helpdesk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.engine.LanguageIdentifier;
import org.lots.helpdesk.engine.LanguageIdentifier.Detection;

class LanguageIdentificationTests {

    final LanguageIdentifier id = TestContent.languages();
    final LanguageHints hints = TestContent.shipped().languageHints();

    @Test
    void ethiopicScriptIsTigrinya() {
        Detection d = id.detect("ስራሕ ክረክብ ደልየ");
        assertEquals("ti", d.language());
        assertTrue(d.clear());
    }

    @Test
    void ukrainianAndRussianLettersDecideWhereStatisticsCannot() {
        assertEquals("uk", id.detect("мені потрібна робота").language());
        assertEquals("ru", id.detect("мне нужна работа, объясните").language());
    }

    @Test
    void theDominantScriptNarrowsTheChoice() {
        assertEquals("ar", id.detect("مستويات شو يعني a b c d").language());
        assertEquals("ti", id.detect("F-skatt እንታይ እዩ").language());
        assertEquals("uk", id.detect("almi що це").language());
    }

    @Test
    void shortWordsNumbersAndEmojisAreNeverClear() {
        assertFalse(id.detect("ok").clear());
        assertFalse(id.detect("hi").clear());
        assertNull(id.detect("12 34").language());
        assertNull(id.detect("👍🙏").language());
    }

    @Test
    void aLanguageTheHelpDeskDoesNotSpeakIsRecognisedAsSuch() {
        assertTrue(id.detect("Bonjour, je cherche du travail, pouvez-vous m'aider s'il vous plaît").unsupported());
    }

    @Test
    void swedishNamesOfThingsDoNotMakeAMessageSwedish() {
        assertTrue(hints.loanwords().contains("komvux"));
        assertEquals("nedir", hints.withoutLoanwords("komvux nedir"));
        assertEquals("tr", id.detect(hints.withoutLoanwords("arbetsformedlingen kayit nasil yapilir")).language());
    }

    @Test
    void anExamplePhraseOfOneLanguageTellsThatLanguage() {
        assertEquals("sv", hints.languageOfPhrase("hejsan")); // "hej" itself is a held-out question now, not an example
    }

    @Test
    void aWordOneLanguageOwnsTellsTheLanguageOfAOneOrTwoWordMessage() {
        assertEquals("sv", hints.languageOfOwnWords("hej")); // Polish too for lingua; Swedish examples use it again and again
        assertEquals("de", hints.languageOfOwnWords("Hallo!"));
        assertEquals("sv", hints.languageOfOwnWords("jobba"));
        assertEquals("de", hints.languageOfOwnWords("arbeit"));
        assertNull(hints.languageOfOwnWords("hallo jobba"), "two languages' words: no verdict");
        assertNull(hints.languageOfOwnWords("hej jag vill jobba"), "long enough for statistics");
        assertNull(hints.languageOfOwnWords("komvux"), "a Swedish name every language uses");
        assertNull(hints.languageOfOwnWords("   "));
    }
}
