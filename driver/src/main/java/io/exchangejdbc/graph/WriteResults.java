package io.exchangejdbc.graph;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the outcomes of a statement's (or a batch's) requests into what JDBC reports: an update
 * count, the generated ids of an INSERT, and for failures the service's error for one row or a
 * {@link BatchUpdateException} that counts every row.
 */
final class WriteResults {

    private WriteResults() {
    }

    /** The update count of one statement; throws when a row failed. */
    static long statement(TableChange change, List<WriteOutcome> outcomes) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<SQLException> failures = new ArrayList<>();
        int ok = 0;
        for (WriteOutcome o : outcomes) {
            if (o.succeeded()) {
                ok++;
                if (o.id() != null) {
                    ids.add(o.id());
                }
            } else {
                failures.add(o.failure());
            }
        }
        if (change.kind() == TableChange.Kind.INSERT) {
            GeneratedIds.set(ids);
        }
        if (failures.isEmpty()) {
            return ok;
        }
        if (outcomes.size() == 1) {
            throw failures.get(0);
        }
        int[] counts = new int[outcomes.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = outcomes.get(i).succeeded() ? 1 : Statement.EXECUTE_FAILED;
        }
        throw failure(ok + " of " + outcomes.size() + " rows of " + change.table().name()
                + " were " + change.kind().done() + "; " + failures.size() + " failed", failures,
                counts);
    }

    /** The update count of each statement of a JDBC batch; throws when a row failed. */
    static int[] batch(PendingWrites pending, int statements, List<WriteOutcome> outcomes)
            throws SQLException {
        int[] counts = new int[statements];
        boolean[] failed = new boolean[statements];
        List<String> ids = new ArrayList<>();
        List<SQLException> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            WriteOutcome o = outcomes.get(i);
            int s = pending.statementOf(i);
            if (o.succeeded()) {
                counts[s]++;
                if (o.id() != null && o.request().method().equals("POST")) {
                    ids.add(o.id());
                }
            } else {
                failed[s] = true;
                failures.add(new SQLException("Statement " + (s + 1) + " of the batch: "
                        + o.failure().getMessage(), o.failure().getSQLState(),
                        o.failure().getErrorCode(), o.failure()));
            }
        }
        GeneratedIds.set(ids);
        if (failures.isEmpty()) {
            return counts;
        }
        int failedCount = 0;
        for (int s = 0; s < statements; s++) {
            if (failed[s]) {
                counts[s] = Statement.EXECUTE_FAILED;
                failedCount++;
            }
        }
        throw failure(failedCount + " of " + statements + " statements of the batch failed"
                + " (the others were applied)", failures, counts);
    }

    private static BatchUpdateException failure(String summary, List<SQLException> failures,
            int[] counts) {
        SQLException first = failures.get(0);
        BatchUpdateException e = new BatchUpdateException(summary + ". First failure: "
                + first.getMessage(), first.getSQLState(), first.getErrorCode(), counts, first);
        SQLException tail = e;
        for (SQLException f : failures) {
            // a fresh link each: one failure may stand for several rows
            SQLException link = new SQLException(f.getMessage(), f.getSQLState(),
                    f.getErrorCode(), f);
            tail.setNextException(link);
            tail = link;
        }
        return e;
    }
}
