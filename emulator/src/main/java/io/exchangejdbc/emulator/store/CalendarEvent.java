package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An event of a calendar, as Graph's {@code event} describes it: a single instance, the master
 * of a recurring series, or an exception (a changed occurrence) of a series. Start and end are
 * kept as the organiser gave them, a local time and the name of its zone (Windows or IANA), so
 * that a client can be answered in any zone. Occurrences of a series are not stored; they are
 * expanded from the master's recurrence when asked for ({@link RecurrenceExpander}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/event">event</a>
 */
public final class CalendarEvent {

    /** Graph's {@code eventType} of a stored event. */
    public enum Type {
        SINGLE_INSTANCE("singleInstance"), OCCURRENCE("occurrence"), EXCEPTION("exception"),
        SERIES_MASTER("seriesMaster");

        private final String graphName;

        Type(String graphName) {
            this.graphName = graphName;
        }

        /** Returns the member name as Graph spells it. */
        public String graphName() {
            return graphName;
        }
    }

    private final MailboxCalendars owner;
    private final int seq;
    private final CalendarFolder calendar;
    private volatile String subject;
    private volatile ItemBody body;
    private volatile LocalDateTime start;
    private volatile String startZone;
    private volatile LocalDateTime end;
    private volatile String endZone;
    private volatile boolean allDay;
    private final EmailAddress organizer;
    private volatile List<Attendee> attendees;
    private volatile String location;
    private volatile List<String> categories;
    private volatile Importance importance;
    private volatile String showAs;
    private volatile String sensitivity;
    private volatile boolean cancelled;
    private volatile boolean onlineMeeting;
    private volatile String onlineMeetingProvider;
    private volatile boolean allowNewTimeProposals;
    private volatile boolean hideAttendees;
    private volatile boolean deleted;
    private volatile boolean reminderOn;
    private volatile int reminderMinutesBeforeStart;
    private volatile boolean responseRequested;
    private volatile Recurrence recurrence;
    private final CalendarEvent master;
    private final LocalDate originalDate;
    private final String iCalUId;
    private final Instant created;
    private volatile Instant lastModified;
    /** Changes made since creation, so that two changes within a second differ in change key. */
    private volatile int changeNumber;
    private volatile List<Attachment> attachments;
    private final Map<LocalDate, CalendarEvent> exceptions = new TreeMap<>();
    private final Set<LocalDate> cancelledOccurrences = new TreeSet<>();

    CalendarEvent(MailboxCalendars owner, int seq, CalendarFolder calendar, Builder b,
            CalendarEvent master, LocalDate originalDate) {
        this.owner = owner;
        this.seq = seq;
        this.calendar = calendar;
        this.subject = b.subject;
        this.body = b.body;
        this.start = b.start;
        this.startZone = b.startZone;
        this.end = b.end;
        this.endZone = b.endZone;
        this.allDay = b.allDay;
        this.organizer = b.organizer;
        this.attendees = List.copyOf(b.attendees);
        this.location = b.location;
        this.categories = List.copyOf(b.categories);
        this.importance = b.importance;
        this.showAs = b.showAs;
        this.sensitivity = b.sensitivity;
        this.cancelled = b.cancelled;
        this.onlineMeeting = b.onlineMeeting;
        this.onlineMeetingProvider = b.onlineMeetingProvider;
        this.allowNewTimeProposals = b.allowNewTimeProposals;
        this.hideAttendees = b.hideAttendees;
        this.reminderOn = b.reminderOn;
        this.reminderMinutesBeforeStart = b.reminderMinutesBeforeStart;
        this.responseRequested = b.responseRequested;
        this.recurrence = master == null ? b.recurrence : null;
        this.master = master;
        this.originalDate = originalDate;
        this.iCalUId = master != null ? master.iCalUId : b.iCalUId;
        this.created = b.created;
        this.lastModified = b.lastModified == null ? b.created : b.lastModified;
        this.attachments = List.copyOf(b.attachments);
    }

    /** Starts an event from its subject, local start and end, and the zone they are in. */
    public static Builder builder(String subject, LocalDateTime start, LocalDateTime end,
            String timeZone) {
        return new Builder(subject, start, end, timeZone);
    }

    MailboxCalendars owner() {
        return owner;
    }

    int seq() {
        return seq;
    }

    /** Returns the immutable id. */
    public String id() {
        return owner.eventId(seq);
    }

    /** Returns the calendar holding the event. */
    public CalendarFolder calendar() {
        return calendar;
    }

    /** Returns the kind of event. */
    public Type type() {
        if (master != null) {
            return Type.EXCEPTION;
        }
        return recurrence == null ? Type.SINGLE_INSTANCE : Type.SERIES_MASTER;
    }

    /** Returns the series master of an exception, else null. */
    public CalendarEvent master() {
        return master;
    }

    /** Returns the occurrence date an exception replaces, else null. */
    public LocalDate originalDate() {
        return originalDate;
    }

    public String subject() {
        return subject;
    }

    public ItemBody body() {
        return body;
    }

    /** Returns the local start, in {@link #startZone()}. */
    public LocalDateTime start() {
        return start;
    }

    /** Returns the zone name the organiser gave the start in. */
    public String startZone() {
        return startZone;
    }

    /** Returns the local end, in {@link #endZone()}. */
    public LocalDateTime end() {
        return end;
    }

    /** Returns the zone name the organiser gave the end in. */
    public String endZone() {
        return endZone;
    }

    /** Returns the start as an instant. */
    public Instant startInstant() {
        return start.atZone(TimeZones.require(startZone)).toInstant();
    }

    /** Returns the end as an instant. */
    public Instant endInstant() {
        return end.atZone(TimeZones.require(endZone)).toInstant();
    }

    /** Returns the time between start and end. */
    public Duration duration() {
        return Duration.between(startInstant(), endInstant());
    }

    /** Returns the zone of the start. */
    public ZoneId zone() {
        return TimeZones.require(startZone);
    }

    public boolean isAllDay() {
        return allDay;
    }

    public EmailAddress organizer() {
        return organizer;
    }

    public List<Attendee> attendees() {
        return attendees;
    }

    /** Returns the display name of the location, or null. */
    public String location() {
        return location;
    }

    public List<String> categories() {
        return categories;
    }

    public Importance importance() {
        return importance;
    }

    /** Returns Graph's {@code freeBusyStatus} member, such as {@code busy}. */
    public String showAs() {
        return showAs;
    }

    /** Returns Graph's {@code sensitivity} member, such as {@code normal}. */
    public String sensitivity() {
        return sensitivity;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isOnlineMeeting() {
        return onlineMeeting;
    }

    /**
     * Returns Graph's {@code onlineMeetingProvider} member of an online meeting
     * ({@code teamsForBusiness} unless another was chosen), {@code unknown} otherwise.
     */
    public String onlineMeetingProvider() {
        return onlineMeeting ? onlineMeetingProvider : "unknown";
    }

    public boolean allowNewTimeProposals() {
        return allowNewTimeProposals;
    }

    public boolean hideAttendees() {
        return hideAttendees;
    }

    /** Tells whether the event was deleted (it is then no longer listed or found). */
    public boolean isDeleted() {
        return deleted;
    }

    /** A builder holding the event's current properties, to change some and apply them. */
    public Builder toBuilder() {
        Builder b = new Builder(subject, start, end, startZone);
        b.endZone = endZone;
        b.body = body;
        b.allDay = allDay;
        b.organizer = organizer;
        b.attendees.addAll(attendees);
        b.location = location;
        b.categories.addAll(categories);
        b.importance = importance;
        b.showAs = showAs;
        b.sensitivity = sensitivity;
        b.cancelled = cancelled;
        b.onlineMeeting = onlineMeeting;
        b.onlineMeetingProvider = onlineMeetingProvider;
        b.allowNewTimeProposals = allowNewTimeProposals;
        b.hideAttendees = hideAttendees;
        b.reminderOn = reminderOn;
        b.reminderMinutesBeforeStart = reminderMinutesBeforeStart;
        b.responseRequested = responseRequested;
        b.recurrence = recurrence;
        b.iCalUId = iCalUId;
        b.created = created;
        b.lastModified = lastModified;
        b.attachments.addAll(attachments);
        return b;
    }

    public boolean isReminderOn() {
        return reminderOn;
    }

    public int reminderMinutesBeforeStart() {
        return reminderMinutesBeforeStart;
    }

    public boolean responseRequested() {
        return responseRequested;
    }

    /** Returns the recurrence of a series master, else null. */
    public Recurrence recurrence() {
        return recurrence;
    }

    public String iCalUId() {
        return iCalUId;
    }

    public Instant createdDateTime() {
        return created;
    }

    public Instant lastModifiedDateTime() {
        return lastModified;
    }

    /** Returns a version stamp derived from the id and the last change. */
    public String changeKey() {
        return owner.changeKey(seq, lastModified, changeNumber);
    }

    /** Counts a change of the event (its change key moves even within the same second). */
    void changed() {
        changeNumber++;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    public boolean hasAttachments() {
        for (Attachment a : attachments) {
            if (!a.inline()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the id of the attachment at a position. */
    public String attachmentId(int index) {
        return owner.attachmentId(seq, index);
    }

    /** Returns the exceptions of a series master by the date of the occurrence they replace. */
    public synchronized Map<LocalDate, CalendarEvent> exceptions() {
        return Collections.unmodifiableMap(new TreeMap<>(exceptions));
    }

    /** Returns the dates of the cancelled (deleted) occurrences of a series master. */
    public synchronized Set<LocalDate> cancelledOccurrences() {
        return Collections.unmodifiableSet(new TreeSet<>(cancelledOccurrences));
    }

    synchronized void addException(LocalDate date, CalendarEvent exception) {
        exceptions.put(date, exception);
    }

    synchronized void cancelOccurrence(LocalDate date) {
        cancelledOccurrences.add(date);
    }

    synchronized void removeException(LocalDate date) {
        exceptions.remove(date);
    }

    void markDeleted() {
        deleted = true;
    }

    @Override
    public String toString() {
        return "CalendarEvent[" + subject + " " + start + " " + startZone + "]";
    }

    private volatile Instant reminderSnoozedUntil;

    /** Returns when a snoozed reminder fires again, or null when it was not snoozed. */
    public Instant reminderSnoozedUntil() {
        return reminderSnoozedUntil;
    }

    /**
     * The changes that meeting actions make to a stored event; used inside
     * {@link MailboxCalendars#updateEvent(CalendarEvent, java.util.function.Consumer)}.
     */
    public final class Editor {

        Editor() {
        }

        /** Records an attendee's response; an address that is not an attendee is ignored. */
        public Editor response(String address, String response, Instant when) {
            List<Attendee> list = new ArrayList<>(attendees);
            for (int i = 0; i < list.size(); i++) {
                Attendee a = list.get(i);
                if (a.emailAddress().address().equalsIgnoreCase(address)) {
                    list.set(i, new Attendee(a.emailAddress(), a.type(), response, when));
                }
            }
            attendees = List.copyOf(list);
            return this;
        }

        /**
         * Replaces the event's properties with those of a builder (made from
         * {@link CalendarEvent#toBuilder()} and changed), as an update does; a new recurrence
         * drops the exceptions and cancelled occurrences of the old one.
         */
        public Editor replace(Builder b, Instant modified) {
            b.check();
            if (master != null && b.recurrence != null) {
                throw new IllegalArgumentException("an exception cannot recur");
            }
            subject = b.subject;
            body = b.body;
            start = b.start;
            startZone = b.startZone;
            end = b.end;
            endZone = b.endZone;
            allDay = b.allDay;
            attendees = List.copyOf(b.attendees);
            location = b.location;
            categories = List.copyOf(b.categories);
            importance = b.importance;
            showAs = b.showAs;
            sensitivity = b.sensitivity;
            onlineMeeting = b.onlineMeeting;
            onlineMeetingProvider = b.onlineMeetingProvider;
            allowNewTimeProposals = b.allowNewTimeProposals;
            hideAttendees = b.hideAttendees;
            reminderOn = b.reminderOn;
            reminderMinutesBeforeStart = b.reminderMinutesBeforeStart;
            responseRequested = b.responseRequested;
            if (master == null && !java.util.Objects.equals(recurrence, b.recurrence)) {
                synchronized (CalendarEvent.this) {
                    for (CalendarEvent e : exceptions.values()) {
                        e.markDeleted();
                    }
                    exceptions.clear();
                    cancelledOccurrences.clear();
                }
                recurrence = b.recurrence;
            }
            lastModified = requireNonNull(modified, "modified");
            return this;
        }

        /** Marks the event cancelled. */
        public Editor cancel() {
            cancelled = true;
            return this;
        }

        /** Turns the reminder off, as dismissing it does. */
        public Editor dismissReminder() {
            reminderOn = false;
            reminderSnoozedUntil = null;
            return this;
        }

        /** Replaces the attachments (removing one renumbers those after it). */
        public Editor attachments(List<Attachment> list) {
            if (list.size() > 256) {
                throw new IllegalArgumentException("more than 256 attachments");
            }
            attachments = List.copyOf(list);
            return this;
        }

        /** Makes the reminder fire again at the given time. */
        public Editor snoozeReminder(Instant until) {
            reminderSnoozedUntil = until;
            return this;
        }
    }

    /** Builder of events; the mailbox's calendars give it its id. */
    public static final class Builder {
        private String subject;
        private ItemBody body = ItemBody.html("");
        private LocalDateTime start;
        private String startZone;
        private LocalDateTime end;
        private String endZone;
        private boolean allDay;
        private EmailAddress organizer;
        private final List<Attendee> attendees = new ArrayList<>();
        private String location;
        private final List<String> categories = new ArrayList<>();
        private Importance importance = Importance.NORMAL;
        private String showAs = "busy";
        private String sensitivity = "normal";
        private boolean cancelled;
        private boolean onlineMeeting;
        private String onlineMeetingProvider = "teamsForBusiness";
        private boolean allowNewTimeProposals = true;
        private boolean hideAttendees;
        private boolean reminderOn = true;
        private int reminderMinutesBeforeStart = 15;
        private boolean responseRequested = true;
        private Recurrence recurrence;
        private String iCalUId;
        private Instant created = Instant.EPOCH;
        private Instant lastModified;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder(String subject, LocalDateTime start, LocalDateTime end, String zone) {
            this.subject = requireNonNull(subject, "subject");
            this.start = requireNonNull(start, "start");
            this.end = requireNonNull(end, "end");
            this.startZone = requireNonNull(zone, "zone");
            this.endZone = zone;
            TimeZones.require(zone);
        }

        public Builder subject(String v) {
            this.subject = requireNonNull(v, "subject");
            return this;
        }

        /** Sets the start and end, each local time in its zone (Windows or IANA name). */
        public Builder times(LocalDateTime from, String fromZone, LocalDateTime to,
                String toZone) {
            TimeZones.require(fromZone);
            TimeZones.require(toZone);
            this.start = requireNonNull(from, "from");
            this.startZone = fromZone;
            this.end = requireNonNull(to, "to");
            this.endZone = toZone;
            return this;
        }

        /** Replaces the attendees. */
        public Builder attendees(List<Attendee> v) {
            this.attendees.clear();
            this.attendees.addAll(v);
            return this;
        }

        public Builder onlineMeetingProvider(String v) {
            this.onlineMeetingProvider = requireNonNull(v, "onlineMeetingProvider");
            return this;
        }

        public Builder allowNewTimeProposals(boolean v) {
            this.allowNewTimeProposals = v;
            return this;
        }

        public Builder hideAttendees(boolean v) {
            this.hideAttendees = v;
            return this;
        }

        /** The current start (local, in {@link #startZone()}). */
        public LocalDateTime start() {
            return start;
        }

        public String startZone() {
            return startZone;
        }

        public LocalDateTime end() {
            return end;
        }

        public String endZone() {
            return endZone;
        }

        public List<Attendee> attendees() {
            return List.copyOf(attendees);
        }

        public boolean reminderOn() {
            return reminderOn;
        }

        public int reminderMinutesBeforeStart() {
            return reminderMinutesBeforeStart;
        }

        public Builder body(ItemBody v) {
            this.body = requireNonNull(v, "body");
            return this;
        }

        /** An all-day event: start and end must be midnights, the end one after the last day. */
        public Builder allDay(boolean v) {
            this.allDay = v;
            return this;
        }

        public Builder organizer(EmailAddress v) {
            this.organizer = v;
            return this;
        }

        public Builder attendee(Attendee v) {
            this.attendees.add(requireNonNull(v, "attendee"));
            return this;
        }

        public Builder location(String v) {
            this.location = v;
            return this;
        }

        /** Replaces the categories. */
        public Builder categories(List<String> v) {
            this.categories.clear();
            this.categories.addAll(v);
            return this;
        }

        public Builder importance(Importance v) {
            this.importance = requireNonNull(v, "importance");
            return this;
        }

        public Builder showAs(String v) {
            this.showAs = requireNonNull(v, "showAs");
            return this;
        }

        public Builder sensitivity(String v) {
            this.sensitivity = requireNonNull(v, "sensitivity");
            return this;
        }

        public Builder cancelled(boolean v) {
            this.cancelled = v;
            return this;
        }

        public Builder onlineMeeting(boolean v) {
            this.onlineMeeting = v;
            return this;
        }

        public Builder reminder(boolean on, int minutesBeforeStart) {
            this.reminderOn = on;
            this.reminderMinutesBeforeStart = minutesBeforeStart;
            return this;
        }

        public Builder responseRequested(boolean v) {
            this.responseRequested = v;
            return this;
        }

        /** Makes the event the master of a series. */
        public Builder recurrence(Recurrence v) {
            this.recurrence = v;
            return this;
        }

        public Builder iCalUId(String v) {
            this.iCalUId = v;
            return this;
        }

        public Builder created(Instant v) {
            this.created = requireNonNull(v, "created");
            return this;
        }

        public Builder lastModified(Instant v) {
            this.lastModified = v;
            return this;
        }

        public Builder attachment(Attachment v) {
            this.attachments.add(requireNonNull(v, "attachment"));
            return this;
        }

        void check() {
            if (end.atZone(TimeZones.require(endZone)).toInstant().isBefore(
                    start.atZone(TimeZones.require(startZone)).toInstant())) {
                throw new IllegalArgumentException("end before start: " + subject);
            }
            if (allDay && (!start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    || !end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    || !end.isAfter(start))) {
                throw new IllegalArgumentException("an all-day event runs midnight to midnight");
            }
        }
    }
}
