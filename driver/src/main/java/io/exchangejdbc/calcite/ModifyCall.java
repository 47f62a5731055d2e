package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.TableChange;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.schema.TableDef;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * One planned INSERT, UPDATE or DELETE as the compiled plan calls it at execution: it reads the
 * rows its input produces (the new rows, or the ids of the rows to change with their new
 * values), hands them to the {@link ModifyExecutor} as one {@link TableChange}, and yields the
 * number of rows changed.
 */
public final class ModifyCall {

    static final Method RUN_METHOD;

    static {
        try {
            RUN_METHOD = ModifyCall.class.getMethod("run", DataContext.class, Enumerable.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ModifyExecutor executor;
    private final TableDef table;
    private final ModifyLayout layout;

    ModifyCall(ModifyExecutor executor, TableDef table, ModifyLayout layout) {
        this.executor = requireNonNull(executor, "executor");
        this.table = requireNonNull(table, "table");
        this.layout = requireNonNull(layout, "layout");
    }

    /**
     * The count of changed rows, computed when enumerated; called by generated code with the
     * input's rows as {@code Object[]}.
     */
    public Enumerable<Object> run(DataContext root, Enumerable<Object[]> input) {
        QueryControl control = ScanCall.control(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                long count;
                try {
                    count = executor.modify(change(input), control);
                } catch (SQLException e) {
                    throw ScanCall.sneaky(e);
                }
                return Linq4j.singletonEnumerable((Object) count).enumerator();
            }
        };
    }

    private TableChange change(Enumerable<Object[]> input) {
        List<TableChange.Row> rows = new ArrayList<>();
        try (Enumerator<Object[]> e = input.enumerator()) {
            while (e.moveNext()) {
                Object[] row = e.current();
                String id = layout.idIndex() < 0 ? null : text(row[layout.idIndex()]);
                String mailbox = layout.mailboxIndex() < 0 ? null
                        : text(row[layout.mailboxIndex()]);
                Object[] values = new Object[layout.valueIndexes().length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row[layout.valueIndexes()[i]];
                }
                rows.add(new TableChange.Row(id, mailbox, values));
            }
        }
        return new TableChange(table, layout.kind(), layout.valueColumns(), rows);
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
