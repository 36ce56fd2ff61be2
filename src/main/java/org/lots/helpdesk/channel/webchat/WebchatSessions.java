package org.lots.helpdesk.channel.webchat;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues and checks web chat tokens (256 random bits; only their hash is stored), numbers and keeps the messages
 * pushed to widgets, and deletes both when the conversation is forgotten (by {@code /forget}, DELETE, or anything
 * else that publishes {@link Output.ForgetRequested}).
 */
@Component
class WebchatSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;
    /**
     * Token hashes seen lately, by conversation: a conversation's token never changes, so a message need not read its
     * session again (a store read per message, ~4 % of its CPU). Safe across instances: a session is only removed
     * with its conversation, which every caller reads after this check (a forgotten conversation is gone either way).
     */
    private final java.util.Map<String, String> knownHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 10_000;

    WebchatSessions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new token for the conversation; the caller gives it to the newcomer once, it is never stored. */
    String issue(String conversationId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        mongo.insert(new WebchatSession(conversationId, hash(token), clock.instant(), 0));
        return token;
    }

    /** True when {@code token} opens conversation {@code conversationId} (compared in constant time). */
    boolean opens(String conversationId, String token) {
        if (conversationId == null || token == null || token.isEmpty() || token.length() > 100) return false;
        String known = knownHashes.get(conversationId);
        if (known == null) {
            WebchatSession s = mongo.findById(conversationId, WebchatSession.class);
            if (s == null) return false;
            known = s.tokenHash();
            if (knownHashes.size() >= KNOWN_MAX) knownHashes.clear(); // bounded; the next message reads again
            knownHashes.put(conversationId, known);
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII), known.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token no longer opens anything. */
    void revoke(String conversationId) {
        knownHashes.remove(conversationId);
        mongo.remove(query(where("_id").is(conversationId)), WebchatSession.class);
        mongo.remove(query(where("conversationId").is(conversationId)), WebchatPush.class);
    }

    /** Keeps a pushed message under the conversation's next event id; empty if the session is gone. */
    Optional<WebchatPush> push(String conversationId, String from, String text, List<Output.Button> buttons) {
        WebchatSession s = mongo.findAndModify(query(where("_id").is(conversationId)), new Update().inc("pushed", 1),
                FindAndModifyOptions.options().returnNew(true), WebchatSession.class);
        if (s == null) return Optional.empty();
        return Optional.of(mongo.insert(new WebchatPush(null, conversationId, s.pushed(), from, text, buttons, clock.instant())));
    }

    /** What was pushed after event id {@code after}, in order. */
    List<WebchatPush> pushedAfter(String conversationId, long after) {
        return mongo.find(query(where("conversationId").is(conversationId).and("seq").gt(after))
                .with(Sort.by("seq")).limit(500), WebchatPush.class);
    }

    /** The last event id so far (0 when nothing was pushed). */
    long lastPushed(String conversationId) {
        WebchatSession s = mongo.findById(conversationId, WebchatSession.class);
        return s == null ? 0 : s.pushed();
    }

    void purgeBefore(java.time.Instant cutoff) {
        mongo.remove(query(where("at").lt(cutoff)), WebchatPush.class);
    }

    @EventListener
    void on(ConversationEvent event) {
        if (event.output() instanceof Output.ForgetRequested) revoke(event.conversationId());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
