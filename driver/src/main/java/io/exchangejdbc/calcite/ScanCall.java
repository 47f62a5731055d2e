package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.http.QueryControl;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * One planned scan as the compiled plan calls it at execution: the request and the executor
 * that sends it, bound to the statement's parameters when the plan runs.
 */
public final class ScanCall {

    static final Method ENUMERABLE_METHOD;

    static {
        try {
            ENUMERABLE_METHOD = ScanCall.class.getMethod("enumerable", DataContext.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ScanExecutor executor;
    private final GraphQuery query;
    private final boolean scalar;

    ScanCall(ScanExecutor executor, GraphQuery query, boolean scalar) {
        this.executor = requireNonNull(executor, "executor");
        this.query = requireNonNull(query, "query");
        this.scalar = scalar;
    }

    /**
     * The rows of the scan, read when enumerated; called by generated code. Each element is the
     * row's {@code Object[]}, or its only value when the scan produces one column.
     */
    public Enumerable<Object> enumerable(DataContext root) {
        QueryControl control = control(root);
        Operand.Parameters params = new Operand.Parameters() {
            @Override
            public Object get(int index) {
                return root.get("?" + index);
            }

            @Override
            public QueryControl control() {
                return control;
            }
        };
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                return new CursorEnumerator(open(params), scalar);
            }
        };
    }

    /**
     * The cancellation state of the execution: Calcite puts the statement's cancel flag, which
     * {@code Statement.cancel()} sets, and its {@code setQueryTimeout} in the data context when
     * the execution starts, and leaves it to the scans to respect them.
     */
    static QueryControl control(DataContext root) {
        Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
        Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
        return QueryControl.of(flag instanceof AtomicBoolean b ? b : null,
                timeout instanceof Number n ? n.longValue() : 0);
    }

    private RowCursor open(Operand.Parameters params) {
        try {
            return executor.scan(query, params);
        } catch (SQLException e) {
            throw sneaky(e);
        }
    }

    /**
     * Throws a checked {@link SQLException} through Calcite's enumerators, whose methods cannot
     * declare it, so that it reaches {@code ResultSet.next()} and {@code executeQuery}, which do
     * declare it, with its SQLState and message intact rather than wrapped in a runtime
     * exception. The failure is also recorded in {@link ScanFailures}.
     */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(SQLException e) throws T {
        // where Calcite drops it on the way, the JDBC layer finds it again
        ScanFailures.record(e);
        throw (T) e;
    }

    /** Enumerator over a {@link RowCursor}; its failures are the cursor's SQLExceptions. */
    private static final class CursorEnumerator implements Enumerator<Object> {
        private final RowCursor cursor;
        private final boolean scalar;

        CursorEnumerator(RowCursor cursor, boolean scalar) {
            this.cursor = cursor;
            this.scalar = scalar;
        }

        @Override
        public Object current() {
            Object[] row = cursor.current();
            return scalar ? row[0] : row;
        }

        @Override
        public boolean moveNext() {
            try {
                return cursor.next();
            } catch (SQLException e) {
                throw sneaky(e);
            }
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a scan of Exchange cannot be rewound");
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}
