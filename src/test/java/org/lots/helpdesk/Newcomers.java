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
     * A newcomer starts in {@code language}, asks for a person (/human) and says what it is about; returns the id of
     * the handoff now waiting for an adviser.
     */
    public String escalate(String address, String language, String topic) {
        send(address, new Input.Command("start", language), language);
        send(address, new Input.Command("human", null), language);
        ConversationService.Result r = send(address, new Input.Text(topic), language);
        assertTrue(r.turn().outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance), r.turn().toString());
        return handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING))
                .orElseThrow().getId();
    }
}
