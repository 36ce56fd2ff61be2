package org.lots.helpdesk.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Telegram carries at most 64 bytes of callback_data per button. Longer payloads are kept here and the button
 * carries {@code ~t<token>} instead. Tokens outlive the messages that show them for a good while (old buttons
 * can be pressed weeks later); an expired one reads as a stale button.
 */
@Component
@ConditionalOnTelegram
class CallbackTokens {

    static final String COLLECTION = "telegram_callbacks";
    static final int MAX_CALLBACK_BYTES = 64;
    /** Reserved prefix: a button whose data starts with it is ours, not an engine payload. */
    static final String PREFIX = "~";
    static final String TOKEN_PREFIX = "~t";
    /** A pressed button shown as "✓ label" carries this: pressing it again does nothing. */
    static final String DONE = "~done";
    static final Duration KEEP = Duration.ofDays(90);

    record CallbackToken(@Id String id, String payload, Instant createdAt) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CallbackTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The callback_data for a payload: the payload itself when it fits, else a stored token. */
    String callbackData(String payload) {
        if (fits(payload)) return payload;
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        mongo.insert(new CallbackToken(token, payload, Instant.now(clock)), COLLECTION);
        return TOKEN_PREFIX + token;
    }

    static boolean fits(String payload) {
        return !payload.startsWith(PREFIX) && payload.getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_BYTES;
    }

    /** The payload a token stands for; empty when it expired or never existed. */
    Optional<String> resolve(String token) {
        CallbackToken t = mongo.findById(token, CallbackToken.class, COLLECTION);
        return Optional.ofNullable(t == null ? null : t.payload());
    }

    /** The embedded store does not expire TTL indexes, so old tokens are purged by hand (works on MongoDB too). */
    void purge() {
        mongo.remove(Query.query(Criteria.where("createdAt").lt(Instant.now(clock).minus(KEEP))), COLLECTION);
    }
}
