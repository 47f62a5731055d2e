package io.exchangejdbc.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.http.Deadline;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.RetryPolicy;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.GraphResource;
import io.exchangejdbc.schema.RowShape;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One execution of a {@link GraphQuery}: for each mailbox it requests the first page, streams its
 * rows to the consumer, and follows {@code @odata.nextLink} until the last page or until the row
 * limit ({@code LIMIT} or {@code MaxRows}) is reached, after which no further page is requested.
 *
 * <p>The collections below several parents ({@code messageId IN (...)} on a view that needs
 * its parent's id) are read per mailbox in groups of {@code BatchSize} (at most 20): the first
 * pages of a group in one {@code POST /v1.0/$batch}, then each parent's further pages by its
 * next link. Only the answer of one batch is held in memory at a time per reader.
 *
 * <p>A tree collection (mail folders) is walked depth first: each folder, then its child folders
 * ({@code .../{id}/childFolders}, with the same {@code $select} and {@code $top}) when
 * {@code childFolderCount > 0}. Its pages are small and read whole, since the walk goes down
 * before it goes on; a pushed-down filter is applied in the driver ({@link RowFilter}) because a
 * folder that fails it may have children that pass.
 *
 * @see <a href="https://learn.microsoft.com/graph/paging">Paging Microsoft Graph data</a>
 * @see <a href="https://learn.microsoft.com/graph/api/mailfolder-list-childfolders">List
 *     childFolders</a>
 */
final class GraphScan implements RowCursor {

    /**
     * Mailboxes read at once by one scan of several mailboxes: the global bound on its requests
     * in flight. Each reader holds one mailbox, and waits out that mailbox's {@code Retry-After}
     * itself, so the bound is set high enough that the mailboxes a service throttles do not hold
     * back the others (each mailbox keeps within its own limits through the transport's
     * per-mailbox throttle).
     */
    static final int READERS = 64;

    /** Requests of one page, the first included, when its answers break off. */
    static final int PAGE_ATTEMPTS = 3;

    /** The most rows handed from a page reader to the consumer at once. */
    static final int CHUNK = 256;

    /**
     * The most characters of one {@code $batch} answer, which holds the first pages of up to 20
     * parents' collections and is read whole.
     */
    static final int MAX_BATCH_ANSWER = 64 * 1024 * 1024;

    /** One level of a tree walk: rows read but not yet returned, and the level's next page. */
    private static final class Frame {
        final ArrayDeque<Object[]> rows = new ArrayDeque<>();
        String nextUrl;

        Frame(String url) {
            this.nextUrl = url;
        }
    }

    private final GraphClient client;
    private final Transport transport;
    private final TokenProvider tokens;
    private final ConnectionLog log;
    private final GraphQuery query;
    private final Operand.Parameters params;
    private final GraphQuery urlQuery;
    private final EntityRowReader reader;
    private final GraphResource.Elements elements;
    private final EntityRowReader elementReader;
    private final ArrayDeque<Object[]> elementRows = new ArrayDeque<>();
    private final boolean[] pseudoIsParentKey;
    private final int outputWidth;
    private final int[] pseudoSlots;
    private final Object[] pseudoRouteValues;
    private final boolean[] pseudoIsMailbox;
    private final boolean[] pseudoIsRoute;
    private final boolean tree;
    private final int idSlot;
    private final int childCountSlot;
    private final RowFilter filter;
    private final long limit;
    private final Deque<String> mailboxes;
    private final int mailboxCount;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private final QueryControl control;
    private final AtomicInteger requests = new AtomicInteger();
    private String mailbox;
    private Object route;
    private CollectionPage page;
    private ReadAhead feed;
    private List<Object[]> pageRows = List.of();
    private int pageIndex;
    private Object[] current;
    private long produced;
    private boolean done;
    private boolean summarized;

    GraphScan(GraphClient client, GraphQuery query, Operand.Parameters params)
            throws SQLException {
        this.client = client;
        this.transport = client.transport();
        this.tokens = client.tokens();
        this.log = client.log();
        this.query = query;
        this.params = params;
        this.control = params.control();
        GraphResource resource = query.resource();
        checkRequiredParts(query);
        this.tree = resource.childCollection() != null && query.route() == null;

        List<ColumnDef> columns = new ArrayList<>(query.output());
        this.outputWidth = columns.size();
        this.filter = tree && query.filter() != null ? RowFilter.compile(query.filter(), params,
                c -> slotOf(columns, c)) : null;
        if (tree) {
            this.idSlot = slotOf(columns, hidden("id", ColumnType.VARCHAR));
            this.childCountSlot = slotOf(columns,
                    hidden("childFolderCount", ColumnType.INTEGER));
        } else {
            this.idSlot = -1;
            this.childCountSlot = -1;
        }
        java.util.function.Consumer<String> warn =
                w -> log.log(LogModule.GRAPH, Verbosity.SUMMARY, query.table().name() + ": " + w);
        this.elements = resource.elements();
        if (elements != null) {
            // pages hold items; each item's collection property is read into element rows
            this.elementReader = new EntityRowReader(columns, warn);
            this.reader = new EntityRowReader(List.of(hidden("id", ColumnType.VARCHAR),
                    new ColumnDef(elements.property(), ColumnType.VARCHAR,
                            List.of(elements.property()), ColumnNature.JSON, false, true,
                            Set.of(), false, 0, "the elements of an item")), warn);
        } else {
            this.elementReader = null;
            this.reader = new EntityRowReader(columns, warn);
        }

        List<Integer> pseudo = new ArrayList<>();
        for (int i = 0; i < outputWidth; i++) {
            if (columns.get(i).nature() == ColumnNature.PSEUDO) {
                pseudo.add(i);
            }
        }
        this.pseudoSlots = pseudo.stream().mapToInt(Integer::intValue).toArray();
        this.pseudoIsMailbox = new boolean[pseudoSlots.length];
        this.pseudoRouteValues = new Object[pseudoSlots.length];
        this.pseudoIsParentKey = new boolean[pseudoSlots.length];
        this.pseudoIsRoute = new boolean[pseudoSlots.length];
        for (int i = 0; i < pseudoSlots.length; i++) {
            ColumnDef c = columns.get(pseudoSlots[i]);
            pseudoIsMailbox[i] = c.name().equalsIgnoreCase("UserId");
            pseudoIsParentKey[i] = elements != null
                    && c.name().equalsIgnoreCase(elements.parentKeyColumn());
            if (!pseudoIsMailbox[i] && query.route() != null
                    && query.route().column().equalsIgnoreCase(c.name())) {
                pseudoIsRoute[i] = query.batchedRoute();
                pseudoRouteValues[i] = query.routeValue().resolve(params);
            }
        }

        this.limit = limit(query, params, client.settings().maxRows());
        GraphQuery forUrls = query;
        if (filter != null) {
            forUrls = forUrls.withFilter(null).withLimit(null);
        } else if (limit != Long.MAX_VALUE) {
            forUrls = forUrls.withLimit(new Operand.Literal(limit));
        }
        this.urlQuery = forUrls;
        this.mailboxes = resolveMailboxes();
        this.mailboxCount = mailboxes.size();
        if (limit == 0 || mailboxes.isEmpty()) {
            finish();
        }
    }

    /**
     * Refuses, before any request, a scan of a collection the service reads only with a time
     * window when the query does not bound it, naming the predicates to add (a required route
     * is checked by {@link RequiredPredicates}).
     */
    private static void checkRequiredParts(GraphQuery query) throws SQLException {
        GraphResource r = query.resource();
        String table = query.table().name();
        GraphResource.Window w = r.window();
        if (w != null && (query.windowStart() == null || query.windowEnd() == null)) {
            String missing = query.windowStart() == null && query.windowEnd() == null
                    ? "a time window" : query.windowStart() == null ? "the start of its time"
                    + " window" : "the end of its time window";
            throw new SQLException("Table " + table + " needs " + missing + ": bound it in the"
                    + " WHERE clause with " + w.startColumn() + " >= TIMESTAMP '...' (or "
                    + w.endColumn() + " > ...) and " + w.endColumn() + " <= TIMESTAMP '...' (or "
                    + w.startColumn() + " < ...); Microsoft Graph requires the "
                    + w.startParameter() + " and " + w.endParameter() + " parameters.",
                    "42000");
        }
    }

    /** The effective row limit: the smaller of LIMIT and MaxRows; MAX_VALUE for none. */
    private static long limit(GraphQuery q, Operand.Parameters params, long maxRows) {
        long limit = maxRows > 0 ? maxRows : Long.MAX_VALUE;
        if (q.limit() != null) {
            Object v = q.limit().resolve(params);
            if (v instanceof Number n && n.longValue() >= 0) {
                limit = Math.min(limit, n.longValue());
            }
        }
        return limit;
    }

    private Deque<String> resolveMailboxes() throws SQLException {
        Deque<String> out = new ArrayDeque<>();
        if (!query.resource().mailboxScoped()) {
            out.add("");
            return out;
        }
        if (query.mailboxes().isEmpty()) {
            String m = client.settings().defaultMailbox();
            out.add(m == null ? "" : m);
        } else {
            Map<String, String> unique = new LinkedHashMap<>();
            for (Operand o : query.mailboxes()) {
                Object v = o.resolve(params);
                if (v != null && !v.toString().isBlank()) {
                    String m = v.toString().strip();
                    unique.putIfAbsent(m.toLowerCase(Locale.ROOT), m);
                }
            }
            out.addAll(unique.values());
        }
        if (out.contains("") && tokens.applicationOnly()) {
            throw new SQLException("Table " + query.table().name() + " is read from a mailbox,"
                    + " and an application sign-in (" + tokens + ") has no mailbox of its own:"
                    + " set the UserId connection property, or name the mailbox in the query"
                    + " (WHERE UserId = 'user@contoso.com').", "42000");
        }
        return out;
    }

    @Override
    public boolean next() throws SQLException {
        if (done) {
            return false;
        }
        try {
            while (produced < limit) {
                Object[] row = tree ? nextTreeRow()
                        : elements != null ? nextElementRow() : nextFlatRow();
                if (row == null) {
                    break;
                }
                fillPseudoColumns(row);
                if (filter != null && !filter.test(row)) {
                    continue;
                }
                current = row.length == outputWidth ? row : Arrays.copyOf(row, outputWidth);
                produced++;
                if (produced >= limit) {
                    // Release the connection now: no more of this page will be read.
                    closePage();
                }
                return true;
            }
            finish();
            return false;
        } catch (SQLException e) {
            fail(e);
            throw e;
        } catch (RuntimeException e) {
            SQLException wrapped = new SQLException(transport.redactor().redact(
                    "Reading table " + query.table().name() + " failed: " + e), "HY000", e);
            fail(wrapped);
            throw wrapped;
        }
    }

    @Override
    public Object[] current() {
        return current;
    }

    private Object[] nextFlatRow() throws SQLException {
        while (pageIndex >= pageRows.size()) {
            if (feed == null) {
                List<String> all = new ArrayList<>(mailboxes);
                mailboxes.clear();
                // Rows of one mailbox keep the service's order; several mailboxes are read at
                // once unless the service was asked for an order.
                int readers = query.orderBy().isEmpty() ? READERS : 1;
                feed = query.batchedRoute()
                        ? new ReadAhead(batchUnits(all), client.readers(), readers, limit,
                                control)
                        : new ReadAhead(all, this::firstUrl, this::readPage, client.readers(),
                                readers, limit, control);
            }
            ReadAhead.Page next = feed.take();
            if (next == null) {
                return null;
            }
            mailbox = next.mailbox().isEmpty() ? null : next.mailbox();
            route = next.route();
            pageRows = next.rows();
            pageIndex = 0;
        }
        Object[] row = pageRows.get(pageIndex);
        pageRows.set(pageIndex++, null);
        return row;
    }

    /**
     * Reads one page, handing its rows to {@code sink} in chunks: whenever the network has no
     * more bytes ready (so that rows reach the consumer while the rest of the page is on its
     * way) or {@link #CHUNK} rows are waiting. A page whose answer broke off (a cut connection,
     * a truncated or malformed body) is requested again, at most {@link #PAGE_ATTEMPTS} times in
     * all within one {@code Timeout}, and the rows already handed over are skipped: the link of
     * a page names the same rows each time it is followed, so none is duplicated or lost.
     *
     * @return the page's next link, null on the last page
     */
    private String readPage(String box, String url, Consumer<List<Object[]>> sink)
            throws SQLException {
        Deadline deadline = transport.newDeadline();
        int handed = 0;
        for (int attempt = 1; ; attempt++) {
            // A request that got no answer at all was already repeated by the transport as far
            // as its policy allows (a bad proxy or an unreachable host would otherwise be tried
            // PAGE_ATTEMPTS times that many times): only an answer that broke off is asked again.
            HttpResult answer = fetch(url, box, deadline);
            try (PageRows p = openPage(answer)) {
                InputStream body = p.result().body();
                List<Object[]> chunk = new ArrayList<>();
                int seen = 0;
                Object[] r;
                while ((r = p.next()) != null) {
                    if (seen++ < handed) {
                        continue;
                    }
                    chunk.add(r);
                    if (chunk.size() >= CHUNK || nothingReady(body)) {
                        sink.accept(chunk);
                        handed += chunk.size();
                        chunk = new ArrayList<>();
                    }
                }
                if (!chunk.isEmpty()) {
                    sink.accept(chunk);
                }
                return p.nextLink();
            } catch (SQLException e) {
                boolean broken = CollectionPage.BAD_RESPONSE.equals(e.getSQLState())
                        && e.getErrorCode() == 0;
                if (!broken || attempt >= PAGE_ATTEMPTS || control.mustStop()
                        || deadline.expired()) {
                    throw e;
                }
                log.log(LogModule.GRAPH, Verbosity.REQUESTS, "requesting the page again"
                        + " (attempt " + (attempt + 1) + " of " + PAGE_ATTEMPTS + ") after its"
                        + " answer broke off, skipping the " + handed + " row(s) already read: "
                        + e.getMessage());
            }
        }
    }

    /** Starts reading a response in the form the table's resource answers in. */
    private PageRows openPage(HttpResult result) throws SQLException {
        switch (query.resource().shape()) {
            case MAILBOX_OBJECT:
                return CollectionPage.openObject(result, reader, transport.redactor());
            case USAGE_REPORT:
                return CsvReportPage.open(result, reader.columns());
            default:
                return CollectionPage.open(result, reader, transport.redactor());
        }
    }

    /** Whether a read of the body would block now; a failing body counts as drained. */
    private static boolean nothingReady(InputStream body) {
        try {
            return body.available() <= 0;
        } catch (IOException e) {
            return true;
        }
    }

    private Object[] nextTreeRow() throws SQLException {
        while (true) {
            Frame frame = frames.peek();
            if (frame == null) {
                if (!nextMailbox()) {
                    return null;
                }
                frames.push(new Frame(firstUrl()));
                continue;
            }
            Object[] row = frame.rows.poll();
            if (row != null) {
                Object id = row[idSlot];
                Object count = row[childCountSlot];
                if (id != null && count instanceof Number n && n.longValue() > 0) {
                    frames.push(new Frame(childUrl(id.toString())));
                }
                return row;
            }
            if (frame.nextUrl != null) {
                String url = frame.nextUrl;
                frame.nextUrl = null;
                frame.nextUrl = readPage(mailbox == null ? "" : mailbox, url, frame.rows::addAll);
                continue;
            }
            frames.pop();
        }
    }

    private boolean nextMailbox() {
        String m = mailboxes.poll();
        if (m == null) {
            return false;
        }
        mailbox = m.isEmpty() ? null : m;
        return true;
    }

    private String firstUrl() {
        return firstUrl(mailbox == null ? "" : mailbox);
    }

    private String firstUrl(String box) {
        return GraphRequestPlan.firstPageUrl(client.graphUrl(), urlQuery,
                box.isEmpty() ? null : box, params, client.settings().pageSize());
    }

    /** {@code .../{collection}/{id}/{childCollection}} with the query's options but no filter. */
    private String childUrl(String id) {
        GraphResource r = query.resource();
        StringBuilder sb = new StringBuilder(client.graphUrl()).append("/v1.0");
        if (r.mailboxScoped()) {
            sb.append(mailbox == null ? "/me"
                    : "/users/" + GraphRequestPlan.encodeSegment(mailbox));
        }
        sb.append('/').append(r.collection()).append('/')
                .append(GraphRequestPlan.encodeSegment(id)).append('/')
                .append(r.childCollection());
        char sep = '?';
        GraphQuery childQuery = urlQuery.withFilter(null);
        for (Map.Entry<String, String> e : GraphRequestPlan.queryOptions(childQuery, params,
                client.settings().pageSize()).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(GraphRequestPlan.encodeQueryValue(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * Sends one GET for a mailbox ({@code ""}: the signed-in user's), renewing the token and
     * trying again once if the service refuses it.
     */
    private HttpResult fetch(String url, String box, Deadline deadline) throws SQLException {
        URI uri = toUri(url);
        return signedSend(() -> {
            TransportRequest.Builder b = TransportRequest.get(uri)
                    .header("Accept", query.resource().shape() == RowShape.USAGE_REPORT
                            ? "text/csv, application/octet-stream, application/json"
                            : "application/json")
                    .header("Prefer", "IdType=\"ImmutableId\"");
            if (client.settings().bodyType() != null) {
                b.header("Prefer", "outlook.body-content-type=\""
                        + client.settings().bodyType() + "\"");
            }
            return b;
        }, box, deadline);
    }

    /**
     * Sends a request {@code build} makes, signed with the connection's token and counted
     * against the mailbox ({@code ""}: the signed-in user's); a refused token is renewed and
     * the request sent again once. The successful answer, else the service's error.
     */
    private HttpResult signedSend(Supplier<TransportRequest.Builder> build, String box,
            Deadline deadline) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            TransportRequest.Builder b = build.get();
            String token = tokens.token();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (query.resource().mailboxScoped()) {
                b.mailbox(box.isEmpty() ? "me" : box);
            }
            HttpResult result = transport.send(b.build(), deadline, control);
            requests.incrementAndGet();
            if (result.isSuccess()) {
                return result;
            }
            if (result.status() == 401 && attempt == 0 && tokens.renewable()) {
                log.log(LogModule.AUTH, Verbosity.REQUESTS, "Microsoft Graph refused the token"
                        + " (HTTP 401, " + result.header("WWW-Authenticate")
                        + "); renewing it and trying again once");
                result.close();
                tokens.invalidate();
                continue;
            }
            throw GraphErrors.toException(result,
                    new GraphErrors.Context(query.table().name(), box.isEmpty() ? null : box),
                    tokens.rejectionAdvice(), transport.redactor());
        }
    }

    /**
     * The URI of a URL built here or given by the service in a nextLink, which is followed as
     * given; characters a URI cannot hold raw (a space in a filter) are escaped first.
     */
    private URI toUri(String url) throws SQLException {
        URI uri = parseUri(url);
        // Graph gives absolute links; a relative one is taken relative to GraphUrl.
        return uri.isAbsolute() ? uri : URI.create(client.graphUrl() + "/").resolve(uri);
    }

    private URI parseUri(String url) throws SQLException {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder(url.length() + 16);
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '{' || c == '}'
                        || c == '|' || c == '\\' || c == '^' || c == '`') {
                    sb.append('%').append(String.format("%02X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            try {
                return URI.create(sb.toString());
            } catch (IllegalArgumentException again) {
                throw new SQLException(transport.redactor().redact("Microsoft Graph returned a"
                        + " next-page link that is not a valid URL: " + url), "08S01", again);
            }
        }
    }


    // ---- the collections of several parents: first pages through $batch

    /**
     * The parents to read ({@code messageId IN (...)}), in the order written, without repeats
     * or NULLs (which match no row).
     */
    private List<Object> routeValues() {
        Map<String, Object> unique = new LinkedHashMap<>();
        for (Operand o : query.routeValues()) {
            Object v = o.resolve(params);
            if (v != null && !v.toString().isBlank()) {
                unique.putIfAbsent(v.toString(), v);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** For each mailbox, the parents in groups of {@code BatchSize}: one $batch each. */
    private List<ReadAhead.Unit> batchUnits(List<String> boxes) {
        List<Object> parents = routeValues();
        int size = client.batchSize();
        List<ReadAhead.Unit> out = new ArrayList<>();
        for (String box : boxes) {
            for (int from = 0; from < parents.size(); from += size) {
                List<Object> group = List.copyOf(parents.subList(from,
                        Math.min(parents.size(), from + size)));
                out.add(sink -> readBatch(box, group, sink));
            }
        }
        return out;
    }

    /** The first page's URL of one parent's collection in a mailbox. */
    private String firstUrl(String box, Object parent) {
        return GraphRequestPlan.firstPageUrl(client.graphUrl(),
                urlQuery.withRoute(query.route(), new Operand.Literal(parent)),
                box.isEmpty() ? null : box, params, client.settings().pageSize());
    }

    private String what(Object parent) {
        return query.route().column() + " '" + parent + "'";
    }

    /**
     * Reads the collections of a group of parents in one mailbox: their first pages in one
     * {@code $batch}, then each parent's further pages with ordinary requests. A parent the
     * service throttles inside the batch (429 or 503) is read again alone after its
     * {@code Retry-After}, within the retry policy; one it does not know (404) has no rows; any
     * other refusal fails the scan, naming the parent.
     */
    private void readBatch(String box, List<Object> parents, ReadAhead.Sink sink)
            throws SQLException {
        String prefix = client.graphUrl() + "/v1.0";
        List<GraphBatch.Request> items = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            String url = firstUrl(box, parents.get(i));
            items.add(new GraphBatch.Request(String.valueOf(i + 1), "GET",
                    url.substring(prefix.length()), null, client.settings().bodyType() == null
                            ? null : "outlook.body-content-type=\""
                                    + client.settings().bodyType() + "\""));
        }
        Map<String, GraphBatch.Response> answers = new HashMap<>();
        for (GraphBatch.Response r : postBatch(box, items)) {
            answers.put(r.id(), r);
        }
        Instant answered = Instant.now();
        RetryPolicy policy = transport.options().retryPolicy();
        List<Integer> throttled = new ArrayList<>();
        for (int i = 0; i < parents.size() && sink.wanted(); i++) {
            Object parent = parents.get(i);
            GraphBatch.Response a = answers.remove(String.valueOf(i + 1));
            if (a == null) {
                throw new SQLException(transport.redactor().redact("The answer to a $batch"
                        + " named no outcome for " + what(parent) + " of "
                        + query.table().name() + "."), CollectionPage.BAD_RESPONSE);
            }
            int status = a.status();
            if (status >= 200 && status < 300) {
                String next = itemPage(a.body(), parent,
                        rows -> sink.accept(box, parent, rows));
                follow(box, parent, next, sink);
            } else if (status == 429 || status == 503) {
                answers.put(a.id(), a);
                throttled.add(i);
            } else if (status == 404 && !unknownMailbox(a.body())) {
                // SQL semantics: an IN value that names no parent contributes no rows
                log.log(LogModule.GRAPH, Verbosity.SUMMARY, query.table().name() + ": no "
                        + what(parent) + " (HTTP 404 " + GraphErrors.parse(a.body() == null
                                ? "" : a.body()).code() + "); it has no rows");
            } else {
                throw GraphErrors.batchItem(query.table().name(), what(parent), status,
                        a.body(), a.requestId(), transport.redactor());
            }
        }
        for (int i : throttled) {
            if (!sink.wanted()) {
                return;
            }
            Object parent = parents.get(i);
            GraphBatch.Response a = answers.remove(String.valueOf(i + 1));
            Optional<Duration> delay = policy.delayBeforeRetry(1, a.retryAfter(), answered,
                    ThreadLocalRandom.current().nextDouble());
            if (delay.isEmpty()) {
                throw GraphErrors.batchItem(query.table().name(), what(parent), a.status(),
                        a.body(), a.requestId(), transport.redactor());
            }
            Duration left = Duration.between(Instant.now(), answered.plus(delay.get()));
            GraphWriter.pause(client, left.isNegative() ? Duration.ZERO : left, control,
                    "the read of " + what(parent) + " alone", a.status());
            follow(box, parent, firstUrl(box, parent), sink);
        }
    }

    /** Whether a 404 is about the mailbox rather than the parent. */
    private static boolean unknownMailbox(String body) {
        String code = GraphErrors.parse(body == null ? "" : body).code();
        return "ErrorInvalidUser".equals(code) || "MailboxNotEnabledForRESTAPI".equals(code);
    }

    /** Reads one parent's pages from {@code url} on, with ordinary requests. */
    private void follow(String box, Object parent, String url, ReadAhead.Sink sink)
            throws SQLException {
        String next = url;
        while (next != null && sink.wanted()) {
            next = readPage(box, next, rows -> sink.accept(box, parent, rows));
        }
    }

    /** Sends one {@code $batch} for a mailbox and reads its answer whole. */
    private List<GraphBatch.Response> postBatch(String box, List<GraphBatch.Request> items)
            throws SQLException {
        URI uri = URI.create(client.graphUrl() + "/v1.0/$batch");
        byte[] body = GraphBatch.body(items);
        // reads only: the transport may send it again after a 429 or a lost connection
        HttpResult result = signedSend(() -> TransportRequest.post(uri, "application/json", body)
                .retrySafe(true).header("Accept", "application/json"), box,
                transport.newDeadline());
        String text;
        try {
            text = result.readText(MAX_BATCH_ANSWER);
        } finally {
            result.close();
        }
        if (text.length() >= MAX_BATCH_ANSWER) {
            throw new SQLException("The answer to a $batch reading " + items.size()
                    + " collections of " + query.table().name() + " is larger than "
                    + MAX_BATCH_ANSWER / (1024 * 1024) + " MB: lower BatchSize or"
                    + " select fewer columns.", "HY000");
        }
        try {
            return GraphBatch.parse(text);
        } catch (IOException e) {
            throw new SQLException(transport.redactor().redact("Microsoft Graph"
                    + " answered a $batch with something that is not a batch answer: "
                    + e.getMessage()), CollectionPage.BAD_RESPONSE, e);
        }
    }

    /**
     * Reads the rows of a first page that came inside a batch answer, handing them over in
     * chunks.
     *
     * @return the page's next link, null on the last page
     */
    private String itemPage(String body, Object parent, Consumer<List<Object[]>> sink)
            throws SQLException {
        if (body == null) {
            throw new SQLException("Microsoft Graph answered the read of " + what(parent)
                    + " in a $batch without a body.", CollectionPage.BAD_RESPONSE);
        }
        String next = null;
        try (JsonParser p = EntityRowReader.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the body is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("value") && t == JsonToken.START_ARRAY) {
                    List<Object[]> chunk = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        if (t != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        chunk.add(reader.read(p));
                        if (chunk.size() >= CHUNK) {
                            sink.accept(chunk);
                            chunk = new ArrayList<>();
                        }
                    }
                    if (!chunk.isEmpty()) {
                        sink.accept(chunk);
                    }
                } else if (name.equals("@odata.nextLink") && t == JsonToken.VALUE_STRING) {
                    next = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new SQLException(transport.redactor().redact("Microsoft Graph answered the"
                    + " read of " + what(parent) + " in a $batch with a page that is not a JSON"
                    + " collection: " + e.getMessage()), CollectionPage.BAD_RESPONSE, e);
        }
        return next;
    }

    /**
     * The next row of an element view: the elements of the current item, each with the item's id
     * in the parent-key column, then those of the next item.
     */
    private Object[] nextElementRow() throws SQLException {
        while (elementRows.isEmpty()) {
            Object[] item = nextFlatRow();
            if (item == null) {
                return null;
            }
            if (!(item[1] instanceof String json)) {
                continue;
            }
            try (JsonParser p = EntityRowReader.JSON.createParser(json)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Object[] row = elementReader.read(p);
                    for (int i = 0; i < pseudoSlots.length; i++) {
                        if (pseudoIsParentKey[i]) {
                            row[pseudoSlots[i]] = item[0];
                        }
                    }
                    elementRows.add(row);
                }
            } catch (IOException e) {
                throw new SQLException("Microsoft Graph returned " + elements.property()
                        + " that are not a JSON array of objects: " + e.getMessage(),
                        CollectionPage.BAD_RESPONSE, e);
            }
        }
        return elementRows.poll();
    }

    private void fillPseudoColumns(Object[] row) {
        for (int i = 0; i < pseudoSlots.length; i++) {
            if (pseudoIsParentKey[i]) {
                continue;
            }
            row[pseudoSlots[i]] = pseudoIsMailbox[i] ? mailbox
                    : pseudoIsRoute[i] ? route : pseudoRouteValues[i];
        }
    }

    /** The slot of a column by its path, adding it as a hidden slot when not in the output. */
    private static int slotOf(List<ColumnDef> columns, ColumnDef column) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            if (c.equals(column) || (c.nature() != ColumnNature.PSEUDO
                    && column.nature() != ColumnNature.PSEUDO && !c.path().isEmpty()
                    && c.path().equals(column.path()))) {
                return i;
            }
        }
        columns.add(column);
        return columns.size() - 1;
    }

    /** A column the scan reads for itself (a folder's id and child count). */
    private static ColumnDef hidden(String property, ColumnType type) {
        return new ColumnDef(property, type, List.of(property), ColumnNature.PROPERTY, false, true,
                Set.of(), false, 0, "read by the driver to walk the tree");
    }

    private void closePage() {
        if (page != null) {
            page.close();
            page = null;
        }
        if (feed != null) {
            feed.close();
        }
    }

    private void finish() {
        if (done && summarized) {
            return;
        }
        done = true;
        closePage();
        frames.clear();
        summarize(null);
    }

    private void fail(SQLException e) {
        done = true;
        closePage();
        frames.clear();
        summarize(e);
    }

    private void summarize(SQLException failure) {
        if (summarized) {
            return;
        }
        summarized = true;
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String what = "scan of " + query.table().name() + ": " + produced + " row(s) from "
                + mailboxCount + " mailbox(es) in " + requests.get() + " page request(s), " + ms
                + " ms"
                + (produced >= limit && limit != Long.MAX_VALUE ? ", stopped at the row limit "
                        + limit : "");
        if (failure != null) {
            log.error(LogModule.GRAPH, what + ", failed", failure);
        } else {
            log.log(LogModule.GRAPH, Verbosity.SUMMARY, what);
        }
    }

    @Override
    public void close() {
        if (!done) {
            finish();
        } else {
            closePage();
        }
    }
}
