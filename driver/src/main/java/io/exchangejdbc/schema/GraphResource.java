package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where a table's rows live in Microsoft Graph and how to reach them.
 *
 * @param mailboxScoped   the collection lives under a mailbox ({@code /me/...} or
 *                        {@code /users/{UserId}/...}); false for directory collections such as
 *                        {@code /users}
 * @param collection      the collection path under the mailbox or the service root
 *                        ({@code messages}, {@code mailFolders}, {@code users})
 * @param routes          predicates that select another collection ({@code parentFolderId = 'Inbox'}
 *                        reads {@code mailFolders/Inbox/messages}); consumed by the request
 * @param childCollection when not null, the collection is a tree: each row's children are read
 *                        from {@code {collection}/{id}/{childCollection}} recursively
 * @param defaultPageSize page size ({@code $top}) used when {@code Pagesize} is not set
 * @param maxPageSize     the largest {@code $top} the service accepts for this collection
 * @param docUrl          the Microsoft documentation page of the list operation
 * @param window          when not null, the collection is a time window
 *                        ({@code calendarView}, {@code instances}) whose bounds are required
 *                        query parameters taken from predicates on two columns
 * @param elements        when not null, a row is an element of a collection property of each
 *                        item read ({@code attendees} of events), not the item itself
 * @param shape           how the service's answers become rows (entities, one object per
 *                        mailbox, recipients or extended properties of messages, report lines)
 */
public record GraphResource(
        boolean mailboxScoped,
        String collection,
        List<Route> routes,
        String childCollection,
        int defaultPageSize,
        int maxPageSize,
        String docUrl,
        Window window,
        Elements elements,
        RowShape shape) {

    public GraphResource {
        requireNonNull(collection, "collection");
        routes = List.copyOf(requireNonNull(routes, "routes"));
        requireNonNull(docUrl, "docUrl");
        requireNonNull(shape, "shape");
    }

    /** A collection read without a time window, through any of its routes or none. */
    public GraphResource(boolean mailboxScoped, String collection, List<Route> routes,
            String childCollection, int defaultPageSize, int maxPageSize, String docUrl) {
        this(mailboxScoped, collection, routes, childCollection, defaultPageSize, maxPageSize,
                docUrl, null, null, RowShape.ENTITIES);
    }

    /** A collection of entities, possibly a time window or the elements of a property. */
    public GraphResource(boolean mailboxScoped, String collection, List<Route> routes,
            String childCollection, int defaultPageSize, int maxPageSize, String docUrl,
            Window window, Elements elements) {
        this(mailboxScoped, collection, routes, childCollection, defaultPageSize, maxPageSize,
                docUrl, window, elements, RowShape.ENTITIES);
    }

    /** A resource whose answers become rows as {@code shape} says. */
    public GraphResource(boolean mailboxScoped, String collection, List<Route> routes,
            String childCollection, int defaultPageSize, int maxPageSize, String docUrl,
            RowShape shape) {
        this(mailboxScoped, collection, routes, childCollection, defaultPageSize, maxPageSize,
                docUrl, null, null, shape);
    }

    /**
     * The route a query must use, because the resource cannot be read without its value
     * ({@code groupId} of group members), or null when the resource can be read as it is.
     */
    public Route requiredRoute() {
        for (Route r : routes) {
            if (r.required()) {
                return r;
            }
        }
        return null;
    }

    /**
     * Whether the collections below several values of the {@link #requiredRoute() required
     * route} can be read together, their first pages through {@code $batch}: a plain collection
     * of entities (not a report, one object per mailbox, a tree or a view of elements).
     */
    public boolean batchableRoute() {
        return requiredRoute() != null && elements == null && childCollection == null
                && shape != RowShape.USAGE_REPORT && shape != RowShape.MAILBOX_OBJECT;
    }

    /**
     * The rows of a view made of the elements of a collection property: each item of the
     * collection is read with only its {@code id} and that property, and gives one row per
     * element; the item's id fills the pseudo-column {@code parentKeyColumn}, and an equality on
     * that column reads only that item ({@code $filter=id eq '...'}).
     *
     * @param property        the collection property, such as {@code attendees}
     * @param parentKeyColumn the pseudo-column holding the item's id, such as {@code eventId}
     */
    public record Elements(String property, String parentKeyColumn) {
        public Elements {
            requireNonNull(property, "property");
            requireNonNull(parentKeyColumn, "parentKeyColumn");
        }
    }

    /**
     * The time window of a collection such as {@code calendarView}: the service returns the items
     * that overlap {@code [startParameter, endParameter)}; a lower bound on either column gives
     * the start ({@code start_dateTime >= X}, {@code end_dateTime > X}) and an upper bound the
     * end ({@code start_dateTime < Y}, {@code end_dateTime <= Y}).
     *
     * @param startColumn    the TIMESTAMP column of an item's start
     * @param endColumn      the TIMESTAMP column of an item's end
     * @param startParameter the query parameter of the window's start
     * @param endParameter   the query parameter of the window's end
     */
    public record Window(String startColumn, String endColumn, String startParameter,
            String endParameter) {
        public Window {
            requireNonNull(startColumn, "startColumn");
            requireNonNull(endColumn, "endColumn");
            requireNonNull(startParameter, "startParameter");
            requireNonNull(endParameter, "endParameter");
        }
    }

    /** The route declared for a column, or null. */
    public Route routeFor(String columnName) {
        for (Route r : routes) {
            if (r.column().equalsIgnoreCase(columnName)) {
                return r;
            }
        }
        return null;
    }

    /**
     * An equality predicate on {@code column} that reads the collection at {@code pathTemplate}
     * instead, where {@code {value}} is replaced by the URL-encoded value.
     *
     * @param column       the SQL column whose equality routes
     * @param pathTemplate the path under the mailbox, such as {@code mailFolders/{value}/messages}
     * @param required     whether a query without this equality is refused, the resource having
     *                     no collection to read without it
     */
    public record Route(String column, String pathTemplate, boolean required) {
        public Route {
            requireNonNull(column, "column");
            requireNonNull(pathTemplate, "pathTemplate");
        }

        /** An optional route. */
        public Route(String column, String pathTemplate) {
            this(column, pathTemplate, false);
        }

        /** A route every query must take. */
        public static Route required(String column, String pathTemplate) {
            return new Route(column, pathTemplate, true);
        }
    }
}
