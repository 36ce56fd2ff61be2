package org.lots.helpdesk.dialog;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When the helpline is staffed, from the content settings (translations/settings.yaml):
 * <pre>
 * timezone: "Europe/Stockholm"
 * office_hours:
 *   mon: "09:00-16:00"
 *   fri: "09:00-12:00, 13:00-15:00"   # several ranges; a day left out (or "closed") is closed
 * holidays: ["2026-12-24", "2026-12-25"]
 * </pre>
 * Without {@code office_hours} the helpline counts as always open. Pure: no clock of its own, no I/O.
 */
public final class OfficeHours {

    /** Looking further ahead than this for an opening means the settings never open. */
    private static final int HORIZON_DAYS = 400;
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    record Range(LocalTime from, LocalTime to) {
        /** {@code to} of null means midnight at the end of the day ("24:00"). */
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Range>> week;
    private final Set<LocalDate> holidays;
    private final boolean always;

    private OfficeHours(ZoneId zone, Map<DayOfWeek, List<Range>> week, Set<LocalDate> holidays, boolean always) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
        this.always = always;
    }

    public static OfficeHours alwaysOpen(ZoneId zone) {
        return new OfficeHours(zone, Map.of(), Set.of(), true);
    }

    /** Every turn's tally and every handoff ask (the time zone, whether the helpline is open): read once per content. */
    private static final SettingsMemo<OfficeHours> READ = new SettingsMemo<>(OfficeHours::read);

    /** Reads the settings; throws {@link IllegalArgumentException} with the first problem (see {@link #problems}). */
    public static OfficeHours from(Map<String, ?> settings) {
        return READ.of(settings);
    }

    private static OfficeHours read(Map<String, ?> settings) {
        Map<String, String> p = problems(settings);
        if (!p.isEmpty()) {
            var first = p.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
        ZoneId zone = zone(settings.get("timezone"));
        Object hours = settings.get("office_hours");
        if (!(hours instanceof Map<?, ?> days)) return alwaysOpen(zone);
        Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, ranges) -> week.put(DAYS.get(String.valueOf(day).toLowerCase(Locale.ROOT)), ranges(String.valueOf(ranges))));
        Set<LocalDate> holidays = new HashSet<>();
        if (settings.get("holidays") instanceof List<?> list) list.forEach(d -> holidays.add(LocalDate.parse(String.valueOf(d).trim())));
        return new OfficeHours(zone, week, Set.copyOf(holidays), false);
    }

    /**
     * What is wrong with the office-hours settings, by setting path ({@code office_hours.mon}, {@code holidays.2});
     * empty when they are fine. For lint, so that an editor sees the mistake before it goes live.
     */
    public static Map<String, String> problems(Map<String, ?> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        Object tz = settings.get("timezone");
        if (tz != null) {
            try {
                zone(tz);
            } catch (DateTimeException e) {
                out.put("timezone", "unknown time zone '" + tz + "' (use a name such as Europe/Stockholm)");
            }
        }
        Object hours = settings.get("office_hours");
        if (hours != null && !(hours instanceof Map)) {
            out.put("office_hours", "office_hours must map days (mon, tue, ... sun) to times such as \"09:00-16:00\"");
        } else if (hours instanceof Map<?, ?> days) {
            days.forEach((day, ranges) -> {
                String d = String.valueOf(day);
                if (!DAYS.containsKey(d.toLowerCase(Locale.ROOT))) {
                    out.put("office_hours." + d, "unknown day '" + d + "' (use mon, tue, wed, thu, fri, sat, sun)");
                    return;
                }
                try {
                    ranges(String.valueOf(ranges));
                } catch (IllegalArgumentException e) {
                    out.put("office_hours." + d, e.getMessage());
                }
            });
        }
        Object holidays = settings.get("holidays");
        if (holidays != null && !(holidays instanceof List)) {
            out.put("holidays", "holidays must be a list of dates such as [\"2026-12-24\"]");
        } else if (holidays instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                try {
                    LocalDate.parse(String.valueOf(list.get(i)).trim());
                } catch (DateTimeParseException e) {
                    out.put("holidays." + i, "'" + list.get(i) + "' is not a date like 2026-12-24");
                }
            }
        }
        return out;
    }

    private static ZoneId zone(Object setting) {
        return setting == null || String.valueOf(setting).isBlank() ? ZoneId.of("UTC") : ZoneId.of(String.valueOf(setting).trim());
    }

    /** "09:00-16:00", "09:00-12:00, 13:00-16:00", "closed" or "". */
    static List<Range> ranges(String text) {
        String t = text == null ? "" : text.trim();
        List<Range> out = new ArrayList<>();
        if (t.isEmpty() || t.equalsIgnoreCase("closed")) return out;
        for (String part : t.split(",")) {
            String[] ft = part.trim().split("\\s*-\\s*");
            if (ft.length != 2) throw new IllegalArgumentException("'" + part.trim() + "' is not a time range like 09:00-16:00");
            try {
                LocalTime from = LocalTime.parse(ft[0]);
                LocalTime to = ft[1].equals("24:00") ? null : LocalTime.parse(ft[1]);
                if (to != null && !to.isAfter(from)) {
                    throw new IllegalArgumentException("'" + part.trim() + "' ends before it starts");
                }
                out.add(new Range(from, to));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a time range like 09:00-16:00 (24-hour HH:MM)");
            }
        }
        out.sort(Comparator.comparing(Range::from));
        return List.copyOf(out);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        if (always) return true;
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (holidays.contains(day)) return false;
        LocalTime t = local.toLocalTime();
        return week.getOrDefault(day.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(t));
    }

    /**
     * The next moment the helpline opens after {@code at} (in its time zone), or null when it is open now, always
     * open, or never opens again within a year.
     */
    public ZonedDateTime nextOpening(Instant at) {
        if (always || isOpen(at)) return null;
        ZonedDateTime now = at.atZone(zone);
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate day = now.toLocalDate().plusDays(i);
            if (holidays.contains(day)) continue;
            for (Range r : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                ZonedDateTime start = day.atTime(r.from()).atZone(zone); // a start in a DST gap moves forward
                if (start.isAfter(now)) return start;
            }
        }
        return null;
    }
}
