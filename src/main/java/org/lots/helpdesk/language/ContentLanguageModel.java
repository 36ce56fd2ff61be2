package org.lots.helpdesk.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;

/**
 * A small character n-gram model of each served language, learnt from the editors' example phrases: they are written
 * the way newcomers write to this help desk (its topics, its loanwords, chat spelling), which a general model of a
 * language does not know. It sharpens lingua's low-accuracy mode (a few MB of heap instead of some 400 MB for the
 * high-accuracy models) back to the accuracy of the high-accuracy mode on the eval sets (see BENCHMARKS.md).
 */
public final class ContentLanguageModel {

    /** Smoothing for n-grams a language's examples never had. */
    private static final double ALPHA = 0.5;
    private static final int MAX_N = 3;
    /** Whole words are a feature of their own (a kind past the n-grams): function words tell short messages apart. */
    private static final int KINDS = MAX_N + 1;
    private static final char WORD = '\u0001';

    private final List<String> languages;
    private final Map<String, int[]> counts = new HashMap<>(); // n-gram -> count per language
    private final double[][] logTotal; // [n-1][language]: log(total n-grams of that length + ALPHA * distinct)

    private ContentLanguageModel(List<String> languages) {
        this.languages = List.copyOf(languages);
        this.logTotal = new double[KINDS][languages.size()];
    }

    public static ContentLanguageModel of(Content content) {
        List<String> languages = new ArrayList<>();
        for (Dialog d : content.dialogs().values()) d.examples().keySet().forEach(l -> { if (!languages.contains(l)) languages.add(l); });
        languages.sort(null);
        ContentLanguageModel model = new ContentLanguageModel(languages);
        long[][] totals = new long[KINDS][languages.size()];
        int[] distinct = new int[KINDS];
        for (Dialog d : content.dialogs().values()) {
            for (var e : d.examples().entrySet()) {
                int l = languages.indexOf(e.getKey());
                for (String phrase : e.getValue()) {
                    List<String> grams = grams(phrase);
                    // Newcomers often type without their language's letters (a Swedish or English phone keyboard:
                    // "maasim cok dusuk", "jag vill lasa"): the model learns each example's plain-letter spelling too.
                    String plain = plainLatin(phrase);
                    if (!plain.equals(phrase)) grams.addAll(grams(plain));
                    for (String g : grams) {
                        int[] c = model.counts.computeIfAbsent(g, x -> {
                            distinct[kind(x)]++;
                            return new int[languages.size()];
                        });
                        c[l]++;
                        totals[kind(g)][l]++;
                    }
                }
            }
        }
        for (int n = 0; n < KINDS; n++) {
            for (int l = 0; l < languages.size(); l++) model.logTotal[n][l] = Math.log(totals[n][l] + ALPHA * (distinct[n] + 1));
        }
        return model;
    }

    /** The languages this model knows (those with example phrases). */
    public List<String> languages() {
        return languages;
    }

    /**
     * How likely each language finds this text: the average log-probability per n-gram, so that long and short texts
     * compare; empty when the text has no letters.
     */
    public Map<String, Double> averageLogLikelihood(String text) {
        List<String> grams = grams(text);
        double[] sum = new double[languages.size()];
        double[] word = new double[languages.size()];
        int n = 0;
        for (String g : grams) {
            int[] c = counts.get(g);
            int kind = kind(g);
            if (kind == MAX_N) {
                // A word counts only as far as it tells the languages apart (its log-probability against the best
                // language's): an unknown word must not lower every language's level against the unserved bar.
                double best = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < sum.length; l++) best = Math.max(best, word[l] = Math.log((c == null ? 0 : c[l]) + ALPHA) - logTotal[kind][l]);
                for (int l = 0; l < sum.length; l++) sum[l] += WORD_WEIGHT * (word[l] - best);
                continue;
            }
            n++;
            for (int l = 0; l < sum.length; l++) sum[l] += Math.log((c == null ? 0 : c[l]) + ALPHA) - logTotal[kind][l];
        }
        if (n == 0) return Map.of();
        Map<String, Double> out = new HashMap<>();
        for (int l = 0; l < sum.length; l++) out.put(languages.get(l), sum[l] / n);
        return out;
    }

    /** Latin letters without their marks ("ç" to "c", "ı" to "i", "ß" to "ss"); other scripts as they are ("й" stays). */
    static String plainLatin(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 || com.ibm.icu.lang.UScript.getScript(cp) != com.ibm.icu.lang.UScript.LATIN) {
                sb.appendCodePoint(cp);
            } else if (cp == 'ı') {
                sb.append('i');
            } else if (cp == 'ß') {
                sb.append("ss");
            } else {
                String d = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFD);
                sb.append(d.replaceAll("\\p{M}+", ""));
            }
        }
        return sb.toString();
    }

    /** Character 1- to 3-grams of each word (lower case, letters only, with boundary marks); case and marks kept. */
    static List<String> grams(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}]+")) {
            if (word.isEmpty()) continue;
            int[] cps = ("<" + word + ">").codePoints().toArray();
            for (int n = 1; n <= MAX_N; n++) {
                for (int i = 0; i + n <= cps.length; i++) {
                    if (n == 1 && (i == 0 || i == cps.length - 1)) continue; // a lone boundary mark says nothing
                    out.add(new String(cps, i, n));
                }
            }
            if (cps.length > 3) out.add(WORD + word); // words of two letters or more
        }
        return out;
    }

    /** How much a whole word's evidence counts beside the n-grams' (1: as one more n-gram). */
    private static final double WORD_WEIGHT = 1;

    private static int kind(String g) {
        return g.charAt(0) == WORD ? MAX_N : g.codePointCount(0, g.length()) - 1;
    }
}
