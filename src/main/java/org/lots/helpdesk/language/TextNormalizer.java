package org.lots.helpdesk.language;

import java.util.Locale;

import org.apache.lucene.analysis.icu.ICUFoldingFilter;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * Two views of what a newcomer typed: {@link #clean} for storing and showing (invisible and control characters gone),
 * {@link #key} for matching (case, compatibility forms, Arabic/Persian letter variants, diacritics, tatweel and digits
 * of any script folded, so "Arbetsformedlingen" meets "Arbetsförmedlingen" and ك meets ک).
 */
public final class TextNormalizer {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 FOLD = ICUFoldingFilter.NORMALIZER;

    private TextNormalizer() {}

    public static String clean(String raw) {
        if (raw == null) return "";
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || cp == '\r') sb.append(' ');
            else if (!invisible(cp)) sb.appendCodePoint(cp);
        });
        return NFC.normalize(sb.toString().replaceAll("\\s+", " ").trim());
    }

    /** Control characters, bidi controls, zero-width characters, tatweel, lone surrogates, private use. */
    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        if (cp == 0x200C || cp == 0x200D) return true; // joiners: matching ignores them, display does not need them
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || cp == 0x0640;
    }

    public static String key(String text) {
        String s = clean(text);
        s = s.replace('ı', 'i').replace('İ', 'i');
        s = FOLD.normalize(s);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int digit = UCharacter.digit(cp, 10);
            if (digit >= 0 && !(cp >= '0' && cp <= '9')) sb.append((char) ('0' + digit));
            else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) sb.appendCodePoint(cp);
            else sb.append(' ');
        });
        return sb.toString().replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    public static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** A number typed in any script's digits ("٢٥", "۲۵", "25", "25,5"), or null. */
    public static Double number(String text) {
        String k = key(text).replace(" ", "");
        String t = clean(text).replace(',', '.').replace('٫', '.');
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> {
            int d = UCharacter.digit(cp, 10);
            if (d >= 0) sb.append((char) ('0' + d));
            else if (cp == '.' || cp == '-') sb.append((char) cp);
            else if (!Character.isWhitespace(cp)) sb.append('x');
        });
        if (k.isEmpty()) return null;
        try {
            return Double.parseDouble(sb.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
