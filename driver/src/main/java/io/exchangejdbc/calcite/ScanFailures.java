package io.exchangejdbc.calcite;

import java.sql.SQLException;

/**
 * The last failure of a scan on each thread, kept so that the JDBC layer can give the user the
 * scan's own {@link SQLException} when Calcite loses it on the way.
 *
 * <p>Calcite evaluates some plans (aggregates, sorts) while it creates the result set, and there
 * it turns a checked exception into a new {@code RuntimeException} that carries only the
 * message, dropping the SQLState. Scans record their failure here before throwing it; the JDBC
 * layer takes it back when the message it sees is that failure's message. Request ids in the
 * messages keep a stale record from matching a later failure.
 */
public final class ScanFailures {

    private static final ThreadLocal<SQLException> LAST = new ThreadLocal<>();

    private ScanFailures() {
    }

    /** Records the failure a scan is about to throw on this thread. */
    static void record(SQLException failure) {
        LAST.set(failure);
    }

    /**
     * The failure recorded on this thread whose message is {@code message} (or is contained in
     * it), removing the record; null when there is none.
     */
    public static SQLException take(String message) {
        SQLException last = LAST.get();
        if (last == null || message == null || last.getMessage() == null
                || !message.contains(last.getMessage())) {
            return null;
        }
        LAST.remove();
        return last;
    }
}
