package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Mailbox;
import java.time.Instant;
import java.util.List;

/**
 * Where GetUserAvailability learns when a mailbox is busy: the calendar entries overlapping a
 * time window. A store without calendars has none.
 */
@FunctionalInterface
interface BusyTimes {

    /**
     * A busy period.
     *
     * @param start its start
     * @param end its end
     * @param busyType {@code Free}, {@code Tentative}, {@code Busy}, {@code OOF} or
     *     {@code WorkingElsewhere}
     * @param subject the subject shown in detailed views, or null
     * @param location the location shown in detailed views, or null
     */
    record Busy(Instant start, Instant end, String busyType, String subject, String location) {
    }

    /** Returns the busy periods of a mailbox overlapping {@code [from, to)}, by start. */
    List<Busy> between(Mailbox mailbox, Instant from, Instant to);

    /** A calendar-less store: nobody is ever busy. */
    BusyTimes NONE = (mailbox, from, to) -> List.of();
}
