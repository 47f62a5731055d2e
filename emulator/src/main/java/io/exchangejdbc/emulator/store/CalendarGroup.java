package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * A calendar group of a mailbox, Graph's {@code calendarGroup}: a named set of calendars
 * ("My Calendars" holds the default calendar).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendargroup">calendarGroup</a>
 */
public final class CalendarGroup {

    private final MailboxCalendars owner;
    private final int seq;
    private final String name;
    private final String classId;

    CalendarGroup(MailboxCalendars owner, int seq, String name) {
        this.owner = owner;
        this.seq = seq;
        this.name = requireNonNull(name, "name");
        this.classId = UUID.nameUUIDFromBytes((owner.mailbox().owner().id() + "/group/" + seq)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Returns the immutable id. */
    public String id() {
        return owner.groupId(seq);
    }

    public String name() {
        return name;
    }

    /** Returns the class id (a GUID) of the group. */
    public String classId() {
        return classId;
    }

    /** Returns a version stamp of the group. */
    public String changeKey() {
        return owner.changeKey(-1 - seq, java.time.Instant.EPOCH, 0);
    }

    /** Returns the calendars of the group, in creation order. */
    public List<CalendarFolder> calendars() {
        return owner.calendars().stream().filter(c -> c.group() == this).toList();
    }

    @Override
    public String toString() {
        return "CalendarGroup[" + name + "]";
    }
}
