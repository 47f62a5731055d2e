package io.exchangejdbc.cli;

import java.sql.SQLException;
import java.util.List;

/**
 * A result to print: its columns and a cursor over its rows, whose values are already plain Java
 * values (see {@link JdbcRows} for which), so the writers never touch JDBC.
 */
public interface Rows {

    /** The columns, in order. */
    List<Column> columns();

    /**
     * The next row, one value per column, or null after the last row.
     *
     * @throws SQLException when reading the underlying result fails
     */
    Object[] next() throws SQLException;
}
