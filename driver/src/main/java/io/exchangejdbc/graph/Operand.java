package io.exchangejdbc.graph;

import io.exchangejdbc.http.QueryControl;
import java.util.Objects;

/**
 * A value in a pushed-down query: either a literal known at planning time or a {@code ?}
 * parameter of a prepared statement, bound at execution so that one plan serves every execution.
 */
public sealed interface Operand {

    /** The value, taking parameters from {@code params} (index 0 is the first {@code ?}). */
    Object resolve(Parameters params);

    /** A literal, in the driver's internal representation (see {@code ColumnType}). */
    record Literal(Object value) implements Operand {
        @Override
        public Object resolve(Parameters params) {
            return value;
        }
    }

    /** The {@code index}-th (0-based) dynamic parameter. */
    record Parameter(int index) implements Operand {
        @Override
        public Object resolve(Parameters params) {
            Objects.requireNonNull(params, "params");
            return params.get(index);
        }
    }

    /** Values of a statement's dynamic parameters at execution. */
    @FunctionalInterface
    interface Parameters {
        /** The value of the {@code index}-th parameter, in the driver's internal representation. */
        Object get(int index);

        /**
         * The cancellation state of the execution these values belong to: its cancel flag and
         * query timeout, which every request of the execution respects.
         */
        default QueryControl control() {
            return QueryControl.NONE;
        }

        /** No parameters: any lookup fails. */
        Parameters NONE = i -> {
            throw new IllegalStateException("no value bound for parameter " + (i + 1));
        };
    }
}
