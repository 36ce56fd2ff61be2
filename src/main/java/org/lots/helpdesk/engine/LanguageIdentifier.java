package org.lots.helpdesk.engine;

import org.lots.helpdesk.language.LanguageHints;

/** Tells which language a message is written in. */
public interface LanguageIdentifier {

    Detection detect(String text);

    /** Like {@link #detect(String)}, helped by what the content's example phrases tell about its languages. */
    default Detection detect(String text, LanguageHints hints) {
        return detect(text);
    }

    /**
     * @param language    a supported language code, or null when the text does not tell (too short, only numbers)
     * @param clear       a whole sentence that leaves no doubt: enough to switch a conversation's language
     * @param unsupported the text is clearly in a language the help desk does not speak
     */
    record Detection(String language, double confidence, boolean clear, boolean unsupported) {
        public static final Detection UNKNOWN = new Detection(null, 0, false, false);
    }
}
