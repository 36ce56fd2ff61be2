package org.lots.helpdesk.engine;

import java.util.Set;

import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.LanguageIdentifier.Detection;

/**
 * What the engine does when a message says the newcomer may be in danger. It runs before everything else a typed
 * message meets (the adviser's chat, satisfaction, language questions, button answers, routing, the "two misses"
 * rule), so that the first answer always names 112 and the right line, in the newcomer's language:
 * <ol>
 * <li>the language is read from the message quietly (no "I will write in ..." notice, no language menu);</li>
 * <li>the safety dialog of the kind ({@code dialogs/safety.<kind>.yaml}) runs: its emergency message, then an
 *     urgent handoff ({@link Output.HandoffRequested#urgent()}), which is first in the queue and offered to every
 *     adviser; an adviser who already has the chat still gets the words, and the handoff becomes urgent;</li>
 * <li>the turn carries {@link Output.SafetyAlert}: channels and limits let it through, and editors see the hit.</li>
 * </ol>
 */
final class SafetyCheck {

    /** The text that follows the emergency message when a person is asked for, in a safety dialog. */
    static final String QUEUED = "safety.queued", CLOSED = "safety.closed";

    private SafetyCheck() {}

    /** The danger in a typed message, or null. A detector failure must never cost the newcomer an answer. */
    static DangerDetector.Danger detect(Knowledge k, String text) {
        DangerDetector d = k.danger();
        if (d == null) return null;
        try {
            return d.detect(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The conversation's language after a message in danger: any supported reading of the message, quietly. */
    record Language(String language, boolean confirmed) {}

    static Language language(Detection d, String current, boolean confirmed, Set<String> supported) {
        if (d == null || d.language() == null || !supported.contains(d.language()) || d.language().equals(current)) {
            return new Language(current, confirmed || (d != null && d.clear() && d.language() != null && d.language().equals(current)));
        }
        if (!confirmed || d.clear()) return new Language(d.language(), d.clear());
        return new Language(current, confirmed);
    }

    /** What the newcomer reads after the emergency message: a person comes first, or nobody is online now. */
    static String handoffKey(Mode mode, Helpline.Availability availability) {
        if (mode == Mode.HUMAN) return null; // an adviser is in the chat already and reads every word
        return availability instanceof Helpline.Closed ? CLOSED : QUEUED;
    }
}
