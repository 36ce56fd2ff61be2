package org.lots.helpdesk.handoff;

import java.time.Instant;

/**
 * Published (as a Spring application event) at the moments reports count: a handoff opened, an adviser's first
 * reply, an outcome recorded (on closing or as a follow-up), the newcomer's rating stored. Carries the handoff as it
 * is then; listeners keep only content-free counts (the reports module).
 *
 * @param outcome the outcome id ({@link Kind#OUTCOME}), else null
 * @param score   the rating 1..5 ({@link Kind#RATED}), else null
 */
public record HandoffMilestone(Kind kind, Handoff handoff, String outcome, Integer score, Instant at) {

    public enum Kind { OPENED, FIRST_REPLY, OUTCOME, RATED }

    static HandoffMilestone opened(Handoff h) {
        return new HandoffMilestone(Kind.OPENED, h, null, null, h.getRequestedAt());
    }

    static HandoffMilestone firstReply(Handoff h, Instant at) {
        return new HandoffMilestone(Kind.FIRST_REPLY, h, null, null, at);
    }

    static HandoffMilestone outcome(Handoff h, String outcome, Instant at) {
        return new HandoffMilestone(Kind.OUTCOME, h, outcome, null, at);
    }

    static HandoffMilestone rated(Handoff h, int score, Instant at) {
        return new HandoffMilestone(Kind.RATED, h, null, score, at);
    }
}
