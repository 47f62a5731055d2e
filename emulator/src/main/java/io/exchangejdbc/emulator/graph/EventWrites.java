package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.TimeZones;
import io.exchangejdbc.emulator.store.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creating events ({@code POST events}, {@code POST calendars/{id}/events}) with the service's
 * checks: a start and an end are required, each a {@code dateTimeTimeZone} in a zone the service
 * knows, and the end may not come before the start.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-events">Create event</a>
 */
final class EventWrites {

    private EventWrites() {
    }

    @SuppressWarnings("unchecked")
    static CalendarEvent create(MailboxCalendars calendars, CalendarFolder calendar, User owner,
            Map<String, Object> body) {
        for (String p : body.keySet()) {
            if (!p.startsWith("@odata.") && CalendarModel.EVENT_TYPE.property(p) == null) {
                throw new GraphError(400, "RequestBodyRead", "The property '" + p + "' does"
                        + " not exist on type 'microsoft.graph.event'.");
            }
        }
        Object start = body.get("start");
        Object end = body.get("end");
        if (!(start instanceof Map) || !(end instanceof Map)) {
            throw new GraphError(400, "ErrorPropertyValidationFailure", "An event needs a start"
                    + " and an end.");
        }
        Map<String, Object> s = (Map<String, Object>) start;
        Map<String, Object> e = (Map<String, Object>) end;
        String zone = s.get("timeZone") instanceof String z ? z : "UTC";
        if (TimeZones.resolve(zone).isEmpty()) {
            throw new GraphError(400, "TimeZoneNotSupportedException", "A valid TimeZone value"
                    + " must be specified. The following TimeZone value is not supported: '"
                    + zone + "'.");
        }
        LocalDateTime from = local(s.get("dateTime"));
        LocalDateTime to = local(e.get("dateTime"));
        if (to.isBefore(from)) {
            throw new GraphError(400, "ErrorInvalidRequest", "The end of an event cannot come"
                    + " before its start.");
        }
        String subject = body.get("subject") instanceof String t ? t : "";
        CalendarEvent.Builder b = CalendarEvent.builder(subject, from, to, zone)
                .organizer(owner.emailAddress()).created(Instant.now());
        boolean reminderOn = true;
        int reminderMinutes = 15;
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String p = entry.getKey();
            Object v = entry.getValue();
            switch (p) {
                case "start":
                case "end":
                case "subject":
                    break;
                case "body": {
                    Map<String, Object> m = v instanceof Map ? (Map<String, Object>) v : Map.of();
                    String content = m.get("content") == null ? "" : m.get("content").toString();
                    b.body("text".equalsIgnoreCase(String.valueOf(m.get("contentType")))
                            ? ItemBody.text(content) : ItemBody.html(content));
                    break;
                }
                case "location":
                    if (v instanceof Map<?, ?> m && m.get("displayName") instanceof String l) {
                        b.location(l);
                    }
                    break;
                case "categories": {
                    List<String> c = new ArrayList<>();
                    if (v instanceof List<?> list) {
                        for (Object o : list) {
                            c.add(String.valueOf(o));
                        }
                    }
                    b.categories(c);
                    break;
                }
                case "importance":
                    for (Importance i : Importance.values()) {
                        if (i.graphName().equalsIgnoreCase(String.valueOf(v))) {
                            b.importance(i);
                        }
                    }
                    break;
                case "sensitivity":
                    b.sensitivity(String.valueOf(v));
                    break;
                case "isReminderOn":
                    reminderOn = Boolean.TRUE.equals(v);
                    break;
                case "reminderMinutesBeforeStart":
                    reminderMinutes = v instanceof Number n ? n.intValue() : reminderMinutes;
                    break;
                case "attendees":
                    if (!(v instanceof List<?> list)) {
                        throw new GraphError(400, "RequestBodyRead", "attendees must be an"
                                + " array.");
                    }
                    for (Object o : list) {
                        Object ea = o instanceof Map<?, ?> m ? m.get("emailAddress") : null;
                        Object address = ea instanceof Map<?, ?> m ? m.get("address") : null;
                        if (!(address instanceof String a)) {
                            throw new GraphError(400, "ErrorInvalidRecipients", "An attendee"
                                    + " has no email address.");
                        }
                        Object name = ((Map<?, ?>) ea).get("name");
                        Object type = ((Map<?, ?>) o).get("type");
                        b.attendee(new Attendee(new EmailAddress(name instanceof String n ? n
                                : null, a), type instanceof String t ? t : "required", "none",
                                Attendee.NO_RESPONSE_TIME));
                    }
                    break;
                default:
                    if (!p.startsWith("@odata.")) {
                        throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                                + "' cannot be set by this emulator.");
                    }
            }
        }
        b.reminder(reminderOn, reminderMinutes);
        return calendars.addEvent(calendar, b);
    }

    private static LocalDateTime local(Object v) {
        try {
            return LocalDateTime.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            throw new GraphError(400, "ErrorInvalidRequest", "The value '" + v + "' is not a"
                    + " valid date and time.");
        }
    }
}
