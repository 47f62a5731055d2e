package io.exchangejdbc.graph;

import io.exchangejdbc.schema.GraphResource;
import io.exchangejdbc.schema.RowShape;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The predicates without which a table cannot be read, checked before any request: a resource
 * that lives below one parent ({@code /groups/{id}/members}, {@code /messages/{id}/attachments})
 * needs the parent's id, and a usage report needs its period.
 */
final class RequiredPredicates {

    /** Column names that SQL reserves, which a query must write in double quotes. */
    private static final Set<String> RESERVED = Set.of("PERIOD", "VALUE", "GROUPS");

    /** The periods the usage reports accept. */
    static final List<String> PERIODS = List.of("D7", "D30", "D90", "D180");

    private RequiredPredicates() {
    }

    /**
     * Refuses a query that lacks the equality (or IN list) its table requires, or gives a usage
     * report a period the service does not know.
     *
     * @throws SQLException 42000 naming the missing predicate; 22023 for a bad period
     */
    static void check(GraphQuery query, Operand.Parameters params) throws SQLException {
        GraphResource.Route needed = query.resource().requiredRoute();
        if (needed == null) {
            return;
        }
        String table = query.table().name();
        if (query.route() == null) {
            String column = RESERVED.contains(needed.column().toUpperCase(Locale.ROOT))
                    ? "\"" + needed.column() + "\"" : needed.column();
            throw new SQLException("Table " + table + " cannot be read without an equality on "
                    + needed.column() + ": add WHERE " + column + " = '...'"
                    + example(query) + (query.resource().batchableRoute() ? ", " + column
                    + " IN ('...', '...') or " + column + " IN (SELECT ...) (or join on "
                    + needed.column() + " = another table's column alone)." : " (a join or IN"
                    + " list on " + needed.column() + " is not enough; the service reads one"
                    + " at a time)."),
                    "42000");
        }
        if (query.resource().shape() == RowShape.USAGE_REPORT) {
            Object v = query.routeValue().resolve(params);
            String period = v == null ? "" : v.toString();
            if (!PERIODS.contains(period)) {
                throw new SQLException("Period '" + v + "' is not one the usage reports know;"
                        + " use one of " + String.join(", ", PERIODS) + " (the last 7, 30, 90 or"
                        + " 180 days).", "22023");
            }
        }
    }

    private static String example(GraphQuery query) {
        switch (query.resource().shape()) {
            case USAGE_REPORT:
                return " (one of " + String.join(", ", PERIODS) + ")";
            case EXTENDED_PROPERTIES:
                return " (the property's id, such as 'String {guid} Name MyProperty')";
            default:
                return "";
        }
    }
}
