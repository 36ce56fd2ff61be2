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
    /** Runs of white space (compiled once: String.replaceAll compiled it again for every text). */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private TextNormalizer() {}

    public static String clean(String raw) {
        if (raw == null) return "";
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || cp == '\r') sb.append(' ');
            else if (!invisible(cp)) sb.appendCodePoint(cp);
        });
        return NFC.normalize(sb.toString().transform(t -> SPACES.matcher(t).replaceAll(" ")).trim());
    }

    /** Control characters, bidi controls, zero-width characters, tatweel, lone surrogates, private use. */
    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        if (cp == 0x200C || cp == 0x200D) return true; // joiners: matching ignores them, display does not need them
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || cp == 0x0640;
    }

    /**
     * The last few keys folded in the current turn ({@link #remembering}): one message is folded again and again in a
     * turn (danger matcher, menu words, language hints, router, variable filling), and folding (NFKC case folding, ICU
     * digits, regexes) is the dearest part of each. A pure function, so a remembered key is the key. Forgotten when
     * the turn ends, so that no newcomer's words stay behind on an idle thread (after /forget, say).
     */
    private static final ThreadLocal<String[]> RECENT_KEYS = new ThreadLocal<>(); // in, out pairs
    private static final int RECENT_MAX_CHARS = 4000;

    /** Runs {@code work} with {@link #key} remembering its last few keys, and forgets them after. */
    public static <T> T remembering(java.util.function.Supplier<T> work) {
        if (RECENT_KEYS.get() != null) return work.get(); // already inside one
        RECENT_KEYS.set(new String[8]);
        try {
            return work.get();
        } finally {
            RECENT_KEYS.remove();
        }
    }

    /** Whether this thread remembers keys now (only inside {@link #remembering}). */
    static boolean remembersKeys() {
        return RECENT_KEYS.get() != null;
    }

    public static String key(String text) {
        String[] recent = RECENT_KEYS.get();
        if (recent == null || text == null || text.length() > RECENT_MAX_CHARS) return folded(text);
        for (int i = 0; i < recent.length; i += 2) if (text.equals(recent[i])) return recent[i + 1];
        String k = folded(text);
        System.arraycopy(recent, 0, recent, 2, recent.length - 2); // newest first
        recent[0] = text;
        recent[1] = k;
        return k;
    }

    private static String folded(String text) {
        String s = ethiopicNumerals(clean(text));
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
        String k = sb.toString().transform(t -> SPACES.matcher(t).replaceAll(" ")).trim().toLowerCase(Locale.ROOT);
        return k.indexOf('\u0645') >= 0 ? PERSIAN_VERB_PREFIX.matcher(k).replaceAll("$1") : k;
    }

    /**
     * Persian writes the verb prefix "می" / "نمی" joined, with a half-space or with a space ("میخواهم", "می‌خواهم",
     * "می خواهم"); the half-space is dropped above, and a space after a lone prefix is dropped here, so all three are
     * one word.
     */
    private static final java.util.regex.Pattern PERSIAN_VERB_PREFIX = java.util.regex.Pattern.compile("(?<=^|\\s)((?:\u0646)?\u0645\u064a) (?=\\p{IsArabic})"); // folded: ی is ي by now

    /**
     * Ethiopic numerals (፩ 1 ... ፱ 9, ፲ 10 ... ፺ 90, ፻ 100, ፼ 10000) are no positional digits: "፲፱" is 10 + 9,
     * "፲፱፻፹፭" is (10 + 9) × 100 + 80 + 5. Each run becomes its value in Latin digits.
     */
    static String ethiopicNumerals(String s) {
        if (s.codePoints().noneMatch(TextNormalizer::ethiopicNumeral)) return s;
        StringBuilder sb = new StringBuilder(s.length());
        long total = 0, group = 0;
        boolean inRun = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (ethiopicNumeral(cp)) {
                inRun = true;
                if (cp <= 0x1371) group += cp - 0x1368;                   // ፩..፱
                else if (cp <= 0x137A) group += (cp - 0x1371) * 10L;      // ፲..፺
                else if (cp == 0x137B) { total += Math.max(group, 1) * 100; group = 0; } // ፻
                else { total = Math.max(total + group, 1) * 10000; group = 0; }        // ፼
                continue;
            }
            if (inRun) sb.append(total + group);
            inRun = false;
            total = group = 0;
            sb.appendCodePoint(cp);
        }
        if (inRun) sb.append(total + group);
        return sb.toString();
    }

    private static boolean ethiopicNumeral(int cp) {
        return cp >= 0x1369 && cp <= 0x137C;
    }

    public static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp) || ethiopicNumeral(cp));
    }

    /** A number typed in any script's digits ("٢٥", "۲۵", "25", "25,5"), or null. */
    public static Double number(String text) {
        String k = key(text).replace(" ", "");
        String t = ethiopicNumerals(clean(text)).replace(',', '.').replace('٫', '.');
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
