package org.lots.helpdesk.unanswered;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface UnansweredRepository extends MongoRepository<UnansweredQuestion, String> {
    void deleteByConversationId(String conversationId);

    java.util.List<UnansweredQuestion> findByAtAfter(java.time.Instant since, org.springframework.data.domain.Sort sort);
}
