package io.exchangejdbc.graph;

import java.sql.SQLException;

/**
 * A forward-only cursor over the rows of a scan, in the driver's internal representation (see
 * {@link io.exchangejdbc.schema.ColumnType}), one array per row in the order of the query's output
 * columns. Rows are produced while the service's pages stream in.
 *
 * <p>Not thread-safe. Must be closed, which abandons the rest of the result.
 */
public interface RowCursor extends AutoCloseable {

    /**
     * Moves to the next row.
     *
     * @return false when there are no more rows
     * @throws SQLException when a request or the reading of a response fails
     */
    boolean next() throws SQLException;

    /** The current row; valid after {@link #next()} returned true. The caller may keep it. */
    Object[] current();

    /** Releases the response being read, if any. Never throws. */
    @Override
    void close();
}
