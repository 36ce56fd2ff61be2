package org.lots.helpdesk.language;

/**
 * The router's one table of features (character n-grams and words): each gets a dense id, so that weights, document
 * frequencies and postings live in primitive arrays indexed by it. An open-addressing table of 64-bit hashes of the
 * features, not of the strings themselves: the 145,000 feature strings of the shipped content were a tenth of the
 * router's heap (BENCHMARKS.md issue 11, seventh pass). Two features share a hash with odds of about 1 in 10^9 for
 * the whole content; they would then count as one feature, nothing worse.
 */
final class FeatureIndex {

    private long[] keys = new long[1 << 16]; // 0: an empty slot (no feature hashes to 0, see hash)
    private int[] ids = new int[1 << 16];
    private int size;

    /** The feature's id, adding it if it is new. */
    int add(String feature) {
        long h = hash(feature);
        int at = slot(h);
        if (keys[at] != 0) return ids[at];
        if ((size + 1) * 2 > keys.length) {
            grow(keys.length * 2);
            at = slot(h);
        }
        keys[at] = h;
        ids[at] = size;
        return size++;
    }

    /** The feature's id, or -1 for a feature no example had. */
    int id(String feature) {
        int at = slot(hash(feature));
        return keys[at] == 0 ? -1 : ids[at];
    }

    int size() {
        return size;
    }

    private int slot(long h) {
        int mask = keys.length - 1;
        int at = (int) (h ^ (h >>> 32)) & mask;
        while (keys[at] != 0 && keys[at] != h) at = (at + 1) & mask;
        return at;
    }

    private void grow(int capacity) {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[capacity];
        ids = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == 0) continue;
            int at = slot(oldKeys[i]);
            keys[at] = oldKeys[i];
            ids[at] = oldIds[i];
        }
    }

    /** Frees the spare room once no feature is added any more. */
    void trim() {
        int capacity = Integer.highestOneBit(Math.max(16, size * 3 / 2)) << 1;
        if (capacity < keys.length) grow(capacity);
    }

    /** FNV-1a over the UTF-16 units, then a final mix (the low bits pick the slot); never 0. */
    static long hash(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
