package io.exchangejdbc.graph;

import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.GraphResource;
import io.exchangejdbc.schema.RowShape;
import io.exchangejdbc.schema.SchemaKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link GraphQuery} into the URL of its first page for one mailbox: path, {@code $select},
 * {@code $filter}, {@code $orderby} and {@code $top}. Later pages follow {@code @odata.nextLink}
 * as the service gives it.
 *
 * @see <a href="https://learn.microsoft.com/graph/query-parameters">Query parameters</a>
 * @see <a href="https://learn.microsoft.com/graph/paging">Paging</a>
 */
public final class GraphRequestPlan {

    /** Columns whose values are large enough that big pages risk a gateway time-out (504). */
    private static final Set<String> HEAVY_PROPERTIES =
            Set.of("body", "uniqueBody", "internetMessageHeaders", "attachments");

    /** The navigation property of messages that holds their single-value extended properties. */
    static final String EXTENDED_PROPERTIES = "singleValueExtendedProperties";

    /** Page size when heavy properties are selected: small enough to return in time. */
    static final int HEAVY_PAGE_SIZE = 100;

    private GraphRequestPlan() {
    }

    /**
     * The query options of the first page, in a stable order, not yet percent-encoded.
     *
     * @param pageSize the {@code Pagesize} property, or null to let the driver choose
     */
    public static Map<String, String> queryOptions(GraphQuery q, Operand.Parameters params,
            Integer pageSize) {
        Map<String, String> options = new LinkedHashMap<>();
        RowShape shape = q.resource().shape();
        if (shape == RowShape.MAILBOX_OBJECT || shape == RowShape.USAGE_REPORT) {
            // one object, or a report file: neither takes query options
            return options;
        }
        GraphResource.Window window = q.resource().window();
        if (window != null && q.windowStart() != null) {
            options.put(window.startParameter(), bound(q.windowStart(), params));
        }
        if (window != null && q.windowEnd() != null) {
            options.put(window.endParameter(), bound(q.windowEnd(), params));
        }
        String select = select(q);
        if (!select.isEmpty()) {
            options.put("$select", select);
        }
        String expand = expand(q, params);
        if (expand != null) {
            options.put("$expand", expand);
        }
        if (q.filter() != null) {
            options.put("$filter",
                    ODataFilterRenderer.renderForOrder(q.filter(), q.orderBy(), params));
        }
        if (!q.orderBy().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SortKey k : q.orderBy()) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(ODataFilterRenderer.propertyPath(k.column()));
                sb.append(k.descending() ? " desc" : " asc");
            }
            options.put("$orderby", sb.toString());
        }
        options.put("$top", top(q, params, pageSize));
        return options;
    }

    /** A window bound as an ISO 8601 instant in UTC ({@code ?n} for an unbound parameter). */
    private static String bound(GraphQuery.Bound b, Operand.Parameters params) {
        Object v = b.value().resolve(params);
        if (v instanceof Operand.Parameter p) {
            return "?" + (p.index() + 1);
        }
        return ODataValues.instant(ODataValues.toEpochMillis(v) + b.shiftMillis());
    }

    /**
     * The {@code $top} of the first page: the page size, lowered to the row limit when there is
     * one. Always sent, since some collections omit {@code @odata.nextLink} without it.
     */
    private static String top(GraphQuery q, Operand.Parameters params, Integer pageSize) {
        int size = pageSize(q, pageSize);
        if (q.limit() != null) {
            Object limit = q.limit().resolve(params);
            if (limit instanceof Operand.Parameter p) {
                return "?" + (p.index() + 1);
            }
            long n = ((Number) limit).longValue();
            if (n >= 0 && n < size) {
                size = (int) Math.max(1, n);
            }
        }
        return Integer.toString(size);
    }

    /**
     * The page size: the {@code Pagesize} property when set (bounded by what the collection
     * accepts), otherwise the collection's largest page for light columns and a small one when
     * heavy properties (bodies, headers) are selected.
     */
    public static int pageSize(GraphQuery q, Integer configured) {
        GraphResource r = q.resource();
        if (configured != null && configured > 0) {
            return Math.min(configured, r.maxPageSize());
        }
        for (ColumnDef c : q.output()) {
            if (c.selectName() != null && HEAVY_PROPERTIES.contains(c.selectName())) {
                return Math.min(HEAVY_PAGE_SIZE, r.maxPageSize());
            }
        }
        return r.defaultPageSize();
    }

    /**
     * The {@code $select} list: the top-level properties of the output columns, plus those the
     * driver itself needs (the key, and the child count of a tree).
     */
    static String select(GraphQuery q) {
        GraphResource.Elements elements = q.resource().elements();
        if (elements != null) {
            // the rows are elements of one property of each item: read it and the item's id
            return "id," + elements.property();
        }
        Set<String> names = new LinkedHashSet<>();
        Catalog catalog = Catalog.of(SchemaKind.MSGRAPH);
        for (ColumnDef c : q.output()) {
            // properties Graph serves only for a single item are refused in a list's $select:
            // they read as null in a scan
            if (c.nature() != ColumnNature.PSEUDO && catalog.isListed(q.table(), c)
                    && !c.selectName().startsWith("@")
                    && !c.selectName().equals(EXTENDED_PROPERTIES)) {
                names.add(c.selectName());
            }
        }
        if (q.resource().childCollection() != null) {
            names.add("id");
            names.add("childFolderCount");
        }
        return String.join(",", names);
    }

    /**
     * The {@code $expand} of a query, or null: the single-value extended property a query of
     * {@link RowShape#EXTENDED_PROPERTIES} names by id, as {@code
     * singleValueExtendedProperties($filter=id eq '...')}.
     *
     * @see <a href="https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get">
     *     Get single-value extended property</a>
     */
    static String expand(GraphQuery q, Operand.Parameters params) {
        if (q.resource().shape() != RowShape.EXTENDED_PROPERTIES || q.route() == null) {
            return null;
        }
        Object v = q.routeValue().resolve(params);
        String id = v instanceof Operand.Parameter p ? "?" + (p.index() + 1)
                : ODataValues.literal(ColumnType.VARCHAR, String.valueOf(v));
        return EXTENDED_PROPERTIES + "($filter=id eq " + id + ")";
    }

    /**
     * The path of the collection for one mailbox, below {@code /v1.0}: {@code /me/messages},
     * {@code /users/{id}/mailFolders/Inbox/messages}, {@code /users}.
     *
     * @param mailbox the mailbox (user id or principal name), or null for the signed-in user
     */
    public static String path(GraphQuery q, String mailbox, Operand.Parameters params) {
        GraphResource r = q.resource();
        StringBuilder sb = new StringBuilder();
        if (r.mailboxScoped()) {
            sb.append(mailbox == null ? "/me" : "/users/" + encodeSegment(mailbox));
        }
        sb.append('/');
        if (q.route() != null) {
            Object v = q.routeValue().resolve(params);
            String value = v instanceof Operand.Parameter p ? "?" + (p.index() + 1)
                    : encodeSegment(String.valueOf(v));
            sb.append(q.route().pathTemplate().replace("{value}", value));
        } else {
            sb.append(r.collection());
        }
        return sb.toString();
    }

    /** The absolute URL of the first page: {@code graphUrl + /v1.0 + path + ?options}. */
    public static String firstPageUrl(String graphUrl, GraphQuery q, String mailbox,
            Operand.Parameters params, Integer pageSize) {
        StringBuilder sb = new StringBuilder(graphUrl).append("/v1.0")
                .append(path(q, mailbox, params));
        char sep = '?';
        for (Map.Entry<String, String> e : queryOptions(q, params, pageSize).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(encodeQueryValue(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * A human-readable form of the first request, for EXPLAIN: nothing percent-encoded. The
     * collections of several parents ({@code messageId IN (...)}) show as the {@code $batch}
     * that reads their first pages, with the request of one parent.
     */
    public static String describe(GraphQuery q, Operand.Parameters params, Integer pageSize) {
        if (q.batchedRoute()) {
            String placeholder = "{" + q.route().column() + "}";
            String one = describe(q.withRoute(q.route(), new Operand.Literal(placeholder)),
                    params, pageSize).replace(encodeSegment(placeholder), placeholder);
            return "POST /v1.0/$batch (" + q.routeValues().size() + " " + q.route().column()
                    + " values, at most " + GraphWriter.MAX_BATCH + " per batch) of: " + one;
        }
        StringBuilder sb = new StringBuilder("GET /v1.0");
        String mailbox = q.resource().mailboxScoped() && !q.mailboxes().isEmpty()
                ? "{UserId}" : null;
        String p = path(q, null, params);
        if (mailbox != null) {
            p = p.replaceFirst("^/me", "/users/" + mailbox);
        }
        sb.append(p);
        char sep = '?';
        for (Map.Entry<String, String> e : queryOptions(q, params, pageSize).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }

    static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodeQueryValue(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2C", ",").replace("%24", "$").replace("%2F", "/").replace("%3A", ":")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")");
    }
}
