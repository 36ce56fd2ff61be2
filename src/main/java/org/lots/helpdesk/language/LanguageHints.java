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
 * <li><b>a model of each language</b> from its examples (see {@link ContentLanguageModel});</li>
 * <li><b>greetings</b>: loanwords of the welcome dialog's examples ("salam") are said in many languages and are
 * no Swedish names;</li>
 * <li><b>own words</b>: a Latin-script word that the examples of one language use again and again and the others hardly ever
 * ("hej", "jobb", "hallo", "arbeit") tells the language of a one- or two-word message that statistics cannot.</li>
 * </ul>
 */
public record LanguageHints(Set<String> loanwords, Map<String, String> phrases, ContentLanguageModel model, Set<String> greetings,
                            Map<String, String> ownWords) {

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
        // The short replies each language's translations list (yes, no, menu, a person: "evet", "hayır", "människa")
        // are whole messages too, the shortest newcomers send.
        content.catalogue().languages_().forEach((language, texts) -> texts.texts().forEach((key, entry) -> {
            if (!key.endsWith("_words") || entry.text() == null) return;
            for (String word : entry.text().split("\\|")) {
                String k = TextNormalizer.key(word);
                if (!k.isBlank()) phraseLanguages.computeIfAbsent(k, x -> new HashSet<>()).add(language);
            }
        }));
        Set<String> loanwords = new HashSet<>();
        wordLanguages.forEach((w, counts) -> { if (isLoanword(counts)) loanwords.add(w); });
        Set<String> greetings = new HashSet<>();
        Dialog welcome = content.dialogs().get(Content.WELCOME);
        if (welcome != null) {
            welcome.examples().values().forEach(list -> list.forEach(phrase -> {
                for (String w : TextNormalizer.key(phrase).split(" ")) if (loanwords.contains(w)) greetings.add(w);
            }));
        }
        Map<String, String> phrases = new HashMap<>();
        phraseLanguages.forEach((p, langs) -> { if (langs.size() == 1) phrases.put(p, langs.iterator().next()); });
        Map<String, String> ownWords = new HashMap<>();
        wordLanguages.forEach((w, counts) -> {
            String owner = owner(counts);
            if (owner != null && !loanwords.contains(w)) ownWords.put(w, owner);
        });
        return new LanguageHints(Set.copyOf(loanwords), Map.copyOf(phrases), ContentLanguageModel.of(content), Set.copyOf(greetings),
                Map.copyOf(ownWords));
    }

    /** An own word is in at least this many phrases of its language... */
    static final int OWN_WORD_MIN_PHRASES = 3;
    /** ...and has at least this share of its phrases there (a word two languages share, "hello", tells nothing). */
    static final double OWN_WORD_MIN_SHARE = 0.75;
    /** Messages up to this many words are told by their own words; longer ones have enough letters for statistics. */
    static final int OWN_WORDS_MAX_WORDS = 2;

    private static String owner(Map<String, Integer> phrasesPerLanguage) {
        int total = 0, top = 0;
        String owner = null;
        for (var e : phrasesPerLanguage.entrySet()) {
            if (NON_LATIN.contains(e.getKey())) continue; // "hej" in a Ukrainian phrase is quoted, not Ukrainian
            total += e.getValue();
            if (e.getValue() > top) {
                top = e.getValue();
                owner = e.getKey();
            }
        }
        return top >= OWN_WORD_MIN_PHRASES && top >= OWN_WORD_MIN_SHARE * total ? owner : null;
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
            if (!isLoanToken(token)) sb.append(token).append(' ');
        }
        return sb.toString().trim();
    }

    /**
     * The message is made of Swedish names only ("komvux", "sfi csn", "arbetstillstånd"): Swedish is then the best
     * guess for a first message, but a weak one (a conversation's language must not follow it).
     */
    public boolean onlyLoanwords(String text) {
        boolean any = false;
        for (String token : text.trim().split("\\s+")) {
            if (TextNormalizer.key(token).isBlank()) continue;
            if (!isLoanToken(token) || greetings.contains(TextNormalizer.key(token))) return false;
            any = true;
        }
        return any;
    }

    private boolean isLoanToken(String token) {
        String k = TextNormalizer.key(token);
        // "f-skatt" is one loanword even though "f" alone is too short to be one.
        List<String> parts = List.of(k.split(" ")).stream().filter(p -> p.length() >= 3).toList();
        return !parts.isEmpty() && parts.stream().allMatch(this::isLoan);
    }

    /** A loanword in the longest word a loanword ends with (a Swedish compound) or carries up to this many letters after. */
    static final int LOAN_COMPOUND_MIN = 6, LOAN_SUFFIX_MAX = 2;

    /**
     * A loanword, a Swedish compound ending in one ("yrkeshögskola" ends in "högskola") or one with a short ending
     * (Swedish "komvuxen", Turkish "komvuxta", Somali "komvuxka"). Only the content's loanwords count: a longer
     * ending ("studieren" after "studie") is another word.
     */
    boolean isLoan(String word) {
        if (loanwords.contains(word)) return true;
        for (int cut = 1; cut <= LOAN_SUFFIX_MAX && cut < word.length() - 2; cut++) {
            if (loanwords.contains(word.substring(0, word.length() - cut))) return true;
        }
        for (int head = 3; head + LOAN_COMPOUND_MIN <= word.length(); head++) {
            if (loanwords.contains(word.substring(head))) return true;
        }
        return false;
    }

    /**
     * The language of a message of one or two words that are all own words of that language (loanwords and words of
     * fewer than three letters aside), or null: "hej" is Swedish though "hej" is Polish too, and too short for lingua.
     */
    public String languageOfOwnWords(String text) {
        String key = TextNormalizer.key(text);
        if (key.isBlank()) return null;
        String[] words = key.split(" ");
        if (words.length > OWN_WORDS_MAX_WORDS) return null;
        String language = null;
        for (String w : words) {
            if (w.length() < 3 || loanwords.contains(w)) continue;
            String owner = ownWords.get(w);
            if (owner == null || language != null && !language.equals(owner)) return null;
            language = owner;
        }
        return language;
    }

    /** The one language whose example phrases contain exactly this message, or null. */
    public String languageOfPhrase(String text) {
        return phrases.get(TextNormalizer.key(text));
    }
}
