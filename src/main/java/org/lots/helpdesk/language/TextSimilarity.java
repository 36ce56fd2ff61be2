package org.lots.helpdesk.language;

import java.util.Map;

/** Surface similarity of two texts (character n-grams of their matching keys), 0..1; for grouping, not routing. */
public final class TextSimilarity {
    private TextSimilarity() {}

    public static Map<String, Integer> profile(String text) {
        return NgramRouter.features(TextNormalizer.key(text));
    }

    public static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0, na = 0, nb = 0;
        for (var e : a.entrySet()) {
            na += e.getValue() * e.getValue();
            Integer o = b.get(e.getKey());
            if (o != null) dot += e.getValue() * o;
        }
        for (int v : b.values()) nb += v * v;
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
