package de.bwaldvogel.mongo.backend.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lots: an {@link H2Database} whose unique indexes are {@link SeekingUniqueIndex}es, and whose documents and index
 * keys are stored with {@link BsonDataTypes} instead of Java serialization, on the same maps (the map names are
 * H2Database's, so existing store files open: old documents are read as they are, old indexes are rebuilt in the
 * new key order once, see {@link #openIndexMap}).
 */
public final class SeekingH2Database extends H2Database {

    /** Per index map: the key format it is ordered by (absent: H2's Java serialization order). */
    static final String FORMATS_MAP = "lots.formats";
    private static final int BSON_KEYS = 2;

    /** The store and cursors while the superclass constructor opens collections (before this class's fields exist). */
    private static final ThreadLocal<Object[]> OPENING = new ThreadLocal<>();

    private final MVStore store;
    private final CursorRegistry cursors;

    public SeekingH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, opening(store, cursors), cursors);
        this.store = store;
        this.cursors = cursors;
        OPENING.remove();
    }

    private static MVStore opening(MVStore store, CursorRegistry cursors) {
        OPENING.set(new Object[]{store, cursors});
        return store;
    }

    private MVStore store() {
        return store != null ? store : (MVStore) OPENING.get()[0];
    }

    private CursorRegistry cursors() {
        return cursors != null ? cursors : (CursorRegistry) OPENING.get()[1];
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store().openMap(DATABASES_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().valueType(new BsonDataTypes.DocumentType()));
        MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
        return new H2Collection(this, collectionName, options, dataMap, metaMap, cursors());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new SeekingUniqueIndex(openIndexMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName),
                indexName, keys, sparse);
    }

    /**
     * The index map with {@link BsonDataTypes.KeyType}. A map written before (ordered by serialized bytes, which the
     * new comparator does not reproduce) is read in full and written again in the new order, with the store's
     * auto-commit paused so that the rebuild and its format mark are committed together or not at all.
     */
    private MVMap<KeyValue, Object> openIndexMap(String name) {
        MVStore s = store();
        MVMap<String, Integer> formats = s.openMap(FORMATS_MAP);
        boolean existed = s.hasMap(name);
        MVMap<KeyValue, Object> map = s.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new BsonDataTypes.KeyType()));
        if (Integer.valueOf(BSON_KEYS).equals(formats.get(name))) return map;
        int delay = s.getAutoCommitDelay();
        s.setAutoCommitDelay(0);
        try {
            if (existed && !map.isEmpty()) {
                List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>(map.size());
                for (Map.Entry<KeyValue, Object> e : map.entrySet()) entries.add(Map.entry(e.getKey(), e.getValue()));
                map.clear();
                for (Map.Entry<KeyValue, Object> e : entries) map.put(e.getKey(), e.getValue());
            }
            formats.put(name, BSON_KEYS);
            s.commit();
        } finally {
            s.setAutoCommitDelay(delay);
        }
        return map;
    }
}
