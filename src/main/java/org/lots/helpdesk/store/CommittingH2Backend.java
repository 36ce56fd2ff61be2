package org.lots.helpdesk.store;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.SeekingH2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The H2 backend commits about once a second by itself; a kill -9 then loses the last acknowledged writes. Here a
 * write is acknowledged only after a commit that covers it, so every acknowledged write is durable. Writes that
 * arrive together share one commit (a group commit): while one commit runs, the writes applied meanwhile wait and
 * the next commit covers them all. Reads need no commit.
 */
final class CommittingH2Backend extends H2Backend {

    /** Commands that change nothing; anything else (insert, update, delete, findAndModify, indexes...) is a write. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "aggregate", "listCollections",
            "listIndexes", "listDatabases", "isMaster", "ismaster", "hello", "ping", "buildInfo", "buildinfo",
            "getLastError", "getlasterror", "killCursors", "endSessions", "serverStatus", "dbStats", "collStats",
            "getParameter", "whatsmyuri", "getLog", "connectionStatus", "hostInfo", "getCmdLineOpts");

    private final Object lock = new Object();
    private final AtomicLong applied = new AtomicLong(); // writes applied to the store, numbered in order
    private long committed; // every write up to this number is covered by a finished commit (guarded by lock)
    private final AtomicLong commits = new AtomicLong(), writes = new AtomicLong();

    CommittingH2Backend(String file) {
        super(file);
    }

    /** Unique indexes that also serve queries naming more fields than theirs ({@code {_id, version}}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new SeekingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document result = super.handleMessage(message);
        if (!isWrite(message)) return result;
        writes.incrementAndGet();
        long write = applied.incrementAndGet(); // numbered only once applied
        // {j: false}: the client waits for a later write's commit instead (which covers this one: commits are in order).
        if (unjournaled(message)) return result;
        // Writes applied while a commit runs queue here; the first to get in commits for all of them.
        synchronized (lock) {
            if (committed < write) {
                long upTo = applied.get();
                commit();
                commits.incrementAndGet();
                committed = upTo;
            }
        }
        return result;
    }

    private static boolean unjournaled(MongoMessage message) {
        return message.getDocument().get("writeConcern") instanceof Document wc && Boolean.FALSE.equals(wc.get("j"));
    }

    private boolean isWrite(MongoMessage message) {
        Document d = message.getDocument();
        if (d == null || d.isEmpty()) return false;
        return !READS.contains(d.keySet().iterator().next());
    }

    /** Writes acknowledged and commits made since start, for the benchmarks (writes per commit = the batch size). */
    long[] counts() {
        return new long[]{writes.get(), commits.get()};
    }
}
