package org.lots.helpdesk.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.engine.DangerDetector;

/**
 * The high-recall danger matcher: the {@code keywords} of the safety dialogs ({@code safety.<kind>}) are patterns
 * over the folded text (the same {@link TextNormalizer#key} the router uses, so "självmord" meets "sjalvmord" and
 * ك meets ک). A pattern is one or more terms joined by {@code " + "}; every term must occur. A term is one or more
 * alternatives joined by {@code |}; an alternative is a word beginning (it may span several words:
 * {@code "want to die"}), {@code ~stem} anywhere inside a word (for languages that glue clitics and suffixes to a
 * word; a word beginning in Arabic script may follow a clitic such as و or ال anyway), or {@code =word} a whole word. A term starting with {@code !} must NOT occur.
 * <pre>
 * keywords:
 *   - "passport|pass|documents + took|taken|keeps|holds"
 *   - "~ضرب + ني|زوجي|ابوي"
 *   - "kill myself"
 * </pre>
 * An example phrase of a safety dialog that occurs whole in the message matches too. When several kinds match,
 * the order of {@link #PRIORITY} decides (a child in danger before violence in general).
 */
public final class DangerMatcher implements DangerDetector {

    /** Dialog ids of the safety topic start with this. */
    public static final String SAFETY = "safety";
    /** Which answer wins when a message matches several kinds. */
    static final List<String> PRIORITY = List.of("safety.suicide", "safety.child", "safety.trafficking", "safety.violence",
            "safety.medical", SAFETY);

    /**
     * @param needles what {@link #occurs} looks for in the padded key, built once (every message meets every
     *                pattern): " word", and " " + clitic + word for an Arabic-script word; " word " for {@code =word}
     */
    private record Alternative(String text, char mode, String[] needles) {
        Alternative(String text, char mode) {
            this(text, mode, needles(text, mode));
        }

        private static String[] needles(String text, char mode) {
            if (mode == '~') return new String[0];
            if (mode == '=') return new String[]{" " + text + " "};
            List<String> n = new ArrayList<>();
            n.add(" " + text);
            if (!text.isEmpty() && Character.UnicodeBlock.of(text.charAt(0)) == Character.UnicodeBlock.ARABIC) {
                for (String c : CLITICS) n.add(" " + c + text);
            }
            return n.toArray(String[]::new);
        }
    }

    private record Term(List<Alternative> alternatives, boolean negated) {}

    private record Pattern(String dialog, String source, List<Term> terms) {}

    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    public DangerMatcher(Content content) {
        List<Dialog> dialogs = new ArrayList<>();
        content.dialogs().values().stream().filter(d -> DangerDetector.isSafetyDialog(d.id())).forEach(dialogs::add);
        dialogs.sort((a, b) -> Integer.compare(rank(a.id()), rank(b.id())));
        for (Dialog d : dialogs) {
            for (String k : d.keywords()) {
                Pattern p = parse(d.id(), k);
                if (p != null) patterns.add(p);
            }
            List<String> phrases = new ArrayList<>();
            d.examples().values().forEach(list -> list.forEach(e -> {
                String key = TextNormalizer.key(e);
                if (key.length() >= 4) phrases.add(" " + key + " "); // padded once, as the message is
            }));
            examples.put(d.id(), phrases);
        }
    }


    @Override
    public Danger detect(String text) {
        String key = TextNormalizer.key(text == null ? "" : text);
        if (key.isEmpty()) return null;
        String padded = " " + key + " ";
        for (Pattern p : patterns) {
            if (matches(p, key, padded)) return new Danger(p.dialog(), p.source());
        }
        for (var e : examples.entrySet()) {
            for (String phrase : e.getValue()) {
                if (padded.contains(phrase)) return new Danger(e.getKey(), phrase.substring(1, phrase.length() - 1));
            }
        }
        return null;
    }

    private static boolean matches(Pattern p, String key, String padded) {
        for (Term t : p.terms()) {
            boolean found = false;
            for (Alternative a : t.alternatives()) {
                if (occurs(a, key, padded)) {
                    found = true;
                    break;
                }
            }
            if (found == t.negated()) return false;
        }
        return true;
    }

    private static boolean occurs(Alternative a, String key, String padded) {
        if (a.mode() == '~') return key.contains(a.text());
        for (String n : a.needles()) if (padded.contains(n)) return true; // the word, then after each clitic
        return false;
    }

    /** Arabic and Persian glue "and", "with", "to" and the article to the next word: "وقافلين" begins "قافلين". */
    private static final List<String> CLITICS = List.of("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "ع");

    /** Null for a pattern with nothing left after folding (lint reports it). */
    static Pattern parse(String dialog, String source) {
        List<Term> terms = new ArrayList<>();
        for (String rawTerm : source.split("\\s\\+\\s")) {
            String t = rawTerm.strip();
            boolean negated = t.startsWith("!");
            if (negated) t = t.substring(1);
            List<Alternative> alternatives = new ArrayList<>();
            for (String rawAlt : t.split("\\|")) {
                String a = rawAlt.strip();
                char mode = a.startsWith("~") || a.startsWith("=") ? a.charAt(0) : ' ';
                String folded = TextNormalizer.key(mode == ' ' ? a : a.substring(1));
                if (!folded.isEmpty()) alternatives.add(new Alternative(folded, mode));
            }
            if (alternatives.isEmpty()) return null;
            terms.add(new Term(List.copyOf(alternatives), negated));
        }
        if (terms.stream().noneMatch(t -> !t.negated())) return null;
        return new Pattern(dialog, source, List.copyOf(terms));
    }

    private static int rank(String dialog) {
        int i = PRIORITY.indexOf(dialog);
        return i < 0 ? PRIORITY.size() : i;
    }
}
