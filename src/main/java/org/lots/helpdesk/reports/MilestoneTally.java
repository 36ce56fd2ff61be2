package org.lots.helpdesk.reports;

import java.time.Duration;

import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffMilestone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what happens to handoffs, under the handoff's channel, language and topic and the day it happened:
 * handoffs opened (and how many were urgent), the wait until an adviser first wrote (in {@link #bucket minute
 * buckets}), outcomes (on closing and as follow-ups) and the newcomers' ratings.
 */
@Component
class MilestoneTally {

    static final String WAIT = "wait:", OUTCOME = "outcome:";

    private final ReportCounts counts;

    MilestoneTally(ReportCounts counts) {
        this.counts = counts;
    }

    @EventListener
    void on(HandoffMilestone m) {
        Handoff h = m.handoff();
        ReportCounts.Key key = new ReportCounts.Key(counts.day(m.at()).toString(), h.getChannel(),
                h.getLanguage() == null ? ReportCounts.NONE : h.getLanguage(), h.getTopic() == null ? ReportCounts.NONE : h.getTopic());
        switch (m.kind()) {
            case OPENED -> {
                counts.add(key, "handoffs", 1);
                if (h.isUrgent()) counts.add(key, "urgent", 1);
            }
            case FIRST_REPLY -> counts.add(key, WAIT + bucket(Duration.between(h.getRequestedAt(), m.at())), 1);
            case OUTCOME -> counts.add(key, OUTCOME + m.outcome(), 1);
            case RATED -> {
                counts.add(key, "satisfactionCount", 1);
                counts.add(key, "satisfactionSum", m.score());
            }
        }
    }

    /**
     * A wait in whole minutes, coarser as it grows (to the minute up to two hours, to the quarter hour up to a day,
     * to the hour after that): enough for a median, and no exact times kept.
     */
    static long bucket(Duration waited) {
        long minutes = Math.max(0, Math.round(waited.toSeconds() / 60.0));
        if (minutes <= 120) return minutes;
        if (minutes <= 1440) return Math.round(minutes / 15.0) * 15;
        return Math.round(minutes / 60.0) * 60;
    }
}
