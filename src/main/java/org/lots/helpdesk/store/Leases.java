package org.lots.helpdesk.store;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases in the store: whoever holds the lease {@code name} is the one instance doing that work (polling Telegram,
 * handling one chat) until the lease runs out. Taking or renewing is one {@code findAndModify} that matches only
 * a free, expired or own lease; when another instance holds it, the upsert meets the unique {@code _id} and fails.
 * No clustering library: MongoDB's single-document atomicity is the whole mechanism, on the embedded server too.
 * <p>
 * Times are the wall clock, not the application's clock (tests move that one): instances compare each other's
 * expiry times, so their clocks must agree to well within a lease (NTP does that).
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";

    record Lease(String id, String owner, Instant until) {}

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();
    /** This instance; a restarted one is another owner, so a lease of its past life runs out as for any dead one. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID().toString().substring(0, 8);

    public Leases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Who this instance is in lease documents (host and process id, and a random part). */
    public String owner() {
        return owner;
    }

    /** Takes or renews the lease for {@code ttl}; false while another instance holds it. */
    public boolean acquire(String name, Duration ttl) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(name)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(now)));
        try {
            Lease held = mongo.findAndModify(free, new Update().set("owner", owner).set("until", now.plus(ttl)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Lease.class, COLLECTION);
            return held != null && owner.equals(held.owner());
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Gives the lease up (only if this instance holds it), so that another may take it at once. */
    public void release(String name) {
        mongo.remove(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION);
    }

    /** The holder of a live lease, or null. */
    public String holder(String name) {
        Lease l = mongo.findOne(Query.query(Criteria.where("_id").is(name).and("until").gte(clock.instant())), Lease.class, COLLECTION);
        return l == null ? null : l.owner();
    }
}
