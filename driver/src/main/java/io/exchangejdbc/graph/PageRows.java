package io.exchangejdbc.graph;

import io.exchangejdbc.http.HttpResult;
import java.sql.SQLException;

/**
 * The rows of one response as they stream in, whatever its format: a JSON collection page, a
 * single JSON object, or a report's CSV file.
 */
interface PageRows extends AutoCloseable {

    /** The next row, or null when the response has no more. */
    Object[] next() throws SQLException;

    /** The URL of the next page, or null on the last one; known once {@link #next()} is null. */
    String nextLink();

    /** The response being read. */
    HttpResult result();

    /** Releases the response. Never throws. */
    @Override
    void close();
}
