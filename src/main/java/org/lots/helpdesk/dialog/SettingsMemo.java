package org.lots.helpdesk.dialog;

import java.util.Map;
import java.util.function.Function;

/**
 * What reading a content's settings gave, kept for the map it was read from: the settings of a loaded content never
 * change (a reload brings a new map), and some are asked for in every turn (the municipalities for each formatted
 * text, the office hours for each tally). A reading that throws is not kept.
 */
final class SettingsMemo<V> {

    private final Function<Map<String, ?>, V> read;
    private volatile Object[] last; // {settings, value}

    SettingsMemo(Function<Map<String, ?>, V> read) {
        this.read = read;
    }

    @SuppressWarnings("unchecked")
    V of(Map<String, ?> settings) {
        Object[] l = last;
        if (l != null && l[0] == settings) return (V) l[1];
        V v = read.apply(settings);
        last = new Object[]{settings, v};
        return v;
    }
}
