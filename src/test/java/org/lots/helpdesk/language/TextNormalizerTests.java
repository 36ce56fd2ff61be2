package org.lots.helpdesk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Newcomers type the same word many ways; the matching key must not care. */
class TextNormalizerTests {

    private static void same(String a, String b) {
        assertEquals(TextNormalizer.key(a), TextNormalizer.key(b), a + " vs " + b);
    }

    @Test
    void keysAreRememberedForOneTurnOnlyAndAreTheSameKeys() {
        String outside = TextNormalizer.key("Jag söker  JOBB i Vänersborg");
        String inside = TextNormalizer.remembering(() -> {
            assertTrue(TextNormalizer.remembersKeys());
            TextNormalizer.key("Jag söker  JOBB i Vänersborg");
            return TextNormalizer.key("Jag söker  JOBB i Vänersborg"); // the remembered one
        });
        assertEquals(outside, inside);
        // Nothing a newcomer wrote stays on the thread once the turn is over.
        assertTrue(!TextNormalizer.remembersKeys());
    }

    @Test
    void thePersianVerbPrefixIsOneWordWithItsVerbHoweverItIsJoined() {
        same("میخواهم کار کنم", "می\u200cخواهم کار کنم"); // half-space
        same("میخواهم کار کنم", "می خواهم کار کنم"); // space
        same("نمیدانم", "نمی دانم");
        assertEquals(2, TextNormalizer.key("کار می").split(" ").length); // nothing after it: left alone
    }

    @Test
    void caseAndCompatibilityForms() {
        same("ARBETSFÖRMEDLINGEN", "arbetsförmedlingen");
        same("ｊｏｂ", "job");
        same("ﬁnd", "find");
    }

    @Test
    void arabicAndPersianLetterVariants() {
        same("كار", "کار");           // Arabic kaf / Persian keheh
        same("يك", "یک");             // Arabic yeh / Farsi yeh
        same("مدرسة", "مدرسه");        // teh marbuta / heh
        same("أريد", "اريد");          // hamza forms
        same("إمتحان", "امتحان");
    }

    @Test
    void diacriticsTatweelAndZeroWidthCharacters() {
        same("عَمَل", "عمل");
        same("عـــمل", "عمل");
        same("می‌خواهم", "میخواهم");   // zero-width non-joiner
        same("jo\u200bb", "job");
    }

    @Test
    void digitsOfAnyScript() {
        same("٢٥", "25");
        same("۲۵", "25");
        assertEquals(25.0, TextNormalizer.number("٢٥"));
        assertEquals(17.0, TextNormalizer.number("۱۷"));
        assertNull(TextNormalizer.number("twenty"));
    }

    @Test
    void turkishDottedAndDotlessI() {
        same("İŞ ARIYORUM", "is ariyorum");
        same("ışık", "isik");
    }

    @Test
    void missingSwedishAndGermanDiacritics() {
        same("arbetsformedlingen", "arbetsförmedlingen");
        same("lakare", "läkare");
        same("Prüfung", "prufung");
    }

    @Test
    void cleaningKeepsTextButDropsInvisibleAndControlCharacters() {
        assertEquals("hello world", TextNormalizer.clean("\u202ehello\u0000 \u200f world\u0007"));
        assertEquals("", TextNormalizer.clean("\u200e\u200f\u2066"));
    }

    @Test
    void ethiopicNumeralsAreReadByTheirValue() {
        assertEquals(19.0, TextNormalizer.number("፲፱"));
        assertEquals(1985.0, TextNormalizer.number("፲፱፻፹፭"));
        assertEquals(100.0, TextNormalizer.number("፻"));
        assertEquals(20000.0, TextNormalizer.number("፪፼"));
        assertEquals("19 ዓመተይ", TextNormalizer.key("፲፱ ዓመተይ"));
        assertTrue(TextNormalizer.hasLetterOrDigit("፭"));
    }
}
