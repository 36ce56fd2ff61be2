package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.language.TextNormalizer;

/**
 * Reads the answer to a question out of what the newcomer wrote before it was asked: which choice of an
 * {@code ask} the words state, or the number an {@code input} wants ("I am 19", "عمري ١٩", "۱۹ سالمه").
 * <p>
 * Conservative on purpose, because a wrong answer is worse than a question: keywords and example phrases match on
 * whole words of the folded text ({@link TextNormalizer#key}); an example counts only when every longer word of it
 * occurs and at least {@link #EXAMPLE_SHARE} of all its words do; when two choices are named, or a negation word
 * stands next to the words that named one ("I don't have temporary protection"), nothing is filled.
 */
final class VariableFiller {

    /** Share of an example phrase's words that must occur in the message (and every word longer than 3 letters). */
    static final double EXAMPLE_SHARE = 0.75;
    /** How many words before or after a match a negation word cancels it. */
    static final int NEGATION_REACH = 3;
    static final String NUMBER = "#";

    private VariableFiller() {}

    /**
     * @param negations negation words and phrases ("not", "don't", "ندارم"), folded or not
     * @return the index of the one choice the text names, or -1
     */
    static int choice(Step.Ask ask, String text, Collection<String> negations) {
        List<String> words = words(text);
        if (words.isEmpty()) return -1;
        List<List<Term>> negs = negations.stream().map(VariableFiller::pattern).filter(p -> !p.isEmpty()).toList();
        Set<Integer> named = new LinkedHashSet<>();
        for (int i = 0; i < ask.choices().size(); i++) {
            Step.Choice c = ask.choices().get(i);
            for (int[] span : spans(c, words)) {
                if (negated(words, span, negs)) return -1; // "not X": do not guess what they are instead
                named.add(i);
            }
        }
        return named.size() == 1 ? named.iterator().next() : -1;
    }

    /** The number the text gives for the input (as {@link Answers#validate} would store it), or null. */
    static String number(Step.Input in, String text) {
        if (in.expect() != Step.Expect.NUMBER) return null;
        List<String> words = words(text);
        Set<Long> found = new LinkedHashSet<>();
        for (List<String> list : in.keywords().values()) {
            for (String k : list) {
                boolean veto = k.startsWith("!");
                List<Term> p = pattern(veto ? k.substring(1) : k);
                for (int start = 0; start + p.size() <= words.size(); start++) {
                    Long n = numberAt(p, words, start);
                    if (n == null) continue;
                    if (veto) return null; // "I am 25 years in Sweden" is no age
                    found.add(n);
                }
            }
        }
        if (found.size() != 1) return null;
        long n = found.iterator().next();
        if ((in.min() != null && n < in.min()) || (in.max() != null && n > in.max())) return null;
        return String.valueOf(n);
    }

    // ------------------------------------------------------------ matching words

    /** One word of a keyword: {@code *} at its end admits any ending, at its start any beginning; {@code #} a number. */
    record Term(String text, boolean anyEnding, boolean anyBeginning) {
        boolean matches(String word) {
            if (text.equals(NUMBER)) return isNumber(word);
            if (anyEnding && anyBeginning) return word.contains(text);
            if (anyEnding) return word.startsWith(text);
            if (anyBeginning) return word.endsWith(text);
            return word.equals(text);
        }
    }

    /**
     * The content's keywords and example phrases folded, kept: every turn in a question matched them all again
     * (folding is a pure function of the text; a tenth of the language work per message). Bounded: content edits add
     * new strings, so the memo starts over past {@link #MEMO_MAX}.
     */
    private static final Map<String, List<Term>> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CONTENT_WORDS = new ConcurrentHashMap<>();
    private static final int MEMO_MAX = 50_000;

    private static <V> V memo(Map<String, V> memo, String key, java.util.function.Function<String, V> f) {
        V v = memo.get(key);
        if (v != null) return v;
        if (memo.size() > MEMO_MAX) memo.clear();
        v = f.apply(key);
        memo.put(key, v);
        return v;
    }

    /** {@link #words} of a content string (an example phrase), memoised. */
    static List<String> contentWords(String phrase) {
        return memo(CONTENT_WORDS, phrase, VariableFiller::words);
    }

    static List<String> words(String text) {
        String key = TextNormalizer.key(text == null ? "" : text);
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }

    /** A keyword as written by an editor, folded word by word the way messages are. */
    static List<Term> pattern(String keyword) {
        return memo(PATTERNS, keyword, VariableFiller::folded);
    }

    private static List<Term> folded(String keyword) {
        List<Term> terms = new ArrayList<>();
        for (String raw : keyword.strip().split("\\s+")) {
            if (raw.equals(NUMBER)) {
                terms.add(new Term(NUMBER, false, false));
                continue;
            }
            boolean end = raw.endsWith("*"), begin = raw.startsWith("*");
            List<String> parts = words(raw.replace("*", ""));
            for (int i = 0; i < parts.size(); i++) {
                terms.add(new Term(parts.get(i), end && i == parts.size() - 1, begin && i == 0));
            }
        }
        return List.copyOf(terms);
    }

    /** Where a choice's keywords or examples occur: [first word, last word] of each. */
    private static List<int[]> spans(Step.Choice c, List<String> words) {
        List<int[]> spans = new ArrayList<>();
        for (List<String> list : c.keywords().values()) {
            for (String k : list) {
                List<Term> p = pattern(k);
                if (p.isEmpty()) continue;
                for (int start = 0; start + p.size() <= words.size(); start++) {
                    if (at(p, words, start)) spans.add(new int[] {start, start + p.size() - 1});
                }
            }
        }
        for (List<String> list : c.examples().values()) {
            for (String e : list) {
                int[] span = example(contentWords(e), words);
                if (span != null) spans.add(span);
            }
        }
        return spans;
    }

    private static boolean at(List<Term> p, List<String> words, int start) {
        for (int i = 0; i < p.size(); i++) {
            if (!p.get(i).matches(words.get(start + i))) return false;
        }
        return true;
    }

    private static Long numberAt(List<Term> p, List<String> words, int start) {
        if (!at(p, words, start)) return null;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).text().equals(NUMBER)) {
                String w = words.get(start + i);
                return w.length() > 6 ? null : Long.parseLong(w);
            }
        }
        return null;
    }

    /** The span of the message an example phrase covers, or null when too few of its words occur. */
    private static int[] example(List<String> phrase, List<String> words) {
        if (phrase.size() < 2) return null; // one word is a keyword's job
        int found = 0, first = Integer.MAX_VALUE, last = -1;
        for (String p : phrase) {
            int at = words.indexOf(p);
            if (at < 0) {
                if (p.codePointCount(0, p.length()) > 3) return null;
                continue;
            }
            found++;
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        return found >= EXAMPLE_SHARE * phrase.size() ? new int[] {first, last} : null;
    }

    private static boolean negated(List<String> words, int[] span, List<List<Term>> negations) {
        int from = Math.max(0, span[0] - NEGATION_REACH), to = Math.min(words.size() - 1, span[1] + NEGATION_REACH);
        for (List<Term> n : negations) {
            for (int start = from; start + n.size() - 1 <= to; start++) {
                boolean inside = start >= span[0] && start + n.size() - 1 <= span[1];
                if (!inside && at(n, words, start)) return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Splits a word list text ("not|don't|never") into its words. */
    static List<String> wordList(String raw) {
        List<String> out = new ArrayList<>();
        for (String w : raw.split("\\|")) if (!w.isBlank()) out.add(w.strip());
        return out;
    }
}
