package org.lots.helpdesk.conversation;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TranscriptRepository extends MongoRepository<TranscriptEntry, String> {
    List<TranscriptEntry> findByConversationIdOrderByAtAscSequenceAsc(String conversationId);

    void deleteByConversationId(String conversationId);
}
