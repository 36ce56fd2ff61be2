package org.lots.helpdesk.conversation;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ConversationRepository extends MongoRepository<Conversation, String> {
    Optional<Conversation> findByChannelAndAddress(String channel, String address);
}
