package org.lots.helpdesk.translator;

import java.util.Optional;

/**
 * Machine translation between an adviser and a newcomer. Optional: when it is off or fails, the adviser simply sees
 * and sends the original words, so nothing may depend on it.
 */
public interface Translator {

    /** Whether a translation service is configured at all (the console shows the translation controls then). */
    boolean enabled();

    /** The text in {@code target}, or empty when off, when the service fails, or for an unsupported language. */
    Optional<String> translate(String text, String source, String target);

    Translator OFF = new Translator() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<String> translate(String text, String source, String target) {
            return Optional.empty();
        }
    };
}
