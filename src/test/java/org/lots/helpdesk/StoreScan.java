package org.lots.helpdesk;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads every document of every collection in the store and looks for strings in them (a chat id, words a
 * newcomer wrote): the proof that a deletion left nothing behind, whichever module or collection keeps it.
 */
public final class StoreScan {

    private StoreScan() {}

    /** Where the strings occur, as {@code collection/_id: string}; empty when nowhere. */
    public static List<String> find(MongoTemplate mongo, String... needles) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            for (Document d : mongo.getDb().getCollection(collection).find()) {
                String json = d.toJson();
                for (String needle : needles) {
                    if (json.contains(needle)) found.add(collection + "/" + d.get("_id") + ": " + needle);
                }
            }
        }
        return found;
    }

    /** Fails, naming the documents, when any document of any collection contains any of the strings. */
    public static void assertNowhere(MongoTemplate mongo, String... needles) {
        List<String> found = find(mongo, needles);
        if (!found.isEmpty()) fail("still stored: " + found);
    }

    /**
     * Like {@link #assertNowhere}, but the named collections may hold the strings (the audit log keeps the ids of
     * what people did, never their words).
     */
    public static void assertNowhereBut(MongoTemplate mongo, java.util.Set<String> allowed, String... needles) {
        List<String> found = find(mongo, needles).stream().filter(f -> !allowed.contains(f.substring(0, f.indexOf('/')))).toList();
        if (!found.isEmpty()) fail("still stored: " + found);
    }

    /** How many collections and documents a scan reads (so a test can show it scanned something). */
    public static long documents(MongoTemplate mongo) {
        long n = 0;
        for (String collection : mongo.getDb().listCollectionNames()) n += mongo.getDb().getCollection(collection).countDocuments();
        return n;
    }
}
