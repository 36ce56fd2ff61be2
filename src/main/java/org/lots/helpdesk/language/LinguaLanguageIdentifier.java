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
    /** Within a close pair of languages, the runner-up may reach this share of the best for the verdict to stay clear. */
    static final double CLOSE_PAIR_MARGIN = 0.5;

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

    /** The content model's word, scaled as lingua's confidences are (the best is 1), for served languages only. */
    static Map<Language, Double> contentModelOnly(String text, LanguageHints hints) {
        if (hints == null || hints.model() == null) return Map.of();
        Map<String, Double> likelihood = hints.model().averageLogLikelihood(text);
        double best = likelihood.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Language, Double> out = new EnumMap<>(Language.class);
        SERVED.forEach((language, code) -> {
            Double ll = likelihood.get(code);
            if (ll != null) out.put(language, Math.exp(CONTENT_WEIGHT * (ll - best)));
        });
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
     * Letters only one of the two alphabets has (і ї є ґ against ы э ъ ё) and frequent words only one of the two
     * languages has ("що", "шукаю" against "что", "ищу") decide between Ukrainian and Russian, where statistics on a
     * short message often cannot; null when they do not tell. Ukrainians often mix Russian words into Ukrainian
     * (surzhyk: "мені нужно работу"), while Russian speakers seldom write a Ukrainian word: so Ukrainian evidence wins
     * a mixed message unless the Russian evidence outnumbers it more than twice.
     */
    static String ukrainianOrRussian(String text) {
        int uk = 0, ru = 0;
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}'’]+")) {
            if (w.isEmpty()) continue;
            boolean u = UKRAINIAN_ONLY.contains(w) || w.chars().anyMatch(c -> c == 'і' || c == 'ї' || c == 'є' || c == 'ґ');
            boolean r = RUSSIAN_ONLY.contains(w) || w.chars().anyMatch(c -> c == 'ы' || c == 'э' || c == 'ъ' || c == 'ё');
            if (u && !r) uk++;
            if (r && !u) ru++;
        }
        if (uk == 0 && ru == 0) return null;
        if (ru == 0) return "uk";
        if (uk == 0) return "ru";
        return ru > 2 * uk ? "ru" : "uk";
    }

    /** A Latin word with 3 or 7 for a letter ("3ala", "sa3de", "7abibi"): Arabic chat spelling (ع, ح). */
    private static final java.util.regex.Pattern ARABIZI_WORD = java.util.regex.Pattern.compile("[a-z]*[37][a-z]+[a-z37]*");
    /**
     * A digit for a letter at a word's start or end ("3andi", "lfar9", "nreje3"; Maghrebi chat writes 9 for ق and 5
     * for خ): a model name looks the same ("iphone7"), so it takes two such words in one message.
     */
    private static final java.util.regex.Pattern ARABIZI_EDGE = java.util.regex.Pattern.compile("[3579][a-z]{2,}|[a-z]{2,}[3579]");

    /**
     * Arabic written in Latin letters with digits for the letters Latin has not ("kifak, bdi sa3de"): no other served
     * language writes digits inside words. Chat English uses 2 and 4 ("2day", "4u"), not 3 and 7.
     */
    static boolean arabizi(String text) {
        int atEdge = 0;
        for (String token : text.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            String t = token.replaceAll("^\\p{P}+|\\p{P}+$", "");
            if (t.chars().filter(Character::isLetter).count() < 3) continue;
            if (ARABIZI_WORD.matcher(t).matches()) return true;
            if (ARABIZI_EDGE.matcher(t).matches()) atEdge++;
        }
        return atEdge >= 2;
    }

    /**
     * Russian and Ukrainian typed in Latin letters on a Swedish or English keyboard ("rabotayu bez dogovora, eto
     * normalno?", "yak otrymaty csn, meni potribno"): lingua's Latin models read it as English, German or Turkish
     * (eval/dev3, dev10, dev19). Two of these words, frequent in the one language and no word of another served
     * language, decide; the language with more of them wins, and a tie decides nothing. Words both write alike
     * ("zarplatu") are in neither list.
     */
    static String russianOrUkrainianInLatin(String text) {
        int ru = 0, uk = 0;
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}']+")) {
            if (w.isEmpty()) continue;
            if (!w.chars().allMatch(c -> c < 0x250)) return null; // another script: its own rules decide
            if (RUSSIAN_IN_LATIN.contains(w)) ru++;
            if (UKRAINIAN_IN_LATIN.contains(w)) uk++;
        }
        if (Math.max(ru, uk) < 2 || ru == uk) return null;
        return ru > uk ? "ru" : "uk";
    }

    private static final Set<String> RUSSIAN_IN_LATIN = Set.of("mne", "menya", "kak", "nuzhno", "nuzhen", "nuzhna",
            "mozhno", "skolko", "chto", "shto", "eto", "esli", "pochemu", "kogda", "gde", "rabotayu", "rabotu", "rabota",
            "raboty", "rabotat", "dengi", "deneg", "pomogite", "pomoch", "zdravstvuyte", "privet", "spasibo", "ochen",
            "khorosho", "horosho", "tolko", "hochu", "khochu", "nado", "uzhe", "eshche", "mogu", "poluchit", "kakie",
            "kakoy", "kakaya", "ili", "normalno", "shvecii", "shvetsii", "shvedskie", "dogovor", "dogovora", "pomenyat",
            "sovsem", "procentov", "protsentov", "uslugi", "nalog", "nalogi", "firmu", "uchitsya", "uchit'sya", "rabotodatel");
    private static final Set<String> UKRAINIAN_IN_LATIN = Set.of("yak", "meni", "potribno", "treba", "shcho", "scho",
            "dyakuyu", "pryvit", "robotu", "robota", "roboty", "pratsyuyu", "pratsyuvaty", "hroshi", "groshi", "mozhna",
            "skilky", "chy", "tse", "zaraz", "dopomozhit", "dopomoha", "dopomohu", "navchannya", "shvetsiyi", "otrymaty",
            "yakyi", "yaka", "mayu", "dohovir", "dohovoru", "podatok", "navchatysya", "robotodavets");

    /**
     * Letters only one of the two spellings uses decide between Arabic and Persian (Dari): پ چ ژ گ and the Persian
     * forms of yeh and kaf (ی ک) against ة and ى; null when both or neither appear (Iraqi and Gulf Arabic write چ and
     * گ too, always beside Arabic letters). The Arabic forms ي and ك alone do not decide: a Persian writer on an
     * Arabic keyboard types them.
     */
    static String arabicOrPersian(String text) {
        boolean fa = false, ar = false, arabicKeyboard = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی' || c == 'ک') fa = true;
            else if (c == 'ة' || c == 'ى') ar = true;
            else if (c == 'ي' || c == 'ك') arabicKeyboard = true;
        }
        if (fa && !ar && !arabicKeyboard) return "fa";
        if (ar && !fa) return "ar";
        return null;
    }

    private static int wordsInScript(String text, int script) {
        int n = 0;
        for (String w : text.split("\\s+")) {
            if (w.codePoints().anyMatch(cp -> UScript.getScript(cp) == script)) n++;
        }
        return n;
    }

    private static String inScript(String text, int script) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (w.codePoints().anyMatch(cp -> UScript.getScript(cp) == script)) sb.append(w).append(' ');
        }
        return sb.toString().trim();
    }

    /**
     * Frequent words that only one of the two languages has (written without the letters that already tell): pronouns,
     * particles and the verbs newcomers use most ("шукаю" against "ищу", standalone "и" and "с" are Russian only).
     */
    private static final Set<String> UKRAINIAN_ONLY = Set.of("що", "це", "як", "але", "або", "чи", "мені", "де",
            "його", "вони", "дякую", "привіт", "будь", "ласка", "роботу", "робота", "роботи", "навчання", "потрібно",
            "можна", "шукаю", "треба", "маю", "хто", "куди", "скільки", "чому", "яка", "який", "яку", "якусь", "якийсь",
            "хоч", "щоб", "ще", "вже", "дуже", "зараз", "мова", "мову", "мови", "працювати", "працюю", "отримати",
            "знайти", "зробити", "вчитися", "навчатися", "житло", "допоможіть", "допомога", "допомогу", "підкажіть",
            "з", "й", "ні", "немає");
    private static final Set<String> RUSSIAN_ONLY = Set.of("что", "это", "как", "где", "мне", "здесь", "или", "спасибо",
            "привет", "работу", "работа", "работы", "учеба", "учёба", "нужно", "пожалуйста", "можно", "ищу", "надо",
            "кто", "куда", "сколько", "почему", "какая", "какой", "какую", "чтобы", "ещё", "еще",
            "очень", "сейчас", "когда", "помогите", "помощь", "деньги", "язык", "языка", "работать", "работаю",
            "получить", "найти", "сделать", "учиться", "жилье", "жильё", "срочно", "и", "с", "нет", "есть", "меня");

    @Override
    public Detection detect(String text) {
        return detect(text, null);
    }

    @Override
    public Detection detect(String text, LanguageHints hints) {
        String cleaned = TextNormalizer.clean(text);
        String clean = words(cleaned);
        if (arabizi(cleaned)) return new Detection("ar", 1.0, clean.split(" ").length >= 2, false);
        String latinCyrillic = russianOrUkrainianInLatin(cleaned);
        if (latinCyrillic != null) return new Detection(latinCyrillic, 1.0, clean.split(" ").length >= 2, false);
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
        // Latin words inside an Arabic-script or Cyrillic message are borrowed terms ("ابي part time job", "нужен job
        // in IT"): a quarter of the words in that script makes it the message's script. An English sentence quoting
        // one such word among many ("my name is محمد and i need a job") stays Latin.
        int arabicWords = wordsInScript(clean, UScript.ARABIC), cyrillicWords = wordsInScript(clean, UScript.CYRILLIC);
        boolean arabicLed = arabic * 2 >= letters || (arabicWords * 4 >= words && arabic > cyrillic && arabic > ethiopic);
        boolean cyrillicLed = cyrillic * 2 >= letters || (cyrillicWords * 4 >= words && cyrillic > arabic && cyrillic > ethiopic);
        // Half the letters Cyrillic is enough for the letters to decide ("almi що це"); lingua's low-accuracy
        // models cannot weigh two short words against a Latin name.
        if (cyrillicLed && cyrillicWords > 0) {
            String byLetters = ukrainianOrRussian(clean);
            if (byLetters != null) return new Detection(byLetters, 1.0, sentence && cyrillic * 2 >= letters, false);
        }
        if (arabicLed && arabicWords > 0) {
            String byLetters = arabicOrPersian(clean);
            if (byLetters != null) return new Detection(byLetters, 1.0, sentence && arabic * 2 >= letters, false);
        }
        // The dominant script narrows the choice: Arabic script is Arabic or Persian, never Somali; and only the
        // words in that script are weighed.
        int dominant = arabicLed && arabicWords > 0 ? UScript.ARABIC : cyrillicLed && cyrillicWords > 0 ? UScript.CYRILLIC : -1;
        Set<Language> allowed = dominant == UScript.ARABIC ? Set.of(Language.ARABIC, Language.PERSIAN)
                : dominant == UScript.CYRILLIC ? Set.of(Language.UKRAINIAN, Language.RUSSIAN) : null;
        String weighed = dominant < 0 ? clean : inScript(clean, dominant);
        SortedMap<Language, Double> lingua = detector.computeLanguageConfidenceValues(weighed);
        // lingua's low-accuracy models need trigrams: words of one or two letters ("شو هو") leave it with nothing,
        // and then the content's own model (which has unigrams and bigrams) decides alone.
        Map<Language, Double> values = lingua.isEmpty() ? contentModelOnly(weighed, hints) : withContentModel(lingua, weighed, hints);
        if (values.isEmpty()) return Detection.UNKNOWN;
        Language best = null;
        double top = 0, second = 0;
        for (var e : values.entrySet()) {
            if (allowed != null && !allowed.contains(e.getKey())) continue;
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        if (best == null) return Detection.UNKNOWN;
        String code = SERVED.get(best);
        if (code == null) return new Detection(null, top, false, sentence && top >= CLEAR_CONFIDENCE);
        // Between two close languages (Ukrainian/Russian, Arabic/Persian) statistics without telling letters or words
        // are a weak verdict: clear (able to switch a conversation's language) only when the other is far behind, so
        // that the language already spoken stays for a message both could have written.
        boolean clear = sentence && top >= CLEAR_CONFIDENCE && (allowed == null || second <= CLOSE_PAIR_MARGIN * top);
        // A message led by a script that has fewer than half its letters is a first guess, not enough to switch.
        if (dominant == UScript.ARABIC && arabic * 2 < letters || dominant == UScript.CYRILLIC && cyrillic * 2 < letters) clear = false;
        return new Detection(letters >= 3 ? code : null, top, clear, false);
    }
}
