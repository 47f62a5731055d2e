package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.GraphResource;
import io.exchangejdbc.schema.TableDef;
import java.util.List;

/**
 * What one scan of a Graph-backed table asks the service for: the collection (mailboxes and
 * route), the pushed-down filter, the columns, the order and the row limit. It is built by the
 * planner once per plan; literals and {@code ?} parameters stay {@link Operand}s, so a prepared
 * statement is planned once and bound at every execution.
 *
 * @param table      the catalog entry
 * @param mailboxes  the mailboxes to read ({@code UserId = ...} or {@code UserId IN (...)}); empty
 *                   means the connection's default mailbox (the {@code UserId} property, else
 *                   {@code /me})
 * @param route      a route of the resource chosen by an equality predicate, or null
 * @param routeValues the values of that predicate: one for {@code column = v}, several for
 *                   {@code column IN (...)} on a required route (each parent's collection is then
 *                   read through {@code $batch}); empty without a route
 * @param filter     the {@code $filter} expression, or null
 * @param output     the columns of the rows this scan produces, in order
 * @param orderBy    the {@code $orderby} keys (empty: service order)
 * @param limit      the maximum number of rows (SQL {@code LIMIT}/{@code FETCH}), or null
 * @param windowStart the start of a windowed collection's time window, or null
 * @param windowEnd   the end of a windowed collection's time window, or null
 */
public record GraphQuery(
        TableDef table,
        List<Operand> mailboxes,
        GraphResource.Route route,
        List<Operand> routeValues,
        ODataExpr filter,
        List<ColumnDef> output,
        List<SortKey> orderBy,
        Operand limit,
        Bound windowStart,
        Bound windowEnd) {

    /**
     * A bound of a time window: a TIMESTAMP value moved by a few milliseconds so that the
     * service's window, which is half open, still holds every row the SQL predicate accepts.
     *
     * @param value       the TIMESTAMP literal or parameter
     * @param shiftMillis added to the value
     */
    public record Bound(Operand value, long shiftMillis) {
        public Bound {
            requireNonNull(value, "value");
        }
    }

    /** A query without a time window. */
    public GraphQuery(TableDef table, List<Operand> mailboxes, GraphResource.Route route,
            Operand routeValue, ODataExpr filter, List<ColumnDef> output, List<SortKey> orderBy,
            Operand limit) {
        this(table, mailboxes, route, routeValue == null ? List.of() : List.of(routeValue),
                filter, output, orderBy, limit, null, null);
    }

    public GraphQuery {
        requireNonNull(table, "table");
        if (table.graph() == null && table.ews() == null) {
            throw new IllegalArgumentException("table " + table.name()
                    + " is served by neither Graph nor EWS");
        }
        mailboxes = List.copyOf(mailboxes);
        output = List.copyOf(output);
        orderBy = List.copyOf(orderBy);
        routeValues = List.copyOf(routeValues);
        if ((route == null) != routeValues.isEmpty()) {
            throw new IllegalArgumentException("route and routeValues go together");
        }
    }

    /** The value of the route predicate (the first of an IN list), or null without a route. */
    public Operand routeValue() {
        return routeValues.isEmpty() ? null : routeValues.get(0);
    }

    /** Whether several parents are read, one collection each, through {@code $batch}. */
    public boolean batchedRoute() {
        return routeValues.size() > 1;
    }

    /** A scan of the whole table producing every column. */
    public static GraphQuery of(TableDef table) {
        return new GraphQuery(table, List.of(), null, null, null, table.columns(), List.of(), null);
    }

    public GraphQuery withMailboxes(List<Operand> newMailboxes) {
        return new GraphQuery(table, newMailboxes, route, routeValues, filter, output, orderBy,
                limit,
                windowStart, windowEnd);
    }

    public GraphQuery withRoute(GraphResource.Route newRoute, Operand value) {
        return withRoutes(newRoute, value == null ? List.of() : List.of(value));
    }

    public GraphQuery withRoutes(GraphResource.Route newRoute, List<Operand> values) {
        return new GraphQuery(table, mailboxes, newRoute, values, filter, output, orderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withFilter(ODataExpr newFilter) {
        return new GraphQuery(table, mailboxes, route, routeValues, newFilter, output, orderBy,
                limit,
                windowStart, windowEnd);
    }

    public GraphQuery withOutput(List<ColumnDef> newOutput) {
        return new GraphQuery(table, mailboxes, route, routeValues, filter, newOutput, orderBy,
                limit,
                windowStart, windowEnd);
    }

    public GraphQuery withOrderBy(List<SortKey> newOrderBy) {
        return new GraphQuery(table, mailboxes, route, routeValues, filter, output, newOrderBy,
                limit,
                windowStart, windowEnd);
    }

    public GraphQuery withLimit(Operand newLimit) {
        return new GraphQuery(table, mailboxes, route, routeValues, filter, output, orderBy,
                newLimit,
                windowStart, windowEnd);
    }

    public GraphQuery withWindow(Bound newStart, Bound newEnd) {
        return new GraphQuery(table, mailboxes, route, routeValues, filter, output, orderBy, limit,
                newStart, newEnd);
    }

    /**
     * The resource description of the table. For a table served by Exchange Web Services, the
     * planner's view of it: one collection per mailbox, no routes, not a tree, so the planner
     * pushes what the catalog declares and the EWS scan renders it (as a Restriction, a
     * SortOrder and an IndexedPageItemView).
     */
    public GraphResource resource() {
        if (table.graph() == null) {
            return new GraphResource(true, table.name(), List.of(), null, 100, 1000,
                    table.ews().docUrl());
        }
        return table.graph();
    }
}
