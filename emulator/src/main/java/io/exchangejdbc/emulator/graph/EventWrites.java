package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Recurrence;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.TimeZones;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creating, updating and deleting events ({@code POST events}, {@code PATCH events/{id}},
 * {@code DELETE events/{id}}, also below {@code calendars/{id}}) with the service's checks: a
 * start and an end are required on create, each a {@code dateTimeTimeZone} in a zone the
 * service knows, the end may not come before the start, and a {@code patternedRecurrence} must
 * have the parts its pattern and range types need.
 *
 * <p>As in Exchange Online, writing a meeting in the organiser's calendar sends it: each
 * attendee who has a mailbox in the tenant gets a copy in their default calendar (same
 * iCalendar uid, response {@code none}) and the request in their Inbox; an update by the
 * organiser updates the copies (keeping each attendee's response), gives new attendees a copy
 * and cancels the copies of removed ones; deleting the organiser's meeting cancels every copy and
 * delivers a cancellation. Other owners' changes stay in their own calendar.
 *
 * <p>Expanded occurrences are not updated here (an exception would have to be made); deleting
 * one cancels that occurrence of its series.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-events">Create event</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-update">Update event</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-delete">Delete event</a>
 */
final class EventWrites {

    /** Properties the service computes; a body naming them is refused here. */
    private static final Set<String> SETTABLE = Set.of("subject", "body", "start", "end",
            "location", "locations", "categories", "importance", "sensitivity", "showAs",
            "isAllDay", "isReminderOn", "reminderMinutesBeforeStart", "responseRequested",
            "attendees", "recurrence", "isOnlineMeeting", "onlineMeetingProvider",
            "allowNewTimeProposals", "hideAttendees");
    private static final Set<String> SHOW_AS = Set.of("free", "tentative", "busy", "oof",
            "workingElsewhere", "unknown");
    private static final Set<String> SENSITIVITY = Set.of("normal", "personal", "private",
            "confidential");
    private static final Set<String> PROVIDERS = Set.of("teamsForBusiness", "skypeForBusiness",
            "skypeForConsumer");
    private static final Set<String> ATTENDEE_TYPES = Set.of("required", "optional",
            "resource");

    private EventWrites() {
    }

    /** Creates an event in a calendar and sends it to the attendees of the tenant. */
    static CalendarEvent create(Tenant tenant, Mailbox mailbox, CalendarFolder calendar,
            Map<String, Object> body, Instant now) {
        checkNames(body);
        if (!(body.get("start") instanceof Map) || !(body.get("end") instanceof Map)) {
            throw new GraphError(400, "ErrorPropertyValidationFailure", "An event needs a start"
                    + " and an end.");
        }
        User owner = mailbox.owner();
        CalendarEvent.Builder b = CalendarEvent.builder("", LocalDateTime.MIN.plusYears(1),
                LocalDateTime.MIN.plusYears(1), "UTC")
                .organizer(owner.emailAddress()).created(now).lastModified(now)
                .iCalUId(newICalUId());
        apply(b, body, List.of());
        CalendarEvent created;
        try {
            created = mailbox.calendars().addEvent(calendar, b);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        for (Attendee a : created.attendees()) {
            invite(tenant, mailbox, created, a, now);
        }
        return created;
    }

    /** Updates a stored event; the organiser's change reaches the attendees' copies. */
    static CalendarEvent update(Tenant tenant, Mailbox mailbox, EventInstance instance,
            Map<String, Object> body, Instant now) {
        checkNames(body);
        if (instance.type() == CalendarEvent.Type.OCCURRENCE) {
            throw new GraphError(400, "ErrorInvalidRequest", "This emulator updates stored"
                    + " events only; update the series master or an exception instead of an"
                    + " occurrence.");
        }
        CalendarEvent event = instance.event();
        if (event.master() != null && body.containsKey("recurrence")) {
            throw new GraphError(400, "ErrorPropertyValidationFailure", "An exception of a"
                    + " series cannot have a recurrence of its own.");
        }
        List<Attendee> before = event.attendees();
        CalendarEvent.Builder b = event.toBuilder();
        apply(b, body, before);
        try {
            mailbox.calendars().updateEvent(event, e -> e.replace(b, now));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (isOrganizer(mailbox, event)) {
            propagate(tenant, mailbox, event, before, now);
        }
        return event;
    }

    /** Deletes an event; deleting the organiser's meeting cancels the attendees' copies. */
    static void delete(Tenant tenant, Mailbox mailbox, EventInstance instance, Instant now) {
        MailboxCalendars calendars = mailbox.calendars();
        if (instance.type() == CalendarEvent.Type.OCCURRENCE) {
            calendars.cancelOccurrence(instance.seriesMaster(), instance.occurrenceDate());
            return;
        }
        CalendarEvent event = instance.event();
        calendars.deleteEvent(event);
        if (isOrganizer(mailbox, event) && event.master() == null) {
            for (Attendee a : event.attendees()) {
                cancelCopy(tenant, mailbox, event, a.emailAddress().address(), now);
            }
        }
    }

    // ---- the body

    private static void checkNames(Map<String, Object> body) {
        for (String p : body.keySet()) {
            if (p.startsWith("@odata.")) {
                continue;
            }
            if (CalendarModel.EVENT_TYPE.property(p) == null) {
                throw new GraphError(400, "RequestBodyRead", "The property '" + p + "' does"
                        + " not exist on type 'microsoft.graph.event'.");
            }
            if (!SETTABLE.contains(p)) {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' is computed by the service and cannot be set.");
            }
        }
    }

    /** Applies the properties of a body to a builder; attendees keep their earlier response. */
    @SuppressWarnings("unchecked")
    private static void apply(CalendarEvent.Builder b, Map<String, Object> body,
            List<Attendee> earlier) {
        LocalDateTime start = b.start();
        String startZone = b.startZone();
        LocalDateTime end = b.end();
        String endZone = b.endZone();
        if (body.containsKey("start")) {
            Map<String, Object> s = object(body.get("start"), "start");
            start = local(s.get("dateTime"));
            startZone = zone(s.get("timeZone"));
        }
        if (body.containsKey("end")) {
            Map<String, Object> e = object(body.get("end"), "end");
            end = local(e.get("dateTime"));
            endZone = zone(e.get("timeZone"));
        }
        b.times(start, startZone, end, endZone);
        if (end.atZone(TimeZones.resolve(endZone).orElseThrow()).toInstant().isBefore(
                start.atZone(TimeZones.resolve(startZone).orElseThrow()).toInstant())) {
            throw new GraphError(400, "ErrorInvalidRequest", "The end of an event cannot come"
                    + " before its start.");
        }
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String p = entry.getKey();
            Object v = entry.getValue();
            switch (p) {
                case "subject":
                    b.subject(v == null ? "" : v.toString());
                    break;
                case "body": {
                    Map<String, Object> m = v instanceof Map ? (Map<String, Object>) v : Map.of();
                    String content = m.get("content") == null ? "" : m.get("content").toString();
                    b.body("text".equalsIgnoreCase(String.valueOf(m.get("contentType")))
                            ? ItemBody.text(content) : ItemBody.html(content));
                    break;
                }
                case "location":
                    b.location(v instanceof Map<?, ?> m && m.get("displayName") instanceof String l
                            && !l.isEmpty() ? l : null);
                    break;
                case "locations":
                    if (!body.containsKey("location") && v instanceof List<?> list) {
                        Object first = list.isEmpty() ? null : list.get(0);
                        b.location(first instanceof Map<?, ?> m
                                && m.get("displayName") instanceof String l ? l : null);
                    }
                    break;
                case "categories":
                    b.categories(strings(v, p));
                    break;
                case "importance": {
                    Importance found = null;
                    for (Importance i : Importance.values()) {
                        if (i.graphName().equalsIgnoreCase(String.valueOf(v))) {
                            found = i;
                        }
                    }
                    b.importance(member(found, p, v));
                    break;
                }
                case "sensitivity":
                    b.sensitivity(member(SENSITIVITY, p, v));
                    break;
                case "showAs":
                    b.showAs(member(SHOW_AS, p, v));
                    break;
                case "isAllDay":
                    b.allDay(bool(v, p));
                    break;
                case "isReminderOn":
                case "reminderMinutesBeforeStart":
                    break;
                case "responseRequested":
                    b.responseRequested(bool(v, p));
                    break;
                case "isOnlineMeeting":
                    b.onlineMeeting(bool(v, p));
                    break;
                case "onlineMeetingProvider":
                    b.onlineMeetingProvider(member(PROVIDERS, p, v));
                    break;
                case "allowNewTimeProposals":
                    b.allowNewTimeProposals(bool(v, p));
                    break;
                case "hideAttendees":
                    b.hideAttendees(bool(v, p));
                    break;
                case "attendees":
                    b.attendees(attendees(v, earlier));
                    break;
                case "recurrence":
                    b.recurrence(v == null ? null : recurrence(object(v, p), startZone));
                    break;
                default:
                    break;
            }
        }
        if (body.containsKey("isReminderOn") || body.containsKey("reminderMinutesBeforeStart")) {
            boolean on = body.containsKey("isReminderOn") ? bool(body.get("isReminderOn"),
                    "isReminderOn") : b.reminderOn();
            int minutes = body.containsKey("reminderMinutesBeforeStart")
                    ? number(body.get("reminderMinutesBeforeStart"),
                            "reminderMinutesBeforeStart") : b.reminderMinutesBeforeStart();
            if (minutes < 0) {
                throw invalid("reminderMinutesBeforeStart cannot be negative.");
            }
            b.reminder(on, minutes);
        }
    }

    private static List<Attendee> attendees(Object v, List<Attendee> earlier) {
        if (!(v instanceof List<?> list)) {
            throw new GraphError(400, "RequestBodyRead", "attendees must be an array.");
        }
        List<Attendee> out = new ArrayList<>();
        Map<String, Attendee> seen = new LinkedHashMap<>();
        for (Object o : list) {
            Object ea = o instanceof Map<?, ?> m ? m.get("emailAddress") : null;
            Object address = ea instanceof Map<?, ?> m ? m.get("address") : null;
            if (!(address instanceof String a) || a.isBlank() || !a.contains("@")) {
                throw new GraphError(400, "ErrorInvalidRecipients", "An attendee has no valid"
                        + " email address.");
            }
            Object name = ((Map<?, ?>) ea).get("name");
            Object type = ((Map<?, ?>) o).get("type");
            String t = type == null ? "required" : member(ATTENDEE_TYPES, "attendee type", type);
            String key = a.toLowerCase(Locale.ROOT);
            if (seen.containsKey(key)) {
                continue;
            }
            Attendee kept = null;
            for (Attendee e : earlier) {
                if (e.emailAddress().address().equalsIgnoreCase(a)) {
                    kept = e;
                }
            }
            Attendee at = new Attendee(new EmailAddress(name instanceof String n ? n
                    : kept != null ? kept.emailAddress().name() : null, a), t,
                    kept == null ? "none" : kept.response(),
                    kept == null ? Attendee.NO_RESPONSE_TIME : kept.responseTime());
            seen.put(key, at);
            out.add(at);
        }
        return out;
    }

    /** Graph's {@code patternedRecurrence}, checked as the service checks it. */
    private static Recurrence recurrence(Map<String, Object> r, String eventZone) {
        if (!(r.get("pattern") instanceof Map) || !(r.get("range") instanceof Map)) {
            throw invalid("A recurrence needs both its pattern and its range; send the whole"
                    + " patternedRecurrence.");
        }
        Map<String, Object> pattern = object(r.get("pattern"), "recurrence.pattern");
        Map<String, Object> range = object(r.get("range"), "recurrence.range");
        String type = String.valueOf(pattern.get("type"));
        Set<String> types = Set.of("daily", "weekly", "absoluteMonthly", "relativeMonthly",
                "absoluteYearly", "relativeYearly");
        if (!types.contains(type)) {
            throw invalid("recurrence.pattern.type '" + type + "' is not one of " + types + ".");
        }
        int interval = pattern.get("interval") == null ? 1
                : number(pattern.get("interval"), "recurrence.pattern.interval");
        if (interval < 1 || interval > 999) {
            throw invalid("recurrence.pattern.interval must be between 1 and 999.");
        }
        int month = pattern.get("month") == null ? 0
                : number(pattern.get("month"), "recurrence.pattern.month");
        int dayOfMonth = pattern.get("dayOfMonth") == null ? 0
                : number(pattern.get("dayOfMonth"), "recurrence.pattern.dayOfMonth");
        List<DayOfWeek> days = new ArrayList<>();
        if (pattern.get("daysOfWeek") != null) {
            for (String d : strings(pattern.get("daysOfWeek"), "recurrence.pattern.daysOfWeek")) {
                days.add(day(d));
            }
        }
        DayOfWeek firstDay = pattern.get("firstDayOfWeek") == null ? DayOfWeek.SUNDAY
                : day(String.valueOf(pattern.get("firstDayOfWeek")));
        String index = pattern.get("index") == null ? "first"
                : member(Set.of("first", "second", "third", "fourth", "last"),
                        "recurrence.pattern.index", pattern.get("index"));
        boolean needsDays = type.equals("weekly") || type.startsWith("relative");
        if (needsDays && days.isEmpty()) {
            throw invalid("A " + type + " pattern needs recurrence.pattern.daysOfWeek.");
        }
        if (type.startsWith("absolute") && (dayOfMonth < 1 || dayOfMonth > 31)) {
            throw invalid("An " + type + " pattern needs recurrence.pattern.dayOfMonth"
                    + " (1-31).");
        }
        if (type.endsWith("Yearly") && (month < 1 || month > 12)) {
            throw invalid("A " + type + " pattern needs recurrence.pattern.month (1-12).");
        }
        String rangeType = member(Set.of("endDate", "noEnd", "numbered"),
                "recurrence.range.type", range.get("type"));
        LocalDate startDate = date(range.get("startDate"), "recurrence.range.startDate");
        String zone = range.get("recurrenceTimeZone") instanceof String z && !z.isBlank() ? z
                : eventZone;
        zone(zone);
        Recurrence out = new Recurrence(type, interval, month, dayOfMonth, days, firstDay,
                index, "noEnd", startDate, null, 0, zone);
        switch (rangeType) {
            case "endDate": {
                LocalDate last = date(range.get("endDate"), "recurrence.range.endDate");
                if (last.isBefore(startDate)) {
                    throw invalid("recurrence.range.endDate comes before its startDate.");
                }
                return out.until(last);
            }
            case "numbered": {
                int count = range.get("numberOfOccurrences") == null ? 0
                        : number(range.get("numberOfOccurrences"),
                                "recurrence.range.numberOfOccurrences");
                if (count < 1) {
                    throw invalid("A numbered range needs recurrence.range.numberOfOccurrences"
                            + " of at least 1.");
                }
                return out.times(count);
            }
            default:
                return out;
        }
    }

    // ---- invitations

    private static boolean isOrganizer(Mailbox mailbox, CalendarEvent event) {
        return event.organizer() != null && isUser(mailbox.owner(),
                event.organizer().address());
    }

    private static boolean isUser(User u, String address) {
        return address.equalsIgnoreCase(u.mail()) || address.equalsIgnoreCase(
                u.userPrincipalName());
    }

    private static User user(Tenant tenant, String address) {
        for (User u : tenant.users()) {
            if (isUser(u, address)) {
                return u;
            }
        }
        return null;
    }

    /** Gives an attendee of the tenant a copy of the meeting and the request in the Inbox. */
    private static void invite(Tenant tenant, Mailbox organizer, CalendarEvent meeting,
            Attendee a, Instant now) {
        User u = user(tenant, a.emailAddress().address());
        if (u == null || u.id().equals(organizer.owner().id())) {
            return;
        }
        Mailbox theirs = tenant.mailbox(u);
        MailboxCalendars cals = theirs.calendars();
        if (cals.eventByICalUId(meeting.iCalUId()).isPresent()) {
            return;
        }
        CalendarEvent.Builder copy = meeting.toBuilder().created(now).lastModified(now)
                .reminder(true, 15);
        cals.addEvent(cals.defaultCalendar(), copy);
        deliver(theirs, organizer.owner(), meeting.subject(), meeting.body(), now);
    }

    /** After the organiser's update: copies updated, new attendees invited, removed ones told. */
    private static void propagate(Tenant tenant, Mailbox organizer, CalendarEvent meeting,
            List<Attendee> before, Instant now) {
        for (Attendee a : meeting.attendees()) {
            User u = user(tenant, a.emailAddress().address());
            if (u == null || u.id().equals(organizer.owner().id())) {
                continue;
            }
            Mailbox theirs = tenant.mailbox(u);
            MailboxCalendars cals = theirs.calendars();
            var copy = cals.eventByICalUId(meeting.iCalUId());
            if (copy.isEmpty()) {
                invite(tenant, organizer, meeting, a, now);
                continue;
            }
            CalendarEvent mine = copy.get();
            CalendarEvent.Builder b = meeting.toBuilder()
                    .attendees(keepResponses(meeting.attendees(), mine.attendees()))
                    .reminder(mine.isReminderOn(), mine.reminderMinutesBeforeStart())
                    .categories(mine.categories()).created(mine.createdDateTime());
            cals.updateEvent(mine, e -> e.replace(b, now));
            deliver(theirs, organizer.owner(), meeting.subject(), meeting.body(), now);
        }
        for (Attendee gone : before) {
            boolean still = meeting.attendees().stream().anyMatch(a -> a.emailAddress()
                    .address().equalsIgnoreCase(gone.emailAddress().address()));
            if (!still) {
                cancelCopy(tenant, organizer, meeting, gone.emailAddress().address(), now);
            }
        }
    }

    private static List<Attendee> keepResponses(List<Attendee> organizers,
            List<Attendee> copy) {
        List<Attendee> out = new ArrayList<>();
        for (Attendee a : organizers) {
            Attendee mine = null;
            for (Attendee c : copy) {
                if (c.emailAddress().address().equalsIgnoreCase(a.emailAddress().address())) {
                    mine = c;
                }
            }
            out.add(mine == null ? a : new Attendee(a.emailAddress(), a.type(), mine.response(),
                    mine.responseTime()));
        }
        return out;
    }

    private static void cancelCopy(Tenant tenant, Mailbox organizer, CalendarEvent meeting,
            String address, Instant now) {
        User u = user(tenant, address);
        if (u == null || u.id().equals(organizer.owner().id())) {
            return;
        }
        Mailbox theirs = tenant.mailbox(u);
        theirs.calendars().eventByICalUId(meeting.iCalUId()).ifPresent(copy ->
                theirs.calendars().updateEvent(copy, e -> e.cancel()));
        deliver(theirs, organizer.owner(), "Canceled: " + meeting.subject(), meeting.body(),
                now);
    }

    private static void deliver(Mailbox to, User from, String subject, ItemBody body,
            Instant now) {
        to.addMessage(to.folder(WellKnownFolder.INBOX), Message.builder().subject(subject)
                .body(body).from(from.emailAddress())
                .to(new EmailAddress(to.owner().displayName(), to.owner().mail()))
                .receivedDateTime(now).sentDateTime(now));
    }

    /** An iCalendar uid in the form Exchange gives its meetings. */
    private static String newICalUId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return "040000008200E00074C5B7101A82E00800000000" + HexFormat.of().withUpperCase()
                .formatHex(b);
    }

    // ---- values

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map)) {
            throw new GraphError(400, "RequestBodyRead", what + " must be an object.");
        }
        return (Map<String, Object>) v;
    }

    private static List<String> strings(Object v, String what) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new GraphError(400, "RequestBodyRead", what + " must be an array.");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static boolean bool(Object v, String what) {
        if (!(v instanceof Boolean b)) {
            throw new GraphError(400, "RequestBodyRead", what + " must be true or false.");
        }
        return b;
    }

    private static int number(Object v, String what) {
        if (!(v instanceof Long || v instanceof Integer)) {
            throw new GraphError(400, "RequestBodyRead", what + " must be an integer.");
        }
        long n = ((Number) v).longValue();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new GraphError(400, "RequestBodyRead", what + " is out of range.");
        }
        return (int) n;
    }

    private static String member(Set<String> allowed, String what, Object v) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(String.valueOf(v))) {
                return a;
            }
        }
        throw new GraphError(400, "RequestBodyRead", "The value '" + v + "' of " + what
                + " is not one of " + allowed + ".");
    }

    private static <T> T member(T found, String what, Object v) {
        if (found == null) {
            throw new GraphError(400, "RequestBodyRead", "The value '" + v + "' of " + what
                    + " is not valid.");
        }
        return found;
    }

    private static DayOfWeek day(String d) {
        try {
            return DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GraphError(400, "RequestBodyRead", "'" + d + "' is not a day of the"
                    + " week.");
        }
    }

    private static LocalDate date(Object v, String what) {
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            throw invalid(what + " '" + v + "' is not a date (yyyy-MM-dd).");
        }
    }

    private static String zone(Object v) {
        String zone = v instanceof String z && !z.isBlank() ? z : "UTC";
        if (TimeZones.resolve(zone).isEmpty()) {
            throw new GraphError(400, "TimeZoneNotSupportedException", "A valid TimeZone value"
                    + " must be specified. The following TimeZone value is not supported: '"
                    + zone + "'.");
        }
        return zone;
    }

    private static LocalDateTime local(Object v) {
        try {
            return LocalDateTime.parse(String.valueOf(v));
        } catch (DateTimeException e) {
            throw new GraphError(400, "ErrorInvalidRequest", "The value '" + v + "' is not a"
                    + " valid date and time.");
        }
    }

    private static GraphError invalid(String message) {
        return new GraphError(400, "ErrorPropertyValidationFailure", message);
    }

    /** The stored event or occurrence an id names, or the service's 404. */
    static EventInstance find(MailboxCalendars calendars, String id) {
        try {
            return calendars.instance(id).orElseThrow(() -> ItemIds.isWellFormed(id)
                    ? GraphError.itemNotFound() : GraphError.malformedId());
        } catch (IllegalArgumentException e) {
            throw GraphError.malformedId();
        }
    }
}
