package org.lots.helpdesk.engine;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.i18n.Texts;
import org.lots.helpdesk.language.DangerMatcher;
import org.lots.helpdesk.language.LanguageHints;

/** One version of the content together with the router trained on it; replaced whole on reload. */
public record Knowledge(Content content, Router router, Texts texts, LanguageHints languageHints, DangerDetector danger) {

    public Knowledge(Content content, Router router) {
        this(content, router, new Texts(content), LanguageHints.of(content), new DangerMatcher(content));
    }

    public Knowledge(Content content, Router router, Texts texts, LanguageHints languageHints) {
        this(content, router, texts, languageHints, new DangerMatcher(content));
    }
}
