package org.lots.helpdesk.handoff;

import java.util.List;
import java.util.Optional;

/**
 * The repository's questions about open handoffs, answered from {@link OpenHandoffSlots} instead of a query on
 * {@code status} (which the embedded store answers by scanning every handoff).
 */
public interface OpenHandoffQueries {
    List<Handoff> findByStatusOrderByRequestedAtAsc(Handoff.Status status);

    List<Handoff> findByStatusIn(List<Handoff.Status> statuses);

    Optional<Handoff> findFirstByConversationIdAndStatusIn(String conversationId, List<Handoff.Status> statuses);
}
