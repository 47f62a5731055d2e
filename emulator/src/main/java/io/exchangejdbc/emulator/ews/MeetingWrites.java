package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem and DeleteItem on calendar items, with the meeting mail they send.
 *
 * <p>UpdateItem sets ({@code SetItemField}) or clears ({@code DeleteItemField}) Subject, Body,
 * Categories, Importance, Sensitivity, Start, End, IsAllDayEvent, LegacyFreeBusyStatus,
 * Location and the attendee lists. When the organizer changes a meeting,
 * {@code SendMeetingInvitationsOrCancellations} decides who hears of it: {@code SendToNone}
 * tells nobody (the attendees' copies stay as they were); {@code SendOnlyToAll} and
 * {@code SendToAllAndSaveCopy} update every attendee's copy (keeping their response), invite
 * attendees who have none, and cancel the copies of removed attendees, each with a message in
 * their Inbox; {@code SendOnlyToChanged} and {@code SendToChangedAndSaveCopy} do so for the
 * added and removed attendees only. The {@code ...SaveCopy} modes keep the organizer's copy of
 * the mail in Sent Items. An attendee's change stays in their own calendar.
 *
 * <p>DeleteItem of the organizer's meeting, unless {@code SendMeetingCancellations} is
 * {@code SendToNone}, cancels the attendees' copies and sends them a cancellation. The store
 * has no Deleted Items for events: a deleted calendar item is gone whatever the DeleteType.
 * Deleting an occurrence cancels that date of its series. Both attributes are required for
 * calendar items, as Exchange requires them (ErrorSendMeetingInvitationsOrCancellationsRequired,
 * ErrorSendMeetingCancellationsRequired).
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-update-appointments-and-meetings-by-using-ews-in-exchange">Update appointments and meetings</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-delete-appointments-and-cancel-meetings-by-using-ews-in-exchange">Delete appointments and cancel meetings</a>
 */
final class MeetingWrites {

    private static final Set<String> UPDATE_MODES = Set.of("SendToNone", "SendOnlyToAll",
            "SendOnlyToChanged", "SendToAllAndSaveCopy", "SendToChangedAndSaveCopy");
    private static final Set<String> DELETE_MODES = Set.of("SendToNone", "SendOnlyToAll",
            "SendToAllAndSaveCopy");

    /** The calendar properties UpdateItem changes, by element, with their FieldURI. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("Subject", "item:Subject"), Map.entry("Body", "item:Body"),
            Map.entry("Categories", "item:Categories"),
            Map.entry("Importance", "item:Importance"),
            Map.entry("Sensitivity", "item:Sensitivity"),
            Map.entry("Start", "calendar:Start"), Map.entry("End", "calendar:End"),
            Map.entry("IsAllDayEvent", "calendar:IsAllDayEvent"),
            Map.entry("LegacyFreeBusyStatus", "calendar:LegacyFreeBusyStatus"),
            Map.entry("Location", "calendar:Location"),
            Map.entry("RequiredAttendees", "calendar:RequiredAttendees"),
            Map.entry("OptionalAttendees", "calendar:OptionalAttendees"),
            Map.entry("Resources", "calendar:Resources"));
    /** The properties DeleteItemField may clear. */
    private static final Set<String> DELETABLE = Set.of("item:Subject", "item:Body",
            "item:Categories", "calendar:Location", "calendar:RequiredAttendees",
            "calendar:OptionalAttendees", "calendar:Resources");

    private MeetingWrites() {
    }

    /** Checks the send mode of an UpdateItem of a calendar item. */
    static String updateMode(String mode) {
        if (mode == null) {
            throw EwsException.of("ErrorSendMeetingInvitationsOrCancellationsRequired",
                    "SendMeetingInvitationsOrCancellations is required for calendar items.");
        }
        if (!UPDATE_MODES.contains(mode)) {
            throw EwsException.schema("'" + mode + "' is not a CalendarItemUpdateOperationType.");
        }
        return mode;
    }

    /** Checks the send mode of a DeleteItem of a calendar item. */
    static String deleteMode(String mode) {
        if (mode == null) {
            throw EwsException.of("ErrorSendMeetingCancellationsRequired",
                    "SendMeetingCancellations is required for calendar items.");
        }
        if (!DELETE_MODES.contains(mode)) {
            throw EwsException.schema("'" + mode
                    + "' is not a CalendarItemCreateOrDeleteOperationType.");
        }
        return mode;
    }

    /**
     * Applies the changes of an ItemChange to a calendar item; every change is checked before
     * anything is written, so a refused change leaves the item as it was.
     */
    static EventInstance update(EwsContext ctx, EwsContext.EventRef ref, List<XmlElement> updates,
            String mode) {
        EventInstance instance = ref.instance();
        if (instance.type() == CalendarEvent.Type.OCCURRENCE) {
            throw EwsException.of("ErrorInvalidOperation", "This server changes stored calendar"
                    + " items only; change the recurring master instead of an occurrence.");
        }
        CalendarEvent event = instance.event();
        CalendarEvent.Builder b = event.toBuilder();
        Instant start = event.startInstant();
        Instant end = event.endInstant();
        boolean timesSet = false;
        List<Attendee> before = event.attendees();
        List<Attendee> attendees = new ArrayList<>(before);
        for (XmlElement u : updates) {
            String uri = u.child("FieldURI").map(f -> f.attr("FieldURI")).orElseThrow(() ->
                    EwsException.of("ErrorInvalidPropertySet",
                            "Only FieldURI paths can be changed on this server."));
            switch (u.name()) {
                case "DeleteItemField" -> {
                    if (!DELETABLE.contains(uri)) {
                        throw EwsException.of("ErrorInvalidPropertyDelete", "The property "
                                + uri + " cannot be deleted from a calendar item.");
                    }
                    switch (uri) {
                        case "item:Subject" -> b.subject("");
                        case "item:Body" -> b.body(ItemBody.text(""));
                        case "item:Categories" -> b.categories(List.of());
                        case "calendar:Location" -> b.location(null);
                        default -> attendees.removeIf(a -> a.type().equals(type(uri)));
                    }
                }
                case "SetItemField" -> {
                    XmlElement v = value(u, uri);
                    switch (v.name()) {
                        case "Subject" -> b.subject(v.rawText());
                        case "Body" -> b.body(MessageInput.body(v));
                        case "Categories" -> b.categories(List.of(MessageInput.strings(v)));
                        case "Importance" -> b.importance(MessageFields.importance(v.text()));
                        case "Sensitivity" -> b.sensitivity(sensitivity(v.text()));
                        case "Start" -> {
                            start = CalendarItems.time(v.text());
                            timesSet = true;
                        }
                        case "End" -> {
                            end = CalendarItems.time(v.text());
                            timesSet = true;
                        }
                        case "IsAllDayEvent" -> b.allDay(MessageInput.bool(v));
                        case "LegacyFreeBusyStatus" -> b.showAs(CalendarItems.showAs(v.text()));
                        case "Location" -> b.location(v.rawText().isEmpty() ? null
                                : v.rawText());
                        default -> {
                            String type = type(uri);
                            List<Attendee> given = CalendarItems.attendees(v, type, before);
                            attendees.removeIf(a -> a.type().equals(type));
                            attendees.addAll(given);
                        }
                    }
                }
                case "AppendToItemField" -> throw EwsException.of("ErrorInvalidPropertyAppend",
                        "This server does not append to calendar item properties.");
                default -> throw EwsException.schema("'" + u.name() + "' is not an item change.");
            }
        }
        if (end.isBefore(start)) {
            throw EwsException.of("ErrorCalendarEndDateIsEarlierThanStartDate",
                    "The end date is earlier than the start date.");
        }
        if (timesSet) {
            b.times(LocalDateTime.ofInstant(start, ZoneOffset.UTC), "UTC",
                    LocalDateTime.ofInstant(end, ZoneOffset.UTC), "UTC");
        }
        b.attendees(attendees);
        Instant now = ctx.clock().instant();
        MailboxCalendars calendars = ref.mailbox().calendars();
        try {
            calendars.updateEvent(event, e -> e.replace(b, now));
        } catch (IllegalArgumentException e) {
            throw EwsException.of("ErrorCalendarInvalidPropertyState", e.getMessage());
        }
        if (!mode.equals("SendToNone") && isOrganizer(ref.mailbox(), event)
                && event.master() == null) {
            boolean toAll = mode.equals("SendOnlyToAll") || mode.equals("SendToAllAndSaveCopy");
            propagate(ctx, ref.mailbox(), event, before, toAll, now);
            if (mode.endsWith("SaveCopy") && !event.attendees().isEmpty()) {
                sentCopy(ref.mailbox(), event, event.subject(), now);
            }
        }
        return EventInstance.of(event);
    }

    /** Deletes a calendar item; the organizer's meeting is cancelled for its attendees. */
    static void delete(EwsContext ctx, EwsContext.EventRef ref, String mode) {
        EventInstance instance = ref.instance();
        MailboxCalendars calendars = ref.mailbox().calendars();
        if (instance.type() == CalendarEvent.Type.OCCURRENCE) {
            calendars.cancelOccurrence(instance.seriesMaster(), instance.occurrenceDate());
            return;
        }
        CalendarEvent event = instance.event();
        calendars.deleteEvent(event);
        if (!mode.equals("SendToNone") && isOrganizer(ref.mailbox(), event)
                && event.master() == null) {
            Instant now = ctx.clock().instant();
            for (Attendee a : event.attendees()) {
                cancelCopy(ctx, ref.mailbox(), event, a, now);
            }
            if (mode.equals("SendToAllAndSaveCopy") && !event.attendees().isEmpty()) {
                sentCopy(ref.mailbox(), event, cancelled(event), now);
            }
        }
    }

    private static XmlElement value(XmlElement update, String uri) {
        XmlElement holder = update.child("CalendarItem").orElseThrow(() -> EwsException.of(
                "ErrorInvalidPropertySet", "A calendar item is changed through t:CalendarItem."));
        if (holder.children().size() != 1) {
            throw EwsException.of("ErrorIncorrectUpdatePropertyCount", "An object within a"
                    + " change description must contain one and only one property to modify.");
        }
        XmlElement v = holder.children().get(0);
        String expected = FIELDS.get(v.name());
        if (expected == null) {
            throw EwsException.of("ErrorInvalidPropertySet", "The property " + uri
                    + " cannot be changed on a calendar item by this server.");
        }
        if (!expected.equals(uri)) {
            throw EwsException.of("ErrorInvalidPropertySet", "The FieldURI " + uri
                    + " does not match the element " + v.name() + ".");
        }
        return v;
    }

    private static String type(String uri) {
        return switch (uri) {
            case "calendar:RequiredAttendees" -> "required";
            case "calendar:OptionalAttendees" -> "optional";
            default -> "resource";
        };
    }

    private static String sensitivity(String ews) {
        return switch (ews) {
            case "Normal" -> "normal";
            case "Personal" -> "personal";
            case "Private" -> "private";
            case "Confidential" -> "confidential";
            default -> throw EwsException.schema("'" + ews + "' is not a SensitivityChoicesType.");
        };
    }

    private static boolean isOrganizer(Mailbox mailbox, CalendarEvent event) {
        User owner = mailbox.owner();
        String org = event.organizer() == null ? null : event.organizer().address();
        return org != null && (org.equalsIgnoreCase(owner.mail())
                || org.equalsIgnoreCase(owner.userPrincipalName()));
    }

    /** The tenant mailbox of an attendee, unless it is the organizer's own. */
    private static Mailbox attendeeBox(EwsContext ctx, Mailbox organizer, Attendee a) {
        return ctx.userByAddress(a.emailAddress().address())
                .filter(u -> !u.id().equals(organizer.owner().id()))
                .map(u -> ctx.tenant().mailbox(u)).orElse(null);
    }

    private static boolean listed(List<Attendee> list, Attendee a) {
        return list.stream().anyMatch(x -> x.emailAddress().address()
                .equalsIgnoreCase(a.emailAddress().address()));
    }

    /** After the organizer's update: copies updated or made, removed attendees' cancelled. */
    private static void propagate(EwsContext ctx, Mailbox organizer, CalendarEvent meeting,
            List<Attendee> before, boolean toAll, Instant now) {
        for (Attendee a : meeting.attendees()) {
            boolean added = !listed(before, a);
            Mailbox theirs = attendeeBox(ctx, organizer, a);
            if (theirs == null || (!toAll && !added)) {
                continue;
            }
            MailboxCalendars cals = theirs.calendars();
            var copy = cals.eventByICalUId(meeting.iCalUId());
            if (copy.isEmpty()) {
                cals.addEvent(cals.defaultCalendar(), meeting.toBuilder().created(now)
                        .lastModified(now).showAs("tentative")
                        .attendees(responses(meeting.attendees(), List.of())));
            } else {
                CalendarEvent mine = copy.get();
                CalendarEvent.Builder b = meeting.toBuilder()
                        .attendees(responses(meeting.attendees(), mine.attendees()))
                        .reminder(mine.isReminderOn(), mine.reminderMinutesBeforeStart())
                        .categories(mine.categories()).showAs(mine.showAs())
                        .created(mine.createdDateTime());
                cals.updateEvent(mine, e -> e.replace(b, now));
            }
            deliver(theirs, meeting, meeting.subject(), now);
        }
        for (Attendee gone : before) {
            if (!listed(meeting.attendees(), gone)) {
                cancelCopy(ctx, organizer, meeting, gone, now);
            }
        }
    }

    /** The organizer's attendee list with each attendee's response as a copy records it. */
    private static List<Attendee> responses(List<Attendee> organizers, List<Attendee> copy) {
        List<Attendee> out = new ArrayList<>();
        for (Attendee a : organizers) {
            Attendee mine = copy.stream().filter(c -> c.emailAddress().address()
                    .equalsIgnoreCase(a.emailAddress().address())).findFirst().orElse(null);
            out.add(mine != null ? new Attendee(a.emailAddress(), a.type(), mine.response(),
                    mine.responseTime()) : new Attendee(a.emailAddress(), a.type(),
                    "notResponded", Attendee.NO_RESPONSE_TIME));
        }
        return out;
    }

    private static void cancelCopy(EwsContext ctx, Mailbox organizer, CalendarEvent meeting,
            Attendee a, Instant now) {
        Mailbox theirs = attendeeBox(ctx, organizer, a);
        if (theirs == null) {
            return;
        }
        theirs.calendars().eventByICalUId(meeting.iCalUId()).ifPresent(copy ->
                theirs.calendars().updateEvent(copy, e -> e.cancel()));
        deliver(theirs, meeting, cancelled(meeting), now);
    }

    private static String cancelled(CalendarEvent meeting) {
        return "Canceled: " + meeting.subject();
    }

    /** A meeting update or cancellation in an attendee's Inbox, unread. */
    private static void deliver(Mailbox to, CalendarEvent meeting, String subject, Instant now) {
        to.addMessage(to.folder(WellKnownFolder.INBOX), mail(meeting, subject, now).read(false));
    }

    /** The organizer's copy of the mail in Sent Items. */
    private static void sentCopy(Mailbox organizer, CalendarEvent meeting, String subject,
            Instant now) {
        organizer.addMessage(organizer.folder(WellKnownFolder.SENTITEMS),
                mail(meeting, subject, now).read(true));
    }

    private static Message.Builder mail(CalendarEvent meeting, String subject, Instant now) {
        return Message.builder().subject(subject)
                .body(meeting.body() != null ? meeting.body() : ItemBody.text(""))
                .from(meeting.organizer())
                .to(meeting.attendees().stream().map(Attendee::emailAddress)
                        .toArray(EmailAddress[]::new))
                .receivedDateTime(now).sentDateTime(now).createdDateTime(now).draft(false);
    }
}
