package io.exchangejdbc.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The guard that cuts response bodies that stall: every tick it looks at the bodies being read and
 * expires those whose reader has been blocked longer than the request's remaining {@code Timeout}.
 * The JDK client's own request timeout stops at the response headers, so without this a body that
 * stops arriving would hold the query forever.
 *
 * <p>One daemon thread per connection, started with the first body watched and stopped by
 * {@link #close()}.
 */
final class Watchdog implements AutoCloseable {

    private final Set<BodyStream> bodies = ConcurrentHashMap.newKeySet();
    private final long tickMillis;
    private final LongSupplier nanoClock;
    private ScheduledExecutorService timer;
    private boolean closed;

    /** A watchdog checking every {@code tick} (a few percent of the timeout is precise enough). */
    Watchdog(Duration tick, LongSupplier nanoClock) {
        this.tickMillis = Math.max(1, tick.toMillis());
        this.nanoClock = nanoClock;
    }

    /** Starts watching a body until it is {@link #forget forgotten}. */
    void watch(BodyStream body) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "exchange-jdbc-watchdog");
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleAtFixedRate(this::check, tickMillis, tickMillis,
                        TimeUnit.MILLISECONDS);
            }
        }
        bodies.add(body);
    }

    /** Stops watching a body (it was closed). */
    void forget(BodyStream body) {
        bodies.remove(body);
    }

    /** Expires every overdue body; package-private so tests can tick by hand. */
    void check() {
        long now = nanoClock.getAsLong();
        for (BodyStream b : bodies) {
            if (b.overdue(now)) {
                bodies.remove(b);
                b.expire();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        bodies.clear();
    }
}
