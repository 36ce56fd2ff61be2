package org.lots.helpdesk.language;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.lots.helpdesk.engine.LanguageIdentifier;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.lang.UScript;

/**
 * Language identification: the script decides where it can (Ethiopic is Tigrinya here; Han, Hangul, Devanagari
 * and the like are languages the help desk does not speak), lingua decides the rest. A few languages the help desk
 * does not serve are in lingua's set so that "je cherche du travail" is recognised as unsupported instead of
 * being forced into one of ours.
 */
public final class LinguaLanguageIdentifier implements LanguageIdentifier {

    private static final Map<Language, String> SERVED = new EnumMap<>(Map.of(
            Language.SWEDISH, "sv", Language.ENGLISH, "en", Language.GERMAN, "de", Language.ARABIC, "ar",
            Language.PERSIAN, "fa", Language.SOMALI, "so", Language.UKRAINIAN, "uk", Language.TURKISH, "tr",
            Language.RUSSIAN, "ru"));
    private static final Language[] UNSERVED = {Language.FRENCH, Language.SPANISH, Language.ITALIAN,
            Language.PORTUGUESE, Language.POLISH};

    /** Confidence of the best language (lingua 1.2 scales its values so that the best is 1) needed to call a sentence clear. */
    static final double CLEAR_CONFIDENCE = 0.6;

    private final LanguageDetector detector;

    public LinguaLanguageIdentifier() {
        Language[] all = new Language[SERVED.size() + UNSERVED.length];
        int i = 0;
        for (Language l : SERVED.keySet()) all[i++] = l;
        for (Language l : UNSERVED) all[i++] = l;
        // Low accuracy mode (trigrams only, ~25 MB of heap instead of ~395 MB) misreads short Arabic/Persian and
        // Ukrainian/Russian chat messages on its own; the content's own language model (withContentModel) and the
        // script rules below bring it back to the high-accuracy mode's figures on the eval sets (BENCHMARKS.md).
        detector = LanguageDetectorBuilder.fromLanguages(all).withLowAccuracyMode().withPreloadedLanguageModels().build();
    }

    /**
     * lingua's confidences weighed by the content's own model of each served language, scaled again so that the best
     * is 1 as lingua's are: the content model only tells served languages apart (an unserved language keeps lingua's
     * word).
     */
    static Map<Language, Double> withContentModel(SortedMap<Language, Double> values, String text, LanguageHints hints) {
        if (hints == null || hints.model() == null || values.isEmpty()) return values;
        Map<String, Double> likelihood = hints.model().averageLogLikelihood(text);
        if (likelihood.isEmpty()) return values;
        double best = likelihood.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Language, Double> out = new EnumMap<>(Language.class);
        double max = 0;
        for (var e : values.entrySet()) {
            String code = SERVED.get(e.getKey());
            Double ll = code == null ? null : likelihood.get(code);
            if (ll == null) ll = UNSERVED_LIKELIHOOD;
            double v = e.getValue() * Math.exp(CONTENT_WEIGHT * (Math.min(ll, best) - best));
            out.put(e.getKey(), v);
            max = Math.max(max, v);
        }
        if (max <= 0) return values;
        for (var e : out.entrySet()) e.setValue(e.getValue() / max);
        return out;
    }

    /** How strongly the content's model counts against lingua's (a scale on its per-n-gram log-likelihood). */
    static final double CONTENT_WEIGHT = 0.5;
    /**
     * What the content model grants a language it has no examples of (French, Polish...): a text that fits no served
     * language better than this keeps lingua's verdict that it is unsupported. Tuned on eval/dev.tsv with
     * CONTENT_WEIGHT (0.5, -5.8: language 0.990; -5.5: 0.987; weight 1: 0.987; lingua's low accuracy alone: 0.970).
     */
    static final double UNSERVED_LIKELIHOOD = -5.8;

    /** Only words made of letters (and marks, apostrophes, hyphens) speak for a language; code, links and numbers do not. */
    static String words(String text) {
        StringBuilder sb = new StringBuilder();
        for (String token : text.split("\\s+")) {
            String t = token.replaceAll("^[\\p{P}]+|[\\p{P}]+$", "");
            if (!t.isEmpty() && t.codePoints().allMatch(cp -> Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK || cp == '\'' || cp == '’' || cp == '-')) {
                sb.append(t).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /**
     * Letters only one of the two alphabets has decide between Ukrainian and Russian (і ї є ґ against ы э ъ ё),
     * where statistics on a short message often cannot; null when the letters do not tell.
     */
    static String ukrainianOrRussian(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        boolean uk = t.chars().anyMatch(c -> c == 'і' || c == 'ї' || c == 'є' || c == 'ґ');
        boolean ru = t.chars().anyMatch(c -> c == 'ы' || c == 'э' || c == 'ъ' || c == 'ё');
        for (String w : t.split("[^\\p{L}]+")) {
            if (UKRAINIAN_ONLY.contains(w)) uk = true;
            if (RUSSIAN_ONLY.contains(w)) ru = true;
        }
        return uk == ru ? null : uk ? "uk" : "ru";
    }

    private static String inScript(String text, int script) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (w.codePoints().anyMatch(cp -> UScript.getScript(cp) == script)) sb.append(w).append(' ');
        }
        return sb.toString().trim();
    }

    /** Frequent short words that only one of the two languages has ("що" against "что"). */
    private static final Set<String> UKRAINIAN_ONLY = Set.of("що", "це", "як", "але", "або", "чи", "мені", "тут",
            "де", "його", "вони", "дякую", "привіт", "будь", "ласка", "роботу", "робота", "навчання", "потрібно", "можна");
    private static final Set<String> RUSSIAN_ONLY = Set.of("что", "это", "как", "где", "мне", "здесь", "или", "спасибо",
            "привет", "работу", "работа", "учеба", "учёба", "нужно", "пожалуйста", "можно");

    @Override
    public Detection detect(String text) {
        return detect(text, null);
    }

    @Override
    public Detection detect(String text, LanguageHints hints) {
        String clean = words(TextNormalizer.clean(text));
        int letters = 0, ethiopic = 0, arabic = 0, cyrillic = 0, latin = 0, foreign = 0, words = 0;
        boolean inWord = false;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (!inWord) words++;
                inWord = true;
                int script = UScript.getScript(cp);
                if (script == UScript.ETHIOPIC) ethiopic++;
                else if (script == UScript.ARABIC) arabic++;
                else if (script == UScript.CYRILLIC) cyrillic++;
                else if (script == UScript.LATIN) latin++;
                else if (script != UScript.COMMON && script != UScript.INHERITED) foreign++;
            } else if (Character.isWhitespace(cp)) {
                inWord = false;
            }
        }
        if (letters == 0) return Detection.UNKNOWN;
        // No other served language is written in Ethiopic: a third of the letters is enough (the rest are names).
        if (ethiopic * 3 >= letters) return new Detection("ti", 1.0, ethiopic >= 3, false);
        if (foreign * 2 > letters) return new Detection(null, 1.0, false, letters >= 2);
        boolean sentence = words >= 2 && letters >= 8;
        // Half the letters Cyrillic is enough for the letters to decide ("almi що це"); lingua's low-accuracy
        // models cannot weigh two short words against a Latin name.
        if (cyrillic * 2 >= letters) {
            String byLetters = ukrainianOrRussian(clean);
            if (byLetters != null) return new Detection(byLetters, 1.0, sentence, false);
        }
        // The dominant script narrows the choice: Arabic script is Arabic or Persian, never Somali; and only the
        // words in that script are weighed.
        int dominant = arabic * 2 > letters ? UScript.ARABIC : cyrillic * 2 > letters ? UScript.CYRILLIC : -1;
        Set<Language> allowed = dominant == UScript.ARABIC ? Set.of(Language.ARABIC, Language.PERSIAN)
                : dominant == UScript.CYRILLIC ? Set.of(Language.UKRAINIAN, Language.RUSSIAN) : null;
        String weighed = dominant < 0 ? clean : inScript(clean, dominant);
        Map<Language, Double> values = withContentModel(detector.computeLanguageConfidenceValues(weighed), weighed, hints);
        if (values.isEmpty()) return Detection.UNKNOWN;
        Language best = null;
        double top = 0;
        for (var e : values.entrySet()) {
            if (allowed != null && !allowed.contains(e.getKey())) continue;
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        if (best == null) return Detection.UNKNOWN;
        String code = SERVED.get(best);
        if (code == null) return new Detection(null, top, false, sentence && top >= CLEAR_CONFIDENCE);
        boolean clear = sentence && top >= CLEAR_CONFIDENCE;
        return new Detection(letters >= 3 ? code : null, top, clear, false);
    }
}
