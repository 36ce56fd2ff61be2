package org.lots.helpdesk.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.CountedSession;
import org.lots.helpdesk.conversation.TurnCounter;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Turn;
import org.springframework.stereotype.Component;

/**
 * Counts what a newcomer's turn adds to the reports (docs/reports.md says what each number means):
 * <ul>
 * <li>a conversation is a session: the newcomer's messages without a pause longer than
 *     {@code helpdesk.reports.conversation-gap}; it is counted on the day it began, under its latest language, once;</li>
 * <li>a newcomer is counted with their first conversation (a Telegram chat, a web chat token);</li>
 * <li>messages are what the newcomer wrote, pressed or sent (not commands such as /start), under the topic the
 *     conversation is in after them; fallbacks and clarifications likewise;</li>
 * <li>a conversation reached a topic when the bot took it into a content topic ({@code area.topic}); it counts as
 *     answered by the bot when it reached one and no person was asked for in it.</li>
 * </ul>
 * Preview conversations and adviser events are never counted.
 */
@Component
class TurnTally implements TurnCounter {

    private final ReportCounts counts;
    private final ReportsProperties properties;

    TurnTally(ReportCounts counts, ReportsProperties properties) {
        this.counts = counts;
        this.properties = properties;
    }

    private record Increment(ReportCounts.Key key, String field, long n) {}

    @Override
    public Counted count(Conversation c, Input input, Turn turn, Instant now) {
        if (c.isPreview() || input instanceof Input.Event) return Counted.unchanged(c);
        List<Increment> adds = new ArrayList<>();
        String channel = c.getChannel();
        String day = counts.day(now).toString();
        String language = turn.state().language() == null ? ReportCounts.NONE : turn.state().language();
        CountedSession s = c.getCounted();
        boolean fresh = s == null || c.getUpdatedAt() == null
                || Duration.between(c.getUpdatedAt(), now).compareTo(properties.conversationGap()) > 0;
        String sessionDay, sessionLanguage, topic;
        List<String> topics;
        boolean newcomer, answered, handoff;
        if (fresh) {
            sessionDay = day;
            sessionLanguage = language;
            topic = null;
            topics = new ArrayList<>();
            newcomer = s == null;
            answered = false;
            handoff = false;
            ReportCounts.Key at = new ReportCounts.Key(sessionDay, channel, sessionLanguage, ReportCounts.SESSION);
            adds.add(new Increment(at, "conversations", 1));
            if (newcomer) adds.add(new Increment(at, "newcomers", 1));
        } else {
            sessionDay = s.day();
            sessionLanguage = s.language();
            topic = s.topic();
            topics = new ArrayList<>(s.topics() == null ? List.of() : s.topics());
            newcomer = s.newcomer();
            answered = s.answered();
            handoff = s.handoff();
            if (!language.equals(ReportCounts.NONE) && !language.equals(sessionLanguage)) {
                // The session counts under the language it ended in: move what it counted so far.
                ReportCounts.Key from = new ReportCounts.Key(sessionDay, channel, sessionLanguage, ReportCounts.SESSION);
                ReportCounts.Key to = new ReportCounts.Key(sessionDay, channel, language, ReportCounts.SESSION);
                move(adds, from, to, "conversations");
                if (newcomer) move(adds, from, to, "newcomers");
                if (answered) move(adds, from, to, "answered");
                sessionLanguage = language;
            }
        }
        ReportCounts.Key session = new ReportCounts.Key(sessionDay, channel, sessionLanguage, ReportCounts.SESSION);

        String reached = reachedTopic(c, turn);
        if (reached != null) {
            topic = reached;
            if (!topics.contains(reached)) {
                topics.add(reached);
                adds.add(new Increment(new ReportCounts.Key(sessionDay, channel, language, reached), Figures.REACHED, 1));
            }
            if (!handoff && !answered) {
                answered = true;
                adds.add(new Increment(session, "answered", 1));
            }
        }
        if (turn.outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance) && !handoff) {
            handoff = true;
            if (answered) {
                answered = false;
                adds.add(new Increment(session, "answered", -1));
            }
        }
        ReportCounts.Key here = new ReportCounts.Key(day, channel, language, topic == null ? ReportCounts.NONE : topic);
        if (input instanceof Input.Text || input instanceof Input.Payload || input instanceof Input.Media) {
            adds.add(new Increment(here, "messages", 1));
        }
        for (Output o : turn.outputs()) {
            if (o instanceof Output.Unanswered u && u.reason() == Output.Unanswered.Reason.FALLBACK) adds.add(new Increment(here, "fallbacks", 1));
            if (o instanceof Output.Unanswered u && u.reason() == Output.Unanswered.Reason.CLARIFY) adds.add(new Increment(here, "clarifications", 1));
        }
        CountedSession next = new CountedSession(fresh ? now.toString() : s.since(), sessionDay, sessionLanguage, topic,
                List.copyOf(topics), newcomer, answered, handoff);
        return new Counted(next, () -> adds.forEach(a -> counts.add(a.key(), a.field(), a.n())));
    }

    private static void move(List<Increment> adds, ReportCounts.Key from, ReportCounts.Key to, String field) {
        adds.add(new Increment(from, field, -1));
        adds.add(new Increment(to, field, 1));
    }

    /**
     * The content topic this turn took the newcomer into: the conversation's topic changed, or the bot answered
     * within it again (its dialog or a sub-dialog). Null otherwise.
     */
    private static String reachedTopic(Conversation c, Turn turn) {
        String topic = turn.state().topic();
        if (topic == null) return null;
        String before = c.getState() == null ? null : c.getState().topic();
        String dialog = turn.trace() == null ? null : turn.trace().dialog();
        boolean within = dialog != null && (dialog.equals(topic) || dialog.startsWith(topic + "."));
        return !topic.equals(before) || within ? topic : null;
    }
}
