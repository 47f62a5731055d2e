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
 * @param shape           how the service's answers become rows
 */
public record GraphResource(
        boolean mailboxScoped,
        String collection,
        List<Route> routes,
        String childCollection,
        int defaultPageSize,
        int maxPageSize,
        String docUrl,
        RowShape shape) {

    public GraphResource {
        requireNonNull(collection, "collection");
        routes = List.copyOf(requireNonNull(routes, "routes"));
        requireNonNull(docUrl, "docUrl");
        requireNonNull(shape, "shape");
    }

    /** A collection whose entities are the rows. */
    public GraphResource(boolean mailboxScoped, String collection, List<Route> routes,
            String childCollection, int defaultPageSize, int maxPageSize, String docUrl) {
        this(mailboxScoped, collection, routes, childCollection, defaultPageSize, maxPageSize,
                docUrl, RowShape.ENTITIES);
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
