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

    public static LanguageHints of(Content content) {
        Map<String, Set<String>> wordLanguages = new HashMap<>();
        Map<String, Set<String>> phraseLanguages = new HashMap<>();
        for (Dialog d : content.dialogs().values()) {
            for (var e : d.examples().entrySet()) {
                for (String phrase : e.getValue()) {
                    String key = TextNormalizer.key(phrase);
                    phraseLanguages.computeIfAbsent(key, k -> new HashSet<>()).add(e.getKey());
                    for (String w : key.split(" ")) {
                        if (w.length() >= 3 && w.codePoints().allMatch(cp -> cp < 0x250)) {
                            wordLanguages.computeIfAbsent(w, k -> new HashSet<>()).add(e.getKey());
                        }
                    }
                }
            }
        }
        Set<String> loanwords = new HashSet<>();
        wordLanguages.forEach((w, langs) -> { if (langs.size() >= LOANWORD_LANGUAGES && langs.contains("sv")) loanwords.add(w); });
        Map<String, String> phrases = new HashMap<>();
        phraseLanguages.forEach((p, langs) -> { if (langs.size() == 1) phrases.put(p, langs.iterator().next()); });
        return new LanguageHints(Set.copyOf(loanwords), Map.copyOf(phrases), ContentLanguageModel.of(content));
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
