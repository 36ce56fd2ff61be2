package org.lots.helpdesk.engine;

import java.util.List;

/** What the engine asks the world to do. Channels deliver replies; other modules record the rest. */
public sealed interface Output {

    /**
     * A message for the newcomer, already formatted in their language.
     *
     * @param status the review status of its text: source, reviewed, machine (not yet reviewed by a native speaker),
     *               or fallback (missing in the language, shown in the fallback language); null for people's words
     */
    record Reply(String text, List<Button> buttons, String language, boolean rightToLeft, String status) implements Output {
        public Reply(String text, List<Button> buttons, String language, boolean rightToLeft) {
            this(text, buttons, language, rightToLeft, null);
        }
    }

    /**
     * The newcomer should get a human adviser.
     *
     * @param urgent the newcomer may be in danger: the chat goes first in the queue, to every adviser, and an open
     *               handoff of the conversation becomes urgent too
     */
    record HandoffRequested(String topic, String note, String language, boolean urgent) implements Output {
        public HandoffRequested(String topic, String note, String language) {
            this(topic, note, language, false);
        }
    }

    /**
     * The newcomer wrote that they may be in danger, and this turn answers with emergency numbers ({@code dialog} is
     * the safety dialog, e.g. {@code safety.violence}). Whatever stands between a newcomer and the bot's answer
     * (rate limits, a consent question, a stopped chat) lets a turn with this output through.
     */
    record SafetyAlert(String dialog) implements Output {}

    /** Newcomer words the bot could not answer itself: for editors to see what to write next. */
    record Unanswered(String text, String language, Reason reason, String dialog, String step) implements Output {
        public enum Reason { FALLBACK, CLARIFY, HANDOFF, SAFETY }
    }

    /** While an adviser has the chat, the newcomer's words (or a file they sent) go to them. */
    record ForAdviser(String text, String kind, String reference) implements Output {
        public ForAdviser(String text) {
            this(text, null, null);
        }
    }

    /** The newcomer rated the help an adviser gave (1 = not at all happy, 5 = very happy). */
    record SatisfactionGiven(int score) implements Output {}

    /** The newcomer confirmed that everything they wrote is to be deleted. */
    record ForgetRequested() implements Output {}

    /** The newcomer asked the bot to stop writing to them until they start again. */
    record Stopped() implements Output {}

    /** A button: a {@code payload} to press, or a {@code url} to open. */
    record Button(String label, String payload, String url) {
        public static Button action(String label, String payload) {
            return new Button(label, payload, null);
        }

        public static Button link(String label, String url) {
            return new Button(label, null, url);
        }
    }
}
