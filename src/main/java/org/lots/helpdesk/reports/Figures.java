package org.lots.helpdesk.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of some rows added up (a period, a language, a topic, a channel), and the numbers derived from them:
 * shares, the median and 90th percentile wait, the average rating.
 */
final class Figures {

    /** Topic rows: conversations that reached the topic. */
    static final String REACHED = "reached";

    private final Map<String, Long> n = new HashMap<>();

    void add(ReportCounts.Row row) {
        row.counts().forEach((f, v) -> n.merge(f, v, Long::sum));
    }

    void merge(Figures other) {
        other.n.forEach((f, v) -> n.merge(f, v, Long::sum));
    }

    long get(String field) {
        return n.getOrDefault(field, 0L);
    }

    /** Conversations: sessions, or for a topic those that reached it. */
    long conversations(boolean topic) {
        return topic ? get(REACHED) : get("conversations");
    }

    /** Outcome id -> count, every configured outcome first (0 when none), then any other id counted. */
    Map<String, Long> outcomes(List<String> configured) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String id : configured) out.put(id, get(MilestoneTally.OUTCOME + id));
        n.forEach((f, v) -> {
            if (f.startsWith(MilestoneTally.OUTCOME) && v != 0) out.putIfAbsent(f.substring(MilestoneTally.OUTCOME.length()), v);
        });
        return out;
    }

    /** The waits as (minutes -> count), in order. */
    private TreeMap<Long, Long> waits() {
        TreeMap<Long, Long> out = new TreeMap<>();
        n.forEach((f, v) -> {
            if (f.startsWith(MilestoneTally.WAIT) && v > 0) out.merge(Long.parseLong(f.substring(MilestoneTally.WAIT.length())), v, Long::sum);
        });
        return out;
    }

    long waitCount() {
        return waits().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The wait in minutes at {@code quantile} (nearest rank); null without waits. */
    Long wait(double quantile) {
        TreeMap<Long, Long> waits = waits();
        long total = waits.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) return null;
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (Map.Entry<Long, Long> e : waits.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) return e.getKey();
        }
        return waits.lastKey();
    }

    Double average() {
        long count = get("satisfactionCount");
        return count == 0 ? null : Math.round(10.0 * get("satisfactionSum") / count) / 10.0;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(100.0 * part / whole) / 100.0;
    }

    /** The JSON of a group or the whole period. */
    Map<String, Object> json(boolean topic, List<String> outcomes) {
        Map<String, Object> out = new LinkedHashMap<>();
        long conversations = conversations(topic);
        if (!topic) out.put("newcomers", get("newcomers"));
        out.put("conversations", conversations);
        out.put("messages", get("messages"));
        out.put("handoffs", get("handoffs"));
        out.put("urgentHandoffs", get("urgent"));
        if (!topic) {
            out.put("answered", get("answered"));
            out.put("answeredByBot", share(get("answered"), conversations));
        }
        out.put("fallbacks", get("fallbacks"));
        out.put("clarifications", get("clarifications"));
        out.put("fallbackShare", share(get("fallbacks"), get("messages")));
        out.put("clarificationShare", share(get("clarifications"), get("messages")));
        Map<String, Object> wait = new LinkedHashMap<>();
        wait.put("count", waitCount());
        wait.put("median", wait(0.5));
        wait.put("p90", wait(0.9));
        out.put("waitMinutes", wait);
        out.put("outcomes", outcomes(outcomes));
        Map<String, Object> satisfaction = new LinkedHashMap<>();
        satisfaction.put("count", get("satisfactionCount"));
        satisfaction.put("average", average());
        out.put("satisfaction", satisfaction);
        return out;
    }

    /** One CSV line per figure: {@code metric -> value}, in the order of {@link #json}. */
    List<Map.Entry<String, Object>> flat(boolean topic, List<String> outcomes) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        json(topic, outcomes).forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) m.forEach((k2, v2) -> out.add(Map.entry(k + "." + k2, v2 == null ? "" : v2)));
            else out.add(Map.entry(k, v == null ? "" : v));
        });
        return out;
    }
}
