package org.lots.helpdesk.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anyone out. Failed logins are counted under three keys: the
 * account from one client ({@code pair:NAME|ADDRESS}), the client ({@code client:ADDRESS}) and the account
 * ({@code account:NAME}, existing users only). Past each key's free failures, the next attempt must wait, twice
 * as long after each further failure. An attempt that comes too soon is refused without checking the password
 * and counts nothing, so hammering does not make the wait longer.
 * <p>
 * The account-wide wait is what a guesser can inflict on the account's owner at another address, and the client's
 * wait what one can inflict on others behind the same address: both are capped at
 * {@link LoginProperties#accountMaxDelay()} (at most a minute), and after each such wait the key gets as long again
 * in which it blocks no one. So the right password gets in within a minute, however many guesses come from
 * elsewhere; only the guesser's own waits (one account from one address) grow longer.
 * <p>
 * Counted in the store with atomic updates, so that guesses spread over several instances add up; records are
 * forgotten after {@link LoginProperties#forgetAfter()}, and at most {@link LoginProperties#maxEntries()} are kept.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final String COLLECTION = "login_throttle";

    /**
     * @param notBefore  no attempt under this key is checked before then
     * @param graceUntil client and account keys: no new wait starts before then
     */
    @Document(COLLECTION)
    record Entry(@Id String key, int failures, Instant notBefore, Instant graceUntil, Instant updatedAt) {}

    private final MongoTemplate mongo;
    private final UserRepository users;
    private final LoginProperties properties;
    private final Clock clock;
    /** Purged along with failures: no failures, nothing to purge. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private volatile Instant lastPurge = Instant.EPOCH;

    LoginThrottle(MongoTemplate mongo, UserRepository users, LoginProperties properties, Clock clock) {
        this.mongo = mongo;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    static String accountKey(String username) {
        return "account:" + username;
    }

    static String pairKey(String username, String client) {
        return "pair:" + username + "|" + client;
    }

    static String clientKey(String client) {
        return "client:" + client;
    }

    /** Every key about this user (a regular expression on {@code _id}): what an operator's unlock clears. */
    public static String userKeys(String username) {
        return "^(account:" + Pattern.quote(username) + "$|pair:" + Pattern.quote(username) + "\\|)";
    }

    /** How long this client must wait before a password for this user is checked; zero when it may try now. */
    public Duration wait(String username, String client) {
        Instant now = clock.instant();
        Instant until = now;
        List<Entry> entries = mongo.find(query(where("_id").in(pairKey(username, client), clientKey(client), accountKey(username))), Entry.class);
        for (Entry e : entries) {
            if (e.notBefore() != null && e.notBefore().isAfter(until) && !stale(e, now)) until = e.notBefore();
        }
        return Duration.between(now, until);
    }

    /** Until when the account as a whole waits, or null (for the admin's user list). */
    public Instant accountWaitsUntil(String username) {
        Entry e = mongo.findById(accountKey(username), Entry.class);
        Instant now = clock.instant();
        return e != null && e.notBefore() != null && e.notBefore().isAfter(now) ? e.notBefore() : null;
    }

    /** The operator's or admin's break-glass: forgets every failure counted for this user. */
    public void clear(String username) {
        mongo.remove(query(where("_id").regex(userKeys(username))), Entry.class);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        String client = client(event.getAuthentication());
        if (username == null || username.length() > 64) username = "?";
        Instant now = clock.instant();
        count(pairKey(username, client), properties.freeFailures(), properties.maxDelay(), false, now);
        // Many people may share an address (a school, a proxy): its wait is capped like the account's.
        count(clientKey(client), properties.clientFreeFailures(), properties.accountMaxDelay(), true, now);
        // Only existing users: made-up names must not fill the store.
        if (users.existsById(username)) {
            Duration wait = count(accountKey(username), properties.accountFreeFailures(), properties.accountMaxDelay(), true, now);
            if (!(wait.isZero() || wait.isNegative())) log.warn("User '{}': many failed logins; the account waits {} s", username, wait.toSeconds());
        }
        if (lastPurge.plus(PURGE_EVERY).isBefore(now)) {
            lastPurge = now;
            purge();
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null) return;
        // The client's own count stays: logging in to one's own account must not reset guessing at others'.
        // HTTP Basic succeeds on every API call: a read, and a write only when there is something to forget.
        Query mine = query(where("_id").in(pairKey(username, client(event.getAuthentication())), accountKey(username)));
        if (mongo.exists(mine, Entry.class)) mongo.remove(mine, Entry.class);
    }

    /**
     * Counts one failure under a key; returns the wait it starts (zero when none). With {@code grace}, each wait is
     * followed by as long again in which the key starts no new wait: a key others share is never closed for good.
     */
    private Duration count(String key, int free, Duration cap, boolean grace, Instant now) {
        Entry before = mongo.findById(key, Entry.class);
        if (before != null && stale(before, now)) {
            mongo.remove(query(where("_id").is(key).and("updatedAt").is(before.updatedAt())), Entry.class);
        }
        Entry e = mongo.findAndModify(query(where("_id").is(key)), new Update().inc("failures", 1).set("updatedAt", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Entry.class);
        if (e == null || e.failures() < free) return Duration.ZERO;
        if (grace && e.graceUntil() != null && now.isBefore(e.graceUntil())) return Duration.ZERO;
        Duration wait = delay(e.failures() - free + 1, cap);
        Update u = new Update().set("notBefore", now.plus(wait));
        if (grace) u.set("graceUntil", now.plus(wait).plus(cap));
        mongo.updateFirst(query(where("_id").is(key)), u, Entry.class);
        return wait;
    }

    /** The n-th wait (after the free failures' last one): firstDelay, doubled each time, at most cap. */
    Duration delay(int n, Duration cap) {
        long ms = properties.firstDelay().toMillis() << Math.min(30, n - 1);
        return Duration.ofMillis(Math.min(ms, cap.toMillis()));
    }

    private boolean stale(Entry e, Instant now) {
        return e.updatedAt() != null && e.updatedAt().plus(properties.forgetAfter()).isBefore(now)
                && (e.notBefore() == null || e.notBefore().isBefore(now));
    }

    /** Forgets old records, and the oldest ones beyond the cap, so that a flood of addresses cannot fill the store. */
    void purge() {
        try {
            Instant now = clock.instant();
            mongo.remove(query(where("updatedAt").lt(now.minus(properties.forgetAfter()))
                    .orOperator(where("notBefore").exists(false), where("notBefore").lt(now))), Entry.class);
            long over = mongo.count(new Query(), Entry.class) - properties.maxEntries();
            if (over > 0) {
                Query oldest = new Query().with(Sort.by("updatedAt")).limit((int) Math.min(over, 10_000));
                oldest.fields().include("_id");
                List<String> ids = mongo.find(oldest, Entry.class).stream().map(Entry::key).toList();
                mongo.remove(query(where("_id").in(ids)), Entry.class);
            }
        } catch (RuntimeException e) {
            log.warn("Login throttle purge failed: {}", e.getClass().getSimpleName());
        }
    }

    static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
    }
}
