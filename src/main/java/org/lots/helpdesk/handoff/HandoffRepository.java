package org.lots.helpdesk.handoff;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Handoffs; the questions about open ones are answered by {@link OpenHandoffQueriesImpl}. */
public interface HandoffRepository extends MongoRepository<Handoff, String>, OpenHandoffQueries {
    List<Handoff> findTop100ByStatusOrderByClosedAtDesc(Handoff.Status status);

    void deleteByConversationId(String conversationId);
}
