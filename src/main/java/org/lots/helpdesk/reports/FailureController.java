package org.lots.helpdesk.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For editors (role EDITOR): where the bot fails which newcomers. Per language, and per topic within it, the share
 * of the newcomers' messages that ended in the fallback or in a clarification question, week by week, with a link
 * to the unanswered questions of that language. Without a period: the last twelve weeks.
 */
@RestController
class FailureController {

    static final int DEFAULT_WEEKS = 12;

    private final ReportCounts counts;
    private final ReportsProperties properties;
    private final Clock clock;

    FailureController(ReportCounts counts, ReportsProperties properties, Clock clock) {
        this.counts = counts;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/editor/failures")
    Map<String, Object> failures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period p;
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = counts.day(clock.instant());
            p = new Period(Summary.week(today).minusWeeks(DEFAULT_WEEKS - 1), today);
        } else {
            p = Period.of(from, to, properties.maxDays());
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = Summary.week(p.from()); !w.isAfter(p.to()); w = w.plusWeeks(1)) weeks.add(w);
        // language -> topic ("" for the whole language) -> week -> counters
        Map<String, Map<String, Map<LocalDate, Figures>>> cells = new TreeMap<>();
        for (ReportCounts.Row r : counts.rows(p.from(), p.to())) {
            if (ReportCounts.SESSION.equals(r.key().topic())) continue;
            if (r.get("messages") == 0 && r.get("fallbacks") == 0 && r.get("clarifications") == 0) continue;
            LocalDate week = Summary.week(LocalDate.parse(r.key().day()));
            Map<String, Map<LocalDate, Figures>> language = cells.computeIfAbsent(name(r.key().language()), k -> new TreeMap<>());
            language.computeIfAbsent("", k -> new TreeMap<>()).computeIfAbsent(week, k -> new Figures()).add(r);
            language.computeIfAbsent(name(r.key().topic()), k -> new TreeMap<>()).computeIfAbsent(week, k -> new Figures()).add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("weeks", weeks.stream().map(LocalDate::toString).toList());
        Map<String, Object> byLanguage = new LinkedHashMap<>();
        cells.forEach((language, topics) -> {
            Map<String, Object> l = cell(topics.get(""), weeks);
            l.put("inbox", "/console/failures.html?inbox=" + language + "#inbox");
            Map<String, Object> byTopic = new LinkedHashMap<>();
            topics.forEach((topic, series) -> { if (!topic.isEmpty()) byTopic.put(topic, cell(series, weeks)); });
            l.put("byTopic", byTopic);
            byLanguage.put(language, l);
        });
        out.put("byLanguage", byLanguage);
        return out;
    }

    private static Map<String, Object> cell(Map<LocalDate, Figures> series, List<LocalDate> weeks) {
        Figures all = new Figures();
        List<Map<String, Object>> perWeek = new ArrayList<>();
        for (LocalDate w : weeks) {
            Figures f = series.getOrDefault(w, new Figures());
            all.merge(f);
            perWeek.add(shares(f, Map.of("week", w.toString())));
        }
        Map<String, Object> out = shares(all, Map.of());
        out.put("weeks", perWeek);
        return out;
    }

    private static Map<String, Object> shares(Figures f, Map<String, Object> first) {
        Map<String, Object> out = new LinkedHashMap<>(first);
        out.put("messages", f.get("messages"));
        out.put("fallbacks", f.get("fallbacks"));
        out.put("clarifications", f.get("clarifications"));
        out.put("fallbackShare", Figures.share(f.get("fallbacks"), f.get("messages")));
        out.put("clarificationShare", Figures.share(f.get("clarifications"), f.get("messages")));
        return out;
    }

    private static String name(String key) {
        return key == null || ReportCounts.NONE.equals(key) ? "none" : key;
    }
}
