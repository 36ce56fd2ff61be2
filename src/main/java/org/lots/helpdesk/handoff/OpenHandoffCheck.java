package org.lots.helpdesk.handoff;

import java.util.List;

import org.lots.helpdesk.conversation.OpenHandoffs;
import org.springframework.stereotype.Component;

/** Answers the conversation layer's {@link OpenHandoffs} port from the handoffs collection. */
@Component
class OpenHandoffCheck implements OpenHandoffs {

    private final HandoffRepository handoffs;

    OpenHandoffCheck(HandoffRepository handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public boolean open(String conversationId) {
        return handoffs.findFirstByConversationIdAndStatusIn(conversationId, List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED)).isPresent();
    }
}
