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
 * @param routeValue the value of that predicate, or null
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
        Operand routeValue,
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
        this(table, mailboxes, route, routeValue, filter, output, orderBy, limit, null, null);
    }

    public GraphQuery {
        requireNonNull(table, "table");
        requireNonNull(table.graph(), "table.graph");
        mailboxes = List.copyOf(mailboxes);
        output = List.copyOf(output);
        orderBy = List.copyOf(orderBy);
        if ((route == null) != (routeValue == null)) {
            throw new IllegalArgumentException("route and routeValue go together");
        }
    }

    /** A scan of the whole table producing every column. */
    public static GraphQuery of(TableDef table) {
        return new GraphQuery(table, List.of(), null, null, null, table.columns(), List.of(), null);
    }

    public GraphQuery withMailboxes(List<Operand> newMailboxes) {
        return new GraphQuery(table, newMailboxes, route, routeValue, filter, output, orderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withRoute(GraphResource.Route newRoute, Operand value) {
        return new GraphQuery(table, mailboxes, newRoute, value, filter, output, orderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withFilter(ODataExpr newFilter) {
        return new GraphQuery(table, mailboxes, route, routeValue, newFilter, output, orderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withOutput(List<ColumnDef> newOutput) {
        return new GraphQuery(table, mailboxes, route, routeValue, filter, newOutput, orderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withOrderBy(List<SortKey> newOrderBy) {
        return new GraphQuery(table, mailboxes, route, routeValue, filter, output, newOrderBy, limit,
                windowStart, windowEnd);
    }

    public GraphQuery withLimit(Operand newLimit) {
        return new GraphQuery(table, mailboxes, route, routeValue, filter, output, orderBy, newLimit,
                windowStart, windowEnd);
    }

    public GraphQuery withWindow(Bound newStart, Bound newEnd) {
        return new GraphQuery(table, mailboxes, route, routeValue, filter, output, orderBy, limit,
                newStart, newEnd);
    }

    /** The resource description of the table. */
    public GraphResource resource() {
        return table.graph();
    }
}
