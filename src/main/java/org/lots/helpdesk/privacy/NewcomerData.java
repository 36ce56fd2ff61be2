package org.lots.helpdesk.privacy;

import org.lots.helpdesk.conversation.ConversationService;
import org.springframework.stereotype.Service;

/**
 * Everything stored about one newcomer, as one thing: the single way to delete it (the newcomer's /forget, the web
 * chat's {@code DELETE}, the retention purge) and to summarise it for {@code /mydata}. Deleting removes the
 * conversation and its transcript; every module that keeps something about a conversation (handoffs with notes,
 * files and translations, unanswered questions, the Telegram chat state, outbox and update log) deletes its part on
 * the events this publishes, in the same call.
 */
@Service
public class NewcomerData {

    private final ConversationService conversations;

    NewcomerData(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** Deletes every trace of the conversation. False when there was none (already deleted, or a wrong id). */
    public boolean forget(String conversationId) {
        return conversationId != null && conversations.forget(conversationId);
    }
}
