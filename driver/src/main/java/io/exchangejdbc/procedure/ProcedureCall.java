package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A call of a stored procedure as written in SQL: the procedure's name and its arguments, each
 * named or positional, a literal or a {@code ?} marker.
 *
 * @param name      the procedure name as written
 * @param arguments the arguments in the order written
 */
public record ProcedureCall(String name, List<Argument> arguments) {

    public ProcedureCall {
        requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /** The number of {@code ?} markers, which a prepared call numbers from 1 in order. */
    public int markerCount() {
        int n = 0;
        for (Argument a : arguments) {
            if (a.marker()) {
                n++;
            }
        }
        return n;
    }

    /**
     * One argument.
     *
     * @param name   the parameter name (without {@code @}), or null when positional
     * @param value  the literal value (String, BigDecimal, Boolean or null) when not a marker
     * @param marker whether the value is a {@code ?} bound at execution
     */
    public record Argument(String name, Object value, boolean marker) {
    }
}
