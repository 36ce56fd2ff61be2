package org.lots.helpdesk.language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;

/**
 * What the editors' example phrases tell about languages, learnt from the content itself:
 * <ul>
 * <li><b>loanwords</b>: words that appear in the examples of several languages ("komvux", "arbetsförmedlingen",
 * "f-skatt") are names of Swedish things that newcomers use in every language; they say nothing about the language
 * of a message, and left in they make "komvux nedir" look Swedish;</li>
 * <li><b>phrases</b>: a whole message that is an example phrase of exactly one language ("hej", "salam aleikum")
 * tells its language even when it is too short for statistics;</li>
 * <li><b>a model of each language</b> from its examples (see {@link ContentLanguageModel}).</li>
 * </ul>
 */
public record LanguageHints(Set<String> loanwords, Map<String, String> phrases, ContentLanguageModel model) {

    /** A word in the examples of this many languages is a loanword. */
    static final int LOANWORD_LANGUAGES = 3;

    /** Scripts that write no word of their own in Latin letters: a Latin word in their examples is a borrowed name. */
    static final Set<String> NON_LATIN = Set.of("ar", "fa", "ti", "uk", "ru");
    /**
     * A word with more than this share of its occurrences in one language's examples is that language's own word
     * ("und", "for", "och", "starta"), not a name every language borrows, however often the others quote it.
     */
    static final double OWN_WORD_SHARE = 0.5;

    public static LanguageHints of(Content content) {
        Map<String, Map<String, Integer>> wordLanguages = new HashMap<>();
        Map<String, Set<String>> phraseLanguages = new HashMap<>();
        for (Dialog d : content.dialogs().values()) {
            for (var e : d.examples().entrySet()) {
                for (String phrase : e.getValue()) {
                    String key = TextNormalizer.key(phrase);
                    phraseLanguages.computeIfAbsent(key, k -> new HashSet<>()).add(e.getKey());
                    for (String w : new HashSet<>(List.of(key.split(" ")))) {
                        if (w.length() >= 3 && w.codePoints().allMatch(cp -> cp < 0x250)) {
                            wordLanguages.computeIfAbsent(w, k -> new HashMap<>()).merge(e.getKey(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        Set<String> loanwords = new HashSet<>();
        wordLanguages.forEach((w, counts) -> { if (isLoanword(counts)) loanwords.add(w); });
        Map<String, String> phrases = new HashMap<>();
        phraseLanguages.forEach((p, langs) -> { if (langs.size() == 1) phrases.put(p, langs.iterator().next()); });
        return new LanguageHints(Set.copyOf(loanwords), Map.copyOf(phrases), ContentLanguageModel.of(content));
    }

    /**
     * A Latin-script word is a loanword (a Swedish name newcomers use in any language) when the examples of several
     * languages, Swedish and at least one written in another script among them, use it, and no one language owns it.
     */
    static boolean isLoanword(Map<String, Integer> phrasesPerLanguage) {
        if (phrasesPerLanguage.size() < LOANWORD_LANGUAGES || !phrasesPerLanguage.containsKey("sv")) return false;
        if (phrasesPerLanguage.keySet().stream().noneMatch(NON_LATIN::contains)) return false;
        int total = phrasesPerLanguage.values().stream().mapToInt(Integer::intValue).sum();
        int top = phrasesPerLanguage.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return top <= OWN_WORD_SHARE * total;
    }

    /** The message without loanwords, for language identification (the original is kept for everything else). */
    public String withoutLoanwords(String text) {
        if (loanwords.isEmpty()) return text;
        StringBuilder sb = new StringBuilder();
        for (String token : text.split("\\s+")) {
            String k = TextNormalizer.key(token);
            // "f-skatt" is one loanword even though "f" alone is too short to be one.
            List<String> parts = List.of(k.split(" ")).stream().filter(p -> p.length() >= 3).toList();
            boolean loan = !parts.isEmpty() && parts.stream().allMatch(loanwords::contains);
            if (!loan) sb.append(token).append(' ');
        }
        return sb.toString().trim();
    }

    /** The one language whose example phrases contain exactly this message, or null. */
    public String languageOfPhrase(String text) {
        return phrases.get(TextNormalizer.key(text));
    }
}
