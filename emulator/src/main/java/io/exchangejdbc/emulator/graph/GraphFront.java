package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.ODataException;
import io.exchangejdbc.emulator.graph.odata.PropertyDef;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.QueryString;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.identity.TokenRejectedException;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Microsoft Graph v1.0 front: users ({@code /users}, {@code /me}), mail folders and messages
 * of their mailboxes, with OData query options, paging through {@code @odata.nextLink}, bearer
 * token checks and Graph's error format.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-messages">List messages</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-mailfolders">List mailFolders</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list">List users</a>
 */
public final class GraphFront implements Front {

    /** Content type of Graph's JSON responses. */
    public static final String ODATA_JSON = "application/json;odata.metadata=minimal;"
            + "odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final Set<String> MAIL_ROLES = Set.of("Mail.ReadBasic.All", "Mail.ReadBasic",
            "Mail.Read", "Mail.ReadWrite");
    private static final Set<String> MAIL_SCOPES = Set.of("Mail.ReadBasic", "Mail.Read",
            "Mail.ReadWrite", "Mail.Read.Shared", "Mail.ReadWrite.Shared");
    private static final Set<String> DIRECTORY_ROLES = Set.of("User.Read.All",
            "User.ReadWrite.All", "User.ReadBasic.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final Set<String> DIRECTORY_SCOPES = DIRECTORY_ROLES;
    private static final Set<String> ME_SCOPES = Set.of("User.Read", "User.ReadWrite",
            "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final DateTimeFormatter INNER_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int SEARCH_LIMIT = 1000;

    /** The collections served, with their page sizes and how their next links page. */
    enum CollectionKind {
        MESSAGES(10, 1000, false), MAIL_FOLDERS(10, 1000, false), USERS(100, 999, true),
        ATTACHMENTS(1000, 1000, false),
        CONTACTS(10, 1000, false), CONTACT_FOLDERS(10, 1000, false), GROUPS(100, 999, true),
        GROUP_MEMBERS(100, 999, true);

        private final int defaultPageSize;
        private final int maxTop;
        private final boolean skipToken;

        CollectionKind(int defaultPageSize, int maxTop, boolean skipToken) {
            this.defaultPageSize = defaultPageSize;
            this.maxTop = maxTop;
            this.skipToken = skipToken;
        }
    }

    private final Store store;
    private final TokenService tokens;
    private final Clock clock;
    private final ResultCache cache = new ResultCache(32);
    private final CalendarRoutes calendarRoutes = new CalendarRoutes();
    private final ContactRoutes contactRoutes = new ContactRoutes(this);
    private final GroupRoutes groupRoutes = new GroupRoutes(this);
    private final ReportRoutes reportRoutes = new ReportRoutes();
    private final BatchItemFaults batchItemFaults = new BatchItemFaults();
    private final GraphWrites writes;

    /** Creates the front over the store, accepting tokens of the given token service. */
    public GraphFront(Store store, TokenService tokens, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.tokens = requireNonNull(tokens, "tokens");
        this.clock = requireNonNull(clock, "clock");
        this.writes = new GraphWrites(clock, batchItemFaults);
        this.writes.readsWith(this);
    }

    /** Faults that answer the next items of JSON batches. */
    public BatchItemFaults batchItemFaults() {
        return batchItemFaults;
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public boolean serves(Request request) {
        return !request.segments().isEmpty() && request.segments().get(0).equals("v1.0");
    }

    @Override
    public boolean acceptsFaults() {
        return true;
    }

    /**
     * Returns the application and the mailbox of a request to a user's mail, since Outlook
     * throttles per application and mailbox: the user of {@code /users/{id|upn}/...}, resolved to
     * its id so that both spellings share one mailbox, or the signed-in user of {@code /me/...}.
     * The user objects themselves and the user list are the directory's, not Outlook's, and
     * requests without a valid token are left to fail their own way.
     */
    @Override
    public String throttleKey(Request request) {
        List<String> segs = request.segments();
        if (segs.size() < 3 || !segs.get(0).equals("v1.0")) {
            return null;
        }
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        AccessToken token;
        try {
            token = tokens.verify(header.substring(7).trim(), TokenService.GRAPH_AUDIENCE);
        } catch (TokenRejectedException e) {
            return null;
        }
        String head = segs.get(1);
        String mailbox;
        if (head.equalsIgnoreCase("me")) {
            if (!token.isDelegated()) {
                return null;
            }
            mailbox = token.userId();
        } else if (head.equalsIgnoreCase("users") && segs.size() >= 4) {
            String key = segs.get(2);
            mailbox = store.tenant(token.tenantId()).flatMap(t -> t.user(key)).map(User::id)
                    .orElse(key.toLowerCase(Locale.ROOT));
        } else {
            return null;
        }
        return token.appId() + "/" + mailbox;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        try {
            if (ReportRoutes.isDownload(request)) {
                // a pre-authenticated link: no token is asked for
                reportRoutes.download(request, response);
                return;
            }
            Caller caller = authenticate(request);
            if (!request.method().equals("GET")) {
                writes.handle(request, response, caller);
                return;
            }
            route(request, response, caller, Preferences.of(request));
        } catch (GraphError e) {
            if (e.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\""
                        + request.baseUrl() + "/common/oauth2/authorize\", client_id=\""
                        + GRAPH_APP_ID + "\", error=\"invalid_token\", error_description=\""
                        + e.getMessage().replace('"', '\'') + "\"");
            }
            sendError(request, response, e.status(), e.code(), e.getMessage());
        } catch (ODataException e) {
            sendError(request, response, 400, e.code(), e.getMessage());
        }
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        traceHeaders(request, response);
        try (JsonGenerator g = response.json(status, "application/json")) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeObjectFieldStart("innerError");
            g.writeStringField("date", INNER_DATE.format(
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            g.writeStringField("request-id", request.requestId());
            g.writeStringField("client-request-id", request.clientRequestId());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    static void traceHeaders(Request request, Response response) {
        response.setHeader("request-id", request.requestId());
        response.setHeader("client-request-id", request.clientRequestId());
        response.setHeader("OData-Version", "4.0");
        response.setHeader("Cache-Control", "private");
    }

    private Caller authenticate(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            throw unauthorized("Access token is empty.");
        }
        AccessToken token;
        try {
            token = tokens.verify(header.substring(7).trim(), TokenService.GRAPH_AUDIENCE);
        } catch (TokenRejectedException e) {
            throw unauthorized(e.getMessage());
        }
        Tenant tenant = store.tenant(token.tenantId())
                .orElseThrow(() -> unauthorized("Access token validation failure. Invalid "
                        + "issuer."));
        User user = null;
        if (token.isDelegated()) {
            user = tenant.user(token.userId()).orElseThrow(() -> unauthorized("Access token "
                    + "validation failure. The signed-in user does not exist."));
        }
        return new Caller(token, tenant, user);
    }

    private static GraphError unauthorized(String message) {
        return new GraphError(401, "InvalidAuthenticationToken", message);
    }

    /**
     * Checks a request's bearer token as every Graph request is checked, for the fronts that
     * serve Graph's actions beside this one.
     *
     * @throws GraphError 401 when the token is missing or refused
     */
    Caller caller(Request request) {
        return authenticate(request);
    }

    private void route(Request request, Response response, Caller caller, Preferences prefs)
            throws IOException {
        List<String> segs = request.segments().subList(1, request.segments().size());
        if (segs.isEmpty()) {
            throw GraphError.segmentNotFound("v1.0");
        }
        String head = segs.get(0);
        if (head.equalsIgnoreCase("me")) {
            if (caller.user() == null) {
                throw GraphError.badRequest(
                        "/me request is only valid with delegated authentication flow.");
            }
            userRoute(request, response, caller, prefs, caller.user(),
                    segs.subList(1, segs.size()));
        } else if (head.equalsIgnoreCase("users")) {
            if (segs.size() == 1) {
                authorizeDirectory(caller, null);
                listUsers(request, response, caller, false);
                return;
            }
            if (segs.get(1).equals("$count") && segs.size() == 2) {
                authorizeDirectory(caller, null);
                listUsers(request, response, caller, true);
                return;
            }
            String key = segs.get(1);
            List<String> rest = segs.subList(2, segs.size());
            User user = caller.tenant().user(key).orElseThrow(() -> rest.isEmpty()
                    ? new GraphError(404, "Request_ResourceNotFound", "Resource '" + key
                            + "' does not exist or one of its queried reference-property objects "
                            + "are not present.")
                    : new GraphError(404, "ErrorInvalidUser", "The requested user '" + key
                            + "' is invalid."));
            userRoute(request, response, caller, prefs, user, rest);
        } else if (head.equalsIgnoreCase("groups")) {
            groupRoutes.handle(request, response, caller, segs);
        } else if (head.equalsIgnoreCase("reports")) {
            reportRoutes.handle(request, response, caller, segs);
        } else {
            throw GraphError.segmentNotFound(head);
        }
    }

    private void userRoute(Request request, Response response, Caller caller, Preferences prefs,
            User user, List<String> rest) throws IOException {
        if (rest.isEmpty()) {
            authorizeDirectory(caller, user);
            getUser(request, response, user);
            return;
        }
        String seg = rest.get(0);
        String userContext = "users('" + user.id() + "')";
        if (seg.equalsIgnoreCase("messages")) {
            authorizeMail(caller, user);
            messagesRoute(request, response, prefs, caller.tenant().mailbox(user), null,
                    rest.subList(1, rest.size()), userContext + "/messages");
        } else if (seg.equalsIgnoreCase("mailFolders")) {
            authorizeMail(caller, user);
            Mailbox mailbox = caller.tenant().mailbox(user);
            if (rest.size() == 1) {
                listFolders(request, response, mailbox, mailbox.root(),
                        userContext + "/mailFolders");
                return;
            }
            MailFolder folder = folder(mailbox, rest.get(1));
            folderRoute(request, response, prefs, mailbox, folder, rest.subList(2, rest.size()),
                    userContext + "/mailFolders('" + rest.get(1) + "')",
                    userContext + "/mailFolders");
        } else if (CalendarRoutes.serves(seg)) {
            calendarRoutes.route(request, response, caller, user,
                    caller.tenant().mailbox(user).calendars(), rest, userContext);
        } else if (ContactRoutes.serves(seg)) {
            contactRoutes.handle(request, response, caller, user, rest, userContext);
        } else if (seg.equalsIgnoreCase("mailboxSettings")) {
            MailboxSettingsRoute.handle(request, response, caller, user, rest);
        } else {
            throw GraphError.segmentNotFound(seg);
        }
    }

    private void folderRoute(Request request, Response response, Preferences prefs,
            Mailbox mailbox, MailFolder folder, List<String> rest, String context,
            String entitySetContext) throws IOException {
        if (rest.isEmpty()) {
            getFolder(request, response, mailbox, folder, entitySetContext);
            return;
        }
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("childFolders")) {
            if (rest.size() == 1) {
                listFolders(request, response, mailbox, folder, context + "/childFolders");
                return;
            }
            MailFolder child = folder(mailbox, rest.get(1));
            folderRoute(request, response, prefs, mailbox, child, rest.subList(2, rest.size()),
                    context + "/childFolders('" + rest.get(1) + "')",
                    context + "/childFolders");
        } else if (seg.equalsIgnoreCase("messages")) {
            messagesRoute(request, response, prefs, mailbox, folder,
                    rest.subList(1, rest.size()), context + "/messages");
        } else {
            throw GraphError.segmentNotFound(seg);
        }
    }

    private void messagesRoute(Request request, Response response, Preferences prefs,
            Mailbox mailbox, MailFolder scope, List<String> rest, String context)
            throws IOException {
        if (rest.isEmpty()) {
            listMessages(request, response, prefs, mailbox, scope, context, false);
            return;
        }
        if (rest.get(0).equals("$count") && rest.size() == 1) {
            listMessages(request, response, prefs, mailbox, scope, context, true);
            return;
        }
        Message message = message(mailbox, rest.get(0));
        if (scope != null && message.folder() != scope) {
            throw GraphError.itemNotFound();
        }
        if (rest.size() == 1) {
            getMessage(request, response, prefs, message, context);
            return;
        }
        if (!rest.get(1).equalsIgnoreCase("attachments") || rest.size() > 3) {
            throw GraphError.segmentNotFound(rest.get(1));
        }
        String attContext = context + "('" + message.id() + "')/attachments";
        if (rest.size() == 2) {
            listAttachments(request, response, message, attContext);
        } else {
            int index = message.attachmentIndex(rest.get(2));
            if (index < 0) {
                throw GraphError.itemNotFound();
            }
            writeEntity(request, response, null, GraphModel.FILE_ATTACHMENT,
                    new AttachmentView(message, index, message.attachments().get(index)),
                    attContext, QueryOptions.parse(request, GraphModel.FILE_ATTACHMENT_TYPE),
                    ValueContext.DEFAULT, null);
        }
    }

    // ---- authorization

    private static void authorizeMail(Caller caller, User owner) {
        AccessToken t = caller.token();
        if (!t.allowsAny(MAIL_ROLES, MAIL_SCOPES)) {
            throw GraphError.mailAccessDenied();
        }
        if (t.isDelegated() && !caller.user().id().equals(owner.id())) {
            throw GraphError.mailAccessDenied();
        }
    }

    static void authorizeDirectory(Caller caller, User target) {
        AccessToken t = caller.token();
        boolean self = t.isDelegated() && target != null
                && caller.user().id().equals(target.id());
        if (!t.allowsAny(DIRECTORY_ROLES, self ? ME_SCOPES : DIRECTORY_SCOPES)) {
            throw GraphError.directoryAccessDenied();
        }
    }

    // ---- users

    private void listUsers(Request request, Response response, Caller caller, boolean countOnly)
            throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.USER_TYPE);
        if (q.skip != null) {
            throw new GraphError(400, "Request_BadRequest",
                    "'$skip' is not supported by the service.");
        }
        checkExpand(q, GraphModel.USER_TYPE, Set.of());
        if (q.search != null) {
            throw new GraphError(400, "Request_UnsupportedQuery",
                    "$search on users is not supported by this emulator.");
        }
        List<Object> result = shape(new ArrayList<Object>(caller.tenant().users()), q);
        if (countOnly) {
            sendCount(request, response, result.size());
            return;
        }
        writeCollection(request, response, Preferences.of(request), CollectionKind.USERS,
                GraphModel.USER, result, q, "users", ValueContext.DEFAULT, null);
    }

    private void getUser(Request request, Response response, User user) throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.USER_TYPE);
        checkExpand(q, GraphModel.USER_TYPE, Set.of());
        writeEntity(request, response, null, GraphModel.USER, user, "users", q,
                ValueContext.DEFAULT, null);
    }

    // ---- folders

    private MailFolder folder(Mailbox mailbox, String idOrName) {
        return mailbox.folder(idOrName).orElseThrow(() -> ItemIds.isWellFormed(idOrName)
                ? GraphError.itemNotFound() : GraphError.malformedId());
    }

    private void listFolders(Request request, Response response, Mailbox mailbox,
            MailFolder parent, String context) throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.MAIL_FOLDER_TYPE);
        checkExpand(q, GraphModel.MAIL_FOLDER_TYPE, Set.of());
        boolean hidden = "true".equalsIgnoreCase(request.queryParam("includeHiddenFolders"));
        Mailbox.Snapshot snapshot = mailbox.snapshot();
        List<MailFolder> children = new ArrayList<>(parent.children());
        children.sort(Comparator.comparing(MailFolder::displayName,
                String.CASE_INSENSITIVE_ORDER));
        List<Object> views = new ArrayList<>();
        for (MailFolder f : children) {
            if (hidden || !f.isHidden()) {
                views.add(new FolderView(f, snapshot));
            }
        }
        writeCollection(request, response, Preferences.of(request), CollectionKind.MAIL_FOLDERS,
                GraphModel.MAIL_FOLDER, shape(views, q), q, context, ValueContext.DEFAULT, null);
    }

    private void getFolder(Request request, Response response, Mailbox mailbox,
            MailFolder folder, String context) throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.MAIL_FOLDER_TYPE);
        checkExpand(q, GraphModel.MAIL_FOLDER_TYPE, Set.of());
        writeEntity(request, response, null, GraphModel.MAIL_FOLDER,
                new FolderView(folder, mailbox.snapshot()), context, q, ValueContext.DEFAULT,
                null);
    }

    // ---- messages

    private Message message(Mailbox mailbox, String id) {
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        return mailbox.message(id).orElseThrow(GraphError::itemNotFound);
    }

    private void listMessages(Request request, Response response, Preferences prefs,
            Mailbox mailbox, MailFolder scope, String context, boolean countOnly)
            throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.MESSAGE_TYPE);
        EntityExtra expansion = MessageExpansion.parse(q.expand).extra(mailbox);
        if (q.search != null && q.filter != null) {
            throw new GraphError(400, "ErrorInvalidUrlQuery",
                    "The query parameter '$filter' is invalid.");
        }
        if (q.search != null && q.orderBy != null) {
            throw new GraphError(400, "ErrorInvalidUrlQuery",
                    "The query parameter 'OrderBy' is invalid.");
        }
        if (q.filter != null && q.orderBy != null) {
            checkEfficientFilter(q);
        }
        Mailbox.Snapshot snapshot = mailbox.snapshot();
        List<Message> base = scope == null ? snapshot.messages() : snapshot.messages(scope);
        List<Object> result;
        if (q.shapesCollection()) {
            String key = mailbox.owner().id() + "|" + snapshot.version() + "|"
                    + (scope == null ? "*" : scope.id()) + "|" + q.filterText + "|"
                    + q.orderByText + "|" + q.search;
            result = cache.get(key, () -> q.search != null
                    ? MessageSearch.run(q.search, base, SEARCH_LIMIT)
                    : shape(new ArrayList<Object>(base), q));
        } else {
            result = asObjects(base);
        }
        if (countOnly) {
            sendCount(request, response, result.size());
            return;
        }
        ValueContext ctx = new ValueContext(prefs.bodyAsText());
        writeCollection(request, response, prefs, CollectionKind.MESSAGES, GraphModel.MESSAGE,
                result, q, context, ctx, expansion);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asObjects(List<? extends Object> list) {
        return (List<Object>) list;
    }

    private void getMessage(Request request, Response response, Preferences prefs,
            Message message, String context) throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.MESSAGE_TYPE);
        writeEntity(request, response, prefs, GraphModel.MESSAGE, message, context, q,
                new ValueContext(prefs.bodyAsText()),
                MessageExpansion.parse(q.expand).extra(message.folder().mailbox()));
    }

    static void writeAttachments(JsonGenerator g, Object entity) throws IOException {
        Message m = (Message) entity;
        g.writeArrayFieldStart("attachments");
        List<Attachment> list = m.attachments();
        List<PropertyDef> props = GraphModel.FILE_ATTACHMENT_TYPE.defaultProperties();
        for (int i = 0; i < list.size(); i++) {
            EntityWriter.write(g, GraphModel.FILE_ATTACHMENT, new AttachmentView(m, i,
                    list.get(i)), props, ValueContext.DEFAULT, null);
        }
        g.writeEndArray();
    }

    private void listAttachments(Request request, Response response, Message message,
            String context) throws IOException {
        QueryOptions q = QueryOptions.parse(request, GraphModel.FILE_ATTACHMENT_TYPE);
        List<Object> views = new ArrayList<>();
        List<Attachment> list = message.attachments();
        for (int i = 0; i < list.size(); i++) {
            views.add(new AttachmentView(message, i, list.get(i)));
        }
        writeCollection(request, response, Preferences.of(request), CollectionKind.ATTACHMENTS,
                GraphModel.FILE_ATTACHMENT, shape(views, q), q, context, ValueContext.DEFAULT,
                null);
    }

    /**
     * Enforces the rule of message queries that combine {@code $filter} and {@code $orderby}:
     * the ordered properties must come first in the filter, in the same order.
     */
    private static void checkEfficientFilter(QueryOptions q) {
        List<String> ordered = q.orderBy.paths();
        List<String> filtered = new ArrayList<>();
        for (String p : q.filter.propertyPaths()) {
            filtered.add(p.toLowerCase(Locale.ROOT));
        }
        boolean ok = filtered.size() >= ordered.size();
        for (int i = 0; ok && i < ordered.size(); i++) {
            ok = filtered.get(i).equals(ordered.get(i).toLowerCase(Locale.ROOT));
        }
        if (!ok) {
            throw new GraphError(400, "InefficientFilter",
                    "The restriction or sort order is too complex for this operation.");
        }
    }

    // ---- shared collection machinery

    static boolean checkExpand(QueryOptions q, StructuredType type, Set<String> allowed) {
        if (q.expand == null) {
            return false;
        }
        boolean any = false;
        for (String item : q.expand.split(",")) {
            String name = item.trim();
            if (!allowed.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ODataException(ODataException.PARSE_URI, "Could not find a property "
                        + "named '" + name + "' on type '" + type.name() + "'.");
            }
            any = true;
        }
        return any;
    }

    static List<Object> shape(List<Object> items, QueryOptions q) {
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
            if (out == items) {
                out = new ArrayList<>(items);
            }
            // A stable sort keeps the default order among equal keys.
            out.sort(q.orderBy.comparator());
        }
        return out;
    }

    private void sendCount(Request request, Response response, int count) throws IOException {
        traceHeaders(request, response);
        response.send(200, "text/plain;charset=utf-8", String.valueOf(count));
    }

    void writeCollection(Request request, Response response, Preferences prefs,
            CollectionKind kind, EntityModel model, List<Object> result, QueryOptions q,
            String context, ValueContext ctx, EntityExtra extra) throws IOException {
        int pageSize;
        boolean pageSizeApplied = false;
        if (q.top != null) {
            if (q.top < 1 || q.top > kind.maxTop) {
                if (kind == CollectionKind.USERS) {
                    throw new GraphError(400, "Request_UnsupportedQuery", "Invalid page size "
                            + "specified: '" + q.top + "'. Must be between 1 and "
                            + kind.maxTop + " inclusive.");
                }
                throw GraphError.badRequest("Invalid value '" + q.top + "' for $top query "
                        + "option found. The $top query option requires a value between 1 and "
                        + kind.maxTop + ".");
            }
            pageSize = q.top;
        } else if (prefs.maxPageSize() != null && kind != CollectionKind.USERS) {
            pageSize = Math.min(prefs.maxPageSize(), kind.maxTop);
            pageSizeApplied = true;
        } else {
            pageSize = kind.defaultPageSize;
        }
        int skip;
        if (kind.skipToken) {
            skip = q.skipToken == null ? 0 : decodeSkipToken(q.skipToken);
        } else {
            skip = q.skip == null ? 0 : q.skip;
        }
        int total = result.size();
        int end = (int) Math.min(total, (long) skip + pageSize);
        List<Object> page = skip >= total ? List.of() : result.subList(skip, end);
        String next = null;
        if (end < total) {
            next = kind.skipToken ? nextLink(request, "$skiptoken", encodeSkipToken(end))
                    : nextLink(request, "$skip", String.valueOf(end));
        }
        List<PropertyDef> props = EntityWriter.properties(model, q.select);
        traceHeaders(request, response);
        String applied = prefs.applied(pageSizeApplied);
        if (applied != null) {
            response.setHeader("Preference-Applied", applied);
        }
        try (JsonGenerator g = response.json(200, ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", contextUrl(request, context, q));
            if (q.count) {
                g.writeNumberField("@odata.count", total);
            }
            // The directory writes the next link before the values, Outlook after them.
            if (next != null && kind.skipToken) {
                g.writeStringField("@odata.nextLink", next);
            }
            g.writeArrayFieldStart("value");
            for (Object entity : page) {
                EntityWriter.write(g, model, entity, props, ctx,
                        extra == null ? null : gen -> extra.write(gen, entity));
            }
            g.writeEndArray();
            if (next != null && !kind.skipToken) {
                g.writeStringField("@odata.nextLink", next);
            }
            g.writeEndObject();
        }
    }

    void writeEntity(Request request, Response response, Preferences prefs,
            EntityModel model, Object entity, String context, QueryOptions q, ValueContext ctx,
            EntityExtra extra) throws IOException {
        List<PropertyDef> props = EntityWriter.properties(model, q.select);
        traceHeaders(request, response);
        String applied = prefs == null ? null : prefs.applied(false);
        if (applied != null) {
            response.setHeader("Preference-Applied", applied);
        }
        try (JsonGenerator g = response.json(200, ODATA_JSON)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", contextUrl(request, context, q) + "/$entity");
            EntityWriter.writeFields(g, model, entity, props, ctx);
            if (extra != null) {
                extra.write(g, entity);
            }
            g.writeEndObject();
        }
    }

    private static String contextUrl(Request request, String context, QueryOptions q) {
        String select = q.select == null ? "" : "(" + q.select + ")";
        return request.baseUrl() + "/v1.0/$metadata#" + context + select;
    }

    /** Builds the link to the next page: the same request with a new paging parameter. */
    private static String nextLink(Request request, String pagingName, String pagingValue) {
        StringBuilder sb = new StringBuilder(request.baseUrl()).append(request.rawPath())
                .append('?');
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            if (e.getKey().equalsIgnoreCase("$skip") || e.getKey().equalsIgnoreCase(
                    "$skiptoken")) {
                continue;
            }
            sb.append(QueryString.encode(e.getKey())).append('=')
                    .append(QueryString.encode(e.getValue())).append('&');
        }
        return sb.append(QueryString.encode(pagingName)).append('=')
                .append(QueryString.encode(pagingValue)).toString();
    }

    private static String encodeSkipToken(int offset) {
        byte[] b = ByteBuffer.allocate(10).put((byte) 0x44).put((byte) 0x53).putLong(offset)
                .array();
        return "X'" + HexFormat.of().withUpperCase().formatHex(b) + "'";
    }

    private static int decodeSkipToken(String token) {
        try {
            if (token.startsWith("X'") && token.endsWith("'")) {
                byte[] b = HexFormat.of().parseHex(token.substring(2, token.length() - 1));
                if (b.length == 10 && b[0] == 0x44 && b[1] == 0x53) {
                    long v = ByteBuffer.wrap(b, 2, 8).getLong();
                    if (v >= 0 && v <= Integer.MAX_VALUE) {
                        return (int) v;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw new GraphError(400, "Directory_ExpiredPageToken", "The specified page token "
                + "value has expired and can no longer be included in your request.");
    }

    /** Writes extra fields of an entity, such as expanded attachments. */
    @FunctionalInterface
    interface EntityExtra {
        void write(JsonGenerator g, Object entity) throws IOException;
    }
}
