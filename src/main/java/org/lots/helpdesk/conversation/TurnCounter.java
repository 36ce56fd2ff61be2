package org.lots.helpdesk.conversation;

import java.time.Instant;

import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Turn;

/**
 * Counts a turn for reports (implemented by the reports module). Called before the conversation is saved: the
 * session marks it returns go into the same versioned write, and its counts are taken only after that write
 * succeeded, so that a turn retried after a concurrent update counts once.
 */
public interface TurnCounter {

    /** @param c the conversation as it was before this turn */
    Counted count(Conversation c, Input input, Turn turn, Instant now);

    record Counted(CountedSession session, Runnable afterSave) {
        public static Counted unchanged(Conversation c) {
            return new Counted(c.getCounted(), () -> {});
        }
    }
}
