package io.exchangejdbc.procedure;

import io.exchangejdbc.schema.ProcedureDef;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The behaviour of one stored procedure of the catalog. */
public interface Procedure {

    /** The declaration of this procedure in the catalog. */
    ProcedureDef def();

    /**
     * Runs the procedure.
     *
     * @param context the connection it runs on
     * @param args    every declared parameter by its declared name: the value given, converted
     *                to the parameter's type, or its default (possibly null)
     * @return the rows of the result, with the values of {@link ProcedureDef#results()} in order
     */
    List<Object[]> run(ProcedureContext context, Map<String, Object> args) throws SQLException;
}
