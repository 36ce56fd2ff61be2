package org.lots.helpdesk.engine;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.Output.Button;
import org.lots.helpdesk.i18n.Texts;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;

/**
 * A {@code handoff} step: consent first (an adviser reads the whole conversation), then what happens next when the
 * help desk can tell (the place in the queue, or when it opens), then the request itself.
 */
final class HandoffStep {

    private final TurnContext w;

    HandoffStep(TurnContext w) {
        this.w = w;
    }

    void run(Dialog d, Step.Handoff h) {
        boolean urgent = w.urgent || DangerDetector.isSafetyDialog(d.id());
        // An adviser reads the whole conversation: ask first. An urgent (safety) handoff does not wait for
        // this: a person in danger is helped first (vital interests, GDPR art. 6(1)(d); docs/privacy.md).
        if (Privacy.asksConsent(w.mode, w.vars, urgent)) {
            askConsent(d, h);
            return;
        }
        Helpline.Availability a = w.mode == Mode.HUMAN ? null : w.helpline.availability();
        String urgentKey = urgent ? SafetyCheck.handoffKey(w.mode, a) : null;
        if (urgent) {
            if (urgentKey != null) w.say(urgentKey, Map.of("when", a instanceof Helpline.Closed c ? when(c.opens()) : ""), List.of());
        } else if (a instanceof Helpline.Open open) w.say("handoff.position", Map.of("position", open.position()), List.of());
        else if (a instanceof Helpline.Closed closed) w.say("handoff.closed_until", Map.of("when", when(closed.opens())), List.of());
        else if (h.text() != null) w.say(h.text(), List.of());
        if (w.mode == Mode.BOT) w.mode = Mode.WAITING;
        w.out.add(new Output.HandoffRequested(w.topic, w.vars.get("topic_note"), w.language, urgent));
        w.steps.endDialog();
    }

    /** Before a handoff: may an adviser read this conversation? The handoff step waits for the answer. */
    private void askConsent(Dialog d, Step.Handoff h) {
        w.dialog = d.id();
        w.step = h.id();
        w.say("privacy.consent_q", List.of(Button.action(w.text("privacy.consent_yes"), Payloads.command("consent_yes")),
                Button.action(w.text("privacy.consent_no"), Payloads.command("consent_no"))));
    }

    /** Yes: the handoff goes ahead. No: the bot carries on and says how else to reach the helpline. */
    void consent(boolean yes) {
        if (!(w.pendingStep() instanceof Step.Handoff h)) {
            w.say("system.stale_button", List.of());
            w.steps.showMenu();
            return;
        }
        w.step = null;
        if (yes) {
            w.vars.put(Privacy.CONSENT, "yes");
            w.steps.runStep(w.currentDialog(), h);
        } else {
            w.say("privacy.consent_declined", w.navigation());
            w.steps.endDialog();
        }
    }

    /** Weekday, date and time in the newcomer's language, in the helpline's time zone. */
    private String when(ZonedDateTime t) {
        DateFormat f = DateFormat.getInstanceForSkeleton("EEEEdMMMMjmm", Texts.locale(w.language));
        f.setTimeZone(TimeZone.getTimeZone(t.getZone().getId()));
        return f.format(Date.from(t.toInstant()));
    }
}
