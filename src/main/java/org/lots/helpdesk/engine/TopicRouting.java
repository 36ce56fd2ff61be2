package org.lots.helpdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.engine.Output.Unanswered.Reason;
import org.lots.helpdesk.engine.Router.Routing;

/**
 * Free text to a topic: start the one that clearly fits, ask which of a few is meant, or say it was not understood
 * (the second miss in a row brings a person).
 */
final class TopicRouting {

    private final TurnContext w;

    TopicRouting(TurnContext w) {
        this.w = w;
    }

    void route(String text) {
        Routing r = w.k.router().route(text, w.language);
        w.confidence = r.best() == null ? null : r.best().score();
        if (w.filling.onlyMunicipality(text)) {
            municipality(text);
            return;
        }
        switch (r.decision()) {
            case CONFIDENT -> {
                w.misses = 0;
                w.steps.startDialog(r.best().dialog(), text);
                if (r.best().dialog().equals(Content.HANDOFF)) w.unanswered(text, Reason.HANDOFF);
            }
            case AMBIGUOUS -> {
                w.misses = 0;
                List<Button> buttons = new ArrayList<>();
                w.candidates.clear();
                for (Router.Candidate c : r.candidates()) {
                    w.candidates.add(c.dialog());
                    buttons.add(Button.action(title(c.dialog()), Payloads.go(c.dialog())));
                }
                buttons.add(Button.action(w.k.texts().format(w.language, "system.human_button"), Payloads.command("human")));
                w.stack.clear();
                w.filling.dropUnsaid();
                w.filling.keepForClarify(text);
                w.dialog = Engine.CLARIFY;
                w.step = null;
                w.say("system.clarify", buttons);
                w.unanswered(text, Reason.CLARIFY);
            }
            case NONE -> {
                if (municipality(text)) return;
                w.misses++;
                w.unanswered(text, Reason.FALLBACK);
                w.steps.startDialog(w.misses >= 2 ? Content.HANDOFF : Content.FALLBACK, true);
            }
        }
    }

    /** "Uddevalla" on its own: where the newcomer lives, not a question missed; kept, said back, menu. */
    private boolean municipality(String text) {
        if (!w.filling.municipalityNamed(text)) return false;
        if (text.trim().split("\\s+").length > 3) w.unanswered(text, Reason.FALLBACK);
        w.filling.sayMunicipality();
        w.steps.showMenu();
        return true;
    }

    /** Inside a question, free text that clearly asks about something else leaves the question. */
    boolean routeIfConfident(String text) {
        return routeIfConfident(w.k.router().route(text, w.language), text);
    }

    boolean routeIfConfident(Routing r, String text) {
        if (r.decision() == Routing.Decision.CONFIDENT && !r.best().dialog().equals(w.dialog)) {
            w.confidence = r.best().score();
            w.misses = 0;
            w.steps.startDialog(r.best().dialog(), text);
            return true;
        }
        return false;
    }

    private String title(String dialogId) {
        String key = w.content.dialog(dialogId).map(Dialog::title).orElse(null);
        return key == null ? dialogId : w.k.texts().format(w.language, key);
    }
}
