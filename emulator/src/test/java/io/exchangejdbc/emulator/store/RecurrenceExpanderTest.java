package io.exchangejdbc.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dates of each recurrence pattern and range, as Graph's recurrence documents them. */
class RecurrenceExpanderTest {

    private static final LocalDate FAR = LocalDate.of(2030, 1, 1);

    private static List<LocalDate> dates(Recurrence r, LocalDate from, LocalDate to) {
        return RecurrenceExpander.dates(r, from, to);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void dailyEveryOtherDayForThreeOccurrences() {
        Recurrence r = Recurrence.daily(2, d("2026-11-01"), "UTC").times(3);
        assertEquals(List.of(d("2026-11-01"), d("2026-11-03"), d("2026-11-05")),
                dates(r, d("2026-01-01"), FAR));
    }

    @Test
    void weeklyOnTuesdaysAndThursdaysUntilAnEndDate() {
        // 2026-11-05 is a Thursday: the first occurrence is on or after the start date
        Recurrence r = Recurrence.weekly(1, List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                d("2026-11-05"), "UTC").until(d("2026-11-17"));
        assertEquals(List.of(d("2026-11-05"), d("2026-11-10"), d("2026-11-12"),
                d("2026-11-17")), dates(r, d("2026-01-01"), FAR));
    }

    @Test
    void everyOtherWeekCountsWeeksFromTheFirstDayOfTheWeek() {
        Recurrence r = Recurrence.weekly(2, List.of(DayOfWeek.MONDAY), d("2026-11-02"), "UTC")
                .times(3);
        assertEquals(List.of(d("2026-11-02"), d("2026-11-16"), d("2026-11-30")),
                dates(r, d("2026-01-01"), FAR));
    }

    @Test
    void absoluteMonthlySkipsMonthsWithoutTheDay() {
        Recurrence r = Recurrence.absoluteMonthly(1, 31, d("2026-01-31"), "UTC")
                .until(d("2026-05-31"));
        assertEquals(List.of(d("2026-01-31"), d("2026-03-31"), d("2026-05-31")),
                dates(r, d("2026-01-01"), FAR));
    }

    @Test
    void relativeMonthlyFirstAndLastWeekday() {
        Recurrence first = Recurrence.relativeMonthly(1, DayOfWeek.MONDAY, "first",
                d("2026-09-01"), "UTC").times(3);
        assertEquals(List.of(d("2026-09-07"), d("2026-10-05"), d("2026-11-02")),
                dates(first, d("2026-01-01"), FAR));
        Recurrence last = Recurrence.relativeMonthly(1, DayOfWeek.FRIDAY, "last",
                d("2026-11-01"), "UTC").times(2);
        assertEquals(List.of(d("2026-11-27"), d("2026-12-25")),
                dates(last, d("2026-01-01"), FAR));
    }

    @Test
    void yearlyWithoutEndWithinAWindow() {
        Recurrence r = Recurrence.absoluteYearly(1, 12, 5, d("2020-12-05"), "UTC");
        assertEquals(List.of(d("2025-12-05"), d("2026-12-05")),
                dates(r, d("2025-01-01"), d("2026-12-31")));
    }

    @Test
    void aNumberedRangeCountsOccurrencesBeforeTheWindow() {
        Recurrence r = Recurrence.daily(1, d("2026-11-01"), "UTC").times(5);
        assertEquals(List.of(d("2026-11-04"), d("2026-11-05")),
                dates(r, d("2026-11-04"), FAR));
    }
}
