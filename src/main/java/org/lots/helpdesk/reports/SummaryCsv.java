package org.lots.helpdesk.reports;

import java.util.Map;
import java.util.Set;

/**
 * The summary as CSV ({@code section,group,metric,value}), for a funder's spreadsheet. A count from 1 to 4 is written
 * "<5", and a share, average or wait whose base is under 5 is left empty, so that no cell points at a few people.
 */
final class SummaryCsv {

    static final int SMALLEST = 5;
    /** Derived figures and the count they rest on. */
    private static final Map<String, String> BASE = Map.of("answeredByBot", "conversations", "fallbackShare", "messages",
            "clarificationShare", "messages", "waitMinutes.median", "waitMinutes.count", "waitMinutes.p90", "waitMinutes.count",
            "satisfaction.average", "satisfaction.count");
    private static final Set<String> DERIVED = BASE.keySet();

    private SummaryCsv() {}

    static String of(Summary.Report r) {
        StringBuilder out = new StringBuilder("section,group,metric,value\r\n");
        out.append("period,all,from,").append(r.period().from()).append("\r\n");
        out.append("period,all,to,").append(r.period().to()).append("\r\n");
        lines(out, "total", "all", r.total(), false, r);
        r.byLanguage().forEach((k, f) -> lines(out, "language", k, f, false, r));
        r.byTopic().forEach((k, f) -> lines(out, "topic", k, f, true, r));
        r.byChannel().forEach((k, f) -> lines(out, "channel", k, f, false, r));
        r.newcomersByWeek().forEach((week, byLanguage) -> byLanguage.forEach((language, n) ->
                out.append("week,").append(week).append(",newcomers.").append(cell(language)).append(',').append(count(n)).append("\r\n")));
        return out.toString();
    }

    private static void lines(StringBuilder out, String section, String group, Figures f, boolean topic, Summary.Report r) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        f.flat(topic, r.outcomes()).forEach(e -> values.put(e.getKey(), e.getValue()));
        values.forEach((metric, v) -> {
            String value;
            if (DERIVED.contains(metric)) {
                Object base = values.get(BASE.get(metric));
                value = base instanceof Number b && b.longValue() >= SMALLEST ? String.valueOf(v) : "";
            } else {
                value = v instanceof Number n ? count(n.longValue()) : String.valueOf(v);
            }
            out.append(section).append(',').append(cell(group)).append(',').append(metric).append(',').append(value).append("\r\n");
        });
    }

    static String count(long n) {
        return n > 0 && n < SMALLEST ? "<5" : String.valueOf(n);
    }

    /** Ids only reach here, but a cell is quoted if it ever holds a comma, quote or line break. */
    private static String cell(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
