package org.lots.helpdesk.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A report's days, from and to inclusive, checked: real dates, in order, not longer than the configured limit. */
record Period(LocalDate from, LocalDate to) {

    /** A period that cannot be reported, with the reason the API answers (400). */
    static class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason);
        }
    }

    static Period of(String from, String to, int maxDays) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new Invalid("give the period as from=YYYY-MM-DD&to=YYYY-MM-DD");
        }
        LocalDate f = date("from", from), t = date("to", to);
        if (f.isAfter(t)) throw new Invalid("from (" + f + ") is after to (" + t + ")");
        long days = ChronoUnit.DAYS.between(f, t) + 1;
        if (days > maxDays) throw new Invalid("a report covers at most " + maxDays + " days; this period has " + days);
        return new Period(f, t);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be a date such as 2026-01-31, not '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
    }
}
