package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lots.helpdesk.dialog.Municipalities.Municipality;
import org.lots.helpdesk.language.TextNormalizer;

/**
 * Which served municipality a message names ("I live in Uddevalla", "jag bor i Trollhättan", "в Тролльхеттане",
 * "أعيش في ترولهاتان"): its name or one of its {@code aliases} (other scripts, local spellings), on the folded text
 * ({@link TextNormalizer#key}, so "Trollhättan" is "trollhattan").
 * <p>
 * A name matches at the start of a word only, never inside one. What follows it may be a short ending (a genitive
 * "Uddevallas", a case ending "Тролльхеттане", Turkish "Uddevallada"; a Cyrillic name's last vowel may change:
 * "Уддевалла" becomes "в Уддевалле"); Arabic and Tigrinya may join a one-letter word before it ("بترولهاتان",
 * "ብትሮልሃታን"). A name of {@value #TOLERANT} letters or more forgives one typo ("udevalla", "trolhättan") and takes
 * endings of up to {@value #LONG_ENDING} letters; a shorter one ("Tanum", "Åmål", "Orust") must be exact, with at most a
 * genitive "s" in Latin letters or {@value #SHORT_ENDING} letters of ending in other scripts. Two municipalities
 * named is no answer: the caller asks.
 */
final class MunicipalityMentions {

    /** From this many letters a name forgives one typo and takes longer endings. */
    static final int TOLERANT = 6;
    static final int LONG_ENDING = 4, SHORT_ENDING = 2;
    /** One-letter words written joined to the next: Arabic wa-, bi-, li-, fa-, ka-; Tigrinya n-, b-, k-, z-. */
    private static final Set<String> PROCLITICS = Set.of("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "ን", "ብ", "ክ", "ዝ", "ኣብ", "ካብ");
    /** Cyrillic endings a name's last letter gives way to (folded: й is и, ї is і). */
    private static final String CYRILLIC_VOWELS = "аяоеиыуюьіє";

    private MunicipalityMentions() {}

    /** The id of the one municipality the text names, or null when none or several are named. */
    static String named(List<Municipality> municipalities, String text) {
        Set<String> ids = all(municipalities, text);
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The ids of every municipality the text names, in the order of the settings. */
    static Set<String> all(List<Municipality> municipalities, String text) {
        Set<String> ids = new LinkedHashSet<>();
        String key = TextNormalizer.key(text == null ? "" : text);
        if (key.isEmpty()) return ids;
        String[] words = key.split(" ");
        String[] pairs = new String[Math.max(0, words.length - 1)];
        for (int i = 0; i < pairs.length; i++) pairs[i] = words[i] + words[i + 1];
        Compiled c = compiled(municipalities);
        // A spelling matches only where the message has letters of its script (a name of two letters or more keeps
        // one letter exact even with a typo): the aliases in the other scripts need no look.
        Set<Character.UnicodeScript> scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
        key.codePoints().forEach(cp -> scripts.add(Character.UnicodeScript.of(cp)));
        for (int i = 0; i < c.ids.size(); i++) {
            for (Form form : c.forms.get(i)) {
                if (form.scripted && !scripts.contains(form.script)) continue;
                if (form.occurs(words, pairs)) {
                    ids.add(c.ids.get(i));
                    break;
                }
            }
        }
        return ids;
    }

    /** The folded forms of each municipality, kept for the settings last seen (folding every alias per message is slow). */
    private record Compiled(List<Municipality> source, List<String> ids, List<List<Form>> forms) {}

    private static volatile Compiled last;

    private static Compiled compiled(List<Municipality> municipalities) {
        Compiled c = last;
        if (c != null && c.source.equals(municipalities)) return c;
        List<String> ids = new ArrayList<>();
        List<List<Form>> forms = new ArrayList<>();
        for (Municipality m : municipalities) {
            ids.add(m.id());
            forms.add(forms(m));
        }
        c = new Compiled(List.copyOf(municipalities), ids, forms);
        last = c;
        return c;
    }

    /** The name and aliases, folded, each as its words; a name of several words also written as one ("Dalsed"). */
    private static List<Form> forms(Municipality m) {
        List<Form> forms = new ArrayList<>();
        List<String> spellings = new ArrayList<>();
        spellings.add(m.name());
        spellings.addAll(m.aliases());
        for (String s : spellings) {
            String key = TextNormalizer.key(s);
            if (key.isEmpty()) continue;
            forms.add(new Form(key.split(" ")));
            if (key.contains(" ")) forms.add(new Form(new String[] {key.replace(" ", "")}));
        }
        return forms;
    }

    /** One spelling of a name, folded, with what its script and length allow. */
    private static final class Form {
        final String[] words;
        final String last;
        /** The last word, and for a Cyrillic name ending in a vowel also without it ("уддевалл" + "е"). */
        final List<String> bases;
        final boolean tolerant, latin, proclitics;
        /** The script of its letters; {@code scripted} false for a spelling without letters of one script. */
        final Character.UnicodeScript script;
        final boolean scripted;
        final int edits, maxEnding;

        Form(String[] words) {
            this.words = words;
            this.last = words[words.length - 1];
            this.tolerant = length(last) >= TOLERANT;
            this.edits = tolerant ? 1 : 0;
            Character.UnicodeScript script = Character.UnicodeScript.of(words[0].codePointAt(0));
            this.script = script;
            this.scripted = length(last) >= 2 && java.util.Arrays.stream(words).allMatch(w -> w.codePoints()
                    .allMatch(cp -> Character.UnicodeScript.of(cp) == script));
            this.latin = script == Character.UnicodeScript.LATIN;
            this.proclitics = script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.ETHIOPIC;
            this.maxEnding = tolerant ? LONG_ENDING : latin ? 1 : SHORT_ENDING;
            int end = last.codePointBefore(last.length());
            boolean cyrillic = Character.UnicodeScript.of(end) == Character.UnicodeScript.CYRILLIC;
            this.bases = cyrillic && CYRILLIC_VOWELS.indexOf(end) >= 0 && length(last) > 3
                    ? List.of(last, last.substring(0, last.length() - Character.charCount(end))) : List.of(last);
        }

        boolean occurs(String[] text, String[] pairs) {
            for (int i = 0; i + words.length <= text.length; i++) {
                if (at(text, i)) return true;
            }
            // "Troll hättan": a one-word name written as two words; that is its one liberty, so no joined little word
            // before it as well (Dari "کمون کدام", "the kommun, which", joined and without its "ک" is a typo from
            // "مونکدال", Munkedal).
            if (words.length == 1 && tolerant) {
                for (String pair : pairs) if (lastWord(pair, false)) return true;
            }
            return false;
        }

        /** The words of the form from word {@code i} on: the last may have an ending, the first a joined little word. */
        private boolean at(String[] text, int i) {
            for (int j = 0; j < words.length - 1; j++) {
                if (!whole(words[j], text[i + j], j == 0)) return false;
            }
            return lastWord(text[i + words.length - 1], words.length == 1);
        }

        /** A word in the middle of a name: the word itself, with a typo if it is long, no ending. */
        private boolean whole(String name, String word, boolean first) {
            int e = length(name) >= TOLERANT ? 1 : 0;
            for (String w : withoutProclitic(word, first, length(name))) {
                if (mayStartWith(w, name, e) && distance(name, w, e) <= e) return true;
            }
            return false;
        }

        /** The word starts with the name (or its stem), give or take one typo, and what follows is a short ending. */
        private boolean lastWord(String word, boolean first) {
            for (String w : withoutProclitic(word, first, length(last))) {
                for (String base : bases) {
                    if (!mayStartWith(w, base, edits)) continue;
                    int[] cp = w.codePoints().toArray();
                    int[] row = prefixDistances(base, cp, edits);
                    for (int end = Math.max(0, cp.length - maxEnding); end <= cp.length; end++) {
                        if (row[end] > edits) continue;
                        if (!tolerant && latin && end < cp.length && !(end == cp.length - 1 && cp[end] == 's')) continue; // "Åmåls", not "Åmålx"
                        return true;
                    }
                }
            }
            return false;
        }

        /** The word, and the word without a joined little word before it, where the name's script writes them so. */
        private List<String> withoutProclitic(String word, boolean first, int nameLength) {
            if (!first || !proclitics) return List.of(word);
            List<String> out = new ArrayList<>(2);
            out.add(word);
            for (String p : PROCLITICS) {
                if (word.startsWith(p) && length(word) - length(p) >= nameLength - 1) out.add(word.substring(p.length()));
            }
            return out;
        }
    }

    /** A cheap test before the edit distance: the word is long enough and begins like the name, give or take a typo. */
    private static boolean mayStartWith(String word, String base, int edits) {
        if (word.length() < base.length() - edits * 2) return false; // UTF-16 lengths: a typo may change one by 2
        if (edits == 0) return word.startsWith(base);
        if (word.codePointCount(0, word.length()) < 2) return false;
        int w0 = word.codePointAt(0), b0 = base.codePointAt(0);
        if (w0 == b0) return true;
        int w1 = word.codePointAt(word.offsetByCodePoints(0, 1)), b1 = base.codePointAt(base.offsetByCodePoints(0, 1));
        return w1 == b1 || w1 == b0 || w0 == b1;
    }

    /**
     * Edit distance (Levenshtein, a swap of two neighbours counting one) between {@code name} and each prefix of
     * the word: {@code row[j]} for the word's first j code points; values above {@code max} are only "too far".
     */
    private static int[] prefixDistances(String name, int[] word, int max) {
        int[] a = name.codePoints().toArray();
        int[][] d = new int[a.length + 1][word.length + 1];
        for (int j = 0; j <= word.length; j++) d[0][j] = j;
        for (int i = 1; i <= a.length; i++) {
            d[i][0] = i;
            for (int j = 1; j <= word.length; j++) {
                int cost = a[i - 1] == word[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == word[j - 2] && a[i - 2] == word[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
                d[i][j] = Math.min(v, max + 1);
            }
        }
        return d[a.length];
    }

    private static int distance(String a, String b, int max) {
        int[] cp = b.codePoints().toArray();
        return prefixDistances(a, cp, max)[cp.length];
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
