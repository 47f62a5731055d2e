package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An event as a calendar view shows it: a single event, a series master, an exception, or an
 * occurrence expanded from its master (which has an id of its own but no stored object).
 *
 * @param event the stored event whose properties the instance shows (the master for a plain
 *     occurrence)
 * @param type what the instance is
 * @param id the instance's id
 * @param occurrenceDate for occurrences and exceptions, the date the series gave it; else null
 * @param start the start as an instant
 * @param end the end as an instant
 */
public record EventInstance(CalendarEvent event, CalendarEvent.Type type, String id,
        LocalDate occurrenceDate, Instant start, Instant end) {

    /** Checks the parts are present. */
    public EventInstance {
        requireNonNull(event, "event");
        requireNonNull(type, "type");
        requireNonNull(id, "id");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
    }

    /** The instance of a stored event (single, master or exception) as it is. */
    public static EventInstance of(CalendarEvent e) {
        return new EventInstance(e, e.type(), e.id(), e.originalDate(), e.startInstant(),
                e.endInstant());
    }

    /** Returns the master of the series this belongs to, or null for a single event. */
    public CalendarEvent seriesMaster() {
        return switch (type) {
            case OCCURRENCE -> event;
            case EXCEPTION -> event.master();
            default -> null;
        };
    }

    /** Returns the start as a local time in the given zone (the floating date if all-day). */
    public LocalDateTime localStart(ZoneId zone) {
        return event.isAllDay() ? allDayLocal(start) : LocalDateTime.ofInstant(start, zone);
    }

    /** Returns the end as a local time in the given zone (the floating date if all-day). */
    public LocalDateTime localEnd(ZoneId zone) {
        return event.isAllDay() ? allDayLocal(end) : LocalDateTime.ofInstant(end, zone);
    }

    private LocalDateTime allDayLocal(Instant i) {
        // an all-day event covers whole days wherever it is seen
        return LocalDateTime.ofInstant(i, event.zone()).toLocalDate().atStartOfDay();
    }

    /** Returns the start the series planned for an occurrence or exception, else null. */
    public Instant originalStart() {
        if (occurrenceDate == null) {
            return null;
        }
        CalendarEvent master = seriesMaster();
        return occurrenceDate.atTime(master.start().toLocalTime()).atZone(master.zone())
                .toInstant();
    }
}
