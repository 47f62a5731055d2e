package io.exchangejdbc.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests of a JDBC batch ({@code executeBatch}) while its statements run: on the thread
 * that runs them, each INSERT, UPDATE or DELETE plans and checks its requests and leaves them
 * here instead of sending them, so that the whole batch goes out in Graph {@code $batch}
 * requests once every statement has been planned. Reads a statement needs (a WHERE without an
 * id) still happen while it runs.
 */
public final class PendingWrites implements AutoCloseable {

    private static final ThreadLocal<PendingWrites> CURRENT = new ThreadLocal<>();

    private final List<WriteRequest> requests = new ArrayList<>();
    private final List<Integer> statementOf = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private int statement;

    private PendingWrites() {
    }

    /** Starts collecting on this thread; close to stop. */
    public static PendingWrites collect() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("already collecting a batch on this thread");
        }
        PendingWrites p = new PendingWrites();
        CURRENT.set(p);
        return p;
    }

    /** The collection active on this thread, or null. */
    static PendingWrites current() {
        return CURRENT.get();
    }

    /** The statements run from now on are the {@code index}-th of the batch (0-based). */
    public void statement(int index) {
        this.statement = index;
    }

    /** How many requests have been collected. */
    int size() {
        return requests.size();
    }

    void add(List<WriteRequest> planned, String table) {
        for (WriteRequest r : planned) {
            requests.add(r);
            statementOf.add(statement);
            tables.add(table);
        }
    }

    List<WriteRequest> requests() {
        return requests;
    }

    /** The batch statement a request belongs to. */
    int statementOf(int request) {
        return statementOf.get(request);
    }

    /** The table the request changes. */
    String tableOf(int request) {
        return tables.get(request);
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
