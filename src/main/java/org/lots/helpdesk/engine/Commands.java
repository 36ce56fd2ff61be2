package org.lots.helpdesk.engine;

import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.engine.ConversationState.Mode;
import org.lots.helpdesk.engine.Output.Button;

/** The commands a newcomer can type or press on every channel ({@code /start}, {@code /menu}, {@code /forget}, ...). */
final class Commands {

    private final TurnContext w;

    Commands(TurnContext w) {
        this.w = w;
    }

    void command(String name, String argument) {
        switch (name == null ? "" : name) {
            case "start" -> {
                w.reset();
                if (argument != null && w.content.languages().contains(argument)) {
                    w.language = argument;
                    w.confirmed = true;
                }
                if (argument != null && w.content.dialog(argument).isPresent() && !argument.equals(Content.WELCOME)) {
                    w.steps.startDialog(argument, true);
                } else {
                    w.steps.startDialog(Content.WELCOME, true);
                }
            }
            case "restart" -> {
                w.reset();
                w.say("system.restarted", List.of());
                w.steps.startDialog(Content.WELCOME, true);
            }
            case "menu" -> w.steps.showMenu();
            case "help" -> {
                w.say("system.help", List.of());
                w.steps.showMenu();
            }
            case "language" -> w.languages.languageMenu("system.language_menu");
            case "human" -> {
                // An adviser already has the chat: they see the request instead of a second handoff.
                if (w.mode == Mode.HUMAN) w.out.add(new Output.ForAdviser("/human"));
                else w.steps.startDialog(Content.HANDOFF, true);
            }
            case "forget" -> w.say("system.forget_confirm", List.of(
                    Button.action(w.text("system.forget_yes"), Payloads.command("forget_yes")),
                    Button.action(w.text("system.forget_no"), Payloads.command("forget_no"))));
            case "forget_yes" -> {
                w.reset();
                w.mode = Mode.BOT;
                w.topic = null;
                w.out.add(new Output.ForgetRequested());
                w.say("system.forgotten", List.of());
            }
            case "forget_no" -> w.say("system.forget_kept", w.navigation());
            case "privacy" -> w.say("privacy.notice", w.privacy.retentionArgs(w.k.texts(), w.language), w.navigation());
            case "mydata" -> {
                StoredData.Summary s = w.stored.summary();
                String languageName = w.content.catalogue().names().getOrDefault(w.language, w.language);
                if (s == null || s.messages() == 0) w.say("privacy.mydata_none", Map.of("language", languageName), w.navigation());
                else w.say("privacy.mydata", w.privacy.summaryArgs(s, w.language, languageName), w.navigation());
            }
            case "consent_yes", "consent_no" -> w.handoffs.consent(name.equals("consent_yes"));
            case "stop" -> {
                w.out.add(new Output.Stopped());
                w.say("system.stopped", List.of());
            }
            default -> {
                w.say("system.stale_button", List.of());
                w.steps.showMenu();
            }
        }
    }

    /** An answer to the satisfaction question (a button, or the number typed); later presses count too. */
    void rate(int score) {
        w.out.add(new Output.SatisfactionGiven(score));
        if (Engine.SATISFACTION.equals(w.dialog)) w.dialog = null;
        w.step = null;
        w.say("handoff.satisfaction_thanks", w.navigation());
    }
}
