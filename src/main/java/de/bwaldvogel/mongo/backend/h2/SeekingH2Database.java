package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Lots: an {@link H2Database} whose unique indexes are {@link SeekingUniqueIndex}es, on the same maps (the map
 * names are H2Database's, so existing store files open unchanged).
 */
public final class SeekingH2Database extends H2Database {

    /** The store while the superclass constructor opens the indexes (before this class's fields exist). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    public SeekingH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, opening(store), cursors);
        this.store = store;
        OPENING.remove();
    }

    private static MVStore opening(MVStore store) {
        OPENING.set(store);
        return store;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore s = store != null ? store : OPENING.get();
        MVMap<KeyValue, Object> map = s.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
        return new SeekingUniqueIndex(map, indexName, keys, sparse);
    }
}
