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

    private final List<String> languages;
    private final Map<String, int[]> counts = new HashMap<>(); // n-gram -> count per language
    private final double[][] logTotal; // [n-1][language]: log(total n-grams of that length + ALPHA * distinct)

    private ContentLanguageModel(List<String> languages) {
        this.languages = List.copyOf(languages);
        this.logTotal = new double[MAX_N][languages.size()];
    }

    public static ContentLanguageModel of(Content content) {
        List<String> languages = new ArrayList<>();
        for (Dialog d : content.dialogs().values()) d.examples().keySet().forEach(l -> { if (!languages.contains(l)) languages.add(l); });
        languages.sort(null);
        ContentLanguageModel model = new ContentLanguageModel(languages);
        long[][] totals = new long[MAX_N][languages.size()];
        int[] distinct = new int[MAX_N];
        for (Dialog d : content.dialogs().values()) {
            for (var e : d.examples().entrySet()) {
                int l = languages.indexOf(e.getKey());
                for (String phrase : e.getValue()) {
                    for (String g : grams(phrase)) {
                        int[] c = model.counts.computeIfAbsent(g, x -> {
                            distinct[gramLength(x) - 1]++;
                            return new int[languages.size()];
                        });
                        c[l]++;
                        totals[gramLength(g) - 1][l]++;
                    }
                }
            }
        }
        for (int n = 0; n < MAX_N; n++) {
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
        if (grams.isEmpty()) return Map.of();
        double[] sum = new double[languages.size()];
        for (String g : grams) {
            int[] c = counts.get(g);
            int n = gramLength(g) - 1;
            for (int l = 0; l < sum.length; l++) sum[l] += Math.log((c == null ? 0 : c[l]) + ALPHA) - logTotal[n][l];
        }
        Map<String, Double> out = new HashMap<>();
        for (int l = 0; l < sum.length; l++) out.put(languages.get(l), sum[l] / grams.size());
        return out;
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
        }
        return out;
    }

    private static int gramLength(String g) {
        return g.codePointCount(0, g.length());
    }
}
