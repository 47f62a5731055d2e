package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.TimeZones;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Graph's meeting actions on events, served beside {@link GraphFront}: {@code accept},
 * {@code tentativelyAccept} and {@code decline} by an attendee (the response reaches the
 * organiser's copy of the event, found by its iCalendar uid, and a response message the
 * organiser's Inbox, unless {@code sendResponse} is false), {@code cancel} by the organiser (every
 * attendee's copy is cancelled and a cancellation delivered), {@code dismissReminder} and
 * {@code snoozeReminder}.
 *
 * <p>The actions apply to stored events (single events, series masters and exceptions); an
 * expanded occurrence of a series is refused with 400.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/event-accept">event: accept</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-cancel">event: cancel</a>
 */
public final class EventActionFront implements Front {

    private static final Set<String> CALENDAR_WRITE = Set.of("Calendars.ReadWrite");

    private static final Set<String> CALENDAR_READ = Set.of("Calendars.Read",
            "Calendars.ReadWrite");

    private final GraphFront graph;
    private final Clock clock;
    private final UploadSessions uploads;

    /**
     * Creates the front, sharing the Graph front's token checks and error format and the upload
     * sessions of attachments.
     */
    public EventActionFront(GraphFront graph, Clock clock, UploadSessions uploads) {
        this.graph = requireNonNull(graph, "graph");
        this.clock = requireNonNull(clock, "clock");
        this.uploads = requireNonNull(uploads, "uploads");
    }

    /**
     * The parsed target: whose mailbox, which event, which action, and the attachment an
     * attachment action names.
     */
    private record Target(String userKey, String eventId, String action, String attachmentId) {
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public boolean serves(Request request) {
        return target(request) != null;
    }

    @Override
    public boolean acceptsFaults() {
        return true;
    }

    @Override
    public String throttleKey(Request request) {
        return graph.throttleKey(request);
    }

    private static Target target(Request request) {
        List<String> segs = request.segments();
        if (segs.size() < 5 || !segs.get(0).equals("v1.0")) {
            return null;
        }
        String userKey;
        if (segs.get(1).equalsIgnoreCase("me")) {
            userKey = null;
        } else if (segs.get(1).equalsIgnoreCase("users")) {
            userKey = segs.get(2);
        } else {
            return null;
        }
        int n = segs.size();
        Target attachment = attachmentTarget(request.method(), segs, userKey);
        if (attachment != null) {
            return attachment;
        }
        if (!request.method().equals("POST") || !segs.get(n - 3).equalsIgnoreCase("events")) {
            return null;
        }
        String action = segs.get(n - 1);
        switch (action.toLowerCase(Locale.ROOT)) {
            case "accept":
            case "tentativelyaccept":
            case "decline":
            case "cancel":
            case "dismissreminder":
            case "snoozereminder":
                return new Target(userKey, segs.get(n - 2), action.toLowerCase(Locale.ROOT),
                        null);
            default:
                return null;
        }
    }

    /** The attachment actions: add, upload session, delete, raw bytes. */
    private static Target attachmentTarget(String method, List<String> segs, String userKey) {
        int k = -1;
        for (int i = segs.size() - 1; i >= 2; i--) {
            if (segs.get(i).equalsIgnoreCase("attachments")) {
                k = i;
                break;
            }
        }
        if (k < 4 || !segs.get(k - 2).equalsIgnoreCase("events")) {
            return null;
        }
        String event = segs.get(k - 1);
        List<String> tail = segs.subList(k + 1, segs.size());
        if (method.equals("POST") && tail.isEmpty()) {
            return new Target(userKey, event, "addattachment", null);
        }
        if (method.equals("POST") && tail.size() == 1
                && tail.get(0).equalsIgnoreCase("createUploadSession")) {
            return new Target(userKey, event, "uploadsession", null);
        }
        if (method.equals("DELETE") && tail.size() == 1) {
            return new Target(userKey, event, "deleteattachment", tail.get(0));
        }
        if (method.equals("GET") && tail.size() == 2 && tail.get(1).equals("$value")) {
            return new Target(userKey, event, "attachmentvalue", tail.get(0));
        }
        return null;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        try {
            Caller caller = graph.caller(request);
            Target t = target(request);
            User owner = owner(caller, t.userKey());
            AccessToken token = caller.token();
            Set<String> needed = t.action().equals("attachmentvalue") ? CALENDAR_READ
                    : CALENDAR_WRITE;
            if (!token.allowsAny(needed, needed)
                    || (token.isDelegated() && !caller.user().id().equals(owner.id()))) {
                throw GraphError.mailAccessDenied();
            }
            Mailbox mailbox = caller.tenant().mailbox(owner);
            CalendarEvent event = event(mailbox, t.eventId());
            switch (t.action()) {
                case "addattachment":
                    addAttachment(request, response, mailbox, event);
                    return;
                case "uploadsession":
                    MailActionFront.openUploadSession(request, response, uploads, mailbox, null,
                            event.id());
                    return;
                case "deleteattachment":
                    deleteAttachment(mailbox, event, t.attachmentId());
                    response.sendEmpty(204);
                    return;
                case "attachmentvalue":
                    int index = index(event, t.attachmentId());
                    Attachment a = event.attachments().get(index);
                    response.send(200, a.contentType(),
                            new CalendarModel.EventAttachment(event, index, a).contentBytes());
                    return;
                default:
                    break;
            }
            Map<String, Object> body = JsonObjects.object(request.bodyText());
            switch (t.action()) {
                case "accept":
                    respond(caller.tenant(), mailbox, event, "accepted", "Accepted: ", body);
                    break;
                case "tentativelyaccept":
                    respond(caller.tenant(), mailbox, event, "tentativelyAccepted",
                            "Tentative: ", body);
                    break;
                case "decline":
                    respond(caller.tenant(), mailbox, event, "declined", "Declined: ", body);
                    break;
                case "cancel":
                    cancel(caller.tenant(), mailbox, event, body);
                    break;
                case "dismissreminder":
                    mailbox.calendars().updateEvent(event, e -> e.dismissReminder());
                    break;
                default:
                    snooze(mailbox, event, body);
            }
            response.sendEmpty(202);
        } catch (GraphError e) {
            sendError(request, response, e.status(), e.code(), e.getMessage());
        }
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        graph.sendError(request, response, status, code, message);
    }

    private static User owner(Caller caller, String userKey) {
        if (userKey == null) {
            if (caller.user() == null) {
                throw GraphError.badRequest(
                        "/me request is only valid with delegated authentication flow.");
            }
            return caller.user();
        }
        return caller.tenant().user(userKey).orElseThrow(() -> new GraphError(404,
                "ErrorInvalidUser", "The requested user '" + userKey + "' is invalid."));
    }

    private static CalendarEvent event(Mailbox mailbox, String id) {
        Optional<EventInstance> found;
        try {
            found = mailbox.calendars().instance(id);
        } catch (IllegalArgumentException e) {
            throw GraphError.malformedId();
        }
        EventInstance instance = found.orElseThrow(GraphError::itemNotFound);
        if (instance.type() == CalendarEvent.Type.OCCURRENCE) {
            throw new GraphError(400, "ErrorInvalidRequest", "This emulator acts on stored"
                    + " events only; act on the series master or an exception instead of an"
                    + " occurrence.");
        }
        return instance.event();
    }

    private static boolean isSelf(Mailbox mailbox, EmailAddress a) {
        User u = mailbox.owner();
        return a != null && (a.address().equalsIgnoreCase(u.mail())
                || a.address().equalsIgnoreCase(u.userPrincipalName()));
    }

    private void respond(Tenant tenant, Mailbox mailbox, CalendarEvent event, String response,
            String prefix, Map<String, Object> body) {
        if (event.organizer() == null || isSelf(mailbox, event.organizer())) {
            throw new GraphError(400, "ErrorInvalidRequest", "Your request can't be completed."
                    + " You can't respond to a meeting you organized.");
        }
        Object send = JsonObjects.field(body, "sendResponse");
        boolean sendResponse = send == null || !"false".equalsIgnoreCase(send.toString());
        String comment = JsonObjects.stringField(body, "comment");
        User self = mailbox.owner();
        String address = self.mail() != null ? self.mail() : self.userPrincipalName();
        Instant now = clock.instant();
        mailbox.calendars().updateEvent(event, e -> e.response(address, response, now));
        if (!sendResponse) {
            return;
        }
        User organizer = userByAddress(tenant, event.organizer().address());
        if (organizer == null) {
            return;
        }
        Mailbox theirs = tenant.mailbox(organizer);
        theirs.calendars().eventByICalUId(event.iCalUId()).ifPresent(copy ->
                theirs.calendars().updateEvent(copy, e -> e.response(address, response, now)));
        deliver(theirs, new EmailAddress(self.displayName(), address),
                prefix + (event.subject() == null ? "" : event.subject()), comment, now);
    }

    private void cancel(Tenant tenant, Mailbox mailbox, CalendarEvent event,
            Map<String, Object> body) {
        if (!isSelf(mailbox, event.organizer())) {
            throw new GraphError(400, "ErrorAccessDenied", "Your request can't be completed."
                    + " You need to be an organizer to cancel a meeting.");
        }
        String comment = JsonObjects.stringField(body, "comment");
        Instant now = clock.instant();
        mailbox.calendars().updateEvent(event, e -> e.cancel());
        User self = mailbox.owner();
        EmailAddress from = new EmailAddress(self.displayName(),
                self.mail() != null ? self.mail() : self.userPrincipalName());
        for (var attendee : event.attendees()) {
            User u = userByAddress(tenant, attendee.emailAddress().address());
            if (u == null || u.id().equals(self.id())) {
                continue;
            }
            Mailbox theirs = tenant.mailbox(u);
            theirs.calendars().eventByICalUId(event.iCalUId()).ifPresent(copy ->
                    theirs.calendars().updateEvent(copy, e -> e.cancel()));
            deliver(theirs, from, "Canceled: " + (event.subject() == null ? ""
                    : event.subject()), comment, now);
        }
    }

    private static void snooze(Mailbox mailbox, CalendarEvent event, Map<String, Object> body) {
        Map<String, Object> time = JsonObjects.objectField(body, "newReminderTime");
        String dateTime = JsonObjects.stringField(time, "dateTime");
        if (dateTime == null) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The value of the parameter 'NewReminderTime' is empty.");
        }
        String zone = JsonObjects.stringField(time, "timeZone");
        Instant until;
        try {
            String local = dateTime.endsWith("Z") ? dateTime.substring(0, dateTime.length() - 1)
                    : dateTime;
            ZoneId z = zone == null || zone.isBlank() ? ZoneId.of("UTC")
                    : TimeZones.resolve(zone).orElseThrow(
                            () -> new java.time.DateTimeException(zone));
            until = LocalDateTime.parse(local).atZone(z).toInstant();
        } catch (java.time.DateTimeException e) {
            throw GraphError.badRequest("Cannot read newReminderTime '" + dateTime + "' in '"
                    + zone + "'.");
        }
        mailbox.calendars().updateEvent(event, e -> e.snoozeReminder(until));
    }

    // ---- attachments

    private static void addAttachment(Request request, Response response, Mailbox mailbox,
            CalendarEvent event) throws IOException {
        Attachment a = MailActionFront.fileAttachment(JsonObjects.object(request.bodyText()));
        if (a.size() >= MailActionFront.MAX_POSTED_ATTACHMENT) {
            throw MailActionFront.tooLarge();
        }
        String id = attach(mailbox, event.id(), a);
        try (JsonGenerator g = response.json(201, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "/v1.0/$metadata#users('"
                    + mailbox.owner().id() + "')/events('" + event.id()
                    + "')/attachments/$entity");
            g.writeStringField("@odata.type", "#microsoft.graph.fileAttachment");
            g.writeStringField("id", id);
            g.writeStringField("name", a.name());
            g.writeStringField("contentType", a.contentType());
            g.writeNumberField("size", a.size());
            g.writeBooleanField("isInline", a.inline());
            g.writeEndObject();
        }
    }

    /** Adds an attachment to a stored event of a mailbox and returns its id. */
    static String attach(Mailbox mailbox, String eventId, Attachment a) {
        CalendarEvent event = event(mailbox, eventId);
        synchronized (mailbox.calendars()) {
            List<Attachment> list = new ArrayList<>(event.attachments());
            if (list.size() >= 256) {
                throw GraphError.badRequest("An event can have at most 256 attachments here.");
            }
            list.add(a);
            mailbox.calendars().updateEvent(event, e -> e.attachments(list));
            return event.attachmentId(list.size() - 1);
        }
    }

    private static void deleteAttachment(Mailbox mailbox, CalendarEvent event, String id) {
        synchronized (mailbox.calendars()) {
            int index = index(event, id);
            List<Attachment> list = new ArrayList<>(event.attachments());
            list.remove(index);
            mailbox.calendars().updateEvent(event, e -> e.attachments(list));
        }
    }

    private static int index(CalendarEvent event, String id) {
        List<Attachment> list = event.attachments();
        for (int i = 0; i < list.size(); i++) {
            if (event.attachmentId(i).equals(id)) {
                return i;
            }
        }
        throw GraphError.itemNotFound();
    }

    private static void deliver(Mailbox to, EmailAddress from, String subject, String comment,
            Instant now) {
        to.addMessage(to.folder(WellKnownFolder.INBOX), Message.builder().subject(subject)
                .body(ItemBody.text(comment == null ? "" : comment)).from(from)
                .to(new EmailAddress(to.owner().displayName(), to.owner().mail()))
                .receivedDateTime(now).sentDateTime(now));
    }

    private static User userByAddress(Tenant tenant, String address) {
        for (User u : tenant.users()) {
            if (address.equalsIgnoreCase(u.mail())
                    || address.equalsIgnoreCase(u.userPrincipalName())) {
                return u;
            }
        }
        return null;
    }
}
