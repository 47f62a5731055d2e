package io.exchangejdbc.emulator.graph;

import static io.exchangejdbc.emulator.graph.RequestValues.bool;
import static io.exchangejdbc.emulator.graph.RequestValues.invalid;
import static io.exchangejdbc.emulator.graph.RequestValues.string;
import static io.exchangejdbc.emulator.graph.RequestValues.strings;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.FlagStatus;
import io.exchangejdbc.emulator.store.FollowupFlag;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.InferenceClassification;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The write side of the Graph front: creating ({@code POST}), updating ({@code PATCH}) and
 * deleting ({@code DELETE}) messages, mail folders, users, events and calendars (and creating
 * contacts and contact folders), with the service's checks
 * (read-only properties, properties a sent message no longer accepts, unknown ids, required
 * properties of a new user) and its error format. Each request is checked whole before
 * anything changes.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-messages">Create message</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-update">Update message</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-mailfolders">Create
 *     mailFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-users">Create user</a>
 */
final class GraphWrites {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Set<String> MAIL_WRITE_ROLES = Set.of("Mail.ReadWrite");
    private static final Set<String> MAIL_WRITE_SCOPES = Set.of("Mail.ReadWrite",
            "Mail.ReadWrite.Shared");
    private static final Set<String> DIRECTORY_WRITE = Set.of("User.ReadWrite.All",
            "Directory.ReadWrite.All");

    /** Message properties the service computes. */
    private static final Set<String> MESSAGE_READ_ONLY = Set.of("id", "createdDateTime",
            "lastModifiedDateTime", "changeKey", "parentFolderId", "receivedDateTime",
            "sentDateTime", "hasAttachments", "isDraft", "bodyPreview", "conversationId",
            "conversationIndex", "uniqueBody", "webLink");
    /** Message properties a message keeps once it has been sent. */
    private static final Set<String> DRAFT_ONLY = Set.of("subject", "body", "internetMessageId",
            "replyTo");
    private static final Set<String> FOLDER_READ_ONLY = Set.of("id", "childFolderCount",
            "parentFolderId", "totalItemCount", "unreadItemCount");
    private static final Set<String> USER_READ_ONLY = Set.of("id", "createdDateTime",
            "proxyAddresses", "imAddresses", "deletedDateTime", "assignedLicenses",
            "assignedPlans", "provisionedPlans", "creationType", "externalUserState",
            "lastPasswordChangeDateTime", "securityIdentifier", "signInActivity",
            "onPremisesSyncEnabled", "mailboxSettings");

    private final Clock clock;
    private final BatchItemFaults itemFaults;
    private volatile Front reads;

    GraphWrites(Clock clock, BatchItemFaults itemFaults) {
        this.clock = requireNonNull(clock, "clock");
        this.itemFaults = requireNonNull(itemFaults, "itemFaults");
    }

    /** Serves the GET items of JSON batches with {@code front}, as they would be alone. */
    void readsWith(Front front) {
        this.reads = requireNonNull(front, "front");
    }

    /** What a write answers: a status and an optional JSON body. */
    record Result(int status, byte[] json) {
    }

    /** Serves a request that is not a GET. */
    void handle(Request request, Response response, Caller caller) throws IOException {
        List<String> segs = request.segments().subList(1, request.segments().size());
        if (segs.size() == 1 && segs.get(0).equals("$batch")) {
            if (!request.method().equals("POST")) {
                throw notAllowed(request.method());
            }
            new JsonBatch(this, itemFaults, reads).run(request, response, caller);
            return;
        }
        Map<String, Object> body = request.method().equals("DELETE") ? Map.of()
                : JsonTree.object(request.body());
        Result r = apply(caller, request.method(), segs, body, request.baseUrl());
        response.setHeader("request-id", request.requestId());
        response.setHeader("client-request-id", request.clientRequestId());
        if (r.json() == null) {
            response.sendEmpty(r.status());
        } else {
            response.send(r.status(), GraphFront.ODATA_JSON, r.json());
        }
    }

    static GraphError notAllowed(String method) {
        return new GraphError(405, "Request_BadRequest", "The HTTP method '" + method
                + "' is not allowed on this resource.");
    }

    /** Applies one write; {@code segs} is the path below {@code /v1.0}. */
    Result apply(Caller caller, String method, List<String> segs, Map<String, Object> body,
            String baseUrl) {
        if (segs.isEmpty()) {
            throw GraphError.segmentNotFound("v1.0");
        }
        String head = segs.get(0);
        User user;
        List<String> rest;
        if (head.equalsIgnoreCase("me")) {
            if (caller.user() == null) {
                throw GraphError.badRequest(
                        "/me request is only valid with delegated authentication flow.");
            }
            user = caller.user();
            rest = segs.subList(1, segs.size());
            if (rest.isEmpty()) {
                return userItem(caller, method, user, body);
            }
        } else if (head.equalsIgnoreCase("users")) {
            if (segs.size() == 1) {
                if (!method.equals("POST")) {
                    throw notAllowed(method);
                }
                return createUser(caller, body, baseUrl);
            }
            String key = segs.get(1);
            rest = segs.subList(2, segs.size());
            user = caller.tenant().user(key).orElseThrow(() -> rest.isEmpty()
                    ? new GraphError(404, "Request_ResourceNotFound", "Resource '" + key
                            + "' does not exist or one of its queried reference-property objects"
                            + " are not present.")
                    : new GraphError(404, "ErrorInvalidUser", "The requested user '" + key
                            + "' is invalid."));
            if (rest.isEmpty()) {
                return userItem(caller, method, user, body);
            }
        } else if (head.equalsIgnoreCase("groups")) {
            return GroupWrites.apply(caller, method, segs, body, baseUrl, clock);
        } else {
            throw GraphError.segmentNotFound(head);
        }
        if (rest.get(0).equalsIgnoreCase("mailboxSettings")) {
            return MailboxSettingsRoute.update(caller, method, user, rest, body, baseUrl);
        }
        authorizeMail(caller, user);
        Mailbox mailbox = caller.tenant().mailbox(user);
        String context = baseUrl + "/v1.0/$metadata#users('" + user.id() + "')";
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("messages")) {
            if (rest.size() == 1) {
                requireMethod(method, "POST");
                return createMessage(mailbox, mailbox.folder(WellKnownFolder.DRAFTS), body,
                        context + "/messages/$entity");
            }
            if (rest.size() == 2) {
                Message m = message(mailbox, rest.get(1));
                return messageItem(method, mailbox, m, body, context + "/messages/$entity");
            }
        } else if (seg.equalsIgnoreCase("mailFolders")) {
            if (rest.size() == 1) {
                requireMethod(method, "POST");
                return createFolder(mailbox, mailbox.root(), body,
                        context + "/mailFolders/$entity");
            }
            MailFolder folder = folder(mailbox, rest.get(1));
            if (rest.size() == 2) {
                return folderItem(method, mailbox, folder, body,
                        context + "/mailFolders/$entity");
            }
            if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("childFolders")) {
                requireMethod(method, "POST");
                return createFolder(mailbox, folder, body, context + "/mailFolders('"
                        + folder.id() + "')/childFolders/$entity");
            }
            if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("messages")) {
                requireMethod(method, "POST");
                return createMessage(mailbox, folder, body, context + "/mailFolders('"
                        + folder.id() + "')/messages/$entity");
            }
        }
        Result contact = ContactWrites.item(method, mailbox.contacts(), rest, body, context);
        if (contact != null) {
            return contact;
        }
        Result more = outlookItems(caller, method, mailbox, rest, body, context);
        if (more != null) {
            return more;
        }
        throw notAllowed(method);
    }

    /** Contacts, contact folders and calendars; null when {@code rest} names none of them. */
    private Result outlookItems(Caller caller, String method, Mailbox mailbox,
            List<String> rest, Map<String, Object> body, String context) {
        String seg = rest.get(0);
        io.exchangejdbc.emulator.store.ContactBook book = mailbox.contacts();
        if (seg.equalsIgnoreCase("contacts") && rest.size() == 1) {
            requireMethod(method, "POST");
            return new Result(201, entity(ContactModel.CONTACT, OutlookItemWrites.createContact(
                    book, book.defaultFolder(), body), context + "/contacts/$entity"));
        }
        if (seg.equalsIgnoreCase("contactFolders")) {
            if (rest.size() == 1) {
                requireMethod(method, "POST");
                return new Result(201, entity(ContactModel.CONTACT_FOLDER,
                        OutlookItemWrites.createContactFolder(book, null, body),
                        context + "/contactFolders/$entity"));
            }
            io.exchangejdbc.emulator.store.ContactFolder folder = book.folder(rest.get(1))
                    .orElseThrow(() -> ItemIds.isWellFormed(rest.get(1))
                            ? GraphError.itemNotFound() : GraphError.malformedId());
            if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("childFolders")) {
                requireMethod(method, "POST");
                return new Result(201, entity(ContactModel.CONTACT_FOLDER,
                        OutlookItemWrites.createContactFolder(book, folder, body),
                        context + "/contactFolders/$entity"));
            }
            if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("contacts")) {
                requireMethod(method, "POST");
                return new Result(201, entity(ContactModel.CONTACT,
                        OutlookItemWrites.createContact(book, folder, body),
                        context + "/contacts/$entity"));
            }
        }
        return calendarItems(caller, method, mailbox, rest, body, context);
    }

    /** Events and calendars; null when {@code rest} names neither. */
    private Result calendarItems(Caller caller, String method, Mailbox mailbox,
            List<String> rest, Map<String, Object> body, String context) {
        String seg = rest.get(0);
        io.exchangejdbc.emulator.store.MailboxCalendars calendars = mailbox.calendars();
        io.exchangejdbc.emulator.store.Tenant tenant = caller.tenant();
        if (seg.equalsIgnoreCase("events") && rest.size() == 1) {
            requireMethod(method, "POST");
            return new Result(201, entity(CalendarModel.EVENT, eventView(EventWrites.create(
                    tenant, mailbox, calendars.defaultCalendar(), body, clock.instant()),
                    mailbox.owner()), context + "/events/$entity"));
        }
        if (seg.equalsIgnoreCase("events") && rest.size() == 2) {
            return eventItem(tenant, method, mailbox, null, rest.get(1), body, context);
        }
        if (!seg.equalsIgnoreCase("calendars") || rest.size() < 2) {
            return createCalendarIn(method, calendars, rest, body, context);
        }
        io.exchangejdbc.emulator.store.CalendarFolder calendar = calendars.calendar(
                rest.get(1)).orElseThrow(() -> ItemIds.isWellFormed(rest.get(1))
                        ? GraphError.itemNotFound() : GraphError.malformedId());
        if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("events")) {
            requireMethod(method, "POST");
            return new Result(201, entity(CalendarModel.EVENT, eventView(EventWrites.create(
                    tenant, mailbox, calendar, body, clock.instant()), mailbox.owner()),
                    context + "/events/$entity"));
        }
        if (rest.size() == 4 && rest.get(2).equalsIgnoreCase("events")) {
            return eventItem(tenant, method, mailbox, calendar, rest.get(3), body, context);
        }
        if (rest.size() == 2) {
            switch (method) {
                case "PATCH":
                    OutlookItemWrites.updateCalendar(calendars, calendar, body,
                            clock.instant());
                    return new Result(200, entity(CalendarModel.CALENDAR, calendar,
                            context + "/calendars/$entity"));
                case "DELETE":
                    if (calendar.isDefault()) {
                        throw new GraphError(400, "ErrorDeleteDistinguishedFolder",
                                "Distinguished folders cannot be deleted.");
                    }
                    calendars.deleteCalendar(calendar);
                    return new Result(204, null);
                default:
                    throw notAllowed(method);
            }
        }
        return null;
    }

    private static Result createCalendarIn(String method,
            io.exchangejdbc.emulator.store.MailboxCalendars calendars, List<String> rest,
            Map<String, Object> body, String context) {
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("calendars") && rest.size() == 1) {
            requireMethod(method, "POST");
            return new Result(201, entity(CalendarModel.CALENDAR, OutlookItemWrites.createCalendar(
                    calendars, calendars.defaultCalendar().group(), body),
                    context + "/calendars/$entity"));
        }
        if (seg.equalsIgnoreCase("calendarGroups") && rest.size() == 3
                && rest.get(2).equalsIgnoreCase("calendars")) {
            requireMethod(method, "POST");
            io.exchangejdbc.emulator.store.CalendarGroup group = calendars.group(rest.get(1))
                    .orElseThrow(GraphError::itemNotFound);
            return new Result(201, entity(CalendarModel.CALENDAR,
                    OutlookItemWrites.createCalendar(calendars, group, body),
                    context + "/calendars/$entity"));
        }
        return null;
    }

    /** PATCH or DELETE of one event, optionally within a calendar. */
    private Result eventItem(io.exchangejdbc.emulator.store.Tenant tenant, String method,
            Mailbox mailbox, io.exchangejdbc.emulator.store.CalendarFolder calendar, String id,
            Map<String, Object> body, String context) {
        io.exchangejdbc.emulator.store.EventInstance instance = EventWrites.find(
                mailbox.calendars(), id);
        if (calendar != null && instance.event().calendar() != calendar) {
            throw GraphError.itemNotFound();
        }
        switch (method) {
            case "PATCH": {
                io.exchangejdbc.emulator.store.CalendarEvent e = EventWrites.update(tenant,
                        mailbox, instance, body, clock.instant());
                return new Result(200, entity(CalendarModel.EVENT, eventView(e,
                        mailbox.owner()), context + "/events/$entity"));
            }
            case "DELETE":
                EventWrites.delete(tenant, mailbox, instance, clock.instant());
                return new Result(204, null);
            default:
                throw notAllowed(method);
        }
    }

    /** A new event as the service answers it: in UTC. */
    private static EventView eventView(io.exchangejdbc.emulator.store.CalendarEvent e,
            User owner) {
        return new EventView(io.exchangejdbc.emulator.store.EventInstance.of(e), owner,
                ZoneOffset.UTC, "UTC");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(method);
        }
    }

    // ---- authorization

    private static void authorizeMail(Caller caller, User owner) {
        AccessToken t = caller.token();
        if (!t.allowsAny(MAIL_WRITE_ROLES, MAIL_WRITE_SCOPES)) {
            throw GraphError.mailAccessDenied();
        }
        if (t.isDelegated() && !caller.user().id().equals(owner.id())
                && !t.allowsAny(Set.of(), Set.of("Mail.ReadWrite.Shared"))) {
            throw GraphError.mailAccessDenied();
        }
    }

    private static void authorizeDirectory(Caller caller) {
        if (!caller.token().allowsAny(DIRECTORY_WRITE, DIRECTORY_WRITE)) {
            throw GraphError.directoryAccessDenied();
        }
    }

    // ---- messages

    private static Message message(Mailbox mailbox, String id) {
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        return mailbox.message(id).orElseThrow(GraphError::itemNotFound);
    }

    private Result createMessage(Mailbox mailbox, MailFolder folder, Map<String, Object> body,
            String context) {
        List<Consumer<Message.Editor>> edits = messageEdits(body, null);
        Instant now = clock.instant();
        Message.Builder b = Message.builder().receivedDateTime(now).createdDateTime(now)
                .lastModifiedDateTime(now).draft(true).read(true).body(ItemBody.html(""));
        Message m = mailbox.addMessage(folder, b);
        mailbox.updateMessage(m, e -> edits.forEach(edit -> edit.accept(e)));
        return new Result(201, entity(GraphModel.MESSAGE, m, context));
    }

    private Result messageItem(String method, Mailbox mailbox, Message m,
            Map<String, Object> body, String context) {
        switch (method) {
            case "PATCH": {
                List<Consumer<Message.Editor>> edits = messageEdits(body, m);
                mailbox.updateMessage(m, e -> edits.forEach(edit -> edit.accept(e)));
                return new Result(200, entity(GraphModel.MESSAGE, m, context));
            }
            case "DELETE":
                mailbox.deleteMessage(m);
                return new Result(204, null);
            default:
                throw notAllowed(method);
        }
    }

    /**
     * The changes a body asks of a message, all checked before any is made; {@code existing} is
     * null for a new draft.
     */
    private List<Consumer<Message.Editor>> messageEdits(Map<String, Object> body,
            Message existing) {
        List<Consumer<Message.Editor>> edits = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (name.startsWith("@odata.")) {
                continue;
            }
            checkKnown(GraphModel.MESSAGE_TYPE, name);
            if (MESSAGE_READ_ONLY.contains(name)) {
                throw readOnly(name);
            }
            if (existing != null && !existing.isDraft() && DRAFT_ONLY.contains(name)) {
                throw new GraphError(400, "ErrorInvalidPropertyUpdateSentMessage",
                        "Update operation failed for property '" + name + "'. This property"
                                + " can't be changed after the message has been sent.");
            }
            switch (name) {
                case "subject": {
                    String s = string(name, v);
                    edits.add(ed -> ed.subject(s));
                    break;
                }
                case "body": {
                    ItemBody b = itemBody(v);
                    edits.add(ed -> ed.body(b));
                    break;
                }
                case "toRecipients": {
                    EmailAddress[] r = recipients(name, v);
                    edits.add(ed -> ed.to(r));
                    break;
                }
                case "ccRecipients": {
                    EmailAddress[] r = recipients(name, v);
                    edits.add(ed -> ed.cc(r));
                    break;
                }
                case "bccRecipients": {
                    EmailAddress[] r = recipients(name, v);
                    edits.add(ed -> ed.bcc(r));
                    break;
                }
                case "replyTo": {
                    EmailAddress[] r = recipients(name, v);
                    edits.add(ed -> ed.replyTo(r));
                    break;
                }
                case "categories": {
                    String[] c = strings(name, v).toArray(String[]::new);
                    edits.add(ed -> ed.categories(c));
                    break;
                }
                case "importance": {
                    Importance i = importance(v);
                    edits.add(ed -> ed.importance(i));
                    break;
                }
                case "inferenceClassification": {
                    String s = string(name, v);
                    InferenceClassification c = "other".equalsIgnoreCase(s)
                            ? InferenceClassification.OTHER
                            : "focused".equalsIgnoreCase(s) ? InferenceClassification.FOCUSED
                            : null;
                    if (c == null) {
                        throw invalid(name, v);
                    }
                    edits.add(ed -> ed.inferenceClassification(c));
                    break;
                }
                case "flag": {
                    FollowupFlag f = flag(v);
                    edits.add(ed -> ed.flag(f));
                    break;
                }
                case "isRead": {
                    boolean b = bool(name, v);
                    edits.add(ed -> ed.read(b));
                    break;
                }
                case "isDeliveryReceiptRequested": {
                    boolean b = bool(name, v);
                    edits.add(ed -> ed.deliveryReceiptRequested(b));
                    break;
                }
                case "isReadReceiptRequested": {
                    boolean b = bool(name, v);
                    edits.add(ed -> ed.readReceiptRequested(b));
                    break;
                }
                case "internetMessageId": {
                    String s = string(name, v);
                    edits.add(ed -> ed.internetMessageId(s));
                    break;
                }
                default:
                    throw new GraphError(400, "ErrorInvalidProperty", "The property '" + name
                            + "' cannot be set by this emulator.");
            }
        }
        return edits;
    }

    private static void checkKnown(StructuredType type, String name) {
        if (type.property(name) == null) {
            throw new GraphError(400, "RequestBodyRead", "The property '" + name + "' does not"
                    + " exist on type '" + type.name() + "'. Make sure to only use property"
                    + " names that are defined by the type or mark the type as open type.");
        }
    }

    private static GraphError readOnly(String name) {
        return new GraphError(400, "ErrorInvalidProperty", "The property '" + name
                + "' is read-only and cannot be set.");
    }

    private static EmailAddress[] recipients(String name, Object v) {
        if (v == null) {
            return new EmailAddress[0];
        }
        if (!(v instanceof List<?> list)) {
            throw invalid(name, v);
        }
        EmailAddress[] out = new EmailAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object r = list.get(i);
            Object ea = r instanceof Map<?, ?> m ? m.get("emailAddress") : null;
            Object address = ea instanceof Map<?, ?> m ? m.get("address") : null;
            Object display = ea instanceof Map<?, ?> m ? m.get("name") : null;
            if (!(address instanceof String a) || a.isBlank()) {
                throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is"
                        + " not valid., Recipient '" + r + "' is not resolved. All recipients"
                        + " must be resolved before a message can be submitted.");
            }
            out[i] = new EmailAddress(display instanceof String d ? d : null, a);
        }
        return out;
    }

    private static ItemBody itemBody(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw invalid("body", v);
        }
        Object type = m.get("contentType");
        Object content = m.get("content");
        String text = content == null ? "" : content.toString();
        if (type == null || "html".equalsIgnoreCase(type.toString())) {
            return ItemBody.html(text);
        }
        if ("text".equalsIgnoreCase(type.toString())) {
            return ItemBody.text(text);
        }
        throw invalid("contentType", type);
    }

    private static Importance importance(Object v) {
        for (Importance i : Importance.values()) {
            if (v instanceof String s && i.graphName().equalsIgnoreCase(s)) {
                return i;
            }
        }
        throw invalid("importance", v);
    }

    private static FollowupFlag flag(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw invalid("flag", v);
        }
        FlagStatus status = FlagStatus.NOT_FLAGGED;
        Object s = m.get("flagStatus");
        if (s != null) {
            status = null;
            for (FlagStatus f : FlagStatus.values()) {
                if (f.graphName().equalsIgnoreCase(s.toString())) {
                    status = f;
                }
            }
            if (status == null) {
                throw invalid("flagStatus", s);
            }
        }
        return new FollowupFlag(status, instant(m.get("startDateTime")),
                instant(m.get("dueDateTime")), instant(m.get("completedDateTime")));
    }

    /** A {@code dateTimeTimeZone} value as an instant; null stays null. */
    private static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m) || !(m.get("dateTime") instanceof String dt)) {
            throw invalid("dateTime", v);
        }
        Object tz = m.get("timeZone");
        try {
            ZoneId zone = tz == null || tz.toString().equalsIgnoreCase("UTC") ? ZoneOffset.UTC
                    : ZoneId.of(tz.toString());
            return LocalDateTime.parse(dt).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new GraphError(400, "ErrorInvalidRequest", "The value '" + dt + "' in time"
                    + " zone '" + tz + "' is not a valid time.");
        }
    }

    // ---- folders

    private static MailFolder folder(Mailbox mailbox, String idOrName) {
        return mailbox.folder(idOrName).orElseThrow(() -> ItemIds.isWellFormed(idOrName)
                ? GraphError.itemNotFound() : GraphError.malformedId());
    }

    private Result createFolder(Mailbox mailbox, MailFolder parent, Map<String, Object> body,
            String context) {
        String name = null;
        boolean hidden = false;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            if (p.startsWith("@odata.")) {
                continue;
            }
            checkKnown(GraphModel.MAIL_FOLDER_TYPE, p);
            if (FOLDER_READ_ONLY.contains(p)) {
                throw readOnly(p);
            }
            if (p.equals("displayName")) {
                name = string(p, e.getValue());
            } else if (p.equals("isHidden")) {
                hidden = bool(p, e.getValue());
            } else {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be set by this emulator.");
            }
        }
        if (name == null || name.isBlank()) {
            throw new GraphError(400, "ErrorInvalidRequest",
                    "The folder's displayName is missing or empty.");
        }
        checkUniqueName(parent, name, null);
        MailFolder f = mailbox.createFolder(parent, name, hidden);
        return new Result(201, entity(GraphModel.MAIL_FOLDER,
                new FolderView(f, mailbox.snapshot()), context));
    }

    private static void checkUniqueName(MailFolder parent, String name, MailFolder self) {
        for (MailFolder sibling : parent.children()) {
            if (sibling != self && sibling.displayName().equalsIgnoreCase(name)) {
                throw new GraphError(409, "ErrorFolderExists",
                        "A folder with the specified name already exists.");
            }
        }
    }

    private Result folderItem(String method, Mailbox mailbox, MailFolder folder,
            Map<String, Object> body, String context) {
        switch (method) {
            case "PATCH": {
                String name = null;
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    String p = e.getKey();
                    if (p.startsWith("@odata.")) {
                        continue;
                    }
                    checkKnown(GraphModel.MAIL_FOLDER_TYPE, p);
                    if (FOLDER_READ_ONLY.contains(p)) {
                        throw readOnly(p);
                    }
                    if (!p.equals("displayName")) {
                        throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                                + "' can be set only when the folder is created.");
                    }
                    name = string(p, e.getValue());
                }
                if (name != null) {
                    if (name.isBlank()) {
                        throw new GraphError(400, "ErrorInvalidRequest",
                                "The folder's displayName is missing or empty.");
                    }
                    if (folder.wellKnown().isPresent()) {
                        throw new GraphError(400, "ErrorInvalidRequest",
                                "A distinguished folder cannot be renamed.");
                    }
                    checkUniqueName(folder.parent(), name, folder);
                    mailbox.renameFolder(folder, name);
                }
                return new Result(200, entity(GraphModel.MAIL_FOLDER,
                        new FolderView(folder, mailbox.snapshot()), context));
            }
            case "DELETE":
                if (folder.wellKnown().isPresent()) {
                    throw new GraphError(400, "ErrorDeleteDistinguishedFolder",
                            "Distinguished folders cannot be deleted.");
                }
                mailbox.deleteFolder(folder);
                return new Result(204, null);
            default:
                throw notAllowed(method);
        }
    }

    // ---- users

    private Result userItem(Caller caller, String method, User user,
            Map<String, Object> body) {
        authorizeDirectory(caller);
        switch (method) {
            case "PATCH": {
                User.Builder b = user.toBuilder();
                applyUser(b, body, false);
                caller.tenant().replaceUser(b.build());
                return new Result(204, null);
            }
            case "DELETE":
                caller.tenant().removeUser(user);
                return new Result(204, null);
            default:
                throw notAllowed(method);
        }
    }

    private Result createUser(Caller caller, Map<String, Object> body, String baseUrl) {
        authorizeDirectory(caller);
        for (String required : List.of("accountEnabled", "displayName", "mailNickname",
                "userPrincipalName", "passwordProfile")) {
            if (body.get(required) == null) {
                throw new GraphError(400, "Request_BadRequest", "Invalid value specified for"
                        + " property '" + required + "' of resource 'User'.");
            }
        }
        Object upn = body.get("userPrincipalName");
        if (!(upn instanceof String u) || u.indexOf('@') <= 0) {
            throw new GraphError(400, "Request_BadRequest", "Invalid value specified for"
                    + " property 'userPrincipalName' of resource 'User'.");
        }
        if (caller.tenant().user(u).isPresent()) {
            throw new GraphError(400, "Request_BadRequest", "Another object with the same value"
                    + " for property userPrincipalName already exists.");
        }
        User.Builder b = User.builder(u).createdDateTime(clock.instant());
        applyUser(b, body, true);
        User created = caller.tenant().addUser(b.build());
        return new Result(201, entity(GraphModel.USER, created,
                baseUrl + "/v1.0/$metadata#users/$entity"));
    }

    private static void applyUser(User.Builder b, Map<String, Object> body, boolean create) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            checkKnown(GraphModel.USER_TYPE, p);
            if (USER_READ_ONLY.contains(p)) {
                throw new GraphError(400, "Request_BadRequest", "Property '" + p
                        + "' is read-only and cannot be set.");
            }
            switch (p) {
                case "userPrincipalName":
                    if (!create) {
                        throw new GraphError(400, "Request_BadRequest", "Changing the"
                                + " userPrincipalName is not supported by this emulator.");
                    }
                    break;
                case "accountEnabled":
                    b.accountEnabled(bool(p, v));
                    break;
                case "displayName":
                    b.displayName(string(p, v));
                    break;
                case "givenName":
                    b.givenName(string(p, v));
                    break;
                case "surname":
                    b.surname(string(p, v));
                    break;
                case "mailNickname":
                    b.mailNickname(string(p, v));
                    break;
                case "jobTitle":
                    b.jobTitle(string(p, v));
                    break;
                case "department":
                    b.department(string(p, v));
                    break;
                case "companyName":
                    b.companyName(string(p, v));
                    break;
                case "officeLocation":
                    b.officeLocation(string(p, v));
                    break;
                case "mobilePhone":
                    b.mobilePhone(string(p, v));
                    break;
                case "usageLocation":
                    b.usageLocation(string(p, v));
                    break;
                case "employeeId":
                    b.employeeId(string(p, v));
                    break;
                case "preferredLanguage":
                    b.preferredLanguage(string(p, v));
                    break;
                case "businessPhones":
                    b.businessPhones(strings(p, v));
                    break;
                case "passwordProfile": {
                    Object pw = v instanceof Map<?, ?> m ? m.get("password") : null;
                    if (create && !(pw instanceof String s && !s.isBlank())) {
                        throw new GraphError(400, "Request_BadRequest", "Invalid value specified"
                                + " for property 'passwordProfile' of resource 'User'.");
                    }
                    if (pw instanceof String s) {
                        b.password(s);
                    }
                    break;
                }
                default:
                    throw new GraphError(400, "Request_BadRequest", "Setting property '" + p
                            + "' is not supported by this emulator.");
            }
        }
    }

    // ---- output

    static byte[] entity(EntityModel model, Object entity, String context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            EntityWriter.writeFields(g, model, entity, EntityWriter.properties(model, null),
                    ValueContext.DEFAULT);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
