package org.lots.helpdesk.handoff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HandoffRepository extends MongoRepository<Handoff, String> {
    List<Handoff> findByStatusOrderByRequestedAtAsc(Handoff.Status status);

    List<Handoff> findByStatusIn(List<Handoff.Status> statuses);

    List<Handoff> findTop100ByStatusOrderByClosedAtDesc(Handoff.Status status);

    void deleteByConversationId(String conversationId);

    Optional<Handoff> findFirstByConversationIdAndStatusIn(String conversationId, List<Handoff.Status> statuses);
}
