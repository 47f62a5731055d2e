package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnSpec.LONG_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.UNBOUNDED_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.col;
import static io.exchangejdbc.schema.ColumnSpec.json;
import static io.exchangejdbc.schema.ColumnSpec.pseudo;
import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.DATE;
import static io.exchangejdbc.schema.ColumnType.INTEGER;
import static io.exchangejdbc.schema.ColumnType.TIMESTAMP;
import static io.exchangejdbc.schema.ColumnType.VARBINARY;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;
import static io.exchangejdbc.schema.FilterOp.COMPARABLE;
import static io.exchangejdbc.schema.FilterOp.EQ;
import static io.exchangejdbc.schema.FilterOp.EQUALITY;
import static io.exchangejdbc.schema.FilterOp.STARTS_WITH;

import java.util.ArrayList;
import java.util.List;

/**
 * The calendar tables and views of {@code Schema=MSGraph}, declared from the Graph v1.0 CSDL
 * types {@code event}, {@code calendar}, {@code calendarGroup} and {@code fileAttachment} with
 * the rules of {@link GraphCatalog}: {@code Events}, {@code Calendars}, {@code CalendarGroups},
 * and the views {@code CalendarView} and {@code EventInstances} (occurrences of a time window,
 * which Graph requires) and {@code EventAttachments}.
 *
 * <p>An event's {@code start} and {@code end} ({@code dateTimeTimeZone}) become a TIMESTAMP in
 * UTC, converted from the zone named in the value itself (Windows or IANA name), plus that
 * zone's name. Start and end are declared neither filterable nor sortable: the service
 * compares and orders their text ({@code start/dateTime} is a string written in the zone of the
 * request), which SQL cannot rely on, so Calcite compares and orders the converted values; on
 * the views they bound the window instead.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/event">event</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendar">calendar</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendargroup">calendarGroup</a>
 */
final class GraphCalendarTables {

    private static final String WINDOW_RULE = " Graph serves it only for a time window: bound"
            + " it with start_dateTime >= ... (or end_dateTime > ...) and end_dateTime <= ..."
            + " (or start_dateTime < ...); the rows are the instances that overlap the window,"
            + " and the predicates are checked again on them.";
    private static final GraphResource.Window WINDOW = new GraphResource.Window(
            "start_dateTime", "end_dateTime", "startDateTime", "endDateTime");

    private GraphCalendarTables() {
    }

    /** {@code Events}: single events and series masters of every calendar of a mailbox. */
    static TableSpec events() {
        return TableSpec.table("Events")
                .describe("Events of a mailbox's calendars: single events and the masters of"
                        + " recurring series, not their occurrences (see CalendarView). UserId"
                        + " chooses the mailbox; calendarId = '...' reads one calendar.")
                .graph(new GraphResource(true, "events",
                        List.of(new GraphResource.Route("calendarId",
                                "calendars/{value}/events")),
                        null, 250, 1000, "https://learn.microsoft.com/graph/api/user-list-events"))
                .writes(GraphWrite.builder("https://learn.microsoft.com/graph/api/user-post-events")
                        .create("events")
                        .createRoute("calendarId", "calendars/{value}/events")
                        .require("start_dateTime", "end_dateTime")
                        .update("events/{id}")
                        .delete("events/{id}")
                        .build())
                .columns(eventColumns(true, pseudo("calendarId", VARCHAR).filter(EQ)
                        .describe("Calendar whose events are read: an equality on it reads"
                                + " /calendars/{calendarId}/events. Input only: in a row it"
                                + " shows the calendar read, else null."), "events"));
    }

    /** {@code CalendarView}: the instances of a time window, series expanded. */
    static TableSpec calendarView() {
        return TableSpec.view("CalendarView")
                .describe("What a calendar shows for a time window: single events,"
                        + " occurrences and exceptions of recurring series (cancelled"
                        + " occurrences left out), one row each." + WINDOW_RULE
                        + " calendarId = '...' reads one calendar.")
                .graph(new GraphResource(true, "calendarView",
                        List.of(new GraphResource.Route("calendarId",
                                "calendars/{value}/calendarView")),
                        null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-calendarview", WINDOW,
                        null))
                .readOnly()
                .columns(eventColumns(false, pseudo("calendarId", VARCHAR).filter(EQ)
                        .describe("Calendar whose view is read: an equality on it reads"
                                + " /calendars/{calendarId}/calendarView. Input only."),
                        "calendar views"));
    }

    /** {@code EventInstances}: occurrences and exceptions of one series in a window. */
    static TableSpec eventInstances() {
        return TableSpec.view("EventInstances")
                .describe("Occurrences and exceptions of one recurring series: needs eventId ="
                        + " '...' (the series master's id)." + WINDOW_RULE)
                .graph(new GraphResource(true, "events",
                        List.of(new GraphResource.Route("eventId",
                                "events/{value}/instances", true)),
                        null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/event-list-instances", WINDOW,
                        null))
                .readOnly()
                .columns(eventColumns(false, pseudo("eventId", VARCHAR).key().filter(EQ)
                        .describe("Id of the series master whose instances are read"
                                + " (/events/{eventId}/instances); required. Input only."),
                        "series instances"));
    }

    /** {@code Calendars}: the calendars of a mailbox. */
    static TableSpec calendars() {
        return TableSpec.table("Calendars")
                .describe("Calendars of a mailbox (one row per calendar), the default"
                        + " 'Calendar' included. UserId chooses the mailbox;"
                        + " calendarGroupId = '...' reads the calendars of one group.")
                .graph(new GraphResource(true, "calendars",
                        List.of(new GraphResource.Route("calendarGroupId",
                                "calendarGroups/{value}/calendars")),
                        null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-calendars"))
                .writes(GraphWrite.builder(
                                "https://learn.microsoft.com/graph/api/user-post-calendars")
                        .create("calendars")
                        .createRoute("calendarGroupId", "calendarGroups/{value}/calendars")
                        .require("name")
                        .update("calendars/{id}")
                        .delete("calendars/{id}")
                        .build())
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the calendar; Events.calendarId takes"
                                        + " it."),
                        json("allowedOnlineMeetingProviders").readOnly()
                                .describe("Online meeting services the calendar can create"
                                        + " meetings with, as a JSON array such as"
                                        + " [\"teamsForBusiness\"]."),
                        col("canEdit", BOOLEAN).readOnly()
                                .describe("Whether the reader can write events of the"
                                        + " calendar."),
                        col("canShare", BOOLEAN).readOnly()
                                .describe("Whether the reader can share the calendar."),
                        col("canViewPrivateItems", BOOLEAN).readOnly()
                                .describe("Whether the reader can see the events marked"
                                        + " private."),
                        col("changeKey", VARCHAR).readOnly()
                                .describe("Version stamp of the calendar; changes with it."),
                        col("color", VARCHAR)
                                .describe("Color of the calendar in Outlook, such as 'auto' or"
                                        + " 'lightBlue'."),
                        col("defaultOnlineMeetingProvider", VARCHAR)
                                .describe("Online meeting service new meetings use, such as"
                                        + " 'teamsForBusiness'."),
                        col("hexColor", VARCHAR).readOnly()
                                .describe("Color of the calendar as #RRGGBB; empty when the"
                                        + " color is 'auto'."),
                        col("isDefaultCalendar", BOOLEAN).readOnly()
                                .describe("True for the mailbox's default calendar."),
                        col("isRemovable", BOOLEAN).readOnly()
                                .describe("Whether the calendar can be deleted (the default one"
                                        + " cannot)."),
                        col("isTallyingResponses", BOOLEAN).readOnly()
                                .describe("Whether the calendar keeps meeting responses."),
                        col("name", VARCHAR).filter(EQ)
                                .describe("Name of the calendar."),
                        col("owner_address", VARCHAR).readOnly()
                                .describe("Email address of the calendar's owner."),
                        col("owner_name", VARCHAR).readOnly()
                                .describe("Display name of the calendar's owner."),
                        pseudo("calendarGroupId", VARCHAR).filter(EQ)
                                .describe("Calendar group whose calendars are read: an equality"
                                        + " on it reads /calendarGroups/{calendarGroupId}/"
                                        + "calendars. Input only."),
                        userId("calendars"));
    }

    /** {@code CalendarGroups}: the calendar groups of a mailbox. */
    static TableSpec calendarGroups() {
        return TableSpec.table("CalendarGroups")
                .describe("Calendar groups of a mailbox, such as 'My Calendars' (one row per"
                        + " group). UserId chooses the mailbox.")
                .graph(new GraphResource(true, "calendarGroups", List.of(), null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-calendargroups"))
                .readOnly()
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the group; Calendars.calendarGroupId"
                                        + " takes it."),
                        col("changeKey", VARCHAR).readOnly()
                                .describe("Version stamp of the group; changes with it."),
                        col("classId", VARCHAR).readOnly()
                                .describe("Class identifier (a GUID) of the group."),
                        col("name", VARCHAR).filter(EQ)
                                .describe("Name of the group."),
                        userId("calendar groups"));
    }

    /** {@code EventAttachments}: the attachments of one event. */
    static TableSpec eventAttachments() {
        return TableSpec.view("EventAttachments")
                .describe("File attachments of one event: needs eventId = '...'. The content"
                        + " is downloaded only when contentBytes is selected.")
                .graph(new GraphResource(true, "events",
                        List.of(new GraphResource.Route("eventId",
                                "events/{value}/attachments", true)),
                        null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/event-list-attachments", null,
                        null))
                .readOnly()
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the attachment within its event."),
                        col("contentType", VARCHAR).readOnly()
                                .describe("MIME type of the attachment, such as"
                                        + " 'application/pdf'."),
                        col("isInline", BOOLEAN).readOnly()
                                .describe("Whether the attachment is shown inside the body."),
                        col("lastModifiedDateTime", TIMESTAMP).readOnly()
                                .describe("When the attachment last changed (UTC)."),
                        col("name", VARCHAR).readOnly()
                                .describe("File name of the attachment."),
                        col("size", INTEGER).readOnly()
                                .describe("Size of the attachment in bytes."),
                        col("contentBytes", VARBINARY).readOnly()
                                .describe("The file's content; requested from the service only"
                                        + " when this column is selected."),
                        col("contentId", VARCHAR).readOnly()
                                .describe("Content id of an inline attachment, referenced from"
                                        + " the body."),
                        col("contentLocation", VARCHAR).readOnly()
                                .describe("Reserved by Microsoft; not used."),
                        pseudo("eventId", VARCHAR).key().filter(EQ)
                                .describe("Id of the event whose attachments are read"
                                        + " (/events/{eventId}/attachments); required. Input"
                                        + " only."),
                        userId("events"));
    }

    /** {@code EventAttendees}: one row per attendee of each event. */
    static TableSpec eventAttendees() {
        return TableSpec.view("EventAttendees")
                .describe("Attendees of the events of a mailbox, one row per attendee and"
                        + " event (the attendees column of Events, as rows). eventId = '...'"
                        + " reads one event.")
                .graph(new GraphResource(true, "events", List.of(), null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-events", null,
                        new GraphResource.Elements("attendees", "eventId")))
                .readOnly()
                .columns(
                        col("emailAddress_address", VARCHAR).key()
                                .describe("Email address of the attendee; with eventId it names"
                                        + " the row."),
                        col("emailAddress_name", VARCHAR).readOnly()
                                .describe("Display name of the attendee."),
                        col("type", VARCHAR).readOnly()
                                .describe("Kind of attendee: 'required', 'optional' or"
                                        + " 'resource'."),
                        col("proposedNewTime_end_dateTime", TIMESTAMP).readOnly()
                                .describe("End of the time the attendee proposed instead, in"
                                        + " UTC; null without a proposal."),
                        col("proposedNewTime_end_timeZone", VARCHAR).readOnly()
                                .describe("Zone in which the service wrote"
                                        + " proposedNewTime_end_dateTime."),
                        col("proposedNewTime_start_dateTime", TIMESTAMP).readOnly()
                                .describe("Start of the time the attendee proposed instead, in"
                                        + " UTC; null without a proposal."),
                        col("proposedNewTime_start_timeZone", VARCHAR).readOnly()
                                .describe("Zone in which the service wrote"
                                        + " proposedNewTime_start_dateTime."),
                        col("status_response", VARCHAR).readOnly()
                                .describe("The attendee's response: 'none', 'organizer',"
                                        + " 'tentativelyAccepted', 'accepted', 'declined' or"
                                        + " 'notResponded'."),
                        col("status_time", TIMESTAMP).readOnly()
                                .describe("When the attendee responded (UTC); 0001-01-01 if"
                                        + " not."),
                        pseudo("eventId", VARCHAR).filter(EQ)
                                .describe("Id of the event the attendee is invited to (Events.id);"
                                        + " an equality on it reads only that event."),
                        userId("events"));
    }

    /** The columns of Graph's {@code event}, then the routing pseudo-column and UserId. */
    private static ColumnSpec[] eventColumns(boolean masters, ColumnSpec route,
            String whatIsRead) {
        List<ColumnSpec> c = new ArrayList<>(List.of(
                col("id", VARCHAR).key().filter(EQ)
                        .describe(masters ? "Identifier of the event (immutable)."
                                : "Identifier of the instance; an occurrence has an id of its"
                                        + " own, distinct from its series master's."),
                json("categories")
                        .describe("Names of the Outlook categories of the event, as a JSON"
                                + " array of strings."),
                col("changeKey", VARCHAR).readOnly()
                        .describe("Version stamp of the event; changes with every change."),
                col("createdDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                        .describe("When the event was created (UTC)."),
                col("lastModifiedDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                        .describe("When the event was last changed (UTC)."),
                col("allowNewTimeProposals", BOOLEAN)
                        .describe("Whether invitees may propose another time."),
                json("attendees")
                        .describe("Attendees, as a JSON array of {\"type\":...,\"status\":"
                                + "{\"response\":...,\"time\":...},\"emailAddress\":{...}};"
                                + " EventAttendees has one row per attendee."),
                col("body_content", VARCHAR).size(UNBOUNDED_TEXT)
                        .describe("Body of the event, as HTML or text per body_contentType."),
                col("body_contentType", VARCHAR)
                        .describe("Format of body_content: 'html' or 'text'."),
                col("bodyPreview", VARCHAR).readOnly()
                        .describe("Plain-text start of the body (at most 255 characters)."),
                json("cancelledOccurrences").readOnly()
                        .describe("For a series master, the cancelled occurrences, as a JSON"
                                + " array of strings ending with the original date."),
                col("end_dateTime", TIMESTAMP)
                        .describe(times("end")),
                col("end_timeZone", VARCHAR)
                        .describe("Zone in which the service wrote end (originalEndTimeZone"
                                + " holds the organiser's)."),
                col("hasAttachments", BOOLEAN).readOnly().filter(EQUALITY)
                        .describe("Whether the event has file attachments."),
                col("hideAttendees", BOOLEAN)
                        .describe("Whether each attendee sees only themself in the"
                                + " attendee list."),
                col("iCalUId", VARCHAR).size(LONG_TEXT).readOnly().filter(EQ)
                        .describe("Identifier of the event across calendars (iCalendar UID);"
                                + " the same for every instance of a series."),
                col("importance", VARCHAR).filter(EQUALITY)
                        .describe("Importance: 'low', 'normal' or 'high'."),
                col("isAllDay", BOOLEAN).filter(EQUALITY)
                        .describe("Whether the event lasts whole days; see start_dateTime."),
                col("isCancelled", BOOLEAN).readOnly().filter(EQUALITY)
                        .describe("Whether the organiser cancelled the meeting."),
                col("isDraft", BOOLEAN).readOnly()
                        .describe("Whether the meeting is saved but its invitations not"
                                + " sent."),
                col("isOnlineMeeting", BOOLEAN).filter(EQUALITY)
                        .describe("Whether the event has online meeting information."),
                col("isOrganizer", BOOLEAN).readOnly().filter(EQUALITY)
                        .describe("Whether the mailbox's owner organises the event."),
                col("isReminderOn", BOOLEAN)
                        .describe("Whether a reminder is set."),
                json("location_address")
                        .describe("Street address of the location, as a JSON object."),
                json("location_coordinates")
                        .describe("Geographic coordinates of the location, as a JSON"
                                + " object."),
                col("location_displayName", VARCHAR).filter(EQ)
                        .describe("Name of the location, such as a meeting room."),
                col("location_locationEmailAddress", VARCHAR)
                        .describe("Email address of the location (a room's mailbox)."),
                col("location_locationType", VARCHAR)
                        .describe("Kind of location, such as 'default' or"
                                + " 'conferenceRoom'."),
                col("location_locationUri", VARCHAR).size(LONG_TEXT)
                        .describe("URI of the location."),
                col("location_uniqueId", VARCHAR)
                        .describe("Identifier of the location."),
                col("location_uniqueIdType", VARCHAR)
                        .describe("Kind of location_uniqueId."),
                json("locations")
                        .describe("All locations of the event, as a JSON array."),
                json("onlineMeeting").readOnly()
                        .describe("Join details of the online meeting (joinUrl, phones...),"
                                + " as a JSON object."),
                col("onlineMeetingProvider", VARCHAR)
                        .describe("Online meeting service, such as 'teamsForBusiness'."),
                col("onlineMeetingUrl", VARCHAR).size(LONG_TEXT).readOnly()
                        .describe("URL of an online meeting (Skype only; see"
                                + " onlineMeeting)."),
                col("organizer_emailAddress_address", VARCHAR).filter(EQ)
                        .describe("Email address of the organiser."),
                col("organizer_emailAddress_name", VARCHAR)
                        .describe("Display name of the organiser."),
                col("originalEndTimeZone", VARCHAR).readOnly()
                        .describe("Zone the organiser gave the end in (Windows or IANA"
                                + " name)."),
                col("originalStart", TIMESTAMP).readOnly()
                        .describe("For an occurrence or exception, the start the series"
                                + " planned for it (UTC)."),
                col("originalStartTimeZone", VARCHAR).readOnly()
                        .describe("Zone the organiser gave the start in (Windows or IANA"
                                + " name), such as 'Pacific Standard Time'."),
                json("recurrence")
                        .describe("Recurrence of a series master, Graph's patternedRecurrence"
                                + " as a JSON object {\"pattern\":{\"type\":\"weekly\","
                                + "\"interval\":1,\"daysOfWeek\":[\"monday\"]},\"range\":"
                                + "{\"type\":\"numbered\",\"startDate\":\"2026-12-07\","
                                + "\"numberOfOccurrences\":4}}; null for other events. The"
                                + " recurrence_* columns hold its parts; a write gives either"
                                + " this column or those, not both."),
                col("recurrence_pattern_dayOfMonth", INTEGER)
                        .describe(series("Day of the month of absolute monthly and yearly"
                                + " patterns")),
                json("recurrence_pattern_daysOfWeek")
                        .describe(series("Days of weekly and relative patterns, as a JSON"
                                + " array such as [\"tuesday\",\"thursday\"]")),
                col("recurrence_pattern_firstDayOfWeek", VARCHAR)
                        .describe(series("First day of the week, for weekly intervals")),
                col("recurrence_pattern_index", VARCHAR)
                        .describe(series("Which of the days in the month relative patterns"
                                + " mean: 'first' ... 'fourth' or 'last'")),
                col("recurrence_pattern_interval", INTEGER)
                        .describe(series("Units (days, weeks, months, years) between"
                                + " occurrences")),
                col("recurrence_pattern_month", INTEGER)
                        .describe(series("Month of yearly patterns (1-12)")),
                col("recurrence_pattern_type", VARCHAR)
                        .describe(series("Pattern: 'daily', 'weekly', 'absoluteMonthly',"
                                + " 'relativeMonthly', 'absoluteYearly' or"
                                + " 'relativeYearly'")),
                col("recurrence_range_endDate", DATE)
                        .describe(series("Last day of an 'endDate' range (0001-01-01"
                                + " otherwise)")),
                col("recurrence_range_numberOfOccurrences", INTEGER)
                        .describe(series("Number of occurrences of a 'numbered' range")),
                col("recurrence_range_recurrenceTimeZone", VARCHAR)
                        .describe(series("Zone of the range's dates")),
                col("recurrence_range_startDate", DATE)
                        .describe(series("First day of the series")),
                col("recurrence_range_type", VARCHAR)
                        .describe(series("Range: 'endDate', 'noEnd' or 'numbered'")),
                col("reminderMinutesBeforeStart", INTEGER)
                        .describe("Minutes before the start that the reminder fires."),
                col("responseRequested", BOOLEAN)
                        .describe("Whether the organiser asks for responses."),
                col("responseStatus_response", VARCHAR).readOnly()
                        .describe("The mailbox owner's response: 'organizer', 'accepted',"
                                + " 'tentativelyAccepted', 'declined', 'notResponded' or"
                                + " 'none'."),
                col("responseStatus_time", TIMESTAMP).readOnly()
                        .describe("When the owner responded (UTC); 0001-01-01 if not."),
                col("sensitivity", VARCHAR).filter(EQUALITY)
                        .describe("Sensitivity: 'normal', 'personal', 'private' or"
                                + " 'confidential'."),
                col("seriesMasterId", VARCHAR).readOnly().filter(EQ)
                        .describe("For an occurrence or exception, the id of its series"
                                + " master; null otherwise."),
                col("showAs", VARCHAR).filter(EQUALITY)
                        .describe("Free/busy status: 'free', 'tentative', 'busy', 'oof',"
                                + " 'workingElsewhere' or 'unknown'."),
                col("start_dateTime", TIMESTAMP)
                        .describe(times("start")),
                col("start_timeZone", VARCHAR)
                        .describe("Zone in which the service wrote start (originalStartTimeZone"
                                + " holds the organiser's)."),
                col("subject", VARCHAR).size(LONG_TEXT).filter(EQ, STARTS_WITH).sortable()
                        .describe("Subject of the event."),
                col("transactionId", VARCHAR).readOnly()
                        .describe("Client-given id that keeps a create from being repeated."),
                col("type", VARCHAR).readOnly().filter(EQUALITY)
                        .describe("Kind of event: 'singleInstance', 'seriesMaster',"
                                + " 'occurrence' or 'exception'."),
                col("webLink", VARCHAR).size(LONG_TEXT).readOnly()
                        .describe("URL that opens the event in Outlook on the web.")));
        c.add(route);
        c.add(userId(whatIsRead));
        return c.toArray(new ColumnSpec[0]);
    }

    private static String times(String which) {
        return "When the event " + (which.equals("start") ? "starts" : "ends") + ", in UTC,"
                + " converted from the zone named in " + which + "_timeZone (Windows or IANA"
                + " name). An all-day event (isAllDay) floats: the service writes midnight of"
                + " its calendar day in the zone of the request, and the driver asks for none,"
                + " so the value is that midnight in UTC and CAST(" + which + "_dateTime AS"
                + " DATE) is the " + (which.equals("start") ? "first day"
                : "day after the last day") + ", whatever the organiser's zone.";
    }

    private static String series(String what) {
        return what + " (part of recurrence; null unless the event is a series master).";
    }

    private static ColumnSpec userId(String whatIsRead) {
        return pseudo("UserId", VARCHAR).filter(EQ)
                .describe("Mailbox whose " + whatIsRead + " are read: a user id or user"
                        + " principal name (/users/{UserId}/...). Without it, the UserId"
                        + " connection property, else the signed-in user (/me). UserId IN"
                        + " (...) reads several mailboxes. Input only.");
    }

}
