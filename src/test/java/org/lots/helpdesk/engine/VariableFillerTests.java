package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.dialog.Step;

/** The filler alone: which choice words name, which number a phrase gives, and when it keeps out. */
class VariableFillerTests {

    static final List<String> NEGATIONS = List.of("not", "don't", "dont", "no", "ندارم", "не");

    static final Step.Ask SITUATION = new Step.Ask("situation", 1, "q", "situation", List.of(
            choice("asylum", Map.of("en", List.of("asylum seeker*", "seeking asylum"), "fa", List.of("پناهجو*")), Map.of()),
            choice("temporary_protection", Map.of("en", List.of("temporary protection"), "uk", List.of("тимчасов* захист*"),
                    "ar", List.of("*حماية *مؤقتة")), Map.of("en", List.of("fled the war in ukraine"))),
            choice("residence_permit", Map.of("en", List.of("residence permit"), "sv", List.of("uppehållstillstånd")), Map.of()),
            new Step.Choice("common.dont_know", "unknown", "unknown")));

    static final Step.Input AGE = new Step.Input("age", 1, "q", "age", Step.Expect.NUMBER, 10.0, 99.0, List.of(), null, null,
            Map.of("en", List.of("i am #", "i'm #", "# years old", "!# years in", "!# years ago"),
                    "ar", List.of("عمري #"), "fa", List.of("# سالمه"), "ti", List.of("# ዓመተይ"), "tr", List.of("# yaşında*")));

    static Step.Choice choice(String value, Map<String, List<String>> keywords, Map<String, List<String>> examples) {
        return new Step.Choice("label." + value, value, value, keywords, examples);
    }

    static String chosen(String text) {
        int i = VariableFiller.choice(SITUATION, text, NEGATIONS);
        return i < 0 ? null : SITUATION.choices().get(i).value();
    }

    @Test
    void aKeywordOnWordBoundariesNamesItsChoice() {
        assertEquals("temporary_protection", chosen("I'm from Kharkiv and have temporary protection, can I learn Swedish for free?"));
        assertEquals("residence_permit", chosen("jag har uppehållstillstånd"));
    }

    @Test
    void foldingMeetsCaseDiacriticsAndLetterForms() {
        assertEquals("temporary_protection", chosen("TEMPORARY PROTECTION"));
        assertEquals("residence_permit", chosen("jag har uppehallstillstand nu"));
        assertEquals("temporary_protection", chosen("عندي الحمايه المؤقته")); // ة written as ه, with the article
    }

    @Test
    void aStarAdmitsEndingsAndBeginnings() {
        assertEquals("temporary_protection", chosen("маю тимчасовий захист"));
        assertEquals("temporary_protection", chosen("у статусі тимчасового захисту"));
        assertEquals("asylum", chosen("we are asylum seekers"));
        assertEquals("asylum", chosen("من پناهجوام"));
    }

    @Test
    void aWordInsideAnotherWordIsNoMatch() {
        assertNull(chosen("temporaryprotection"));
        assertNull(chosen("my residence is far, do i need a permit"));
    }

    @Test
    void anExampleCountsWhenMostOfItsWordsOccur() {
        assertEquals("temporary_protection", chosen("we fled the war from ukraine"));
        assertNull(chosen("the war is bad"), "too few of the example's words");
    }

    @Test
    void twoChoicesNamedFillNothing() {
        assertNull(chosen("temporary protection or a residence permit, i am not sure which"));
        assertNull(chosen("i was an asylum seeker and now i have a residence permit"));
    }

    @Test
    void aNegationNextToTheWordsFillsNothing() {
        assertNull(chosen("I don't have temporary protection"));
        assertNull(chosen("no residence permit yet"));
        assertNull(chosen("не маю тимчасового захисту"));
        assertNull(chosen("پناهجو ندارم"));
        assertEquals("temporary_protection", chosen("temporary protection is what i have, but can i work at nights or not"),
                "a negation further away does not cancel");
    }

    @Test
    void nothingToMatchFillsNothing() {
        assertNull(chosen(""));
        assertNull(chosen("hello"));
        assertNull(chosen(null));
    }

    @Test
    void aNumberIsReadFromAPhraseInAnyDigits() {
        assertEquals("19", VariableFiller.number(AGE, "I am 19"));
        assertEquals("19", VariableFiller.number(AGE, "i'm 19 and want to study"));
        assertEquals("34", VariableFiller.number(AGE, "عمري ٣٤ سنة"));
        assertEquals("19", VariableFiller.number(AGE, "من ۱۹ سالمه"));
        assertEquals("19", VariableFiller.number(AGE, "፲፱ ዓመተይ"));
        assertEquals("27", VariableFiller.number(AGE, "27 yaşındayım"));
    }

    @Test
    void aVetoOrAnotherNumberOrTheRangeKeepsTheNumberOut() {
        assertNull(VariableFiller.number(AGE, "i am 25 years in sweden"));
        assertNull(VariableFiller.number(AGE, "I am 19, no I am 20"));
        assertNull(VariableFiller.number(AGE, "i am 5"), "below min");
        assertNull(VariableFiller.number(AGE, "i came 3 years ago"));
        assertNull(VariableFiller.number(AGE, "i am nineteen"));
        assertEquals("20", VariableFiller.number(AGE, "i am 20 years old, i am 20"), "the same number twice is one");
    }

    @Test
    void onlyNumberInputsTakeNumbers() {
        Step.Input free = new Step.Input("note", 1, "q", "note", Step.Expect.FREE, null, null, List.of(), null, null);
        assertNull(VariableFiller.number(free, "i am 19"));
    }
}
