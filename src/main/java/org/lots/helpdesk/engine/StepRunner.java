package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.ConversationState.Frame;
import org.lots.helpdesk.engine.Output.Button;

/**
 * Runs a dialog's steps until one waits for the newcomer: says, asks, inputs, branches, calls (and the way back),
 * gotos and ends. Handoff steps are {@link HandoffStep}.
 */
final class StepRunner {

    private final TurnContext w;

    StepRunner(TurnContext w) {
        this.w = w;
    }

    void showMenu() {
        w.stack.clear();
        w.candidates.clear();
        w.filling.dropUnsaid();
        Dialog welcome = w.content.dialog(Content.WELCOME).orElseThrow();
        w.dialog = Content.WELCOME;
        runFrom(welcome, welcome.step(Content.MENU_STEP).orElseThrow());
    }

    void startDialog(String id, boolean clearStack) {
        if (clearStack) {
            w.stack.clear();
            w.filling.dropUnsaid(); // what a message long ago said is not said back in a new topic
        }
        w.candidates.clear();
        enterDialog(id);
    }

    /** A dialog started by what the newcomer wrote: the words may answer its questions already. */
    void startDialog(String id, String text) {
        w.stack.clear();
        w.filling.dropUnsaid();
        w.filling.fill(id, text, true);
        w.candidates.clear();
        enterDialog(id);
    }

    void enterDialog(String id) {
        Dialog d = w.content.dialog(id).orElse(null);
        if (d == null) {
            showMenu();
            return;
        }
        w.dialog = id;
        if (Engine.isTopic(id)) w.topic = id;
        runFrom(d, d.startStep());
    }

    /** {@code goto: welcome#menu}: another dialog, at a given step (the menu without the greeting again). */
    private void enterDialogAt(String id, String stepId) {
        Dialog d = w.content.dialog(id).orElse(null);
        Step target = d == null ? null : d.step(stepId).orElse(null);
        if (target == null) {
            enterDialog(id);
            return;
        }
        w.dialog = id;
        if (Engine.isTopic(id)) w.topic = id;
        runFrom(d, target);
    }

    void choose(String dialogId, Step.Ask ask, int index) {
        w.misses = 0;
        Step.Choice c = ask.choices().get(index);
        if (ask.into() != null) w.vars.put(ask.into(), c.value());
        w.step = null;
        Dialog d = w.content.dialog(dialogId).orElseThrow();
        w.dialog = dialogId;
        runFrom(d, d.step(c.next()).orElseThrow());
    }

    void continueAfter(Step from, String next) {
        Dialog d = w.currentDialog();
        Step target = next != null ? d.step(next).orElse(null) : d.following(from).orElse(null);
        if (target == null) endDialog();
        else runFrom(d, target);
    }

    void runFrom(Dialog d, Step s) {
        w.dialog = d.id();
        w.step = null;
        runStep(d, s);
    }

    void runStep(Dialog d, Step s) {
        if (++w.stepsRun > TurnContext.MAX_STEPS_PER_TURN) {
            w.stack.clear();
            w.dialog = Content.FALLBACK;
            w.step = null;
            return;
        }
        if (s instanceof Step.Say say) {
            List<Button> links = new ArrayList<>();
            say.links().forEach(l -> links.add(Button.link(w.text(l.label()), w.k.texts().url(l.url(), w.vars))));
            w.say(say.text(), links);
            continueAfter(say, say.next());
        } else if (s instanceof Step.Ask ask) {
            ask(d, ask);
        } else if (s instanceof Step.Input in) {
            if (w.filling.understood(d, in, in.into(), w.filling.pickedNumber(in))) {
                continueAfter(in, in.next());
                return;
            }
            w.say(in.text(), inputButtons(d, in));
            w.step = in.id();
        } else if (s instanceof Step.Branch b) {
            String next = b.otherwise();
            for (Step.Rule r : b.rules()) {
                if (r.condition().holds(w.vars)) {
                    next = r.next();
                    break;
                }
            }
            runStep(d, d.step(next).orElseThrow());
        } else if (s instanceof Step.Call c) {
            String next = c.next() != null ? c.next() : d.following(c).map(Step::id).orElse(null);
            w.filling.understoodCall(d, c); // "I understood: Uddevalla": the called dialog then does not ask
            w.stack.add(new Frame(d.id(), next));
            enterDialog(c.dialog());
        } else if (s instanceof Step.Goto g) {
            if (d.step(g.target()).isPresent()) runStep(d, d.step(g.target()).get());
            else if (g.target().contains("#")) enterDialogAt(g.target().split("#", 2)[0], g.target().split("#", 2)[1]);
            else enterDialog(g.target());
        } else if (s instanceof Step.Handoff h) {
            w.handoffs.run(d, h);
        } else if (s instanceof Step.End e) {
            if (e.text() != null) w.say(e.text(), List.of());
            endDialog();
        }
    }

    /**
     * The question with a button per choice (and the language button under the main menu); it waits. An answer
     * picked up from the newcomer's words is said instead, and the dialog goes on.
     */
    void ask(Dialog d, Step.Ask ask) {
        int picked = w.filling.pickedChoice(ask);
        if (w.filling.understood(d, ask, ask.into(), picked < 0 ? null : w.text(ask.choices().get(picked).label()))) {
            w.misses = 0;
            runFrom(d, d.step(ask.choices().get(picked).next()).orElseThrow());
            return;
        }
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < ask.choices().size(); i++) {
            buttons.add(Button.action(w.text(ask.choices().get(i).label()), Payloads.choice(d.id(), ask.id(), i)));
        }
        if (d.id().equals(Content.WELCOME) && ask.id().equals(Content.MENU_STEP)) {
            buttons.add(Button.action(w.text("system.language_button"), Payloads.command("language")));
        }
        w.say(ask.text(), buttons);
        w.step = ask.id();
    }

    /** After the last step of a called dialog, the caller goes on where it left off. */
    void endDialog() {
        w.step = null;
        while (!w.stack.isEmpty()) {
            Frame f = w.stack.remove(w.stack.size() - 1);
            Dialog caller = w.content.dialog(f.dialog()).orElse(null);
            if (caller == null) continue;
            w.dialog = caller.id();
            if (f.next() == null) continue;
            Step next = caller.step(f.next()).orElse(null);
            if (next != null) {
                runStep(caller, next);
                return;
            }
        }
    }

    private List<Button> inputButtons(Dialog d, Step.Input in) {
        List<Button> buttons = new ArrayList<>();
        if (in.expect() == Step.Expect.YESNO) {
            buttons.add(Button.action(w.text("common.yes"), Payloads.value(d.id(), in.id(), "yes")));
            buttons.add(Button.action(w.text("common.no"), Payloads.value(d.id(), in.id(), "no")));
        } else if (in.expect() == Step.Expect.ONEOF) {
            for (String o : in.options()) buttons.add(Button.action(o, Payloads.value(d.id(), in.id(), o)));
        }
        return buttons;
    }

    void reAsk(Step.Input in) {
        String key = in.invalid();
        Map<String, Object> args = new LinkedHashMap<>();
        if (key == null) {
            key = switch (in.expect()) {
                case NUMBER -> in.min() != null && in.max() != null ? "system.invalid_number_range" : "system.invalid_number";
                case YESNO -> "system.invalid_yesno";
                default -> "system.invalid_choice";
            };
        }
        if (in.min() != null) args.put("min", in.min().intValue());
        if (in.max() != null) args.put("max", in.max().intValue());
        w.say(key, args, List.of());
        runStep(w.currentDialog(), in);
    }
}
