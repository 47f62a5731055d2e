package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The recurrence of a series, Graph's {@code patternedRecurrence}: a pattern (how often) and a
 * range (from when, until when or how many times).
 *
 * @param patternType {@code daily}, {@code weekly}, {@code absoluteMonthly},
 *     {@code relativeMonthly}, {@code absoluteYearly} or {@code relativeYearly}
 * @param interval units of the pattern between occurrences (days, weeks, months or years)
 * @param month month of the year (1-12) for yearly patterns, else 0
 * @param dayOfMonth day of the month for absolute patterns, else 0
 * @param daysOfWeek the days of weekly and relative patterns
 * @param firstDayOfWeek the first day of the week, which weekly intervals count from
 * @param index {@code first}, {@code second}, {@code third}, {@code fourth} or {@code last}:
 *     which of the days in the month relative patterns mean
 * @param rangeType {@code endDate}, {@code noEnd} or {@code numbered}
 * @param startDate the first day of the series
 * @param endDate the last day of an {@code endDate} range, else null
 * @param numberOfOccurrences the count of a {@code numbered} range, else 0
 * @param recurrenceTimeZone the zone the dates are in (a Windows or IANA name)
 * @see <a href="https://learn.microsoft.com/graph/api/resources/patternedrecurrence">
 *     patternedRecurrence</a>
 */
public record Recurrence(String patternType, int interval, int month, int dayOfMonth,
        List<DayOfWeek> daysOfWeek, DayOfWeek firstDayOfWeek, String index, String rangeType,
        LocalDate startDate, LocalDate endDate, int numberOfOccurrences,
        String recurrenceTimeZone) {

    /** Checks the parts every pattern needs. */
    public Recurrence {
        requireNonNull(patternType, "patternType");
        daysOfWeek = List.copyOf(daysOfWeek);
        requireNonNull(firstDayOfWeek, "firstDayOfWeek");
        requireNonNull(index, "index");
        requireNonNull(rangeType, "rangeType");
        requireNonNull(startDate, "startDate");
        requireNonNull(recurrenceTimeZone, "recurrenceTimeZone");
        if (interval < 1) {
            throw new IllegalArgumentException("interval < 1");
        }
    }

    /** Every {@code interval} days. */
    public static Recurrence daily(int interval, LocalDate start, String zone) {
        return new Recurrence("daily", interval, 0, 0, List.of(), DayOfWeek.SUNDAY, "first",
                "noEnd", start, null, 0, zone);
    }

    /** Every {@code interval} weeks on the given days. */
    public static Recurrence weekly(int interval, List<DayOfWeek> days, LocalDate start,
            String zone) {
        return new Recurrence("weekly", interval, 0, 0, days, DayOfWeek.SUNDAY, "first",
                "noEnd", start, null, 0, zone);
    }

    /** Every {@code interval} months on a day of the month. */
    public static Recurrence absoluteMonthly(int interval, int dayOfMonth, LocalDate start,
            String zone) {
        return new Recurrence("absoluteMonthly", interval, 0, dayOfMonth, List.of(),
                DayOfWeek.SUNDAY, "first", "noEnd", start, null, 0, zone);
    }

    /** Every {@code interval} months on the {@code index} weekday (the first Monday...). */
    public static Recurrence relativeMonthly(int interval, DayOfWeek day, String index,
            LocalDate start, String zone) {
        return new Recurrence("relativeMonthly", interval, 0, 0, List.of(day), DayOfWeek.SUNDAY,
                index, "noEnd", start, null, 0, zone);
    }

    /** Every {@code interval} years on a date. */
    public static Recurrence absoluteYearly(int interval, int month, int dayOfMonth,
            LocalDate start, String zone) {
        return new Recurrence("absoluteYearly", interval, month, dayOfMonth, List.of(),
                DayOfWeek.SUNDAY, "first", "noEnd", start, null, 0, zone);
    }

    /** The same pattern ending on a date. */
    public Recurrence until(LocalDate last) {
        return new Recurrence(patternType, interval, month, dayOfMonth, daysOfWeek,
                firstDayOfWeek, index, "endDate", startDate, requireNonNull(last, "last"), 0,
                recurrenceTimeZone);
    }

    /** The same pattern ending after a number of occurrences. */
    public Recurrence times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count < 1");
        }
        return new Recurrence(patternType, interval, month, dayOfMonth, daysOfWeek,
                firstDayOfWeek, index, "numbered", startDate, null, count, recurrenceTimeZone);
    }
}
