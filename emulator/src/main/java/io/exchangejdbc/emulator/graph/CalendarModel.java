package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.EdmType;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.CalendarGroup;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Recurrence;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Graph v1.0 calendar types the emulator serves ({@code event}, {@code calendar},
 * {@code calendarGroup}, an event's {@code fileAttachment}) and the complex types they use,
 * declared with the CSDL's names and Graph's order of properties and bound to the store's
 * calendar objects.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/event">event</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendar">calendar</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/calendargroup">calendarGroup</a>
 */
final class CalendarModel {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    /** A {@code dateTimeTimeZone} value. */
    record Zoned(String dateTime, String timeZone) {
    }

    /** A {@code location} value: only a display name is kept. */
    record Place(String displayName) {
    }

    /** An attachment of an event, with its position. */
    record EventAttachment(CalendarEvent event, int index, Attachment attachment) {

        String id() {
            return event.attachmentId(index);
        }

        byte[] contentBytes() {
            if (attachment.content() != null) {
                return attachment.content();
            }
            byte[] seed = (attachment.name() + " " + event.subject() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[attachment.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = seed[i % seed.length];
            }
            return out;
        }
    }

    static final StructuredType DATE_TIME_TIME_ZONE = StructuredType
            .builder("microsoft.graph.dateTimeTimeZone", Zoned.class)
            .add("dateTime", EdmType.STRING, Zoned::dateTime)
            .add("timeZone", EdmType.STRING, Zoned::timeZone)
            .build();

    static final StructuredType RESPONSE_STATUS = StructuredType
            .builder("microsoft.graph.responseStatus", Attendee.Response.class)
            .add("response", EdmType.enumType("microsoft.graph.responseType"),
                    Attendee.Response::response)
            .add("time", EdmType.DATETIMEOFFSET, Attendee.Response::time)
            .build();

    static final StructuredType ATTENDEE = StructuredType
            .builder("microsoft.graph.attendee", Attendee.class)
            .add("type", EdmType.enumType("microsoft.graph.attendeeType"), Attendee::type)
            .add("status", EdmType.complex(RESPONSE_STATUS), Attendee::status)
            .add("emailAddress", EdmType.complex(GraphModel.EMAIL_ADDRESS),
                    Attendee::emailAddress)
            .build();

    static final StructuredType LOCATION = StructuredType
            .builder("microsoft.graph.location", Place.class)
            .add("displayName", EdmType.STRING, Place::displayName)
            .add("locationType", EdmType.enumType("microsoft.graph.locationType"),
                    p -> "default")
            .add("uniqueId", EdmType.STRING, Place::displayName)
            .add("uniqueIdType", EdmType.enumType("microsoft.graph.locationUniqueIdType"),
                    p -> "private")
            .build();

    static final StructuredType RECURRENCE_PATTERN = StructuredType
            .builder("microsoft.graph.recurrencePattern", Recurrence.class)
            .add("type", EdmType.enumType("microsoft.graph.recurrencePatternType"),
                    Recurrence::patternType)
            .add("interval", EdmType.INT32, Recurrence::interval)
            .add("month", EdmType.INT32, Recurrence::month)
            .add("dayOfMonth", EdmType.INT32, Recurrence::dayOfMonth)
            .add("daysOfWeek", EdmType.collection(EdmType.enumType("microsoft.graph.dayOfWeek")),
                    r -> days(r.daysOfWeek()))
            .add("firstDayOfWeek", EdmType.enumType("microsoft.graph.dayOfWeek"),
                    r -> day(r.firstDayOfWeek()))
            .add("index", EdmType.enumType("microsoft.graph.weekIndex"), Recurrence::index)
            .build();

    static final StructuredType RECURRENCE_RANGE = StructuredType
            .builder("microsoft.graph.recurrenceRange", Recurrence.class)
            .add("type", EdmType.enumType("microsoft.graph.recurrenceRangeType"),
                    Recurrence::rangeType)
            .add("startDate", EdmType.DATE, Recurrence::startDate)
            .add("endDate", EdmType.DATE,
                    r -> r.endDate() == null ? NO_DATE : r.endDate())
            .add("recurrenceTimeZone", EdmType.STRING, Recurrence::recurrenceTimeZone)
            .add("numberOfOccurrences", EdmType.INT32, Recurrence::numberOfOccurrences)
            .build();

    static final StructuredType PATTERNED_RECURRENCE = StructuredType
            .builder("microsoft.graph.patternedRecurrence", Recurrence.class)
            .add("pattern", EdmType.complex(RECURRENCE_PATTERN), r -> r)
            .add("range", EdmType.complex(RECURRENCE_RANGE), r -> r)
            .build();

    static final StructuredType ONLINE_MEETING = StructuredType
            .builder("microsoft.graph.onlineMeetingInfo", String.class)
            .add("joinUrl", EdmType.STRING, s -> s)
            .build();

    private static final EdmType STRINGS = EdmType.collection(EdmType.STRING);
    private static final EdmType DTTZ = EdmType.complex(DATE_TIME_TIME_ZONE);

    /** Graph's {@code event}, in the order Graph writes its properties. */
    static final StructuredType EVENT_TYPE = StructuredType
            .builder("microsoft.graph.event", EventView.class)
            .add("id", EdmType.STRING, v -> v.instance().id())
            .add("createdDateTime", EdmType.DATETIMEOFFSET, v -> v.event().createdDateTime())
            .add("lastModifiedDateTime", EdmType.DATETIMEOFFSET,
                    v -> v.event().lastModifiedDateTime())
            .add("changeKey", EdmType.STRING, v -> v.event().changeKey())
            .add("categories", STRINGS, v -> v.event().categories())
            .add("transactionId", EdmType.STRING, v -> null)
            .add("originalStartTimeZone", EdmType.STRING, v -> v.event().startZone())
            .add("originalEndTimeZone", EdmType.STRING, v -> v.event().endZone())
            .add("iCalUId", EdmType.STRING, v -> v.event().iCalUId())
            .add("reminderMinutesBeforeStart", EdmType.INT32,
                    v -> v.event().reminderMinutesBeforeStart())
            .add("isReminderOn", EdmType.BOOLEAN, v -> v.event().isReminderOn())
            .add("hasAttachments", EdmType.BOOLEAN, v -> v.event().hasAttachments())
            .add("subject", EdmType.STRING, v -> v.event().subject())
            .add("bodyPreview", EdmType.STRING, v -> v.event().body().preview())
            .add("importance", EdmType.enumType("microsoft.graph.importance"),
                    v -> v.event().importance().graphName())
            .add("sensitivity", EdmType.enumType("microsoft.graph.sensitivity"),
                    v -> v.event().sensitivity())
            .add("isAllDay", EdmType.BOOLEAN, v -> v.event().isAllDay())
            .add("isCancelled", EdmType.BOOLEAN, v -> v.event().isCancelled())
            .add("isOrganizer", EdmType.BOOLEAN, EventView::isOrganizer)
            .add("responseRequested", EdmType.BOOLEAN, v -> v.event().responseRequested())
            .add("seriesMasterId", EdmType.STRING, v -> v.instance().seriesMaster() == null
                    ? null : v.instance().seriesMaster().id())
            .add("showAs", EdmType.enumType("microsoft.graph.freeBusyStatus"),
                    v -> v.event().showAs())
            .add("type", EdmType.enumType("microsoft.graph.eventType"),
                    v -> v.instance().type().graphName())
            .add("webLink", EdmType.STRING, v -> "https://outlook.office365.com/owa/"
                    + "?itemid=" + v.instance().id() + "&exvsurl=1&path=/calendar/item")
            .add("onlineMeetingUrl", EdmType.STRING, v -> null)
            .add("isOnlineMeeting", EdmType.BOOLEAN, v -> v.event().isOnlineMeeting())
            .add("onlineMeetingProvider",
                    EdmType.enumType("microsoft.graph.onlineMeetingProviderType"),
                    v -> v.event().onlineMeetingProvider())
            .add("allowNewTimeProposals", EdmType.BOOLEAN,
                    v -> v.event().allowNewTimeProposals())
            .add("isDraft", EdmType.BOOLEAN, v -> false)
            .add("hideAttendees", EdmType.BOOLEAN, v -> v.event().hideAttendees())
            .add("originalStart", EdmType.DATETIMEOFFSET, v -> v.instance().originalStart())
            .add("responseStatus", EdmType.complex(RESPONSE_STATUS), EventView::response)
            .add("body", EdmType.complex(GraphModel.ITEM_BODY), true,
                    (v, c) -> new BodyValue(c.bodyAsText() ? "text" : "html",
                            c.bodyAsText() ? v.event().body().text() : v.event().body().html()))
            .add("start", DTTZ, v -> zoned(v.instance().localStart(v.zone()), v.zoneName()))
            .add("end", DTTZ, v -> zoned(v.instance().localEnd(v.zone()), v.zoneName()))
            .add("location", EdmType.complex(LOCATION), v -> new Place(
                    v.event().location() == null ? "" : v.event().location()))
            .add("locations", EdmType.collection(EdmType.complex(LOCATION)),
                    v -> v.event().location() == null ? List.of()
                            : List.of(new Place(v.event().location())))
            .add("recurrence", EdmType.complex(PATTERNED_RECURRENCE),
                    v -> v.instance().type() == CalendarEvent.Type.SERIES_MASTER
                            ? v.event().recurrence() : null)
            .add("attendees", EdmType.collection(EdmType.complex(ATTENDEE)),
                    v -> v.event().attendees())
            .add("organizer", EdmType.complex(GraphModel.RECIPIENT), v -> v.event().organizer())
            .add("onlineMeeting", EdmType.complex(ONLINE_MEETING),
                    v -> v.event().isOnlineMeeting() ? "https://teams.microsoft.com/l/meetup-join/"
                            + v.event().iCalUId() : null)
            .addSelectable("cancelledOccurrences", STRINGS, CalendarModel::cancelledOccurrences)
            .build();

    /** Graph's {@code calendar}. */
    static final StructuredType CALENDAR_TYPE = StructuredType
            .builder("microsoft.graph.calendar", CalendarFolder.class)
            .add("id", EdmType.STRING, CalendarFolder::id)
            .add("name", EdmType.STRING, CalendarFolder::name)
            .add("color", EdmType.enumType("microsoft.graph.calendarColor"),
                    CalendarFolder::color)
            .add("hexColor", EdmType.STRING, CalendarFolder::hexColor)
            .add("isDefaultCalendar", EdmType.BOOLEAN, CalendarFolder::isDefault)
            .add("changeKey", EdmType.STRING, CalendarFolder::changeKey)
            .add("canShare", EdmType.BOOLEAN, c -> true)
            .add("canViewPrivateItems", EdmType.BOOLEAN, c -> true)
            .add("canEdit", EdmType.BOOLEAN, c -> true)
            .add("allowedOnlineMeetingProviders",
                    EdmType.collection(EdmType.enumType(
                            "microsoft.graph.onlineMeetingProviderType")),
                    c -> List.of("teamsForBusiness"))
            .add("defaultOnlineMeetingProvider",
                    EdmType.enumType("microsoft.graph.onlineMeetingProviderType"),
                    c -> "teamsForBusiness")
            .add("isTallyingResponses", EdmType.BOOLEAN, c -> true)
            .add("isRemovable", EdmType.BOOLEAN, c -> !c.isDefault())
            .add("owner", EdmType.complex(GraphModel.EMAIL_ADDRESS), CalendarFolder::owner)
            .build();

    /** Graph's {@code calendarGroup}. */
    static final StructuredType CALENDAR_GROUP_TYPE = StructuredType
            .builder("microsoft.graph.calendarGroup", CalendarGroup.class)
            .add("id", EdmType.STRING, CalendarGroup::id)
            .add("name", EdmType.STRING, CalendarGroup::name)
            .add("classId", EdmType.GUID, CalendarGroup::classId)
            .add("changeKey", EdmType.STRING, CalendarGroup::changeKey)
            .build();

    /** Graph's {@code fileAttachment} of an event. */
    static final StructuredType EVENT_ATTACHMENT_TYPE = StructuredType
            .builder("microsoft.graph.fileAttachment", EventAttachment.class)
            .add("id", EdmType.STRING, EventAttachment::id)
            .add("lastModifiedDateTime", EdmType.DATETIMEOFFSET,
                    a -> a.event().lastModifiedDateTime())
            .add("name", EdmType.STRING, a -> a.attachment().name())
            .add("contentType", EdmType.STRING, a -> a.attachment().contentType())
            .add("size", EdmType.INT32, a -> a.attachment().size())
            .add("isInline", EdmType.BOOLEAN, a -> a.attachment().inline())
            .add("contentId", EdmType.STRING, a -> null)
            .add("contentLocation", EdmType.STRING, a -> null)
            .add("contentBytes", EdmType.BINARY, EventAttachment::contentBytes)
            .build();

    static final EntityModel EVENT = new EntityModel(EVENT_TYPE,
            v -> "W/\"" + ((EventView) v).event().changeKey() + "\"", true, false, null);
    static final EntityModel CALENDAR = new EntityModel(CALENDAR_TYPE, null, true, false, null);
    static final EntityModel CALENDAR_GROUP = new EntityModel(CALENDAR_GROUP_TYPE, null, true,
            false, null);
    static final EntityModel EVENT_ATTACHMENT = new EntityModel(EVENT_ATTACHMENT_TYPE, null, true,
            false, "#microsoft.graph.fileAttachment");

    private CalendarModel() {
    }

    private static Zoned zoned(LocalDateTime t, String zoneName) {
        return new Zoned(LOCAL.format(t), zoneName);
    }

    private static List<String> days(List<DayOfWeek> days) {
        List<String> out = new ArrayList<>();
        for (DayOfWeek d : days) {
            out.add(day(d));
        }
        return out;
    }

    private static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> cancelledOccurrences(EventView v) {
        EventInstance i = v.instance();
        if (i.type() != CalendarEvent.Type.SERIES_MASTER) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (LocalDate d : i.event().cancelledOccurrences()) {
            out.add("OID." + i.id() + "." + d);
        }
        return out;
    }
}
