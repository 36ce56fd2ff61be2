package org.lots.helpdesk.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a username after repeated wrong passwords. Counted in the store with atomic updates, so that guesses spread
 * over several instances add up. Only existing users are counted (no documents for made-up names).
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
public class LoginLockout {

    private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);

    /** @param since when the current run of failures began; older runs start again from zero */
    @Document("login_failures")
    record Failures(@Id String username, int failures, Instant since, Instant lockedUntil) {}

    private final MongoTemplate mongo;
    private final UserRepository users;
    private final LoginProperties properties;
    private final Clock clock;

    LoginLockout(MongoTemplate mongo, UserRepository users, LoginProperties properties, Clock clock) {
        this.mongo = mongo;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Failures f = mongo.findById(username, Failures.class);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(clock.instant());
    }

    /** Until when the user is locked, or null. */
    public Instant lockedUntil(String username) {
        Failures f = mongo.findById(username, Failures.class);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(clock.instant()) ? f.lockedUntil() : null;
    }

    public void unlock(String username) {
        mongo.remove(query(where("_id").is(username)), Failures.class);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.length() > 64 || !users.existsById(username)) return;
        Instant now = clock.instant();
        Failures before = mongo.findById(username, Failures.class);
        if (before != null && before.since() != null && before.since().plus(properties.lockFor()).isBefore(now)
                && (before.lockedUntil() == null || !before.lockedUntil().isAfter(now))) {
            // A run of failures long ago does not count towards a new lock.
            mongo.remove(query(where("_id").is(username).and("since").is(before.since())), Failures.class);
        }
        Failures f = mongo.findAndModify(query(where("_id").is(username)),
                new Update().inc("failures", 1).setOnInsert("since", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Failures.class);
        if (f != null && f.failures() >= properties.maxFailures()) {
            mongo.updateFirst(query(where("_id").is(username)),
                    new Update().set("failures", 0).set("since", now).set("lockedUntil", now.plus(properties.lockFor())), Failures.class);
            log.warn("User '{}' locked for {} after {} failed logins", username, properties.lockFor(), f.failures());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        // A locked account cannot succeed (the lock is checked before the password), so this never lifts a lock.
        if (username != null) mongo.remove(query(where("_id").is(username)), Failures.class);
    }
}
