package org.lots.helpdesk.engine;

import java.util.Set;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.language.TextNormalizer;

/**
 * The dialog engine: from content, a conversation state and an input it computes the new state and the outputs.
 * It does no I/O; channels deliver the replies and the store keeps the state.
 * <p>
 * It only dispatches: each input gets a fresh {@link TurnContext} whose parts do the work: {@link Inputs} (typed
 * words, buttons, files, events), {@link Commands}, {@link LanguageChoice}, {@link TopicRouting}, {@link StepRunner}
 * and {@link HandoffStep}; danger and privacy are {@link SafetyCheck} and {@link Privacy}.
 */
public final class Engine {

    public static final String CLARIFY = "clarify";
    /** Where the conversation is after an adviser closed it, while the bot asks how happy the newcomer was. */
    public static final String SATISFACTION = "satisfaction";
    /** Satisfaction answers run from 1 (not at all happy) to this. */
    public static final int SATISFACTION_MAX = 5;
    /** Longer messages get a polite request to shorten them; the text is still stored by the caller. */
    public static final int MAX_TEXT = 2000;
    /** Dialogs that are not a topic of their own (for handoff topics and statistics). */
    static final Set<String> NOT_TOPICS = Set.of(Content.WELCOME, Content.FALLBACK, Content.HANDOFF, "helped", CLARIFY,
            SATISFACTION);

    /** Content topics are named {@code area.topic} (jobs.find, business.start); welcome, thanks, fallback are not. */
    static boolean isTopic(String dialogId) {
        return dialogId.contains(".") && !NOT_TOPICS.contains(dialogId);
    }

    /** What every turn is computed with. */
    record Setup(LanguageIdentifier languages, String fallbackLanguage, Privacy privacy) {}

    private final Setup setup;

    public Engine(LanguageIdentifier languages, String fallbackLanguage) {
        this(languages, fallbackLanguage, Retention.DEFAULT, true);
    }

    /**
     * @param retention          how long data is kept, for the privacy texts to say
     * @param firstContactNotice whether the first turn ends with the short privacy notice (off where the channel
     *                           shows it itself, e.g. a web page around the chat)
     */
    public Engine(LanguageIdentifier languages, String fallbackLanguage, Retention retention, boolean firstContactNotice) {
        this.setup = new Setup(languages, fallbackLanguage, new Privacy(retention, firstContactNotice));
    }

    /** The privacy texts (the conversation layer adds the first-contact notice with it). */
    public Privacy privacy() {
        return setup.privacy();
    }

    /**
     * @param languageHint what the channel guesses (Telegram's language_code, the browser's language); may be null
     */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint) {
        return handle(knowledge, state, input, languageHint, Helpline.UNKNOWN);
    }

    /**
     * @param helpline what the help desk can promise if this turn hands the newcomer over to a person (asked only
     *                 then); {@link Helpline#UNKNOWN} keeps to the handoff step's own text
     */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint, Helpline helpline) {
        return handle(knowledge, state, input, languageHint, helpline, StoredData.UNKNOWN);
    }

    /** @param stored what is stored about this newcomer, asked only for {@code /mydata} */
    public Turn handle(Knowledge knowledge, ConversationState state, Input input, String languageHint, Helpline helpline,
                       StoredData stored) {
        // One message is folded many times in a turn; TextNormalizer remembers its keys for this turn only.
        return TextNormalizer.remembering(() -> {
            TurnContext w = new TurnContext(setup, knowledge, state, languageHint, helpline, stored);
            if (input instanceof Input.Text t) w.inputs.typed(t.text());
            else if (input instanceof Input.Payload p) w.inputs.payload(p.payload());
            else if (input instanceof Input.Command c) w.commands.command(c.name(), c.argument());
            else if (input instanceof Input.Event e) w.inputs.event(e.kind());
            else if (input instanceof Input.Media m) w.inputs.media(m.kind(), m.reference());
            return w.result();
        });
    }
}
