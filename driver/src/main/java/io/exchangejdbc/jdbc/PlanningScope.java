package io.exchangejdbc.jdbc;

import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

/**
 * The settings Calcite reads from the preparing thread rather than from the connection, put in
 * place for the duration of one call into Calcite.
 *
 * <p>Calcite turns an {@code IN} list of 20 or more values into a join with a table of the values,
 * which hides {@code UserId IN ('a', 'b', ...)} from the rule that routes the scan to those
 * mailboxes: the scan would read the default mailbox instead. The list is kept a predicate
 * whatever its length.
 */
final class PlanningScope implements AutoCloseable {

    private final TryThreadLocal.Memo inListThreshold;

    private PlanningScope() {
        this.inListThreshold = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE);
    }

    /** Enters the scope; close it when the call into Calcite returns. */
    static PlanningScope enter() {
        return new PlanningScope();
    }

    @Override
    public void close() {
        inListThreshold.close();
    }
}
