package org.lots.helpdesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Cuts a long text into messages Telegram accepts (at most 4096 characters each), at the most natural place
 * that keeps each part reasonably full: a paragraph, a line, a sentence (ICU knows where sentences end in each
 * language, also in Arabic, Persian and Tigrinya), a space, and only as a last resort anywhere.
 */
final class TextSplitter {

    /** Telegram's limit for one message's text, in UTF-16 units. */
    static final int MAX = 4096;

    private TextSplitter() {}

    static List<String> split(String text, int max, String language) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = boundary(rest, max, language);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) parts.add(part);
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) parts.add(rest);
        return parts;
    }

    private static int boundary(String text, int max, String language) {
        int cut = text.lastIndexOf("\n\n", max);
        if (cut >= max / 2) return cut;
        cut = text.lastIndexOf('\n', max);
        if (cut >= max / 2) return cut;
        BreakIterator sentences = BreakIterator.getSentenceInstance(language == null ? ULocale.ROOT : new ULocale(language));
        sentences.setText(text.substring(0, Math.min(text.length(), max + 1)));
        cut = sentences.preceding(max + 1);
        if (cut != BreakIterator.DONE && cut >= max / 4 && cut <= max) return cut;
        for (int i = max; i > max / 4; i--) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--; // never split a character in two
        return cut;
    }
}
