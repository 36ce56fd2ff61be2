package org.lots.helpdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;

/** Newcomers on the fake channel "test" of {@link TestChannel}, talking through the real ConversationService. */
public final class Newcomers {

    private final ConversationService conversations;
    private final HandoffRepository handoffs;

    public Newcomers(ConversationService conversations, HandoffRepository handoffs) {
        this.conversations = conversations;
        this.handoffs = handoffs;
    }

    public ConversationService.Result send(String address, Input input, String languageHint) {
        return conversations.receive(new Address(TestChannel.NAME, address), input, languageHint);
    }

    /**
     * A newcomer starts in {@code language}, asks for a person (/human), says what it is about and agrees that an
     * adviser reads the conversation; returns the id of the handoff now waiting for an adviser.
     */
    public String escalate(String address, String language, String topic) {
        ConversationService.Result r = askForPerson(conversations, new Address(TestChannel.NAME, address), language, topic);
        assertTrue(r.turn().outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance), r.turn().toString());
        return handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING))
                .orElseThrow().getId();
    }

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
