package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ProcedureDef;
import java.util.List;

/**
 * The result of a procedure call: its declared columns and the rows it returned.
 *
 * @param columns the result columns
 * @param rows    the rows, values in the driver's JDBC-facing representation
 */
public record ProcedureResult(List<ProcedureDef.ResultColumn> columns, List<Object[]> rows) {
    public ProcedureResult {
        requireNonNull(columns, "columns");
        requireNonNull(rows, "rows");
    }
}
