package io.exchangejdbc.emulator.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@link Recurrence} into the dates of its occurrences, following the rules of Graph's
 * {@code recurrencePattern} and {@code recurrenceRange}: the series starts on the range's start
 * date (the first matching day on or after it), steps by the pattern's interval, and ends at the
 * range's end date or after its number of occurrences. A day that a monthly or yearly pattern
 * names but the month lacks (the 31st of April) has no occurrence.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/recurrencepattern">
 *     recurrencePattern</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/recurrencerange">
 *     recurrenceRange</a>
 */
public final class RecurrenceExpander {

    /** Bound on the dates looked at, so that a never-ending series stays finite. */
    private static final int MAX_STEPS = 20_000;

    private RecurrenceExpander() {
    }

    /** Returns the occurrence dates of the series that fall within {@code [from, to]}. */
    public static List<LocalDate> dates(Recurrence r, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate last = r.rangeType().equals("endDate") && r.endDate() != null
                && r.endDate().isBefore(to) ? r.endDate() : to;
        int limit = r.rangeType().equals("numbered") ? r.numberOfOccurrences()
                : Integer.MAX_VALUE;
        int count = 0;
        if (r.patternType().equals("weekly") && r.daysOfWeek().isEmpty()) {
            return out;
        }
        for (int step = 0; step < MAX_STEPS && count < limit; step++) {
            List<LocalDate> candidates = candidates(r, step);
            if (candidates.isEmpty()) {
                // a month without the day: go on unless the month is already past the end
                long months = (long) step * r.interval()
                        * (r.patternType().endsWith("Yearly") ? 12 : 1);
                if (r.startDate().withDayOfMonth(1).plusMonths(months).isAfter(last)) {
                    break;
                }
                continue;
            }
            boolean past = false;
            for (LocalDate d : candidates) {
                if (d.isBefore(r.startDate())) {
                    continue;
                }
                if (d.isAfter(last)) {
                    past = true;
                    break;
                }
                count++;
                if (!d.isBefore(from)) {
                    out.add(d);
                }
                if (count >= limit) {
                    break;
                }
            }
            if (past) {
                break;
            }
        }
        return out;
    }

    /** The dates the pattern gives in its {@code step}-th period, in order. */
    private static List<LocalDate> candidates(Recurrence r, int step) {
        LocalDate start = r.startDate();
        int interval = r.interval();
        switch (r.patternType()) {
            case "daily":
                return List.of(start.plusDays((long) step * interval));
            case "weekly": {
                LocalDate weekStart = start.with(TemporalAdjusters.previousOrSame(
                        r.firstDayOfWeek())).plusWeeks((long) step * interval);
                List<LocalDate> days = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate d = weekStart.plusDays(i);
                    if (r.daysOfWeek().contains(d.getDayOfWeek())) {
                        days.add(d);
                    }
                }
                return days;
            }
            case "absoluteMonthly": {
                YearMonth ym = YearMonth.from(start).plusMonths((long) step * interval);
                return ym.isValidDay(r.dayOfMonth()) ? List.of(ym.atDay(r.dayOfMonth()))
                        : List.of();
            }
            case "relativeMonthly": {
                YearMonth ym = YearMonth.from(start).plusMonths((long) step * interval);
                return List.of(relative(ym, r.daysOfWeek().get(0), r.index()));
            }
            case "absoluteYearly": {
                YearMonth ym = YearMonth.of(start.getYear() + step * interval, r.month());
                return ym.isValidDay(r.dayOfMonth()) ? List.of(ym.atDay(r.dayOfMonth()))
                        : List.of();
            }
            case "relativeYearly": {
                YearMonth ym = YearMonth.of(start.getYear() + step * interval, r.month());
                return List.of(relative(ym, r.daysOfWeek().get(0), r.index()));
            }
            default:
                throw new IllegalArgumentException("unknown pattern " + r.patternType());
        }
    }

    private static LocalDate relative(YearMonth ym, DayOfWeek day, String index) {
        if (index.equals("last")) {
            return ym.atEndOfMonth().with(TemporalAdjusters.previousOrSame(day));
        }
        int n = switch (index) {
            case "second" -> 1;
            case "third" -> 2;
            case "fourth" -> 3;
            default -> 0;
        };
        return ym.atDay(1).with(TemporalAdjusters.firstInMonth(day)).plus(n, ChronoUnit.WEEKS);
    }
}
