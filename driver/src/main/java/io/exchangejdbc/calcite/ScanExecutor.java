package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.RowCursor;
import java.sql.SQLException;

/** The service side of a scan: sends a query's requests and streams back its rows. */
@FunctionalInterface
public interface ScanExecutor {

    /**
     * Starts reading the rows of {@code query}; rows have the values of {@code query.output()} in
     * the driver's internal representation.
     */
    RowCursor scan(GraphQuery query, Operand.Parameters params) throws SQLException;
}
