package org.lots.helpdesk.handoff;

import java.util.List;

import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records a handoff request once per conversation until it is closed; preview conversations never reach advisers. */
@Component
class HandoffRecorder {
    private final HandoffRepository handoffs;

    HandoffRecorder(HandoffRepository handoffs) {
        this.handoffs = handoffs;
    }

    @EventListener
    void on(ConversationEvent event) {
        if (event.output() instanceof Output.ForgetRequested) {
            handoffs.deleteByConversationId(event.conversationId());
            return;
        }
        if (event.preview() || !(event.output() instanceof Output.HandoffRequested request)) return;
        boolean open = handoffs.findFirstByConversationIdAndStatusIn(event.conversationId(),
                List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED)).isPresent();
        if (!open) {
            handoffs.insert(new Handoff(event.conversationId(), event.channel(), request.language(), request.topic(),
                    request.note(), event.at()));
        }
    }
}
