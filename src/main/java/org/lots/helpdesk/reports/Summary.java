package org.lots.helpdesk.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.lots.helpdesk.handoff.Outcomes;
import org.springframework.stereotype.Component;

/**
 * The summary of a period (CONTRACT section 9) from the counters: the whole period, by language, by topic, by
 * channel, and newcomers per week by language for the chart. Aggregates only.
 */
@Component
class Summary {

    private final ReportCounts counts;
    private final Outcomes outcomes;

    Summary(ReportCounts counts, Outcomes outcomes) {
        this.counts = counts;
        this.outcomes = outcomes;
    }

    /** The figures of the period and of its groups, for the JSON and the CSV alike. */
    record Report(Period period, Figures total, Map<String, Figures> byLanguage, Map<String, Figures> byTopic,
                  Map<String, Figures> byChannel, Map<LocalDate, Map<String, Long>> newcomersByWeek, List<String> outcomes) {}

    Report report(Period p) {
        List<ReportCounts.Row> rows = counts.rows(p.from(), p.to());
        Figures total = new Figures();
        rows.forEach(total::add);
        Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        for (LocalDate w = week(p.from()); !w.isAfter(p.to()); w = w.plusWeeks(1)) weeks.put(w, new TreeMap<>());
        for (ReportCounts.Row r : rows) {
            long n = r.get("newcomers");
            if (n != 0) weeks.get(week(LocalDate.parse(r.key().day()))).merge(r.key().language(), n, Long::sum);
        }
        return new Report(p, total, group(rows, r -> r.key().language(), false), group(rows, r -> r.key().topic(), true),
                group(rows, r -> r.key().channel(), false), weeks, outcomes.ids());
    }

    Map<String, Object> json(Report r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", r.period().from().toString());
        out.put("to", r.period().to().toString());
        out.putAll(r.total().json(false, r.outcomes()));
        out.put("byLanguage", groups(r.byLanguage(), false, r.outcomes()));
        out.put("byTopic", groups(r.byTopic(), true, r.outcomes()));
        out.put("byChannel", groups(r.byChannel(), false, r.outcomes()));
        out.put("newcomersByWeek", r.newcomersByWeek().entrySet().stream()
                .map(e -> Map.of("week", e.getKey().toString(), "byLanguage", e.getValue())).toList());
        return out;
    }

    static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Rows grouped; topic groups leave out the session rows (which belong to no topic). */
    private static Map<String, Figures> group(List<ReportCounts.Row> rows, Function<ReportCounts.Row, String> by, boolean topics) {
        Map<String, Figures> out = new TreeMap<>();
        for (ReportCounts.Row r : rows) {
            if (topics && ReportCounts.SESSION.equals(r.key().topic())) continue;
            out.computeIfAbsent(name(by.apply(r)), k -> new Figures()).add(r);
        }
        return out;
    }

    private static String name(String key) {
        return key == null || ReportCounts.NONE.equals(key) ? "none" : key;
    }

    private static Map<String, Object> groups(Map<String, Figures> groups, boolean topic, List<String> outcomes) {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((k, f) -> out.put(k, f.json(topic, outcomes)));
        return out;
    }
}
