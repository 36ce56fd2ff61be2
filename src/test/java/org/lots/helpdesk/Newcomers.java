package org.lots.helpdesk;

import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;

/** What newcomers do in many tests, through the real conversation service. */
public final class Newcomers {

    private Newcomers() {}

    /**
     * Starts in {@code language}, asks for a person, says what it is about and agrees that an adviser reads the
     * conversation; the result is the turn that requested the handoff.
     */
    public static ConversationService.Result askForPerson(ConversationService conversations, Address address, String language, String topic) {
        conversations.receive(address, new Input.Command("start", language), language);
        conversations.receive(address, new Input.Command("human", null), language);
        conversations.receive(address, new Input.Text(topic), language);
        return conversations.receive(address, new Input.Payload("cmd:consent_yes"), language);
    }
}
