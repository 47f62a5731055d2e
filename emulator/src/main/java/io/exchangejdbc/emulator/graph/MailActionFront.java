package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Graph's mail actions, served beside {@link GraphFront}: {@code sendMail}, sending a draft
 * ({@code messages/{id}/send}), {@code reply}, {@code replyAll}, {@code forward}, {@code move},
 * {@code copy}, and the attachments of a message: adding one ({@code POST attachments}, under
 * 3 MB), opening an upload session ({@code attachments/createUploadSession}), deleting one and
 * reading its raw bytes ({@code attachments/{id}/$value}).
 *
 * <p>Sending files the message in the sender's Sent Items (unless {@code saveToSentItems} is
 * false) and delivers a copy to the Inbox of every recipient who is a user of the tenant;
 * recipients outside the tenant are accepted and dropped. Ids are immutable: a moved message and
 * a sent draft keep their ids, a copy gets a new one.
 *
 * <p>A file posted in one request must be under 3 MB, else the answer is 413
 * {@code ErrorRequestEntityTooLarge} ("Maximum request length exceeded", as the service words
 * it); {@code createUploadSession} takes 3 MB to 150 MB. Deleting an attachment renumbers the
 * ids of those after it, since the store derives attachment ids from their positions.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-sendmail">sendMail</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-move">message: move</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-post-attachments">Add
 *     attachment</a>
 */
public final class MailActionFront implements Front {

    /** A file attachment posted in one request must be smaller than this. */
    static final int MAX_POSTED_ATTACHMENT = 3 * 1024 * 1024;
    /** The largest file an upload session takes. */
    static final int MAX_UPLOADED_ATTACHMENT = 150 * 1024 * 1024;

    private static final Set<String> SEND_PERMISSIONS = Set.of("Mail.Send");
    private static final Set<String> WRITE_ROLES = Set.of("Mail.ReadWrite");
    private static final Set<String> WRITE_SCOPES = Set.of("Mail.ReadWrite",
            "Mail.ReadWrite.Shared");
    private static final Set<String> READ_ROLES = Set.of("Mail.Read", "Mail.ReadWrite");
    private static final Set<String> READ_SCOPES = Set.of("Mail.Read", "Mail.ReadWrite",
            "Mail.Read.Shared", "Mail.ReadWrite.Shared");

    /** What a request asks for. */
    private enum Kind {
        SEND_MAIL, SEND, REPLY, REPLY_ALL, FORWARD, MOVE, COPY, ADD_ATTACHMENT, UPLOAD_SESSION,
        DELETE_ATTACHMENT, ATTACHMENT_VALUE
    }

    /** The parsed target of an action request. */
    private record Target(String userKey, Kind kind, String messageId, String attachmentId) {
    }

    private final GraphFront graph;
    private final Clock clock;
    private final UploadSessions uploads;

    /**
     * Creates the front.
     *
     * @param graph   the Graph front, whose token checks and error format it shares
     * @param clock   the emulator's clock
     * @param uploads the registry of upload sessions
     */
    public MailActionFront(GraphFront graph, Clock clock, UploadSessions uploads) {
        this.graph = requireNonNull(graph, "graph");
        this.clock = requireNonNull(clock, "clock");
        this.uploads = requireNonNull(uploads, "uploads");
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

    /** The action a request names, or null when it is none of this front's. */
    private static Target target(Request request) {
        List<String> segs = request.segments();
        if (segs.size() < 3 || !segs.get(0).equals("v1.0")) {
            return null;
        }
        String userKey;
        int i;
        if (segs.get(1).equalsIgnoreCase("me")) {
            userKey = null;
            i = 2;
        } else if (segs.get(1).equalsIgnoreCase("users") && segs.size() > 3) {
            userKey = segs.get(2);
            i = 3;
        } else {
            return null;
        }
        List<String> rest = segs.subList(i, segs.size());
        String method = request.method();
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("sendMail")) {
            return method.equals("POST") ? new Target(userKey, Kind.SEND_MAIL, null, null) : null;
        }
        if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("mailFolders")) {
            // messages of a folder: /mailFolders/{id}/(childFolders/{id}/)*messages/{id}/...
            int m = -1;
            for (int k = 1; k < rest.size(); k++) {
                if (rest.get(k).equalsIgnoreCase("messages")) {
                    m = k;
                    break;
                }
            }
            if (m < 0) {
                return null;
            }
            rest = rest.subList(m, rest.size());
        }
        if (rest.size() < 3 || !rest.get(0).equalsIgnoreCase("messages")) {
            return null;
        }
        String id = rest.get(1);
        List<String> tail = rest.subList(2, rest.size());
        String first = tail.get(0).toLowerCase(Locale.ROOT);
        if (method.equals("POST") && tail.size() == 1) {
            switch (first) {
                case "send":
                    return new Target(userKey, Kind.SEND, id, null);
                case "reply":
                    return new Target(userKey, Kind.REPLY, id, null);
                case "replyall":
                    return new Target(userKey, Kind.REPLY_ALL, id, null);
                case "forward":
                    return new Target(userKey, Kind.FORWARD, id, null);
                case "move":
                    return new Target(userKey, Kind.MOVE, id, null);
                case "copy":
                    return new Target(userKey, Kind.COPY, id, null);
                case "attachments":
                    return new Target(userKey, Kind.ADD_ATTACHMENT, id, null);
                default:
                    return null;
            }
        }
        if (!first.equals("attachments")) {
            return null;
        }
        if (method.equals("POST") && tail.size() == 2
                && tail.get(1).equalsIgnoreCase("createUploadSession")) {
            return new Target(userKey, Kind.UPLOAD_SESSION, id, null);
        }
        if (method.equals("DELETE") && tail.size() == 2) {
            return new Target(userKey, Kind.DELETE_ATTACHMENT, id, tail.get(1));
        }
        if (method.equals("GET") && tail.size() == 3 && tail.get(2).equals("$value")) {
            return new Target(userKey, Kind.ATTACHMENT_VALUE, id, tail.get(1));
        }
        return null;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        try {
            Caller caller = graph.caller(request);
            Target t = target(request);
            User owner = owner(caller, t.userKey());
            authorize(caller, owner, t.kind());
            Mailbox mailbox = caller.tenant().mailbox(owner);
            switch (t.kind()) {
                case SEND_MAIL:
                    sendMail(request, response, caller.tenant(), mailbox);
                    break;
                case SEND:
                    sendDraft(request, response, caller.tenant(), mailbox,
                            message(mailbox, t.messageId()));
                    break;
                case REPLY:
                case REPLY_ALL:
                    reply(request, response, caller.tenant(), mailbox,
                            message(mailbox, t.messageId()), t.kind() == Kind.REPLY_ALL);
                    break;
                case FORWARD:
                    forward(request, response, caller.tenant(), mailbox,
                            message(mailbox, t.messageId()));
                    break;
                case MOVE:
                case COPY:
                    moveOrCopy(request, response, mailbox, message(mailbox, t.messageId()),
                            t.kind() == Kind.COPY);
                    break;
                case ADD_ATTACHMENT:
                    addAttachment(request, response, message(mailbox, t.messageId()));
                    break;
                case UPLOAD_SESSION:
                    uploadSession(request, response, mailbox, message(mailbox, t.messageId()));
                    break;
                case DELETE_ATTACHMENT:
                    deleteAttachment(response, mailbox, message(mailbox, t.messageId()),
                            t.attachmentId());
                    break;
                case ATTACHMENT_VALUE:
                    attachmentValue(response, message(mailbox, t.messageId()),
                            t.attachmentId());
                    break;
                default:
                    throw new IllegalStateException(t.kind().toString());
            }
        } catch (GraphError e) {
            if (e.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
            }
            sendError(request, response, e.status(), e.code(), e.getMessage());
        }
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        graph.sendError(request, response, status, code, message);
    }

    // ---- who may do what

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

    private static void authorize(Caller caller, User owner, Kind kind) {
        AccessToken t = caller.token();
        boolean allowed;
        switch (kind) {
            case SEND_MAIL:
            case SEND:
            case REPLY:
            case REPLY_ALL:
            case FORWARD:
                allowed = t.allowsAny(SEND_PERMISSIONS, SEND_PERMISSIONS);
                break;
            case ATTACHMENT_VALUE:
                allowed = t.allowsAny(READ_ROLES, READ_SCOPES);
                break;
            default:
                allowed = t.allowsAny(WRITE_ROLES, WRITE_SCOPES);
        }
        if (!allowed || (t.isDelegated() && !caller.user().id().equals(owner.id()))) {
            throw GraphError.mailAccessDenied();
        }
    }

    private static Message message(Mailbox mailbox, String id) {
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        return mailbox.message(id).orElseThrow(GraphError::itemNotFound);
    }

    // ---- sending

    /** A message about to be sent: what every copy of it shares. */
    private record Outgoing(String subject, ItemBody body, EmailAddress from, EmailAddress[] to,
            EmailAddress[] cc, EmailAddress[] bcc, Attachment[] attachments,
            Importance importance, String internetMessageId) {

        Message.Builder copy(Instant now, boolean read, boolean keepBcc) {
            return Message.builder().subject(subject).body(body).from(from).to(to).cc(cc)
                    .bcc(keepBcc ? bcc : new EmailAddress[0]).attachments(attachments)
                    .importance(importance).internetMessageId(internetMessageId)
                    .receivedDateTime(now).sentDateTime(now).read(read);
        }

        boolean hasRecipients() {
            return to.length + cc.length + bcc.length > 0;
        }
    }

    private void sendMail(Request request, Response response, Tenant tenant, Mailbox mailbox)
            throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        Map<String, Object> m = JsonObjects.objectField(body, "message");
        if (m == null) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The value of the parameter 'Message' is empty.");
        }
        Object save = JsonObjects.field(body, "saveToSentItems");
        boolean saveToSent = save == null || !"false".equalsIgnoreCase(save.toString());
        Map<String, Object> b = JsonObjects.objectField(m, "body");
        ItemBody itemBody = itemBody(JsonObjects.stringField(b, "contentType"),
                JsonObjects.stringField(b, "content"));
        List<Attachment> attachments = new ArrayList<>();
        int total = 0;
        for (Object a : JsonObjects.listField(m, "attachments")) {
            Attachment att = fileAttachment(asObject(a));
            total += att.size();
            attachments.add(att);
        }
        if (total >= MAX_POSTED_ATTACHMENT) {
            throw tooLarge();
        }
        Outgoing out = new Outgoing(JsonObjects.stringField(m, "subject"), itemBody,
                sender(mailbox), recipients(m, "toRecipients"), recipients(m, "ccRecipients"),
                recipients(m, "bccRecipients"), attachments.toArray(new Attachment[0]),
                importance(JsonObjects.stringField(m, "importance")), newMessageId(mailbox));
        send(tenant, mailbox, out, saveToSent, -1);
        response.sendEmpty(202);
    }

    private void sendDraft(Request request, Response response, Tenant tenant, Mailbox mailbox,
            Message draft) throws IOException {
        if (!draft.isDraft()) {
            throw new GraphError(400, "ErrorInvalidOperation",
                    "Only a draft message can be sent.");
        }
        Outgoing out = new Outgoing(draft.subject(), draft.body(), sender(mailbox),
                draft.toRecipients().toArray(new EmailAddress[0]),
                draft.ccRecipients().toArray(new EmailAddress[0]),
                draft.bccRecipients().toArray(new EmailAddress[0]),
                draft.attachments().toArray(new Attachment[0]), draft.importance(),
                draft.internetMessageId());
        requireRecipients(out);
        Instant now = clock.instant();
        // The immutable id of the draft is the id of the message in Sent Items.
        mailbox.updateMessage(draft, e -> e.sent(out.from(), now));
        mailbox.moveMessage(draft, mailbox.folder(WellKnownFolder.SENTITEMS));
        deliver(tenant, out, now);
        response.sendEmpty(202);
    }

    private void reply(Request request, Response response, Tenant tenant, Mailbox mailbox,
            Message original, boolean all) throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        Map<String, Object> m = JsonObjects.objectField(body, "message");
        String comment = comment(body, m);
        List<EmailAddress> to = new ArrayList<>();
        if (!original.replyTo().isEmpty()) {
            to.addAll(original.replyTo());
        } else if (original.from() != null) {
            to.add(original.from());
        }
        List<EmailAddress> cc = new ArrayList<>();
        EmailAddress self = sender(mailbox);
        if (all) {
            for (EmailAddress a : original.toRecipients()) {
                addUnlessSelf(to, a, self);
            }
            for (EmailAddress a : original.ccRecipients()) {
                addUnlessSelf(cc, a, self);
            }
        }
        for (EmailAddress a : recipients(m, "toRecipients")) {
            to.add(a);
        }
        Outgoing out = new Outgoing(prefixed("RE: ", original.subject()),
                quoted(comment, original), self, to.toArray(new EmailAddress[0]),
                cc.toArray(new EmailAddress[0]), new EmailAddress[0], new Attachment[0],
                Importance.NORMAL, newMessageId(mailbox));
        requireRecipients(out);
        send(tenant, mailbox, out, true, original.conversationNumber());
        response.sendEmpty(202);
    }

    private void forward(Request request, Response response, Tenant tenant, Mailbox mailbox,
            Message original) throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        Map<String, Object> m = JsonObjects.objectField(body, "message");
        String comment = comment(body, m);
        boolean inParameter = JsonObjects.has(body, "toRecipients");
        boolean inMessage = JsonObjects.has(m, "toRecipients");
        if (inParameter == inMessage) {
            throw GraphError.badRequest("Specify either the toRecipients parameter or the"
                    + " toRecipients property of the message parameter.");
        }
        EmailAddress[] to = recipients(inParameter ? body : m, "toRecipients");
        Outgoing out = new Outgoing(prefixed("FW: ", original.subject()),
                quoted(comment, original), sender(mailbox), to, new EmailAddress[0],
                new EmailAddress[0], original.attachments().toArray(new Attachment[0]),
                original.importance(), newMessageId(mailbox));
        requireRecipients(out);
        send(tenant, mailbox, out, true, original.conversationNumber());
        response.sendEmpty(202);
    }

    private void send(Tenant tenant, Mailbox mailbox, Outgoing out, boolean saveToSent,
            int conversation) {
        requireRecipients(out);
        Instant now = clock.instant();
        if (saveToSent) {
            Message.Builder copy = out.copy(now, true, true);
            if (conversation >= 0) {
                copy.conversation(conversation);
            }
            mailbox.addMessage(mailbox.folder(WellKnownFolder.SENTITEMS), copy);
        }
        deliver(tenant, out, now);
    }

    /** Files a copy in the Inbox of each recipient who is a user of the tenant, once each. */
    private static void deliver(Tenant tenant, Outgoing out, Instant now) {
        Map<String, User> users = new LinkedHashMap<>();
        List<EmailAddress> all = new ArrayList<>(List.of(out.to()));
        all.addAll(List.of(out.cc()));
        all.addAll(List.of(out.bcc()));
        for (EmailAddress a : all) {
            User u = userByAddress(tenant, a.address());
            if (u != null) {
                users.putIfAbsent(u.id(), u);
            }
        }
        for (User u : users.values()) {
            Mailbox box = tenant.mailbox(u);
            box.addMessage(box.folder(WellKnownFolder.INBOX), out.copy(now, false, false));
        }
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

    private static void requireRecipients(Outgoing out) {
        if (!out.hasRecipients()) {
            throw new GraphError(400, "ErrorInvalidRecipients",
                    "At least one recipient is not valid., A message can't be sent because it"
                            + " contains no recipients.");
        }
    }

    private static void addUnlessSelf(List<EmailAddress> list, EmailAddress a,
            EmailAddress self) {
        if (!a.address().equalsIgnoreCase(self.address())) {
            list.add(a);
        }
    }

    private static String comment(Map<String, Object> body, Map<String, Object> message) {
        String comment = JsonObjects.stringField(body, "comment");
        if (comment != null && JsonObjects.has(message, "body")) {
            throw GraphError.badRequest("Specify either a comment or the body property of the"
                    + " message parameter, not both.");
        }
        if (comment == null && message != null) {
            comment = JsonObjects.stringField(JsonObjects.objectField(message, "body"), "content");
        }
        return comment == null ? "" : comment;
    }

    private static ItemBody quoted(String comment, Message original) {
        StringBuilder sb = new StringBuilder(comment);
        sb.append("\r\n\r\n________________________________\r\n");
        if (original.from() != null) {
            sb.append("From: ").append(original.from()).append("\r\n");
        }
        sb.append("Sent: ").append(DateTimeFormatter.ISO_INSTANT.format(
                original.sentDateTime())).append("\r\n");
        if (original.subject() != null) {
            sb.append("Subject: ").append(original.subject()).append("\r\n");
        }
        sb.append("\r\n").append(original.body().text());
        return ItemBody.text(sb.toString());
    }

    private static String prefixed(String prefix, String subject) {
        String s = subject == null ? "" : subject;
        return s.regionMatches(true, 0, prefix, 0, prefix.length()) ? s : prefix + s;
    }

    private static EmailAddress sender(Mailbox mailbox) {
        User u = mailbox.owner();
        return new EmailAddress(u.displayName(),
                u.mail() != null ? u.mail() : u.userPrincipalName());
    }

    private static String newMessageId(Mailbox mailbox) {
        EmailAddress from = sender(mailbox);
        return "<" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT)
                + "@" + from.domain().toLowerCase(Locale.ROOT) + ">";
    }

    private static EmailAddress[] recipients(Map<String, Object> o, String name) {
        List<EmailAddress> out = new ArrayList<>();
        if (o == null) {
            return new EmailAddress[0];
        }
        for (Object r : JsonObjects.listField(o, name)) {
            Map<String, Object> e = JsonObjects.objectField(asObject(r), "emailAddress");
            String address = JsonObjects.stringField(e, "address");
            if (address == null || address.isBlank() || !address.contains("@")) {
                throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is"
                        + " not valid., Recipient '" + (address == null ? "" : address)
                        + "' is not resolved. All recipients must be resolved before a message"
                        + " can be submitted.");
            }
            String display = JsonObjects.stringField(e, "name");
            out.add(new EmailAddress(display == null ? address : display, address.strip()));
        }
        return out.toArray(new EmailAddress[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o) {
        if (!(o instanceof Map)) {
            throw GraphError.badRequest("An array element must be an object.");
        }
        return (Map<String, Object>) o;
    }

    private static ItemBody itemBody(String contentType, String content) {
        String c = content == null ? "" : content;
        if (contentType == null || contentType.equalsIgnoreCase("text")) {
            return ItemBody.text(c);
        }
        if (contentType.equalsIgnoreCase("html")) {
            return ItemBody.html(c);
        }
        throw GraphError.badRequest("Invalid value '" + contentType
                + "' for the body's contentType; use Text or HTML.");
    }

    private static Importance importance(String value) {
        if (value == null) {
            return Importance.NORMAL;
        }
        for (Importance i : Importance.values()) {
            if (i.name().equalsIgnoreCase(value)) {
                return i;
            }
        }
        throw GraphError.badRequest("Invalid value '" + value + "' for importance.");
    }

    // ---- move and copy

    private void moveOrCopy(Request request, Response response, Mailbox mailbox,
            Message message, boolean copy) throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        String destination = JsonObjects.stringField(body, "destinationId");
        if (destination == null || destination.isBlank()) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The value of the parameter 'DestinationId' is empty.");
        }
        MailFolder target = mailbox.folder(destination.strip()).orElseThrow(
                () -> ItemIds.isWellFormed(destination.strip()) ? GraphError.itemNotFound()
                        : GraphError.malformedId());
        Message result;
        if (copy) {
            result = mailbox.addMessage(target, copyOf(message, clock.instant()));
        } else {
            mailbox.moveMessage(message, target);
            result = message;
        }
        try (JsonGenerator g = response.json(201, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "/v1.0/$metadata#users('"
                    + mailbox.owner().id() + "')/messages/$entity");
            EntityWriter.writeFields(g, GraphModel.MESSAGE, result,
                    GraphModel.MESSAGE_TYPE.defaultProperties(), ValueContext.DEFAULT);
            g.writeEndObject();
        }
    }

    private static Message.Builder copyOf(Message m, Instant now) {
        Message.Builder b = Message.builder().receivedDateTime(m.receivedDateTime())
                .sentDateTime(m.sentDateTime()).createdDateTime(now).lastModifiedDateTime(now)
                .subject(m.subject()).body(m.body())
                .to(m.toRecipients().toArray(new EmailAddress[0]))
                .cc(m.ccRecipients().toArray(new EmailAddress[0]))
                .bcc(m.bccRecipients().toArray(new EmailAddress[0]))
                .replyTo(m.replyTo().toArray(new EmailAddress[0]))
                .categories(m.categories().toArray(new String[0]))
                .attachments(m.attachments().toArray(new Attachment[0])).flag(m.flag())
                .importance(m.importance()).inferenceClassification(m.inferenceClassification())
                .internetMessageId(m.internetMessageId()).conversation(m.conversationNumber())
                .read(m.isRead()).draft(m.isDraft())
                .deliveryReceiptRequested(m.isDeliveryReceiptRequested())
                .readReceiptRequested(m.isReadReceiptRequested());
        if (m.from() != null) {
            b.from(m.from());
        }
        if (m.sender() != null) {
            b.sender(m.sender());
        }
        return b;
    }

    // ---- attachments

    private void addAttachment(Request request, Response response, Message message)
            throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        Attachment a = fileAttachment(body);
        if (a.size() >= MAX_POSTED_ATTACHMENT) {
            throw tooLarge();
        }
        String id = attach(message, a);
        int index = message.attachmentIndex(id);
        try (JsonGenerator g = response.json(201, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "/v1.0/$metadata#users('"
                    + message.mailbox().owner().id() + "')/messages('" + message.id()
                    + "')/attachments/$entity");
            EntityWriter.writeFields(g, GraphModel.FILE_ATTACHMENT,
                    new AttachmentView(message, index, message.attachments().get(index)),
                    GraphModel.FILE_ATTACHMENT_TYPE.defaultProperties(), ValueContext.DEFAULT);
            g.writeEndObject();
        }
    }

    /** Adds an attachment to a message and returns its id. */
    static String attach(Message message, Attachment a) {
        Mailbox mailbox = message.mailbox();
        synchronized (mailbox) {
            List<Attachment> list = new ArrayList<>(message.attachments());
            if (list.size() >= 256) {
                throw GraphError.badRequest("A message can have at most 256 attachments here.");
            }
            list.add(a);
            mailbox.updateMessage(message, e -> e.attachments(list.toArray(new Attachment[0])));
            return message.attachmentId(list.size() - 1);
        }
    }

    static Attachment fileAttachment(Map<String, Object> o) {
        String type = JsonObjects.stringField(o, "@odata.type");
        if (type == null || !type.replace("#", "").equalsIgnoreCase(
                "microsoft.graph.fileAttachment")) {
            throw GraphError.badRequest("Only file attachments"
                    + " (@odata.type #microsoft.graph.fileAttachment) are supported here.");
        }
        String name = JsonObjects.stringField(o, "name");
        if (name == null || name.isBlank()) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The attachment's name is required.");
        }
        String bytes = JsonObjects.stringField(o, "contentBytes");
        byte[] content;
        try {
            content = bytes == null ? new byte[0] : Base64.getDecoder().decode(bytes);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("contentBytes is not valid base64.");
        }
        String contentType = JsonObjects.stringField(o, "contentType");
        Object inline = JsonObjects.field(o, "isInline");
        return Attachment.uploaded(name, contentType == null ? "application/octet-stream"
                : contentType, inline != null && "true".equalsIgnoreCase(inline.toString()),
                content);
    }

    static GraphError tooLarge() {
        return new GraphError(413, "ErrorRequestEntityTooLarge", "Maximum request length"
                + " exceeded: attachments of 3 MB or more must be uploaded through an upload"
                + " session.");
    }

    private void uploadSession(Request request, Response response, Mailbox mailbox,
            Message message) throws IOException {
        openUploadSession(request, response, uploads, mailbox, message.id(), null);
    }

    /**
     * Opens an upload session for a message or (with {@code eventId}) an event, from the
     * request's {@code AttachmentItem}, and answers with it.
     */
    static void openUploadSession(Request request, Response response, UploadSessions uploads,
            Mailbox mailbox, String messageId, String eventId) throws IOException {
        Map<String, Object> body = JsonObjects.object(request.bodyText());
        Map<String, Object> item = JsonObjects.objectField(body, "AttachmentItem");
        if (item == null) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The value of the parameter 'AttachmentItem' is empty.");
        }
        String kind = JsonObjects.stringField(item, "attachmentType");
        if (kind != null && !kind.equalsIgnoreCase("file")) {
            throw GraphError.badRequest("Only attachmentType 'file' is supported.");
        }
        String name = JsonObjects.stringField(item, "name");
        Object sizeValue = JsonObjects.field(item, "size");
        if (name == null || name.isBlank() || !(sizeValue instanceof Number)) {
            throw new GraphError(400, "ErrorInvalidParameter",
                    "The AttachmentItem needs a name and a size.");
        }
        long size = ((Number) sizeValue).longValue();
        if (size < MAX_POSTED_ATTACHMENT) {
            throw new GraphError(400, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
                    "Attachment size must be greater than the minimum size.");
        }
        if (size > MAX_UPLOADED_ATTACHMENT) {
            throw new GraphError(400, "ErrorAttachmentSizeShouldNotBeGreaterThanMaximumSize",
                    "Attachment size must be less than the maximum size.");
        }
        String contentType = JsonObjects.stringField(item, "contentType");
        Object inline = JsonObjects.field(item, "isInline");
        UploadSessions.Session s = uploads.open(mailbox, messageId, eventId, name,
                contentType == null ? "application/octet-stream" : contentType,
                inline != null && "true".equalsIgnoreCase(inline.toString()), (int) size);
        try (JsonGenerator g = response.json(201, GraphFront.ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl()
                    + "/v1.0/$metadata#microsoft.graph.uploadSession");
            g.writeStringField("uploadUrl", s.url(request.baseUrl()));
            g.writeStringField("expirationDateTime",
                    DateTimeFormatter.ISO_INSTANT.format(s.expires));
            g.writeArrayFieldStart("nextExpectedRanges");
            g.writeString("0-");
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void deleteAttachment(Response response, Mailbox mailbox, Message message,
            String attachmentId) throws IOException {
        synchronized (mailbox) {
            int index = message.attachmentIndex(attachmentId);
            if (index < 0) {
                throw GraphError.itemNotFound();
            }
            List<Attachment> list = new ArrayList<>(message.attachments());
            list.remove(index);
            mailbox.updateMessage(message, e -> e.attachments(list.toArray(new Attachment[0])));
        }
        response.sendEmpty(204);
    }

    private static void attachmentValue(Response response, Message message, String attachmentId)
            throws IOException {
        int index = message.attachmentIndex(attachmentId);
        if (index < 0) {
            throw GraphError.itemNotFound();
        }
        Attachment a = message.attachments().get(index);
        response.send(200, a.contentType(), new AttachmentView(message, index, a).contentBytes());
    }
}
