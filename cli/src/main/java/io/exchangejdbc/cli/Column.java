package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.sql.Types;

/**
 * One column of a result as the output writers see it.
 *
 * @param label    the name printed in headers and used as the JSON key
 * @param jdbcType the {@link java.sql.Types} code, which decides how values are read and aligned
 */
public record Column(String label, int jdbcType) {

    public Column {
        requireNonNull(label, "label");
    }

    /** Whether values of this column are numbers, which tables align to the right. */
    public boolean numeric() {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.DECIMAL:
            case Types.NUMERIC:
                return true;
            default:
                return false;
        }
    }
}
