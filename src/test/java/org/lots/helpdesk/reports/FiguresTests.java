package org.lots.helpdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The numbers derived from counters: waits in buckets, median and 90th percentile, shares, periods, the CSV's cells. */
class FiguresTests {

    static ReportCounts.Row row(String topic, Map<String, Long> counts) {
        return new ReportCounts.Row(new ReportCounts.Key("2026-11-25", "telegram", "ar", topic), counts);
    }

    @Test
    void waitsAreKeptToTheMinuteThenTheQuarterHourThenTheHour() {
        assertEquals(0, MilestoneTally.bucket(Duration.ofSeconds(29)));
        assertEquals(1, MilestoneTally.bucket(Duration.ofSeconds(31)));
        assertEquals(120, MilestoneTally.bucket(Duration.ofMinutes(120)));
        assertEquals(135, MilestoneTally.bucket(Duration.ofMinutes(131)));
        assertEquals(1440, MilestoneTally.bucket(Duration.ofMinutes(1440)));
        assertEquals(1500, MilestoneTally.bucket(Duration.ofMinutes(1490)));
        assertEquals(0, MilestoneTally.bucket(Duration.ofSeconds(-5)), "a clock step back is no negative wait");
    }

    @Test
    void theMedianAndNinetiethPercentileAreNearestRankOverTheBuckets() {
        Figures f = new Figures();
        f.add(row("-", Map.of("wait:2", 3L, "wait:10", 1L, "wait:45", 1L)));
        assertEquals(5, f.waitCount());
        assertEquals(2, f.wait(0.5));
        assertEquals(45, f.wait(0.9));
        assertNull(new Figures().wait(0.5));
    }

    @Test
    void sharesAndAveragesAreRoundedAndAbsentWithoutABase() {
        Figures f = new Figures();
        f.add(row(ReportCounts.SESSION, Map.of("conversations", 3L, "answered", 2L)));
        f.add(row("jobs.find", Map.of("satisfactionCount", 3L, "satisfactionSum", 13L, Figures.REACHED, 2L, "outcome:job", 1L)));
        Map<String, Object> json = f.json(false, List.of("job", "education"));
        assertEquals(0.67, json.get("answeredByBot"));
        assertEquals(Map.of("count", 3L, "average", 4.3), json.get("satisfaction"));
        assertEquals(Map.of("job", 1L, "education", 0L), json.get("outcomes"));
        assertNull(json.get("fallbackShare"), "no messages, no share");
        assertEquals(2L, f.json(true, List.of()).get("conversations"), "a topic's conversations are those that reached it");
    }

    @Test
    void periodsAreRealDatesInOrderAndNotTooLong() {
        assertEquals(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), Period.of("2026-01-01", "2026-03-31", 400));
        assertEquals(1, Period.of("2026-01-01", "2026-01-01", 1).from().getDayOfMonth());
        assertTrue(assertThrows(Period.Invalid.class, () -> Period.of("2026-01-01", "2026-01-02", 1)).getMessage().contains("at most 1 days"));
        assertThrows(Period.Invalid.class, () -> Period.of("2026-13-01", "2026-12-31", 400));
        assertThrows(Period.Invalid.class, () -> Period.of("2026-02-01", "2026-01-31", 400));
        assertThrows(Period.Invalid.class, () -> Period.of(null, "2026-01-31", 400));
    }

    @Test
    void csvCellsUnderFiveShowAsLessThanFive() {
        assertEquals("0", SummaryCsv.count(0));
        assertEquals("<5", SummaryCsv.count(1));
        assertEquals("<5", SummaryCsv.count(4));
        assertEquals("5", SummaryCsv.count(5));
    }
}
