package io.exchangejdbc.http;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancellation state of one statement execution: the flag {@code Statement.cancel()} sets and
 * the moment {@code setQueryTimeout} allows, shared by every request the execution sends.
 *
 * <p>Nothing tells a running request that the flag was set, so a shared daemon thread looks at
 * the flags of executions with work in flight every {@link #POLL} and aborts that work (a request
 * waiting for its headers, a body being read): the thread blocked on it then fails at once with
 * SQLState HY008 (cancelled) or HYT00 (query timeout). Thread-safe.
 */
public final class QueryControl {

    /** How often cancel flags and query deadlines of executions in flight are looked at. */
    public static final Duration POLL = Duration.ofMillis(20);

    /** An execution that is never cancelled and has no query timeout. */
    public static final QueryControl NONE = new QueryControl(new AtomicBoolean(), 0);

    private static final Set<QueryControl> ACTIVE = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService poller;

    private final AtomicBoolean cancelFlag;
    private final long timeoutMillis;
    private final long deadlineNanos;
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private QueryControl(AtomicBoolean cancelFlag, long timeoutMillis) {
        this.cancelFlag = cancelFlag;
        this.timeoutMillis = Math.max(0, timeoutMillis);
        this.deadlineNanos = System.nanoTime() + this.timeoutMillis * 1_000_000L;
    }

    /**
     * The control of an execution starting now.
     *
     * @param cancelFlag    the statement's cancel flag (Calcite's {@code CANCEL_FLAG}), or null
     * @param timeoutMillis the query timeout in milliseconds, 0 or less for none
     */
    public static QueryControl of(AtomicBoolean cancelFlag, long timeoutMillis) {
        if (cancelFlag == null && timeoutMillis <= 0) {
            return NONE;
        }
        return new QueryControl(cancelFlag == null ? new AtomicBoolean() : cancelFlag,
                timeoutMillis);
    }

    /** Whether the statement was cancelled. */
    public boolean cancelled() {
        return cancelFlag.get();
    }

    /** Whether the query timeout has passed. */
    public boolean timedOut() {
        return timeoutMillis > 0 && System.nanoTime() - deadlineNanos >= 0;
    }

    /** Whether the execution must stop: cancelled, past its timeout, or {@link #stop stopped}. */
    public boolean mustStop() {
        return stopped.get() || cancelled() || timedOut();
    }

    /**
     * Ends the execution from within (a result set closed early): work in flight is aborted as a
     * cancellation would, without being reported as one.
     */
    public void stop() {
        if (this != NONE && stopped.compareAndSet(false, true)) {
            abortInFlight();
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopped.get();
    }

    /** The time left before the query timeout; {@code null} when there is none. */
    public Duration remaining() {
        if (timeoutMillis <= 0) {
            return null;
        }
        long left = deadlineNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(0, left));
    }

    /** The earlier of {@code deadline} and the query timeout. */
    public Deadline narrow(Deadline deadline) {
        Duration left = remaining();
        if (left == null) {
            return deadline;
        }
        if (!deadline.isBounded() || left.compareTo(deadline.remaining()) < 0) {
            return Deadline.after(left.isZero() ? Duration.ofNanos(1) : left);
        }
        return deadline;
    }

    /**
     * Throws when the execution must stop: HY008 when cancelled or stopped, HYT00 past the query
     * timeout.
     *
     * @param what what was being done, for the message ("GET https://...")
     */
    public void check(String what) throws SQLException {
        if (stopped.get() || cancelled()) {
            throw cancelledException(what);
        }
        if (timedOut()) {
            throw timeoutException(what);
        }
    }

    /** The exception for a cancelled execution. */
    public SQLException cancelledException(String what) {
        return new SQLException("The query was cancelled" + (what == null ? "" : " during "
                + what) + ".", "HY008");
    }

    /** The exception for an execution past its query timeout. */
    public SQLTimeoutException timeoutException(String what) {
        return new SQLTimeoutException("The query did not complete within its query timeout of "
                + (timeoutMillis / 1000.0) + " s" + (what == null ? "" : " (during " + what
                + ")") + "; raise Statement.setQueryTimeout or narrow the query.", "HYT00");
    }

    /**
     * The exception that describes why the execution stopped, or null when it has not; for a
     * failure that was caused by the abort of its request.
     */
    public SQLException stopReason(String what) {
        if (stopped.get() || cancelled()) {
            return cancelledException(what);
        }
        return timedOut() ? timeoutException(what) : null;
    }

    /**
     * Registers work in flight to be aborted when the execution is cancelled or times out;
     * {@link #done} unregisters it. When the execution must stop already, aborts at once.
     */
    public void inFlight(Runnable abort) {
        if (this == NONE) {
            return;
        }
        inFlight.add(abort);
        ACTIVE.add(this);
        ensurePoller();
        if (mustStop()) {
            abortInFlight();
        }
    }

    /** Unregisters work that is over. */
    public void done(Runnable abort) {
        if (this == NONE) {
            return;
        }
        inFlight.remove(abort);
        if (inFlight.isEmpty()) {
            ACTIVE.remove(this);
        }
    }

    private void abortInFlight() {
        for (Runnable r : inFlight) {
            inFlight.remove(r);
            try {
                r.run();
            } catch (RuntimeException e) {
                // An abort is best effort; the blocked thread also checks the flag itself.
            }
        }
        ACTIVE.remove(this);
    }

    private static synchronized void ensurePoller() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "exchange-jdbc-cancel");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(QueryControl::poll, POLL.toMillis(), POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void poll() {
        for (QueryControl c : ACTIVE) {
            if (c.mustStop()) {
                c.abortInFlight();
            }
        }
    }

    @Override
    public String toString() {
        return this == NONE ? "QueryControl[none]" : "QueryControl[cancelled=" + cancelled()
                + ", timeout=" + timeoutMillis + " ms]";
    }
}
