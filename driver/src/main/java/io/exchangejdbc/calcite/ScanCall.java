package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.http.QueryControl;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

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
        return enumerable(root, query);
    }

    /**
     * The rows of the scan read from each of {@code mailboxes} (blank names name none); when the
     * scan names mailboxes of its own, only those named by both. A row's mailbox column holds the
     * name as given here.
     */
    Enumerable<Object> forMailboxes(DataContext root, Iterable<String> mailboxes) {
        GraphQuery bound = boundTo(mailboxes, root);
        return bound == null ? Linq4j.emptyEnumerable() : enumerable(root, bound);
    }

    /**
     * The rows of the scan read below each of {@code parents} (a view that needs its parent's
     * id, such as the attachments of each message {@code SELECT id FROM Messages} names): the
     * values bind the route the resource requires. Blank values name none.
     */
    Enumerable<Object> forParents(DataContext root, Iterable<String> parents) {
        List<Operand> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p : parents) {
            if (p != null && !p.isBlank() && seen.add(p)) {
                values.add(new Operand.Literal(p));
            }
        }
        if (values.isEmpty()) {
            return Linq4j.emptyEnumerable();
        }
        return enumerable(root, query.withRoutes(query.resource().requiredRoute(), values));
    }

    /** The query reading the mailboxes named by both, or null if none. */
    private GraphQuery boundTo(Iterable<String> names, DataContext root) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String m : names) {
            if (m != null && !m.isBlank()) {
                named.putIfAbsent(m.toLowerCase(Locale.ROOT), m);
            }
        }
        if (!query.mailboxes().isEmpty()) {
            Operand.Parameters params = i -> root.get("?" + i);
            Set<String> own = new HashSet<>();
            for (Operand o : query.mailboxes()) {
                Object v = o.resolve(params);
                if (v != null) {
                    own.add(v.toString().strip().toLowerCase(Locale.ROOT));
                }
            }
            named.keySet().retainAll(own);
        }
        if (named.isEmpty()) {
            return null;
        }
        List<Operand> mailboxes = new ArrayList<>(named.size());
        for (String m : named.values()) {
            mailboxes.add(new Operand.Literal(m));
        }
        return query.withMailboxes(mailboxes);
    }

    private Enumerable<Object> enumerable(DataContext root, GraphQuery bound) {
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
                return new CursorEnumerator(open(bound, params), scalar);
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

    private RowCursor open(GraphQuery bound, Operand.Parameters params) {
        try {
            return executor.scan(bound, params);
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
