package org.lots.helpdesk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.engine.LanguageIdentifier;
import org.lots.helpdesk.engine.Turn;

/** The rules of issue 11 for language identification, on messages typed the way newcomers type them. */
class LanguageRulesTests {

    final LanguageIdentifier id = TestContent.languages();
    final Knowledge k = TestContent.shipped();
    final LanguageHints hints = k.languageHints();

    String language(String text) {
        return id.detect(hints.withoutLoanwords(text), hints).language();
    }

    // Loanwords: Swedish names every language borrows, not any one language's own words.

    @Test
    void aWordOneLanguageOwnsIsNoLoanwordHoweverOftenOthersQuoteIt() {
        assertTrue(LanguageHints.isLoanword(Map.of("sv", 20, "en", 20, "ar", 15, "so", 18)));
        assertFalse(LanguageHints.isLoanword(Map.of("de", 110, "sv", 5, "ar", 4, "en", 5)), "German 'und'");
        assertFalse(LanguageHints.isLoanword(Map.of("en", 10, "sv", 6, "de", 6)), "only Latin-script languages: a shared European word");
        assertFalse(hints.loanwords().contains("und"));
        assertFalse(hints.loanwords().contains("och"));
        assertFalse(hints.loanwords().contains("for"));
        assertTrue(hints.loanwords().contains("komvux"));
        assertTrue(hints.loanwords().contains("csn"));
    }

    @Test
    void englishWordsAroundALoanwordStayEnglish() {
        assertEquals("en", language("permit for my food truck??"));
        assertEquals("de", language("was ist komvux"));
    }

    @Test
    void swedishCompoundsAndEndingsOfLoanwordsDoNotMakeASentenceSwedish() {
        assertEquals("is free", hints.withoutLoanwords("is yrkeshögskola free"));
        assertEquals("en", language("is yrkeshögskola free"));
        assertEquals("okumak istiyorum", hints.withoutLoanwords("komvuxta okumak istiyorum"));
        assertTrue(hints.isLoan("komvuxen"));
        assertFalse(hints.isLoan("studieren"), "a longer ending is another word");
        assertEquals("tr", language("komvuxta okumak istiyorum"));
        assertEquals("so", language("komvuxka wax ma ka baran karaa"));
    }

    @Test
    void aMessageOfSwedishNamesOnlyIsTakenAsSwedishForAFirstGuess() {
        assertTrue(hints.onlyLoanwords("komvux"));
        assertTrue(hints.onlyLoanwords("sfi csn?"));
        assertFalse(hints.onlyLoanwords("komvux nedir"));
        Engine engine = TestContent.engine();
        Turn fresh = engine.handle(k, ConversationState.fresh(null, false), new Input.Text("Komvux"), null);
        assertEquals("sv", fresh.trace().language());
        assertFalse(fresh.state().languageConfirmed());
        // A channel's hint (the phone's language) or a language already spoken outweighs it.
        assertEquals("ar", engine.handle(k, ConversationState.fresh(null, false), new Input.Text("komvux"), "ar").trace().language());
        assertEquals("so", engine.handle(k, ConversationState.fresh("so", true), new Input.Text("sfi"), null).trace().language());
    }

    // Arabic and Persian.

    @Test
    void persianAndArabicLettersDecide() {
        assertEquals("fa", LinguaLanguageIdentifier.arabicOrPersian("چطو کار پیدا کنم"));
        assertEquals("ar", LinguaLanguageIdentifier.arabicOrPersian("وين المدرسة"));
        assertNull(LinguaLanguageIdentifier.arabicOrPersian("ميخواهم كار"), "Persian on an Arabic keyboard: statistics decide");
        assertNull(LinguaLanguageIdentifier.arabicOrPersian("شلون اگدر اشتغل يعني"), "Iraqi Arabic writes گ too");
        assertEquals("fa", language("کار میخوام"));
        assertEquals("ar", language("ابي دورة لغة مجانية"));
    }

    @Test
    void twoLetterArabicWordsStillTellArabic() {
        assertEquals("ar", language("شو هو komvux"));
    }

    // Ukrainian and Russian.

    @Test
    void ukrainianEvidenceWinsAMixedMessage() {
        assertEquals("uk", LinguaLanguageIdentifier.ukrainianOrRussian("шукаю работу срочно"));
        assertEquals("uk", LinguaLanguageIdentifier.ukrainianOrRussian("мені нада робота срочно"));
        assertEquals("ru", LinguaLanguageIdentifier.ukrainianOrRussian("что делать если тут нет работы и денег"));
        assertEquals("ru", LinguaLanguageIdentifier.ukrainianOrRussian("ищу работу"));
        assertNull(LinguaLanguageIdentifier.ukrainianOrRussian("резюме"));
        assertEquals("uk", language("шукаю работу срочно"));
    }

    @Test
    void theLanguageAlreadySpokenStaysForAMessageBothCouldHaveWritten() {
        Engine engine = TestContent.engine();
        assertEquals("uk", engine.handle(k, ConversationState.fresh("uk", true), new Input.Text("резюме"), null).trace().language());
        assertEquals("ru", engine.handle(k, ConversationState.fresh("ru", true), new Input.Text("резюме"), null).trace().language());
        // Telling letters still switch: a clear Russian sentence in a Ukrainian conversation.
        assertEquals("ru", engine.handle(k, ConversationState.fresh("uk", true),
                new Input.Text("здравствуйте, мне нужно узнать, где учить шведский язык"), null).trace().language());
    }

    // Short Latin-script messages.

    @Test
    void shortLatinMessagesKeepTheirLanguage() {
        assertEquals("sv", language("jobb"));
        assertEquals("tr", language("sfi ucretsiz mi"));
        assertEquals("so", language("sfi lacag la aan ma tahay"));
        assertEquals("sv", language("validering av utbildning"));
    }

    @Test
    void theShortRepliesOfEachLanguagesTranslationsTellTheirLanguage() {
        assertEquals("tr", hints.languageOfPhrase("evet"));
        assertEquals("tr", hints.languageOfPhrase("Hayır!"));
        assertNull(hints.languageOfPhrase("ok"), "said in many languages");
    }

    @Test
    void greetingsAreNoSwedishNames() {
        assertFalse(hints.onlyLoanwords("salam"));
        assertEquals("en", TestContent.engine().handle(k, ConversationState.fresh(null, false), new Input.Text("salam"), null).trace().language());
    }

    @Test
    void arabicInLatinLettersWithDigitsIsArabic() {
        assertTrue(LinguaLanguageIdentifier.arabizi("kifak, bdi sa3de b shi shoghol"));
        assertTrue(LinguaLanguageIdentifier.arabizi("salam 3alaykum"));
        assertFalse(LinguaLanguageIdentifier.arabizi("see u 2day, mp3 b2b"));
        assertFalse(LinguaLanguageIdentifier.arabizi("I was born 1997 and came 2023"));
        assertTrue(LinguaLanguageIdentifier.arabizi("chno lfar9 bin bidrag w lån, wach lazem nreje3 kolchi"), "digits at a word's edge, twice");
        assertFalse(LinguaLanguageIdentifier.arabizi("my iphone7 screen broke"), "once is a model name");
        assertFalse(LinguaLanguageIdentifier.arabizi("galaxy s9 or iphone7, covid19 took my job"), "a short name, one model, a year");
        assertEquals("ar", id.detect("bdi sa3de bl cv").language());
    }

    @Test
    void russianAndUkrainianInLatinLettersAreThemselves() {
        // Written for this test, not taken from an eval file.
        assertEquals("ru", LinguaLanguageIdentifier.russianOrUkrainianInLatin("zdravstvuyte, mne nuzhno uznat pro nalogi"));
        assertEquals("ru", LinguaLanguageIdentifier.russianOrUkrainianInLatin("kak poluchit rabotu v shvecii"));
        assertEquals("uk", LinguaLanguageIdentifier.russianOrUkrainianInLatin("pryvit, yak otrymaty csn? meni treba"));
        assertNull(LinguaLanguageIdentifier.russianOrUkrainianInLatin("kak"), "one word decides nothing");
        assertNull(LinguaLanguageIdentifier.russianOrUkrainianInLatin("I need help with my tax return"));
        assertNull(LinguaLanguageIdentifier.russianOrUkrainianInLatin("jag vill jobba som elektriker"));
        assertNull(LinguaLanguageIdentifier.russianOrUkrainianInLatin("mne nuzhno как"), "Cyrillic beside it: the Cyrillic rules decide");
        assertEquals("ru", id.detect("skolko nalog platit firmu, pomogite").language());
        assertEquals("uk", id.detect("shcho robyty, meni potribno robotu").language());
    }

    @Test
    void messagesTypedWithoutTheLanguagesOwnLettersKeepTheirLanguage() {
        assertEquals("cok dusuk maas", ContentLanguageModel.plainLatin("çok düşük maaş"));
        assertEquals("ii", ContentLanguageModel.plainLatin("ıi"));
        assertEquals("й ё", ContentLanguageModel.plainLatin("й ё"), "other scripts keep their letters");
        assertEquals("tr", language("maasim cok az, patron sigorta yapmiyor"));
        assertEquals("sv", language("jag vill lara mig svenska snabbt"));
    }

    @Test
    void latinTermsInsideAnArabicOrCyrillicMessageAreBorrowed() {
        assertEquals("ar", language("ابي part time job"));
        assertEquals("fa", language("student loan چطور"));
        assertEquals("ru", language("нужен job in IT"));
        assertEquals("uk", language("де engineering job"));
        assertEquals("en", language("my name is محمد and i need a job please"));
        // A guess for a first message, never enough to switch an English conversation.
        assertFalse(id.detect("what does привет mean", hints).clear());
    }
}
