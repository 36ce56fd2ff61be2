package org.lots.helpdesk.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OfficeHoursTests {

    static final Map<String, Object> WEEKDAYS = Map.of("mon", "09:00-16:00", "tue", "09:00-16:00",
            "wed", "09:00-16:00", "thu", "09:00-16:00", "fri", "09:00-12:00");

    static OfficeHours hours(String zone, Map<String, Object> week, List<String> holidays) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", zone);
        settings.put("office_hours", week);
        settings.put("holidays", holidays);
        return OfficeHours.from(settings);
    }

    static Clock at(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    @Test
    void isOpenWithinTheHoursOfTheHelplinesOwnTimeZone() {
        OfficeHours stockholm = hours("Europe/Stockholm", WEEKDAYS, List.of());
        // Wednesday 2026-11-25 08:30 UTC is 09:30 in Stockholm (UTC+1 in winter).
        assertTrue(stockholm.isOpen(at("2026-11-25T08:30:00Z").instant()));
        // 07:30 UTC is 08:30 in Stockholm: not yet.
        assertFalse(stockholm.isOpen(at("2026-11-25T07:30:00Z").instant()));
        // 15:00 UTC is 16:00 in Stockholm: the range's end is exclusive.
        assertFalse(stockholm.isOpen(at("2026-11-25T15:00:00Z").instant()));
    }

    @Test
    void theSameInstantIsOpenInOneTimeZoneAndClosedInAnother() {
        Instant t = at("2026-11-25T14:30:00Z").instant(); // Wednesday
        assertTrue(hours("Europe/Stockholm", WEEKDAYS, List.of()).isOpen(t));        // 15:30 there
        assertFalse(hours("America/New_York", WEEKDAYS, List.of()).isOpen(Instant.parse("2026-11-25T13:30:00Z"))); // 08:30 there
        assertTrue(hours("America/New_York", WEEKDAYS, List.of()).isOpen(t));        // 09:30 there
        assertFalse(hours("Asia/Tokyo", WEEKDAYS, List.of()).isOpen(t));            // 23:30 there
    }

    @Test
    void afterFridayNoonTheNextOpeningIsMondayMorningInTheHelplinesZone() {
        OfficeHours stockholm = hours("Europe/Stockholm", WEEKDAYS, List.of());
        Instant fridayAfternoon = at("2026-11-27T13:00:00Z").instant(); // Friday 14:00 in Stockholm
        ZonedDateTime next = stockholm.nextOpening(fridayAfternoon);
        assertEquals(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm")), next);
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), next.toInstant());
    }

    @Test
    void nextOpeningInTokyoIsComputedInTokyoTime() {
        OfficeHours tokyo = hours("Asia/Tokyo", WEEKDAYS, List.of());
        // Wednesday 2026-11-25 14:30 UTC = 23:30 in Tokyo; next opening Thursday 09:00 Tokyo = 00:00 UTC.
        ZonedDateTime next = tokyo.nextOpening(at("2026-11-25T14:30:00Z").instant());
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), next.toInstant());
        assertEquals(ZoneId.of("Asia/Tokyo"), next.getZone());
    }

    @Test
    void beforeOpeningOnAWorkdayTheNextOpeningIsTheSameDay() {
        OfficeHours stockholm = hours("Europe/Stockholm", WEEKDAYS, List.of());
        ZonedDateTime next = stockholm.nextOpening(at("2026-11-25T05:00:00Z").instant()); // 06:00 Wednesday
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), next.toInstant());
    }

    @Test
    void holidaysAreClosedAllDayAndSkipped() {
        OfficeHours stockholm = hours("Europe/Stockholm", WEEKDAYS, List.of("2026-12-24", "2026-12-25"));
        Instant christmasEve = at("2026-12-24T10:00:00Z").instant(); // Thursday 11:00
        assertFalse(stockholm.isOpen(christmasEve));
        // Friday 25th is a holiday too; the weekend is closed: Monday 28th at 09:00.
        assertEquals(Instant.parse("2026-12-28T08:00:00Z"), stockholm.nextOpening(christmasEve).toInstant());
    }

    @Test
    void severalRangesADayAndSummerTime() {
        OfficeHours split = hours("Europe/Stockholm", Map.of("mon", "09:00-12:00, 13:00-16:00"), List.of());
        Instant lunch = Instant.parse("2026-06-01T10:30:00Z"); // Monday 12:30 in Stockholm (UTC+2 in summer)
        assertFalse(split.isOpen(lunch));
        assertEquals(Instant.parse("2026-06-01T11:00:00Z"), split.nextOpening(lunch).toInstant());
    }

    @Test
    void withoutOfficeHoursTheHelplineIsAlwaysOpen() {
        OfficeHours always = OfficeHours.from(Map.of("timezone", "Europe/Stockholm"));
        assertTrue(always.isOpen(at("2026-11-29T03:00:00Z").instant()));
        assertNull(always.nextOpening(at("2026-11-29T03:00:00Z").instant()));
    }

    @Test
    void badSettingsAreNamedByPath() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", "Nowhere/Special");
        settings.put("office_hours", Map.of("mon", "9 to 5", "funday", "10:00-11:00"));
        settings.put("holidays", List.of("2026-02-30"));
        Map<String, String> p = OfficeHours.problems(settings);
        assertTrue(p.containsKey("timezone"), p.toString());
        assertTrue(p.containsKey("office_hours.mon"), p.toString());
        assertTrue(p.containsKey("office_hours.funday"), p.toString());
        assertTrue(p.containsKey("holidays.0"), p.toString());
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.from(settings));
    }
}
