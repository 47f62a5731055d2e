package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.TableChange;
import io.exchangejdbc.http.QueryControl;
import java.sql.SQLException;

/** The service side of an INSERT, UPDATE or DELETE: applies a statement's row changes. */
@FunctionalInterface
public interface ModifyExecutor {

    /** An executor for schemas that cannot be written: every change is refused. */
    ModifyExecutor REFUSING = (change, control) -> {
        throw new SQLException("Table " + change.table().name() + " cannot be changed through"
                + " this connection.", "42000");
    };

    /** Applies the change; returns the number of rows changed. */
    long modify(TableChange change, QueryControl control) throws SQLException;
}
