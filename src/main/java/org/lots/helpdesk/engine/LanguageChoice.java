package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.engine.LanguageIdentifier.Detection;
import org.lots.helpdesk.engine.Output.Button;

/**
 * Which language the bot speaks: a first guess (the channel's hint, else the fallback) gives way to any real signal;
 * a chosen or clearly written language changes only on a clear sentence in another one, with a button back.
 */
final class LanguageChoice {

    /** Codes channels send for languages the content names otherwise: Dari and Iranian Persian are both "fa". */
    private static final Map<String, String> ALIASES = Map.of("prs", "fa", "pes", "fa", "fas", "fa", "per", "fa",
            "ara", "ar", "arb", "ar", "som", "so", "tir", "ti", "ukr", "uk", "rus", "ru");

    private final TurnContext w;

    LanguageChoice(TurnContext w) {
        this.w = w;
    }

    static boolean supported(String code, Content content) {
        return code != null && content.languages().contains(base(code));
    }

    static String base(String code) {
        String base = code.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return ALIASES.getOrDefault(base, base);
    }

    /** Sets or switches the conversation's language from what was typed. False when the turn is answered. */
    boolean chooseLanguage(String text) {
        Detection d = w.identifier.detect(w.k.languageHints().withoutLoanwords(text), w.k.languageHints());
        if (d.language() == null || !d.clear()) {
            String byPhrase = w.k.languageHints().languageOfPhrase(text);
            if (byPhrase == null) byPhrase = w.k.languageHints().languageOfOwnWords(text);
            if (byPhrase != null && !w.confirmed) d = new Detection(byPhrase, 1.0, false, false);
            // Only Swedish names ("komvux"): Swedish is a better first guess than the fallback, never than a
            // channel's hint or a language already spoken.
            else if (d.language() == null && !w.confirmed && w.dialog == null && w.language.equals(w.fallbackLanguage)
                    && w.content.languages().contains("sv") && w.k.languageHints().onlyLoanwords(text)) {
                d = new Detection("sv", 0.5, false, false);
            }
        }
        if (d.unsupported() && !w.confirmed) {
            languageMenu("system.unsupported_language");
            return false;
        }
        if (d.language() == null || !w.content.languages().contains(d.language()) || d.language().equals(w.language)) {
            if (d.clear() && d.language() != null && d.language().equals(w.language)) w.confirmed = true;
            return true;
        }
        if (!w.confirmed) {
            // A first guess (a channel hint or the fallback) gives way to any real signal without fuss.
            if (d.clear() || w.dialog == null) {
                w.language = d.language();
                w.confirmed = d.clear();
            }
            return true;
        }
        if (d.clear()) {
            String previous = w.language;
            w.language = d.language();
            w.say("system.language_switched", List.of(Button.action(
                    w.k.texts().format(previous, "system.language_back",
                            Map.of("language", w.content.catalogue().names().getOrDefault(previous, previous))),
                    Payloads.language(previous))));
        }
        return true;
    }

    void languageMenu(String key) {
        List<Button> buttons = new ArrayList<>();
        w.content.catalogue().names().forEach((code, name) -> buttons.add(Button.action(name, Payloads.language(code))));
        w.say(key, buttons);
    }
}
