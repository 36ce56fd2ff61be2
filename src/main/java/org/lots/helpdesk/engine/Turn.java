package org.lots.helpdesk.engine;

import java.util.List;

/** The engine's answer to one input: the new state, what to do, and why. */
public record Turn(ConversationState state, List<Output> outputs, Trace trace) {

    public List<Output.Reply> replies() {
        return outputs.stream().filter(Output.Reply.class::isInstance).map(Output.Reply.class::cast).toList();
    }
}
