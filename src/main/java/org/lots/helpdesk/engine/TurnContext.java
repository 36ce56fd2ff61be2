package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.ConversationState.Frame;
import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Reply;
import org.lots.helpdesk.engine.Output.Unanswered.Reason;

/**
 * One turn's mutable scratch: where the conversation stands while the engine's parts work on it, and what they have
 * said so far. Made fresh for every input (the engine itself stays stateless and thread-safe), then turned into a
 * {@link Turn}. The parts reach each other through it: {@link #inputs}, {@link #commands}, {@link #languages},
 * {@link #routing}, {@link #steps}, {@link #handoffs}, {@link #filling}.
 */
final class TurnContext {

    /** A dialog that loops through steps without waiting for the newcomer is a content bug; stop it here. */
    static final int MAX_STEPS_PER_TURN = 64;

    final Knowledge k;
    final Content content;
    final Helpline helpline;
    final StoredData stored;
    final LanguageIdentifier identifier;
    final String fallbackLanguage;
    final Privacy privacy;

    String language;
    boolean confirmed;
    String dialog, step;
    final List<Frame> stack;
    final Map<String, String> vars;
    Mode mode;
    int misses;
    String topic;
    final List<String> candidates;
    Double confidence;
    final List<Output> out = new ArrayList<>();
    int stepsRun;
    /** The step the conversation waited at vanished with a content reload: the next words restart its dialog. */
    boolean restartDialog;
    /** This turn answers a newcomer in danger: a handoff it asks for is urgent. */
    boolean urgent;

    final Inputs inputs = new Inputs(this);
    final Commands commands = new Commands(this);
    final LanguageChoice languages = new LanguageChoice(this);
    final TopicRouting routing = new TopicRouting(this);
    final StepRunner steps = new StepRunner(this);
    final HandoffStep handoffs = new HandoffStep(this);
    final VariableFilling filling = new VariableFilling(this);

    TurnContext(Engine.Setup setup, Knowledge k, ConversationState s, String hint, Helpline helpline, StoredData stored) {
        this.k = k;
        this.content = k.content();
        this.helpline = helpline == null ? Helpline.UNKNOWN : helpline;
        this.stored = stored == null ? StoredData.UNKNOWN : stored;
        this.identifier = setup.languages();
        this.fallbackLanguage = setup.fallbackLanguage();
        this.privacy = setup.privacy();
        this.language = s.language();
        this.confirmed = s.languageConfirmed();
        if (language == null || !content.languages().contains(language)) {
            language = LanguageChoice.supported(hint, content) ? LanguageChoice.base(hint) : fallbackLanguage;
            confirmed = false;
        }
        dialog = s.dialog();
        step = s.step();
        stack = new ArrayList<>(s.stack());
        vars = new LinkedHashMap<>(s.variables());
        mode = s.mode();
        misses = s.misses();
        topic = s.topic();
        candidates = new ArrayList<>(s.candidates());
        // Content may have changed under a waiting conversation: a vanished step restarts its dialog.
        if (dialog != null && !dialog.equals(Engine.CLARIFY) && !dialog.equals(Engine.SATISFACTION) && content.dialog(dialog).isEmpty()) {
            dialog = null;
            step = null;
            stack.clear();
        } else if (step != null && content.dialog(dialog).flatMap(d -> d.step(step)).isEmpty()) {
            step = null;
            restartDialog = true;
        }
    }

    Turn result() {
        ConversationState s = new ConversationState(language, confirmed, dialog, step, List.copyOf(stack),
                Map.copyOf(vars), mode, misses, topic, List.copyOf(candidates));
        return new Turn(s, List.copyOf(out), new Trace(language, dialog, step, s.escalated(), confidence, List.copyOf(candidates)));
    }

    Dialog currentDialog() {
        return content.dialog(dialog).orElseThrow();
    }

    /** The step waiting for the newcomer's answer, or null. */
    Step pendingStep() {
        if (step == null || dialog == null) return null;
        return content.dialog(dialog).flatMap(d -> d.step(step)).orElse(null);
    }

    /** Reads typed answers in the newcomer's current language. */
    Answers answers() {
        return new Answers(k.texts(), language, fallbackLanguage, vars);
    }

    void unanswered(String text, Reason reason) {
        out.add(new Output.Unanswered(text, language, reason, dialog, step));
    }

    List<Button> navigation() {
        return List.of(Button.action(text("system.menu_button"), Payloads.command("menu")),
                Button.action(text("system.human_button"), Payloads.command("human")));
    }

    String text(String key) {
        return k.texts().format(language, key, vars);
    }

    void say(String key, List<Button> buttons) {
        say(key, Map.of(), buttons);
    }

    void say(String key, Map<String, Object> args, List<Button> buttons) {
        Map<String, Object> all = new LinkedHashMap<>(vars);
        all.putAll(args);
        reply(k.texts().format(language, key, all), buttons, k.texts().status(language, key));
    }

    void reply(String text, List<Button> buttons, String status) {
        out.add(new Reply(text, List.copyOf(buttons), language, content.catalogue().isRightToLeft(language), status));
    }

    /** Everything a restart forgets (the language stays). */
    void reset() {
        dialog = null;
        step = null;
        stack.clear();
        vars.clear();
        misses = 0;
        candidates.clear();
        restartDialog = false;
    }
}
