package org.lots.helpdesk.engine;

import java.util.List;
import java.util.Map;

/**
 * Where one newcomer's conversation stands. Immutable: the engine returns a new state for every input.
 *
 * @param language          the language the bot speaks to this newcomer (null before anything is known)
 * @param languageConfirmed chosen by the newcomer or read from a clear sentence, not just guessed from a hint
 * @param dialog            the dialog the conversation is in ("clarify" while the bot asks which topic is meant)
 * @param step              the step waiting for the newcomer's answer, or null when free text is routed
 * @param stack             dialogs to come back to after a {@code call}
 * @param variables         answers the newcomer gave
 * @param mode              BOT, WAITING for an adviser (the bot keeps helping) or with a HUMAN adviser
 * @param misses            messages in a row the bot did not understand
 * @param topic             the last content topic the newcomer was in, for handoffs and statistics
 * @param candidates        the dialogs offered while clarifying
 */
public record ConversationState(String language, boolean languageConfirmed, String dialog, String step,
                                List<Frame> stack, Map<String, String> variables, Mode mode, int misses,
                                String topic, List<String> candidates) {

    public enum Mode { BOT, WAITING, HUMAN }

    /** A dialog to continue at {@code next} when a called dialog ends. */
    public record Frame(String dialog, String next) {}

    public static ConversationState fresh(String language, boolean confirmed) {
        return new ConversationState(language, confirmed, null, null, List.of(), Map.of(), Mode.BOT, 0, null, List.of());
    }

    /** The same state, with the bot answering again (no person waited for or in the chat). */
    public ConversationState inBotMode() {
        return new ConversationState(language, languageConfirmed, dialog, step, stack, variables, Mode.BOT, misses, topic, candidates);
    }

    public boolean escalated() {
        return mode != Mode.BOT;
    }
}
