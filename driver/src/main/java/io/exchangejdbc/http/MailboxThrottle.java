package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The per-mailbox scheduler of a connection's requests: at most {@link #perMailbox} requests in
 * flight to one mailbox (Outlook allows 4 concurrent requests per app and mailbox), at most
 * {@link #global} in flight in all, and a mailbox whose answer asked to wait
 * ({@code Retry-After} on 429, 503 or 504) gets no request before that time while the other
 * mailboxes keep going.
 *
 * <p>A request holds its permit from the moment it is sent until its body is closed, since the
 * service counts a request as running while it streams its answer. Thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits">
 *     Outlook service limits</a>
 */
public final class MailboxThrottle {

    /** Outlook's concurrent requests per app and mailbox. */
    public static final int GRAPH_CONCURRENT_PER_MAILBOX = 4;

    /** Requests in flight across all mailboxes of one connection. */
    public static final int DEFAULT_GLOBAL = 32;

    private final int perMailbox;
    private final int global;
    private final Semaphore globalPermits;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** The state of one mailbox: its permits and the time before which it must be left alone. */
    private static final class Gate {
        final Semaphore permits;
        volatile long quietUntilNanos;

        Gate(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    /** A throttle with the given bounds. */
    public MailboxThrottle(int perMailbox, int global) {
        if (perMailbox < 1 || global < 1) {
            throw new IllegalArgumentException("bounds must be at least 1");
        }
        this.perMailbox = perMailbox;
        this.global = global;
        this.globalPermits = new Semaphore(global, true);
    }

    /** Graph's bounds: 4 per mailbox, {@link #DEFAULT_GLOBAL} in all. */
    public static MailboxThrottle graphDefaults() {
        return new MailboxThrottle(GRAPH_CONCURRENT_PER_MAILBOX, DEFAULT_GLOBAL);
    }

    /** Requests allowed in flight per mailbox. */
    public int perMailbox() {
        return perMailbox;
    }

    /** Requests allowed in flight in all. */
    public int global() {
        return global;
    }

    private Gate gate(String mailbox) {
        return gates.computeIfAbsent(mailbox.toLowerCase(Locale.ROOT), k -> new Gate(perMailbox));
    }

    /**
     * Waits until a request to {@code mailbox} may be sent: the mailbox's quiet time is over and
     * a permit of the mailbox and a global one are free. The returned permit must be
     * {@link Permit#release() released} exactly once.
     *
     * @throws SQLException HY008/HYT00 when the execution is cancelled or times out while
     *                      waiting, HYT00 when the request's deadline passes, HY008 when
     *                      interrupted
     */
    public Permit acquire(String mailbox, Deadline deadline, QueryControl control, String what)
            throws SQLException {
        requireNonNull(mailbox, "mailbox");
        Gate gate = gate(mailbox);
        try {
            while (true) {
                control.check(what);
                long quiet = gate.quietUntilNanos - System.nanoTime();
                if (quiet > 0) {
                    if (!deadline.allows(Duration.ofNanos(quiet))) {
                        throw new java.sql.SQLTimeoutException("The service asked to wait "
                                + Duration.ofNanos(quiet).toMillis() + " ms before the next"
                                + " request to mailbox " + mailbox + ", longer than the Timeout"
                                + " allows (" + what + "); raise Timeout or try later.",
                                "HYT00");
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(quiet, QueryControl.POLL.toNanos()));
                    continue;
                }
                if (gate.permits.tryAcquire(QueryControl.POLL.toMillis(),
                        TimeUnit.MILLISECONDS)) {
                    if (globalPermits.tryAcquire(QueryControl.POLL.toMillis(),
                            TimeUnit.MILLISECONDS)) {
                        return new Permit(gate);
                    }
                    gate.permits.release();
                }
                if (deadline.expired()) {
                    throw new java.sql.SQLTimeoutException("No request slot for mailbox "
                            + mailbox + " came free within the Timeout (" + what + "): other"
                            + " queries of this connection keep it busy; raise Timeout.",
                            "HYT00");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to send " + what + ".", "HY008",
                    e);
        }
    }

    /**
     * Keeps every request away from {@code mailbox} for {@code wait}, as the service asked with
     * {@code Retry-After}.
     */
    public void quiet(String mailbox, Duration wait) {
        Gate gate = gate(requireNonNull(mailbox, "mailbox"));
        long until = System.nanoTime() + wait.toNanos();
        if (until - gate.quietUntilNanos > 0) {
            gate.quietUntilNanos = until;
        }
    }

    /** Requests in flight now, across all mailboxes; for tests and diagnostics. */
    public int inFlight() {
        return global - globalPermits.availablePermits();
    }

    /** The right to have one request in flight to one mailbox. */
    public final class Permit {
        private final Gate gate;
        private boolean released;

        private Permit(Gate gate) {
            this.gate = gate;
        }

        /** Gives the permit back; later calls do nothing. */
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            gate.permits.release();
            globalPermits.release();
        }
    }

    @Override
    public String toString() {
        return "MailboxThrottle[" + perMailbox + " per mailbox, " + global + " in all]";
    }
}
