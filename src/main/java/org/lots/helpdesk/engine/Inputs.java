package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Unanswered.Reason;
import org.lots.helpdesk.engine.Router.Routing;
import org.lots.helpdesk.i18n.Texts;
import org.lots.helpdesk.language.TextNormalizer;

import com.ibm.icu.text.NumberFormat;

/**
 * What reaches the engine, read in order: typed words (danger first, then limits, the adviser's chat, language,
 * global words, the waiting step, routing), pressed buttons (payloads can be forged: each is checked), files, and
 * events around the chat. Commands are {@link Commands}.
 */
final class Inputs {

    private final TurnContext w;

    Inputs(TurnContext w) {
        this.w = w;
    }

    void typed(String raw) {
        String text = TextNormalizer.clean(raw);
        if (text.isEmpty()) {
            w.say("system.empty", w.navigation());
            return;
        }
        DangerDetector.Danger danger = SafetyCheck.detect(w.k, text);
        if (danger != null) {
            safety(danger, text);
            return;
        }
        if (text.length() > Engine.MAX_TEXT) {
            w.say("system.too_long", Map.of("max", Engine.MAX_TEXT), w.navigation());
            return;
        }
        if (!TextNormalizer.hasLetterOrDigit(text)) {
            w.say("system.unreadable", w.navigation());
            return;
        }
        if (w.mode == Mode.HUMAN) {
            w.out.add(new Output.ForAdviser(text));
            return;
        }
        if (Engine.SATISFACTION.equals(w.dialog)) {
            Double n = TextNormalizer.number(text);
            if (n != null && n == Math.rint(n) && n >= 1 && n <= Engine.SATISFACTION_MAX) {
                w.commands.rate(n.intValue());
                return;
            }
        }
        if (!w.languages.chooseLanguage(text)) return;
        String key = TextNormalizer.key(text);
        Answers answers = w.answers();
        if (answers.matchesWords("system.menu_words", key)) {
            w.steps.showMenu();
            return;
        }
        if (answers.matchesWords("system.human_words", key)) {
            w.steps.startDialog(Content.HANDOFF, true);
            return;
        }
        if (w.restartDialog) {
            w.restartDialog = false;
            w.steps.enterDialog(w.dialog);
            return;
        }
        Step pending = w.pendingStep();
        if (pending instanceof Step.Handoff && (answers.matchesWords("system.yes_words", key) || answers.matchesWords("system.no_words", key))) {
            w.handoffs.consent(answers.matchesWords("system.yes_words", key));
            return;
        }
        if (pending instanceof Step.Input in) {
            answerInput(in, text);
            return;
        }
        if (pending instanceof Step.Ask ask) {
            answerAsk(ask, text, key);
            return;
        }
        w.routing.route(text);
    }

    private void answerInput(Step.Input in, String text) {
        String value = w.answers().validate(in, text);
        if (value == null) {
            if (w.routing.routeIfConfident(text)) return;
            // "I am 19" answers "How old are you?"; what else it says may answer the questions still to come.
            value = w.filling.valueIn(in, text);
            if (value == null) {
                w.steps.reAsk(in);
                return;
            }
        }
        // Whatever else the answer says ("nurse, I live in Uddevalla") may answer questions still to come.
        w.filling.fill(w.dialog, text, false, in);
        w.vars.put(in.into(), value);
        w.step = null;
        w.steps.continueAfter(in, in.next());
    }

    private void answerAsk(Step.Ask ask, String text, String key) {
        int chosen = w.answers().matchChoice(ask, key);
        if (chosen < 0) chosen = w.filling.namedChoice(ask, text); // "jag bor i Trolhättan" answers "Which municipality?"
        if (chosen >= 0) {
            w.steps.choose(w.dialog, ask, chosen);
            return;
        }
        // In menus and in fallback a typed question is a new question; inside a topic, an answer was expected.
        if (Engine.NOT_TOPICS.contains(w.dialog)) {
            w.routing.route(text);
            return;
        }
        Routing routing = w.k.router().route(text, w.language);
        if (w.routing.routeIfConfident(routing, text)) return;
        // Words that answer the question ("I have temporary protection") are said back, then the dialog goes on.
        String value = w.filling.valueIn(ask, text);
        if (value != null) {
            w.filling.fill(w.dialog, text, false, ask);
            w.filling.pickUp(ask.into(), value);
            w.steps.runStep(w.currentDialog(), ask);
            return;
        }
        // "jag bor i Trollhättan" answers no button here, but is kept and said back where an answer needs it: no miss.
        if (w.filling.municipalityNamed(text)) {
            w.say("system.invalid_choice", List.of());
            w.steps.runStep(w.currentDialog(), ask);
            return;
        }
        // Words that fit neither a button nor any topic count as not understood, like free text does:
        // the second time in a row brings a person.
        if (routing.decision() == Routing.Decision.NONE && ++w.misses >= 2) {
            w.unanswered(text, Reason.FALLBACK);
            w.steps.startDialog(Content.HANDOFF, true);
            return;
        }
        w.say("system.invalid_choice", List.of());
        w.steps.runStep(w.currentDialog(), ask);
    }

    /** Danger comes before everything else a message meets; see {@link SafetyCheck}. */
    private void safety(DangerDetector.Danger danger, String text) {
        if (w.mode == Mode.HUMAN) w.out.add(new Output.ForAdviser(text));
        SafetyCheck.Language l = SafetyCheck.language(w.identifier.detect(w.k.languageHints().withoutLoanwords(text)),
                w.language, w.confirmed, w.content.languages());
        w.language = l.language();
        w.confirmed = l.confirmed();
        w.misses = 0;
        w.urgent = true;
        w.out.add(new Output.SafetyAlert(danger.dialog()));
        w.steps.startDialog(danger.dialog(), true);
        w.out.add(new Output.Unanswered(text, w.language, Reason.SAFETY, danger.dialog(), null));
    }

    void payload(String payload) {
        String[] p = payload == null ? new String[0] : payload.split(":", 4);
        if (w.mode == Mode.HUMAN && !(p.length == 2 && (p[0].equals("lang") || p[0].equals("cmd")))) {
            w.out.add(new Output.ForAdviser("[" + payload + "]"));
            return;
        }
        if (p.length == 4 && p[0].equals("c")) {
            Dialog d = w.content.dialog(p[1]).orElse(null);
            Step s = d == null ? null : d.step(p[2]).orElse(null);
            Integer index = parseInt(p[3]);
            if (s instanceof Step.Ask ask && index != null && index >= 0 && index < ask.choices().size()) {
                enter(p[1]);
                w.steps.choose(p[1], ask, index);
                return;
            }
        } else if (p.length == 4 && p[0].equals("v")) {
            Dialog d = w.content.dialog(p[1]).orElse(null);
            Step s = d == null ? null : d.step(p[2]).orElse(null);
            // A button value is checked like a typed answer: payloads can be forged.
            String value = s instanceof Step.Input in ? (in.expect() == Step.Expect.YESNO
                    ? (p[3].equals("yes") || p[3].equals("no") ? p[3] : null) : w.answers().validate(in, p[3])) : null;
            if (s instanceof Step.Input in && value != null) {
                enter(p[1]);
                w.vars.put(in.into(), value);
                w.step = null;
                w.steps.continueAfter(in, in.next());
                return;
            }
        } else if (p.length == 3 && p[0].equals("q")) {
            // "Not right": the question whose answer was picked up from the newcomer's words, asked after all.
            Dialog d = w.content.dialog(p[1]).orElse(null);
            Step s = d == null ? null : d.step(p[2]).orElse(null);
            String into = s instanceof Step.Ask a ? a.into() : s instanceof Step.Input in ? in.into() : null;
            // Under a call ("I understood: Uddevalla" before call: municipality): the call runs again and asks.
            if (into != null || (s instanceof Step.Call c && w.filling.forgetCalled(c))) {
                enter(p[1]);
                w.filling.forget(into);
                w.misses = 0;
                w.steps.runFrom(d, s);
                return;
            }
        } else if (p.length == 2 && p[0].equals("go") && w.content.dialog(p[1]).isPresent()) {
            w.misses = 0;
            // The topic chosen after "Did you mean one of these?": the question asked then may answer its questions.
            String asked = Engine.CLARIFY.equals(w.dialog) && w.candidates.contains(p[1]) ? w.filling.clarified() : null;
            if (asked != null) w.steps.startDialog(p[1], asked);
            else w.steps.startDialog(p[1], true);
            return;
        } else if (p.length == 2 && p[0].equals("lang") && w.content.languages().contains(p[1])) {
            boolean first = w.dialog == null;
            w.language = p[1];
            w.confirmed = true;
            if (first) w.steps.startDialog(Content.WELCOME, true);
            else w.steps.showMenu();
            return;
        } else if (p.length == 2 && p[0].equals("cmd")) {
            w.commands.command(p[1], null);
            return;
        } else if (p.length == 2 && p[0].equals("rate")) {
            Integer score = parseInt(p[1]);
            if (score != null && score >= 1 && score <= Engine.SATISFACTION_MAX) {
                w.commands.rate(score);
                return;
            }
        }
        w.say("system.stale_button", List.of());
        w.steps.showMenu();
    }

    /** A button of another dialog than the current one was pressed: the calls on the way here are left. */
    private void enter(String dialogId) {
        if (!dialogId.equals(w.dialog)) w.stack.clear();
        w.dialog = dialogId;
    }

    /** Files go to an adviser who has the chat (or is awaited); otherwise the bot says what it can read. */
    void media(String kind, String reference) {
        String known = List.of("voice", "photo", "sticker", "document", "location", "contact", "edited").contains(kind) ? kind : "other";
        if (w.mode != Mode.BOT && reference != null && !known.equals("edited")) {
            w.out.add(new Output.ForAdviser("[" + known + "]", known, reference));
            if (w.mode == Mode.WAITING) w.say("system.passed_to_adviser", List.of());
            return;
        }
        w.say("system.kind." + known, w.navigation());
    }

    void event(Input.Event.Kind kind) {
        switch (kind) {
            case ADVISER_JOINED -> {
                w.mode = Mode.HUMAN;
                w.step = null;
                w.say("handoff.adviser_joined", List.of());
            }
            case ADVISER_CLOSED -> {
                boolean talked = w.mode == Mode.HUMAN;
                w.mode = Mode.BOT;
                w.misses = 0;
                w.step = null;
                if (!talked) {
                    w.say("system.adviser_closed", w.navigation());
                    return;
                }
                w.say("system.adviser_closed", List.of());
                w.stack.clear();
                w.candidates.clear();
                w.dialog = Engine.SATISFACTION;
                List<Button> scores = new ArrayList<>();
                NumberFormat digits = NumberFormat.getIntegerInstance(Texts.locale(w.language));
                for (int i = 1; i <= Engine.SATISFACTION_MAX; i++) scores.add(Button.action(digits.format(i), Payloads.rating(i)));
                w.say("handoff.satisfaction_q", scores);
            }
        }
    }

    static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
