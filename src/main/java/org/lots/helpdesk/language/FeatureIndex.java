package org.lots.helpdesk.language;

/**
 * The router's one table of features (character n-grams and words): each gets a dense id, so that weights, document
 * frequencies and postings live in primitive arrays indexed by it. An open-addressing table of the strings
 * themselves: about a third of the heap of a {@code HashMap<String, Integer>}, which the router kept several of.
 */
final class FeatureIndex {

    private String[] keys = new String[1 << 16];
    private int[] ids = new int[1 << 16];
    private int size;

    /** The feature's id, adding it if it is new. */
    int add(String feature) {
        int at = slot(feature);
        if (keys[at] != null) return ids[at];
        if ((size + 1) * 2 > keys.length) {
            grow();
            at = slot(feature);
        }
        keys[at] = feature;
        ids[at] = size;
        return size++;
    }

    /** The feature's id, or -1 for a feature no example had. */
    int id(String feature) {
        int at = slot(feature);
        return keys[at] == null ? -1 : ids[at];
    }

    int size() {
        return size;
    }

    private int slot(String feature) {
        int mask = keys.length - 1;
        int at = mix(feature.hashCode()) & mask;
        while (keys[at] != null && !keys[at].equals(feature)) at = (at + 1) & mask;
        return at;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) continue;
            int at = slot(oldKeys[i]);
            keys[at] = oldKeys[i];
            ids[at] = oldIds[i];
        }
    }

    /** Frees the spare room once no feature is added any more. */
    void trim() {
        int capacity = Integer.highestOneBit(Math.max(16, size * 3 / 2)) << 1;
        if (capacity >= keys.length) return;
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[capacity];
        ids = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) continue;
            int at = slot(oldKeys[i]);
            keys[at] = oldKeys[i];
            ids[at] = oldIds[i];
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
