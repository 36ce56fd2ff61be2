package org.lots.helpdesk.channel.webchat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lots.helpdesk.engine.Input;

/** What the widget sent, as the engine's input: the commands every channel knows, a button, or words. */
final class WebchatInput {
    private WebchatInput() {}

    static final Set<String> COMMANDS = Set.of("start", "menu", "language", "human", "help", "privacy", "mydata",
            "forget", "stop", "restart");
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z]{1,32})(?:\\s+(\\S{1,64}))?\\s*$");

    static Input of(String text, String payload) {
        if (payload != null) return new Input.Payload(payload);
        Matcher c = COMMAND.matcher(text.strip());
        if (c.matches() && COMMANDS.contains(c.group(1).toLowerCase(Locale.ROOT))) {
            return new Input.Command(c.group(1).toLowerCase(Locale.ROOT), c.group(2));
        }
        return new Input.Text(text);
    }
}
