package org.lots.helpdesk.engine;

/**
 * Port: tells whether a message says that the newcomer (or someone with them) is in danger, and what kind of
 * danger, so that the engine answers with emergency numbers before anything else. Built from the {@code safety}
 * dialogs of one version of the content. Meant to miss less than it alarms: a false alarm costs one message and an
 * adviser's look, a miss can cost a life.
 */
@FunctionalInterface
public interface DangerDetector {

    /** The danger found in {@code text}, or null. */
    Danger detect(String text);

    /**
     * @param dialog  the safety dialog that answers it ({@code safety.violence}, {@code safety.suicide}, ...)
     * @param pattern what matched (a keyword pattern or an example phrase), for editors; never shown to newcomers
     */
    record Danger(String dialog, String pattern) {}

    DangerDetector NONE = text -> null;

    /** Safety dialogs are {@code safety} and {@code safety.<kind>}. */
    static boolean isSafetyDialog(String dialogId) {
        return dialogId != null && (dialogId.equals("safety") || dialogId.startsWith("safety."));
    }
}
