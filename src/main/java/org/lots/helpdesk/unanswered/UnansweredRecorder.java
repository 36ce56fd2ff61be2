package org.lots.helpdesk.unanswered;

import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class UnansweredRecorder {
    private final UnansweredRepository unanswered;

    UnansweredRecorder(UnansweredRepository unanswered) {
        this.unanswered = unanswered;
    }

    @EventListener
    void on(ConversationEvent event) {
        if (event.output() instanceof Output.ForgetRequested) {
            unanswered.deleteByConversationId(event.conversationId());
            return;
        }
        if (event.preview() || !(event.output() instanceof Output.Unanswered u)) return;
        String text = u.text().length() > 2000 ? u.text().substring(0, 2000) : u.text();
        unanswered.insert(new UnansweredQuestion(null, event.conversationId(), text, u.language(),
                u.reason().name().toLowerCase(), u.dialog(), u.step(), event.at()));
    }
}
