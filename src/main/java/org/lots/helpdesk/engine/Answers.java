package org.lots.helpdesk.engine;

import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.i18n.Texts;
import org.lots.helpdesk.language.TextNormalizer;

/**
 * Reads what a newcomer typed as an answer: to an input step (a number in any digits, yes/no words of their
 * language, one of a list, free text) or to a question with buttons (a label, its number, yes/no).
 */
record Answers(Texts texts, String language, String fallbackLanguage, Map<String, String> variables) {

    /** The stored value for a valid answer, or null. */
    String validate(Step.Input in, String text) {
        String key = TextNormalizer.key(text);
        return switch (in.expect()) {
            case FREE -> text;
            case NUMBER -> {
                Double n = TextNormalizer.number(text);
                if (n == null || (in.min() != null && n < in.min()) || (in.max() != null && n > in.max())) yield null;
                yield n == Math.rint(n) ? String.valueOf(n.longValue()) : String.valueOf(n);
            }
            case YESNO -> matchesWords("system.yes_words", key) ? "yes" : matchesWords("system.no_words", key) ? "no" : null;
            case ONEOF -> in.options().stream().filter(o -> TextNormalizer.key(o).equals(key)).findFirst().orElse(null);
        };
    }

    /** A typed answer to a question with buttons: the label, its number (1, 2, ...), or yes/no words. */
    int matchChoice(Step.Ask ask, String key) {
        for (int i = 0; i < ask.choices().size(); i++) {
            if (TextNormalizer.key(texts.format(language, ask.choices().get(i).label(), variables)).equals(key)) return i;
        }
        Double n = TextNormalizer.number(key);
        if (n != null && n == Math.rint(n) && n >= 1 && n <= ask.choices().size()) return n.intValue() - 1;
        for (int i = 0; i < ask.choices().size(); i++) {
            String v = ask.choices().get(i).value();
            if ((v.equals("yes") && matchesWords("system.yes_words", key)) || (v.equals("no") && matchesWords("system.no_words", key))) return i;
        }
        return -1;
    }

    /** Word lists are per language; the fallback language's words work everywhere too. */
    boolean matchesWords(String listKey, String key) {
        for (String lang : language.equals(fallbackLanguage) ? List.of(language) : List.of(language, fallbackLanguage)) {
            for (String w : texts.raw(lang, listKey).split("\\|")) {
                if (!w.isBlank() && TextNormalizer.key(w).equals(key)) return true;
            }
        }
        return false;
    }
}
