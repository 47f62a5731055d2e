package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One stored procedure of the SQL surface ({@code EXEC name ...}, {@code CALL name(...)}): its
 * parameters and the columns of the result it returns, declared once for the router, the
 * parameter checks and {@code DatabaseMetaData.getProcedures}.
 *
 * @param name        SQL name
 * @param description what the procedure does, for {@code REMARKS}
 * @param parameters  the input parameters in positional order
 * @param results     the columns of the result set
 */
public record ProcedureDef(
        String name,
        String description,
        List<Parameter> parameters,
        List<ResultColumn> results) {

    public ProcedureDef {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        results = List.copyOf(results);
    }

    /** The parameter with that name (ignoring case and a leading {@code @}), or null. */
    public Parameter parameter(String parameterName) {
        String n = parameterName.startsWith("@") ? parameterName.substring(1) : parameterName;
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(n)) {
                return p;
            }
        }
        return null;
    }

    /**
     * An input parameter.
     *
     * @param name         name, without {@code @}
     * @param type         SQL type of the value
     * @param required     whether a call must give it
     * @param defaultValue the value when not given (null: none)
     * @param description  what it means
     */
    public record Parameter(String name, ColumnType type, boolean required, Object defaultValue,
            String description) {
        public Parameter {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(description, "description");
        }
    }

    /**
     * A column of the procedure's result.
     *
     * @param name        name
     * @param type        SQL type
     * @param description what it holds
     */
    public record ResultColumn(String name, ColumnType type, String description) {
        public ResultColumn {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(description, "description");
        }
    }
}
