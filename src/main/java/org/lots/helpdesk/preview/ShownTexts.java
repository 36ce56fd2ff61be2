package org.lots.helpdesk.preview;

import java.util.List;

import org.lots.helpdesk.i18n.TextUses;
import org.lots.helpdesk.i18n.Texts;

/**
 * Tells which translation key a shown string (a reply, a button label) came from, among the texts the turn
 * formatted, and that text's review status. Strings that are no text (a language's own name, a rating digit,
 * an option written in the dialog) have none.
 */
final class ShownTexts {

    /** @param status source, reviewed, machine, or fallback (missing in the language, shown in the fallback one) */
    record Shown(String key, String status) {
        static final Shown NONE = new Shown(null, null);
    }

    private final List<TextUses.Use> uses;
    private final Texts texts;

    ShownTexts(List<TextUses.Use> uses, Texts texts) {
        this.uses = uses;
        this.texts = texts;
    }

    Shown find(String shown) {
        if (shown == null || shown.isEmpty()) return Shown.NONE;
        // The latest exact match: a text formatted twice in one turn (a re-ask) shows the second time.
        for (int i = uses.size() - 1; i >= 0; i--) {
            TextUses.Use u = uses.get(i);
            if (u.text().equals(shown)) return shown(u);
        }
        // A reply the engine built around a text (trimmed, cut to a limit): the longest text making most of it.
        TextUses.Use best = null;
        for (TextUses.Use u : uses) {
            boolean most = u.text().length() * 2 >= shown.length() && shown.contains(u.text());
            if (most && (best == null || u.text().length() > best.text().length())) best = u;
        }
        return best == null ? Shown.NONE : shown(best);
    }

    private Shown shown(TextUses.Use u) {
        return new Shown(u.key(), texts.status(u.language(), u.key()));
    }
}
