package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * A calendar of a mailbox, Graph's {@code calendar}: a container of events in a calendar group.
 * Every mailbox has a default one named "Calendar".
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendar">calendar</a>
 */
public final class CalendarFolder {

    private final MailboxCalendars owner;
    private final int seq;
    private volatile String name;
    private volatile String color;
    private volatile java.time.Instant lastModified = java.time.Instant.EPOCH;
    private volatile boolean deleted;
    private final String hexColor;
    private final CalendarGroup group;
    private final boolean isDefault;

    CalendarFolder(MailboxCalendars owner, int seq, String name, String color, String hexColor,
            CalendarGroup group, boolean isDefault) {
        this.owner = owner;
        this.seq = seq;
        this.name = requireNonNull(name, "name");
        this.color = requireNonNull(color, "color");
        this.hexColor = requireNonNull(hexColor, "hexColor");
        this.group = requireNonNull(group, "group");
        this.isDefault = isDefault;
    }

    /** Returns the immutable id. */
    public String id() {
        return owner.calendarId(seq);
    }

    public String name() {
        return name;
    }

    /** Returns Graph's {@code calendarColor} member, such as {@code auto} or {@code lightBlue}. */
    public String color() {
        return color;
    }

    /** Returns the color as {@code #RRGGBB}, or empty for {@code auto}. */
    public String hexColor() {
        return hexColor;
    }

    /** Returns the group the calendar belongs to. */
    public CalendarGroup group() {
        return group;
    }

    /** Tells whether this is the mailbox's default calendar. */
    public boolean isDefault() {
        return isDefault;
    }

    /** Returns the owner of the calendar (the mailbox's user). */
    public EmailAddress owner() {
        return owner.mailbox().owner().emailAddress();
    }

    /** Returns a version stamp of the calendar. */
    public String changeKey() {
        return owner.changeKey(100_000 + seq, lastModified, 0);
    }

    /** Tells whether the calendar was deleted (it is then no longer listed or found). */
    public boolean isDeleted() {
        return deleted;
    }

    void rename(String newName, String newColor, java.time.Instant when) {
        this.name = requireNonNull(newName, "name");
        this.color = requireNonNull(newColor, "color");
        this.lastModified = requireNonNull(when, "when");
    }

    void markDeleted() {
        deleted = true;
    }

    @Override
    public String toString() {
        return "CalendarFolder[" + name + "]";
    }
}
