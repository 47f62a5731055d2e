package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The calendars of one mailbox: calendar groups, calendars (a default "Calendar" in the group
 * "My Calendars"), and their events, with the expansion of recurring series into the instances
 * of a time window ({@code calendarView}, {@code instances}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendar">calendar</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-calendarview">List
 *     calendarView</a>
 */
public final class MailboxCalendars {

    /** Kind bytes of the ids, apart from those of mail items. */
    static final byte EVENT = 0x61;
    static final byte OCCURRENCE = 0x62;
    static final byte CALENDAR = 0x63;
    static final byte GROUP = 0x64;
    static final byte EVENT_ATTACHMENT = 0x65;

    private final Mailbox mailbox;
    private final List<CalendarGroup> groups = new ArrayList<>();
    private final List<CalendarFolder> calendars = new ArrayList<>();
    private final List<CalendarEvent> events = new ArrayList<>();
    private final CalendarFolder defaultCalendar;

    MailboxCalendars(Mailbox mailbox) {
        this.mailbox = requireNonNull(mailbox, "mailbox");
        CalendarGroup my = createGroup("My Calendars");
        this.defaultCalendar = new CalendarFolder(this, 0, "Calendar", "auto", "", my, true);
        calendars.add(defaultCalendar);
    }

    /** Returns the mailbox. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** Returns the default calendar. */
    public CalendarFolder defaultCalendar() {
        return defaultCalendar;
    }

    /** Returns the calendar groups in creation order. */
    public synchronized List<CalendarGroup> groups() {
        return List.copyOf(groups);
    }

    /** Returns the calendars in creation order, the default one first. */
    public synchronized List<CalendarFolder> calendars() {
        return calendars.stream().filter(c -> !c.isDeleted()).toList();
    }

    /** Creates a calendar group. */
    public synchronized CalendarGroup createGroup(String name) {
        CalendarGroup g = new CalendarGroup(this, groups.size(), name);
        groups.add(g);
        return g;
    }

    /** Creates a calendar in a group. */
    public synchronized CalendarFolder createCalendar(CalendarGroup group, String name,
            String color, String hexColor) {
        CalendarFolder c = new CalendarFolder(this, calendars.size(), name, color, hexColor,
                requireNonNull(group, "group"), false);
        calendars.add(c);
        return c;
    }

    /** Finds a calendar by id. */
    public synchronized Optional<CalendarFolder> calendar(String id) {
        int seq = decode(CALENDAR, id);
        return seq < 0 || seq >= calendars.size() || calendars.get(seq).isDeleted()
                ? Optional.empty() : Optional.of(calendars.get(seq));
    }

    /** Renames a calendar and sets its color. */
    public synchronized void updateCalendar(CalendarFolder calendar, String name, String color,
            Instant when) {
        requireStored(calendar);
        calendar.rename(name, color, when);
    }

    /**
     * Deletes a calendar with its events; the default calendar cannot be deleted.
     *
     * @throws IllegalArgumentException for the default calendar
     */
    public synchronized void deleteCalendar(CalendarFolder calendar) {
        requireStored(calendar);
        if (calendar.isDefault()) {
            throw new IllegalArgumentException("the default calendar cannot be deleted");
        }
        for (CalendarEvent e : events) {
            if (e.calendar() == calendar) {
                e.markDeleted();
            }
        }
        calendar.markDeleted();
    }

    private void requireStored(CalendarFolder calendar) {
        if (!calendars.contains(calendar) || calendar.isDeleted()) {
            throw new IllegalArgumentException("not a calendar of this mailbox: " + calendar);
        }
    }

    /**
     * Deletes a stored event: a series master with its exceptions; an exception leaves its
     * date cancelled in the series.
     */
    public synchronized void deleteEvent(CalendarEvent event) {
        if (!events.contains(event) || event.isDeleted()) {
            throw new IllegalArgumentException("not a stored event of this mailbox: " + event);
        }
        if (event.master() != null) {
            event.master().removeException(event.originalDate());
            event.master().cancelOccurrence(event.originalDate());
        }
        for (CalendarEvent x : event.exceptions().values()) {
            x.markDeleted();
        }
        event.markDeleted();
    }

    /** Finds a calendar group by id. */
    public synchronized Optional<CalendarGroup> group(String id) {
        int seq = decode(GROUP, id);
        return seq < 0 || seq >= groups.size() ? Optional.empty() : Optional.of(groups.get(seq));
    }

    /** Adds an event (single or series master) to a calendar. */
    public synchronized CalendarEvent addEvent(CalendarFolder calendar,
            CalendarEvent.Builder builder) {
        builder.check();
        CalendarEvent e = new CalendarEvent(this, events.size(), calendar, builder, null, null);
        events.add(e);
        return e;
    }

    /**
     * Replaces the occurrence of a series on {@code date} with an exception that has its own
     * properties and id.
     */
    public synchronized CalendarEvent addException(CalendarEvent master, LocalDate date,
            CalendarEvent.Builder builder) {
        if (master.type() != CalendarEvent.Type.SERIES_MASTER) {
            throw new IllegalArgumentException("not a series master: " + master);
        }
        builder.check();
        CalendarEvent e = new CalendarEvent(this, events.size(), master.calendar(), builder,
                master, date);
        events.add(e);
        master.addException(date, e);
        return e;
    }

    /** Applies a meeting action's changes to a stored event. */
    public synchronized void updateEvent(CalendarEvent event,
            java.util.function.Consumer<CalendarEvent.Editor> edit) {
        if (event.type() == CalendarEvent.Type.OCCURRENCE || !events.contains(event)
                || event.isDeleted()) {
            throw new IllegalArgumentException("not a stored event of this mailbox: " + event);
        }
        edit.accept(event.new Editor());
        event.changed();
    }

    /** Finds the stored event (single or series master) with an iCalendar uid. */
    public synchronized Optional<CalendarEvent> eventByICalUId(String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        return events.stream().filter(e -> e.master() == null && !e.isDeleted()
                && uid.equals(e.iCalUId())).findFirst();
    }

    /** Deletes the occurrence of a series on {@code date}. */
    public synchronized void cancelOccurrence(CalendarEvent master, LocalDate date) {
        master.cancelOccurrence(date);
    }

    /** Returns the single events and series masters of all calendars, in creation order. */
    public synchronized List<CalendarEvent> events() {
        return events.stream().filter(e -> e.master() == null && !e.isDeleted()).toList();
    }

    /** Returns the single events and series masters of one calendar. */
    public synchronized List<CalendarEvent> events(CalendarFolder calendar) {
        return events.stream().filter(e -> e.master() == null && !e.isDeleted()
                && e.calendar() == calendar).toList();
    }

    /** Finds an instance by id: a stored event, an exception or an expanded occurrence. */
    public synchronized Optional<EventInstance> instance(String id) {
        int seq = decode(EVENT, id);
        if (seq >= 0) {
            return seq < events.size() && !events.get(seq).isDeleted()
                    ? Optional.of(EventInstance.of(events.get(seq))) : Optional.empty();
        }
        int occ = decode(OCCURRENCE, id);
        if (occ < 0) {
            return Optional.empty();
        }
        int masterSeq = occ >>> 16;
        LocalDate date = LocalDate.ofEpochDay(occ & 0xFFFF);
        if (masterSeq >= events.size()) {
            return Optional.empty();
        }
        CalendarEvent master = events.get(masterSeq);
        if (master.type() != CalendarEvent.Type.SERIES_MASTER || master.isDeleted()
                || master.cancelledOccurrences().contains(date)
                || master.exceptions().containsKey(date)
                || RecurrenceExpander.dates(master.recurrence(), date, date).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(occurrence(master, date));
    }

    /**
     * Returns the instances of a series master that overlap {@code [from, to)}: occurrences and
     * exceptions, without cancelled occurrences, ordered by start.
     */
    public List<EventInstance> instances(CalendarEvent master, Instant from, Instant to) {
        List<EventInstance> out = new ArrayList<>();
        if (master.type() != CalendarEvent.Type.SERIES_MASTER) {
            return out;
        }
        ZoneId zone = master.zone();
        Duration length = master.duration();
        // A series date starts at the master's time of day; widen by the length to catch an
        // occurrence that started the day before and still runs.
        LocalDate first = from.minus(length).atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        var exceptions = master.exceptions();
        var cancelled = master.cancelledOccurrences();
        for (LocalDate d : RecurrenceExpander.dates(master.recurrence(), first, last)) {
            if (cancelled.contains(d)) {
                continue;
            }
            CalendarEvent exception = exceptions.get(d);
            EventInstance i = exception != null ? EventInstance.of(exception)
                    : occurrence(master, d);
            if (overlaps(i, from, to)) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparing(EventInstance::start));
        return out;
    }

    /**
     * Returns what a calendar view of {@code [from, to)} shows: single events and the instances
     * of series that overlap the window, ordered by start; {@code calendar} null = every
     * calendar.
     */
    public List<EventInstance> view(CalendarFolder calendar, Instant from, Instant to) {
        List<EventInstance> out = new ArrayList<>();
        for (CalendarEvent e : calendar == null ? events() : events(calendar)) {
            if (e.type() == CalendarEvent.Type.SERIES_MASTER) {
                out.addAll(instances(e, from, to));
            } else {
                EventInstance i = EventInstance.of(e);
                if (overlaps(i, from, to)) {
                    out.add(i);
                }
            }
        }
        out.sort(Comparator.comparing(EventInstance::start).thenComparing(EventInstance::id));
        return out;
    }

    private static boolean overlaps(EventInstance i, Instant from, Instant to) {
        if (i.start().equals(i.end())) {
            return !i.start().isBefore(from) && i.start().isBefore(to);
        }
        return i.start().isBefore(to) && i.end().isAfter(from);
    }

    private EventInstance occurrence(CalendarEvent master, LocalDate date) {
        Instant start = date.atTime(master.start().toLocalTime()).atZone(master.zone())
                .toInstant();
        return new EventInstance(master, CalendarEvent.Type.OCCURRENCE,
                ItemIds.encode(OCCURRENCE, mailbox.key(), (master.seq() << 16)
                        | (int) date.toEpochDay()), date, start,
                start.plus(master.duration()));
    }

    String eventId(int seq) {
        return ItemIds.encode(EVENT, mailbox.key(), seq);
    }

    String calendarId(int seq) {
        return ItemIds.encode(CALENDAR, mailbox.key(), seq);
    }

    String groupId(int seq) {
        return ItemIds.encode(GROUP, mailbox.key(), seq);
    }

    String attachmentId(int eventSeq, int index) {
        return ItemIds.encode(EVENT_ATTACHMENT, mailbox.key(), eventSeq, index);
    }

    String changeKey(int seq, Instant modified, int changes) {
        byte[] b = ByteBuffer.allocate(16).putInt(seq).putLong(modified.getEpochSecond())
                .putInt(changes).array();
        return Base64.getEncoder().encodeToString(b);
    }

    private int decode(byte kind, String id) {
        try {
            return ItemIds.decode(kind, mailbox.key(), id);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
