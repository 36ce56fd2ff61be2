package org.lots.helpdesk.handoff;


import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.HelplineSource;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.OfficeHours;
import org.lots.helpdesk.engine.Helpline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the bot can promise a newcomer who asks for a person: their place in the queue within office hours, or when
 * the helpline opens. Preview conversations get the same answer, computed as if they were queued.
 */
@Service
class HandoffQueue implements HelplineSource {

    private static final Logger log = LoggerFactory.getLogger(HandoffQueue.class);

    private final ContentService content;
    private final HandoffRepository handoffs;
    private final Clock clock;
    private volatile Parsed parsed;

    private record Parsed(Content from, OfficeHours hours) {}

    HandoffQueue(ContentService content, HandoffRepository handoffs, Clock clock) {
        this.content = content;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Override
    public Helpline forConversation(Conversation conversation) {
        return () -> availability(conversation.getId(), clock.instant());
    }

    Helpline.Availability availability(String conversationId, Instant now) {
        OfficeHours h = officeHours();
        if (!h.isOpen(now)) {
            ZonedDateTime opens = h.nextOpening(now);
            if (opens != null) return new Helpline.Closed(opens);
        }
        return new Helpline.Open(position(conversationId));
    }

    /** 1 + the chats waiting longer; a newcomer not yet queued comes after every chat waiting now. */
    int position(String conversationId) {
        List<Handoff> waiting = handoffs.findByStatusOrderByRequestedAtAsc(Handoff.Status.WAITING);
        Handoff own = waiting.stream().filter(h -> h.getConversationId().equals(conversationId)).findFirst().orElse(null);
        return (int) waiting.stream().filter(h -> own == null || h.getRequestedAt().isBefore(own.getRequestedAt())).count() + 1;
    }

    /** The office hours of the live content; settings lint rejects are never live, but stay safe: always open. */
    OfficeHours officeHours() {
        Content c = content.current().content();
        Parsed p = parsed;
        if (p == null || p.from() != c) {
            OfficeHours h;
            try {
                h = OfficeHours.from(c.settings());
            } catch (RuntimeException e) {
                log.warn("Office hours settings unusable ({}); treating the helpline as always open", e.getMessage());
                h = OfficeHours.alwaysOpen(ZoneId.of("UTC"));
            }
            p = new Parsed(c, h);
            parsed = p;
        }
        return p.hours();
    }
}
