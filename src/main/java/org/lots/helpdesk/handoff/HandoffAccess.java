package org.lots.helpdesk.handoff;

import org.lots.helpdesk.handoff.HandoffService.Actor;
import org.springframework.stereotype.Component;

/**
 * Which chats an adviser may see (CONTRACT section 6): waiting chats, and the chats they have or had. Admins see
 * every chat. Someone else's chat reads as missing (404), so that ids of other people's chats reveal nothing.
 */
@Component
class HandoffAccess {

    boolean visible(Handoff h, Actor actor) {
        return actor.admin() || h.getStatus() == Handoff.Status.WAITING || actor.username().equals(h.getAdviser())
                || h.getHolders().contains(actor.username());
    }

    /** Notes: on a waiting chat, on one the actor has now, or on a closed one they had; never into another's open chat. */
    boolean writable(Handoff h, Actor actor) {
        return actor.admin() || h.getStatus() == Handoff.Status.WAITING || actor.username().equals(h.getAdviser())
                || (h.getStatus() == Handoff.Status.CLOSED && h.getHolders().contains(actor.username()));
    }

    /** The handoff, if the actor may see it; otherwise the same refusal as for an id that does not exist. */
    Handoff require(Handoff h, Actor actor) {
        if (!visible(h, actor)) throw new HandoffService.Refusal(404, "no handoff " + h.getId());
        return h;
    }
}
