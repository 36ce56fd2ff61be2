package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which advisers are online: their console is connected or they used the adviser API recently. Kept in the store,
 * so that every instance sees advisers connected to any other.
 */
@Component
public class Presence {

    /** Writes for one adviser at most this often from one instance; the online window is minutes long. */
    private static final Duration THROTTLE = Duration.ofSeconds(20);

    @Document("presence")
    record Mark(@Id String username, Instant lastSeen) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HandoffProperties properties;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    Presence(MongoTemplate mongo, Clock clock, HandoffProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    public void seen(String username) {
        if (username == null) return;
        Instant now = clock.instant();
        Instant last = written.get(username);
        if (last != null && !now.isBefore(last) && Duration.between(last, now).compareTo(THROTTLE) < 0) return;
        if (written.size() > 10_000) written.clear(); // only a cache of recent writes; users are far fewer
        written.put(username, now);
        mongo.upsert(query(where("_id").is(username)), Update.update("lastSeen", now), Mark.class);
    }

    /** Usernames seen within the online window. */
    public Set<String> online() {
        Instant since = clock.instant().minus(properties.onlineWindow());
        return mongo.find(query(where("lastSeen").gte(since)), Mark.class).stream().map(Mark::username).collect(Collectors.toSet());
    }
}
