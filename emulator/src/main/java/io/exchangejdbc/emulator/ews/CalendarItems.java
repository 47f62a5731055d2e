package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Kind;
import io.exchangejdbc.emulator.ews.Restriction.Prop;
import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.BodyType;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Optional;
import java.util.Map;

/**
 * Calendar items of the store's calendars as EWS's {@code t:CalendarItem} (in the order of
 * {@code t:ItemType} then {@code t:CalendarItemType}), and the busy times GetUserAvailability
 * reads from them. An occurrence of a series has the id the store gives it, so an EWS id and a
 * Graph id of one occurrence differ only in the base64 alphabet, as for messages.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-get-appointments-and-meetings-by-using-ews-in-exchange">Get appointments and meetings</a>
 */
final class CalendarItems {

    /** The properties a restriction or a sort on a calendar folder can use. */
    private static final Map<String, Prop<EventInstance>> PROPS = Map.ofEntries(
            prop("item:Subject", Kind.STRING, i -> i.event().subject()),
            prop("item:Importance", Kind.IMPORTANCE, i -> i.event().importance()),
            prop("item:Categories", Kind.STRING, i -> String.join(";", i.event().categories())),
            prop("item:DateTimeCreated", Kind.DATETIME, i -> i.event().createdDateTime()),
            prop("item:LastModifiedTime", Kind.DATETIME, i -> i.event().lastModifiedDateTime()),
            prop("calendar:Start", Kind.DATETIME, EventInstance::start),
            prop("calendar:End", Kind.DATETIME, EventInstance::end),
            prop("calendar:Location", Kind.STRING, i -> i.event().location()),
            prop("calendar:IsAllDayEvent", Kind.BOOLEAN, i -> i.event().isAllDay()),
            prop("calendar:IsCancelled", Kind.BOOLEAN, i -> i.event().isCancelled()),
            prop("calendar:LegacyFreeBusyStatus", Kind.STRING,
                    i -> freeBusy(i.event().showAs())));

    private static Map.Entry<String, Prop<EventInstance>> prop(String uri, Kind kind,
            Function<EventInstance, Object> value) {
        return Map.entry(uri, new Prop<>(uri, EwsVersion.EXCHANGE2007, kind, value));
    }

    /** Finds a calendar item property by FieldURI. */
    static Optional<Prop<EventInstance>> prop(String uri) {
        return Optional.ofNullable(PROPS.get(uri));
    }

    private CalendarItems() {
    }

    /** The busy times of a mailbox from its calendars (cancelled events and free time left out). */
    static final BusyTimes BUSY = (mailbox, from, to) -> mailbox.calendars().view(null, from, to)
            .stream().filter(i -> !i.event().isCancelled())
            .map(i -> new BusyTimes.Busy(i.start(), i.end(), freeBusy(i.event().showAs()),
                    i.event().subject(), i.event().location()))
            .filter(b -> !b.busyType().equals("Free")).toList();

    /** Returns the EWS {@code LegacyFreeBusyType} of a Graph {@code showAs} value. */
    static String freeBusy(String showAs) {
        if (showAs == null) {
            return "Busy";
        }
        return switch (showAs) {
            case "free" -> "Free";
            case "tentative" -> "Tentative";
            case "oof" -> "OOF";
            case "workingElsewhere" -> "WorkingElsewhere";
            case "unknown" -> "NoData";
            default -> "Busy";
        };
    }

    private static String calendarItemType(CalendarEvent.Type t) {
        return switch (t) {
            case OCCURRENCE -> "Occurrence";
            case EXCEPTION -> "Exception";
            case SERIES_MASTER -> "RecurringMaster";
            default -> "Single";
        };
    }

    private static String sensitivity(String s) {
        if (s == null || s.isEmpty()) {
            return "Normal";
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * Creates a calendar item from a CreateItem {@code t:CalendarItem} in a calendar, organized by
     * the calendar's owner. Unless {@code sendInvitations} is {@code SendToNone}, each attendee
     * with a mailbox in the tenant gets the meeting in their default calendar, not yet answered,
     * and the meeting request in their Inbox; {@code SendToAllAndSaveCopy} also keeps a copy of
     * the request in the organizer's Sent Items.
     */
    static CalendarEvent create(EwsContext ctx, XmlElement item, EwsContext.CalendarRef target,
            String sendInvitations) {
        Instant start = time(item.required("Start").text());
        Instant end = time(item.required("End").text());
        if (end.isBefore(start)) {
            throw EwsException.of("ErrorCalendarEndDateIsEarlierThanStartDate",
                    "The end date is earlier than the start date.");
        }
        Instant now = ctx.clock().instant();
        String subject = item.childText("Subject");
        CalendarEvent.Builder b = CalendarEvent.builder(subject == null ? "" : subject,
                LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                LocalDateTime.ofInstant(end, ZoneOffset.UTC), "UTC")
                .organizer(target.mailbox().owner().emailAddress()).created(now)
                .lastModified(now).iCalUId(java.util.UUID.randomUUID().toString());
        List<Attendee> attendees = new ArrayList<>();
        for (XmlElement e : item.children()) {
            switch (e.name()) {
                case "Body" -> b.body(MessageInput.body(e));
                case "Location" -> b.location(e.rawText());
                case "IsAllDayEvent" -> b.allDay(MessageInput.bool(e));
                case "Importance" -> b.importance(MessageFields.importance(e.text()));
                case "Categories" -> b.categories(List.of(MessageInput.strings(e)));
                case "LegacyFreeBusyStatus" -> b.showAs(showAs(e.text()));
                case "RequiredAttendees", "OptionalAttendees", "Resources" -> {
                    String type = e.name().equals("RequiredAttendees") ? "required"
                            : e.name().equals("OptionalAttendees") ? "optional" : "resource";
                    attendees.addAll(attendees(e, type, List.of()));
                }
                default -> {
                    // Other properties keep their defaults.
                }
            }
        }
        for (Attendee a : attendees) {
            b.attendee(a);
        }
        CalendarEvent event;
        try {
            event = target.mailbox().calendars().addEvent(target.folder(), b);
        } catch (IllegalArgumentException e) {
            throw EwsException.of("ErrorCalendarInvalidPropertyState", e.getMessage());
        }
        if (!"SendToNone".equals(sendInvitations)) {
            for (Attendee a : attendees) {
                ctx.userByAddress(a.emailAddress().address()).ifPresent(u -> {
                    var calendars = ctx.tenant().mailbox(u).calendars();
                    CalendarEvent.Builder copy = CalendarEvent.builder(event.subject(),
                            LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                            LocalDateTime.ofInstant(end, ZoneOffset.UTC), "UTC")
                            .organizer(event.organizer()).created(now).lastModified(now)
                            .iCalUId(event.iCalUId()).body(event.body())
                            .allDay(event.isAllDay()).showAs("tentative");
                    if (event.location() != null) {
                        copy.location(event.location());
                    }
                    for (Attendee x : attendees) {
                        copy.attendee(x.emailAddress().address()
                                .equalsIgnoreCase(a.emailAddress().address())
                                ? new Attendee(x.emailAddress(), x.type(), "notResponded",
                                        Attendee.NO_RESPONSE_TIME) : x);
                    }
                    calendars.addEvent(calendars.defaultCalendar(), copy);
                    Mailbox inbox = ctx.tenant().mailbox(u);
                    inbox.addMessage(inbox.folder(WellKnownFolder.INBOX),
                            invitation(event, attendees, now).read(false));
                });
            }
            if ("SendToAllAndSaveCopy".equals(sendInvitations) && !attendees.isEmpty()) {
                Mailbox own = target.mailbox();
                own.addMessage(own.folder(WellKnownFolder.SENTITEMS),
                        invitation(event, attendees, now).read(true));
            }
        }
        return event;
    }

    /**
     * The meeting request an attendee receives (and the organizer's copy in Sent Items): the
     * meeting's subject and body, from the organizer, to the attendees. The store keeps it as a
     * message; Exchange would give it the class IPM.Schedule.Meeting.Request.
     */
    private static Message.Builder invitation(CalendarEvent event, List<Attendee> attendees,
            Instant now) {
        return Message.builder().subject(event.subject())
                .body(event.body() != null ? event.body() : ItemBody.text(""))
                .from(event.organizer())
                .to(attendees.stream().map(Attendee::emailAddress)
                        .toArray(EmailAddress[]::new))
                .receivedDateTime(now).sentDateTime(now).createdDateTime(now).draft(false);
    }

    /**
     * Reads an attendee list ({@code t:RequiredAttendees} and the like) as attendees of a type;
     * an attendee already in {@code earlier} keeps the response recorded there.
     */
    static List<Attendee> attendees(XmlElement list, String type, List<Attendee> earlier) {
        List<Attendee> out = new ArrayList<>();
        for (XmlElement a : list.children("Attendee")) {
            for (EmailAddress x : MessageInput.addresses(a)) {
                Attendee kept = earlier.stream().filter(e -> e.emailAddress().address()
                        .equalsIgnoreCase(x.address())).findFirst().orElse(null);
                out.add(kept == null ? new Attendee(x, type, "none", Attendee.NO_RESPONSE_TIME)
                        : new Attendee(x, type, kept.response(), kept.responseTime()));
            }
        }
        return out;
    }

    static String showAs(String legacy) {
        return switch (legacy) {
            case "Free" -> "free";
            case "Tentative" -> "tentative";
            case "OOF" -> "oof";
            case "WorkingElsewhere" -> "workingElsewhere";
            case "NoData" -> "unknown";
            default -> "busy";
        };
    }

    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException e2) {
                throw EwsException.schema("'" + text + "' is not a date and time.");
            }
        }
    }

    /** Returns the instances a FindItem without a CalendarView lists: singles and masters. */
    static List<EventInstance> items(Mailbox box, CalendarFolder calendar) {
        return box.calendars().events(calendar).stream().map(EventInstance::of).toList();
    }

    /** Returns the instances of a CalendarView window, occurrences expanded. */
    static List<EventInstance> view(Mailbox box, CalendarFolder calendar, Instant from,
            Instant to) {
        return box.calendars().view(calendar, from, to);
    }

    /**
     * Writes a calendar item; {@code full} (GetItem) adds the body and the attendee lists that
     * FindItem does not return.
     */
    static void write(EwsWriter w, EventInstance i, boolean idOnly, boolean full) {
        CalendarEvent e = i.event();
        w.start("t:CalendarItem");
        w.start("t:ItemId").attr("Id", EwsIds.toEws(i.id())).attr("ChangeKey", e.changeKey())
                .end();
        if (idOnly) {
            w.end();
            return;
        }
        w.start("t:ParentFolderId").attr("Id", EwsIds.toEws(e.calendar().id()))
                .attr("ChangeKey", e.calendar().changeKey()).end();
        w.leaf("t:ItemClass", "IPM.Appointment").leaf("t:Subject", e.subject())
                .leaf("t:Sensitivity", sensitivity(e.sensitivity()));
        if (full && e.body() != null) {
            w.start("t:Body").attr("BodyType", e.body().contentType() == BodyType.HTML ? "HTML"
                    : "Text").text(e.body().content(e.body().contentType())).end();
        }
        if (!e.categories().isEmpty()) {
            w.start("t:Categories");
            for (String c : e.categories()) {
                w.leaf("t:String", c);
            }
            w.end();
        }
        w.leaf("t:Importance", MessageFields.importanceName(e.importance()))
                .leaf("t:DateTimeCreated", e.createdDateTime())
                .leaf("t:HasAttachments", e.hasAttachments())
                .leaf("t:LastModifiedTime", e.lastModifiedDateTime());
        w.leaf("t:UID", e.iCalUId());
        w.leaf("t:Start", i.start()).leaf("t:End", i.end())
                .leaf("t:IsAllDayEvent", e.isAllDay())
                .leaf("t:LegacyFreeBusyStatus", freeBusy(e.showAs()))
                .leaf("t:Location", e.location())
                .leaf("t:IsMeeting", !e.attendees().isEmpty())
                .leaf("t:IsCancelled", e.isCancelled())
                .leaf("t:IsRecurring", i.type() != CalendarEvent.Type.SINGLE_INSTANCE)
                .leaf("t:IsResponseRequested", e.responseRequested())
                .leaf("t:CalendarItemType", calendarItemType(i.type()));
        if (e.organizer() != null) {
            w.start("t:Organizer").start("t:Mailbox").leaf("t:Name", e.organizer().name());
            if (full) {
                w.leaf("t:EmailAddress", e.organizer().address()).leaf("t:RoutingType", "SMTP");
            }
            w.end().end();
        }
        if (full) {
            attendees(w, "t:RequiredAttendees", e.attendees(), "required");
            attendees(w, "t:OptionalAttendees", e.attendees(), "optional");
            attendees(w, "t:Resources", e.attendees(), "resource");
        }
        w.end();
    }

    private static void attendees(EwsWriter w, String qname, List<Attendee> all, String type) {
        List<Attendee> some = all.stream().filter(a -> a.type().equals(type)).toList();
        if (some.isEmpty()) {
            return;
        }
        w.start(qname);
        for (Attendee a : some) {
            w.start("t:Attendee").start("t:Mailbox").leaf("t:Name", a.emailAddress().name())
                    .leaf("t:EmailAddress", a.emailAddress().address())
                    .leaf("t:RoutingType", "SMTP").end()
                    .leaf("t:ResponseType", responseType(a.response())).end();
        }
        w.end();
    }

    private static String responseType(String graph) {
        return switch (graph) {
            case "organizer" -> "Organizer";
            case "tentativelyAccepted" -> "Tentative";
            case "accepted" -> "Accept";
            case "declined" -> "Decline";
            case "notResponded" -> "NoResponseReceived";
            default -> "Unknown";
        };
    }
}
