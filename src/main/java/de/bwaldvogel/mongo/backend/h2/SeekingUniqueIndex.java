package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lots: mongo-java-server 1.47 uses a unique index only for a query on exactly the index's fields, so a versioned
 * save ({@code {_id, version}}) or {@code {_id, status}} reads every document of the collection (measured: seconds
 * per message at 100,000 conversations, BENCHMARKS.md "Growth"). A query that names the index's fields (with a
 * value or {@code $in}) and others besides is answered here from the index on those fields alone; the collection
 * then checks every candidate against the whole query, as it does for any index, so the result is the same. In
 * mongo-java-server's package because {@link H2UniqueIndex}'s constructor is package-private.
 */
public final class SeekingUniqueIndex extends H2UniqueIndex {

    SeekingUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(map, name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (super.canHandle(query)) return true;
        if (!query.keySet().containsAll(keySet())) return false;
        return super.canHandle(ownKeys(query));
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        return super.getPositions(query.keySet().equals(keySet()) ? query : ownKeys(query));
    }

    private Document ownKeys(Document query) {
        Document own = new Document();
        for (String key : keys()) own.put(key, query.get(key));
        return own;
    }
}
