package io.exchangejdbc.emulator.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.PropertyDef;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.QueryString;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.CalendarGroup;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.TimeZones;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The calendar resources of a mailbox on the Graph front: {@code events}, {@code calendars},
 * {@code calendar} (the default one), {@code calendarGroups}, {@code calendarView} and an
 * event's {@code instances} and {@code attachments}, with OData query options, paging through
 * {@code @odata.nextLink} ({@code $skip}), and {@code Prefer: outlook.timezone}, which sets the
 * zone event times are written in (UTC when absent or unknown).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-events">List events</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-calendarview">List
 *     calendarView</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-list-instances">List instances</a>
 */
final class CalendarRoutes {

    private static final Set<String> SEGMENTS = Set.of("events", "calendars", "calendar",
            "calendargroups", "calendarview");
    private static final Set<String> ROLES = Set.of("Calendars.Read", "Calendars.ReadBasic",
            "Calendars.ReadWrite", "Calendars.ReadBasic.All");
    private static final Set<String> SCOPES = Set.of("Calendars.Read", "Calendars.ReadBasic",
            "Calendars.ReadWrite", "Calendars.Read.Shared", "Calendars.ReadWrite.Shared");
    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_TOP = 1000;

    /** The zone a request wants event times in. */
    private record Zone(ZoneId id, String name, boolean applied) {
    }

    /** Tells whether a segment below a user names a calendar resource. */
    static boolean serves(String segment) {
        return SEGMENTS.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** Serves {@code rest} (starting with a calendar segment) of the given user's mailbox. */
    void route(Request request, Response response, Caller caller, User user,
            MailboxCalendars cals, List<String> rest, String userContext) throws IOException {
        authorize(caller, user);
        String seg = rest.get(0).toLowerCase(Locale.ROOT);
        List<String> tail = rest.subList(1, rest.size());
        switch (seg) {
            case "events" -> eventsRoute(request, response, user, cals, null, tail,
                    userContext + "/events");
            case "calendarview" -> {
                if (!tail.isEmpty()) {
                    throw GraphError.segmentNotFound(tail.get(0));
                }
                calendarView(request, response, user, cals, null,
                        userContext + "/calendarView");
            }
            case "calendar" -> calendarRoute(request, response, user, cals,
                    cals.defaultCalendar(), tail, userContext + "/calendar");
            case "calendars" -> {
                if (tail.isEmpty()) {
                    listCalendars(request, response, cals.calendars(),
                            userContext + "/calendars");
                    return;
                }
                CalendarFolder c = calendar(cals, tail.get(0));
                calendarRoute(request, response, user, cals, c, tail.subList(1, tail.size()),
                        userContext + "/calendars('" + c.id() + "')");
            }
            default -> groupsRoute(request, response, cals, tail,
                    userContext + "/calendarGroups");
        }
    }

    private static void authorize(Caller caller, User owner) {
        AccessToken t = caller.token();
        if (!t.allowsAny(ROLES, SCOPES)
                || (t.isDelegated() && !caller.user().id().equals(owner.id()))) {
            throw new GraphError(403, "ErrorAccessDenied",
                    "Access is denied. Check credentials and try again.");
        }
    }

    private void groupsRoute(Request request, Response response, MailboxCalendars cals,
            List<String> rest, String context) throws IOException {
        if (rest.isEmpty()) {
            QueryOptions q = options(request, CalendarModel.CALENDAR_GROUP_TYPE);
            writeCollection(request, response, CalendarModel.CALENDAR_GROUP,
                    shape(new ArrayList<>(cals.groups()), q), q, context, null,
                    ValueContext.DEFAULT);
            return;
        }
        String id = rest.get(0);
        CalendarGroup g = cals.group(id).orElseThrow(() -> notFound(id));
        if (rest.size() == 1) {
            QueryOptions q = options(request, CalendarModel.CALENDAR_GROUP_TYPE);
            writeEntity(request, response, CalendarModel.CALENDAR_GROUP, g, q, context, null,
                    ValueContext.DEFAULT);
        } else if (rest.size() == 2 && rest.get(1).equalsIgnoreCase("calendars")) {
            listCalendars(request, response, g.calendars(),
                    context + "('" + g.id() + "')/calendars");
        } else {
            throw GraphError.segmentNotFound(rest.get(rest.size() > 1 ? 1 : 0));
        }
    }

    private void listCalendars(Request request, Response response, List<CalendarFolder> list,
            String context) throws IOException {
        QueryOptions q = options(request, CalendarModel.CALENDAR_TYPE);
        writeCollection(request, response, CalendarModel.CALENDAR,
                shape(new ArrayList<>(list), q), q, context, null, ValueContext.DEFAULT);
    }

    private void calendarRoute(Request request, Response response, User user,
            MailboxCalendars cals, CalendarFolder c, List<String> rest, String context)
            throws IOException {
        if (rest.isEmpty()) {
            QueryOptions q = options(request, CalendarModel.CALENDAR_TYPE);
            writeEntity(request, response, CalendarModel.CALENDAR, c, q, context, null,
                    ValueContext.DEFAULT);
            return;
        }
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("events")) {
            eventsRoute(request, response, user, cals, c, rest.subList(1, rest.size()),
                    context + "/events");
        } else if (seg.equalsIgnoreCase("calendarView") && rest.size() == 1) {
            calendarView(request, response, user, cals, c, context + "/calendarView");
        } else {
            throw GraphError.segmentNotFound(seg);
        }
    }

    private void eventsRoute(Request request, Response response, User user,
            MailboxCalendars cals, CalendarFolder scope, List<String> rest, String context)
            throws IOException {
        Zone zone = zone(request);
        if (rest.isEmpty()) {
            QueryOptions q = options(request, CalendarModel.EVENT_TYPE);
            List<Object> views = new ArrayList<>();
            for (CalendarEvent e : scope == null ? cals.events() : cals.events(scope)) {
                views.add(new EventView(EventInstance.of(e), user, zone.id(), zone.name()));
            }
            writeCollection(request, response, CalendarModel.EVENT, shape(views, q), q, context,
                    zone, valueContext(request));
            return;
        }
        String id = rest.get(0);
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        EventInstance instance = cals.instance(id).orElseThrow(GraphError::itemNotFound);
        if (scope != null && instance.event().calendar() != scope) {
            throw GraphError.itemNotFound();
        }
        if (rest.size() == 1) {
            QueryOptions q = options(request, CalendarModel.EVENT_TYPE);
            writeEntity(request, response, CalendarModel.EVENT,
                    new EventView(instance, user, zone.id(), zone.name()), q, context, zone,
                    valueContext(request));
            return;
        }
        String seg = rest.get(1);
        String itemContext = context + "('" + id + "')";
        if (seg.equalsIgnoreCase("instances") && rest.size() == 2) {
            Instant[] window = window(request);
            QueryOptions q = options(request, CalendarModel.EVENT_TYPE);
            List<Object> views = new ArrayList<>();
            List<EventInstance> list = instance.type() == CalendarEvent.Type.SERIES_MASTER
                    ? cals.instances(instance.event(), window[0], window[1]) : List.of();
            for (EventInstance i : list) {
                views.add(new EventView(i, user, zone.id(), zone.name()));
            }
            writeCollection(request, response, CalendarModel.EVENT, shape(views, q), q,
                    itemContext + "/instances", zone, valueContext(request));
        } else if (seg.equalsIgnoreCase("attachments") && rest.size() <= 3) {
            CalendarEvent e = instance.event();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < e.attachments().size(); i++) {
                list.add(new CalendarModel.EventAttachment(e, i, e.attachments().get(i)));
            }
            QueryOptions q = options(request, CalendarModel.EVENT_ATTACHMENT_TYPE);
            if (rest.size() == 2) {
                writeCollection(request, response, CalendarModel.EVENT_ATTACHMENT,
                        shape(list, q), q, itemContext + "/attachments", null,
                        ValueContext.DEFAULT);
                return;
            }
            for (Object o : list) {
                if (((CalendarModel.EventAttachment) o).id().equals(rest.get(2))) {
                    writeEntity(request, response, CalendarModel.EVENT_ATTACHMENT, o, q,
                            itemContext + "/attachments", null, ValueContext.DEFAULT);
                    return;
                }
            }
            throw GraphError.itemNotFound();
        } else {
            throw GraphError.segmentNotFound(seg);
        }
    }

    private void calendarView(Request request, Response response, User user,
            MailboxCalendars cals, CalendarFolder scope, String context) throws IOException {
        Instant[] window = window(request);
        Zone zone = zone(request);
        QueryOptions q = options(request, CalendarModel.EVENT_TYPE);
        List<Object> views = new ArrayList<>();
        for (EventInstance i : cals.view(scope, window[0], window[1])) {
            views.add(new EventView(i, user, zone.id(), zone.name()));
        }
        writeCollection(request, response, CalendarModel.EVENT, shape(views, q), q, context,
                zone, valueContext(request));
    }

    /**
     * The {@code startDateTime}/{@code endDateTime} window, required by calendarView and
     * instances; a value without an offset is UTC.
     */
    private static Instant[] window(Request request) {
        String start = request.queryParam("startDateTime");
        String end = request.queryParam("endDateTime");
        if (start == null || end == null || start.isBlank() || end.isBlank()) {
            throw new GraphError(400, "ErrorInvalidParameter", "This request requires a time"
                    + " window specified by the query string parameters StartDateTime and"
                    + " EndDateTime.");
        }
        return new Instant[] {instant(start, "startDateTime"), instant(end, "endDateTime")};
    }

    private static Instant instant(String text, String name) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException again) {
                throw new GraphError(400, "ErrorInvalidParameter", "The value '" + text
                        + "' of parameter '" + name + "' is invalid.");
            }
        }
    }

    /** {@code Prefer: outlook.timezone="..."}: the zone event times are written in. */
    private static Zone zone(Request request) {
        for (String header : request.headerValues("Prefer")) {
            for (String item : header.split(",")) {
                int eq = item.indexOf('=');
                if (eq < 0 || !item.substring(0, eq).trim().equalsIgnoreCase(
                        "outlook.timezone")) {
                    continue;
                }
                String value = item.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                var resolved = TimeZones.resolve(value);
                if (resolved.isPresent()) {
                    return new Zone(resolved.get(), value, true);
                }
            }
        }
        return new Zone(ZoneOffset.UTC, "UTC", false);
    }

    private static ValueContext valueContext(Request request) {
        return new ValueContext(Preferences.of(request).bodyAsText());
    }

    private static QueryOptions options(Request request, io.exchangejdbc.emulator.graph.odata
            .StructuredType type) {
        QueryOptions q = QueryOptions.parse(request, type);
        if (q.search != null) {
            throw new GraphError(400, "ErrorInvalidUrlQuery",
                    "The query parameter '$search' is invalid.");
        }
        if (q.expand != null) {
            throw new GraphError(400, "BadRequest", "Could not find a property named '"
                    + q.expand + "' on type '" + type.name() + "'.");
        }
        return q;
    }

    private static CalendarFolder calendar(MailboxCalendars cals, String id) {
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        return cals.calendar(id).orElseThrow(GraphError::itemNotFound);
    }

    private static GraphError notFound(String id) {
        return ItemIds.isWellFormed(id) ? GraphError.itemNotFound() : GraphError.malformedId();
    }

    private static List<Object> shape(List<Object> items, QueryOptions q) {
        List<Object> out = items;
        if (q.filter != null) {
            out = new ArrayList<>();
            for (Object o : items) {
                if (q.filter.test(o)) {
                    out.add(o);
                }
            }
        }
        if (q.orderBy != null) {
            out = new ArrayList<>(out);
            out.sort(q.orderBy.comparator());
        }
        return out;
    }

    private static void traceHeaders(Request request, Response response, Zone zone) {
        response.setHeader("request-id", request.requestId());
        response.setHeader("client-request-id", request.clientRequestId());
        response.setHeader("OData-Version", "4.0");
        response.setHeader("Cache-Control", "private");
        List<String> applied = new ArrayList<>();
        Preferences prefs = Preferences.of(request);
        if (prefs.bodyAsText()) {
            applied.add("outlook.body-content-type=\"text\"");
        }
        if (prefs.immutableIds()) {
            applied.add("IdType=\"ImmutableId\"");
        }
        if (zone != null && zone.applied()) {
            applied.add("outlook.timezone=\"" + zone.name() + "\"");
        }
        if (!applied.isEmpty()) {
            response.setHeader("Preference-Applied", String.join(", ", applied));
        }
    }

    private void writeCollection(Request request, Response response, EntityModel model,
            List<Object> result, QueryOptions q, String context, Zone zone, ValueContext ctx)
            throws IOException {
        int pageSize = DEFAULT_PAGE;
        if (q.top != null) {
            if (q.top < 1 || q.top > MAX_TOP) {
                throw GraphError.badRequest("Invalid value '" + q.top + "' for $top query "
                        + "option found. The $top query option requires a value between 1 and "
                        + MAX_TOP + ".");
            }
            pageSize = q.top;
        } else if (Preferences.of(request).maxPageSize() != null) {
            pageSize = Math.min(Preferences.of(request).maxPageSize(), MAX_TOP);
        }
        int skip = q.skip == null ? 0 : q.skip;
        int total = result.size();
        int end = (int) Math.min(total, (long) skip + pageSize);
        List<Object> page = skip >= total ? List.of() : result.subList(skip, end);
        List<PropertyDef> props = EntityWriter.properties(model, q.select);
        traceHeaders(request, response, zone);
        try (JsonGenerator g = response.json(200, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", contextUrl(request, context, q));
            if (q.count) {
                g.writeNumberField("@odata.count", total);
            }
            g.writeArrayFieldStart("value");
            for (Object entity : page) {
                EntityWriter.write(g, model, entity, props, ctx, null);
            }
            g.writeEndArray();
            if (end < total) {
                g.writeStringField("@odata.nextLink", nextLink(request, end));
            }
            g.writeEndObject();
        }
    }

    private void writeEntity(Request request, Response response, EntityModel model,
            Object entity, QueryOptions q, String context, Zone zone, ValueContext ctx)
            throws IOException {
        List<PropertyDef> props = EntityWriter.properties(model, q.select);
        traceHeaders(request, response, zone);
        try (JsonGenerator g = response.json(200, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", contextUrl(request, context, q) + "/$entity");
            EntityWriter.writeFields(g, model, entity, props, ctx);
            g.writeEndObject();
        }
    }

    private static String contextUrl(Request request, String context, QueryOptions q) {
        String select = q.select == null ? "" : "(" + q.select + ")";
        return request.baseUrl() + "/v1.0/$metadata#" + context + select;
    }

    private static String nextLink(Request request, int skip) {
        StringBuilder sb = new StringBuilder(request.baseUrl()).append(request.rawPath())
                .append('?');
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            if (!e.getKey().equalsIgnoreCase("$skip")) {
                sb.append(QueryString.encode(e.getKey())).append('=')
                        .append(QueryString.encode(e.getValue())).append('&');
            }
        }
        return sb.append("%24skip=").append(skip).toString();
    }
}
