package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The emulator's enforcement of {@link Throttling}: per key (an application and a mailbox) it
 * counts the requests in flight and those admitted within the sliding window, and turns away
 * the ones over a limit with the wait the client must take. It also keeps the figures tests and
 * benchmarks check: 429s answered, the most requests seen at once for one mailbox, and requests
 * that came back before their mailbox's wait was over. Thread-safe.
 *
 * <p>Only admitted requests use up the budget, so that the wait announced for a full window is
 * exactly the time until its oldest request leaves it.
 */
public final class MailboxLimiter {

    /**
     * How long after a 429 a request to the same mailbox still counts as sent before the client
     * could have read the 429 (it was already on its way), rather than as an early retry.
     */
    static final long STRAGGLER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LongSupplier nanoClock;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile Throttling settings = Throttling.off();
    private final AtomicLong concurrencyRejections = new AtomicLong();
    private final AtomicLong budgetRejections = new AtomicLong();
    private final AtomicLong earlyRequests = new AtomicLong();
    private final AtomicInteger peakConcurrency = new AtomicInteger();

    /** A limiter on the system's monotonic clock, throttling nothing until configured. */
    public MailboxLimiter() {
        this(System::nanoTime);
    }

    /** A limiter on the given clock of nanoseconds, for tests. */
    MailboxLimiter(LongSupplier nanoClock) {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    }

    /** Applies new settings from the next request on and forgets each mailbox's history. */
    public void configure(Throttling throttling) {
        settings = requireNonNull(throttling, "throttling");
        states.clear();
    }

    /** Returns the settings in force. */
    public Throttling settings() {
        return settings;
    }

    /** Returns the number of 429 answers given, for either limit. */
    public long throttledCount() {
        return concurrencyRejections.get() + budgetRejections.get();
    }

    /** Returns the number of requests turned away for the concurrency limit. */
    public long concurrencyRejections() {
        return concurrencyRejections.get();
    }

    /** Returns the number of requests turned away because the window's budget was used up. */
    public long budgetRejections() {
        return budgetRejections.get();
    }

    /**
     * Returns the most requests seen in flight at once for one application and mailbox,
     * counting the arriving one even when it was turned away; 0 while throttling is off.
     */
    public int peakConcurrency() {
        return peakConcurrency.get();
    }

    /**
     * Returns the number of requests that arrived while their mailbox was still in the wait a
     * 429 had announced, leaving out those sent before the client could have read the 429.
     */
    public long earlyRequests() {
        return earlyRequests.get();
    }

    /** Sets every figure back to zero. */
    public void resetCounters() {
        concurrencyRejections.set(0);
        budgetRejections.set(0);
        earlyRequests.set(0);
        peakConcurrency.set(0);
    }

    /**
     * Decides on a request arriving now.
     *
     * @param key the application and mailbox the request counts against, or null if none
     */
    Admission admit(String key) {
        Throttling s = settings;
        if (!s.enabled() || key == null) {
            return Admission.FREE;
        }
        State state = states.computeIfAbsent(key, k -> new State());
        synchronized (state) {
            long now = nanoClock.getAsLong();
            peakConcurrency.accumulateAndGet(state.inFlight + 1, Math::max);
            if (now - state.quietUntil < 0 && now - state.quietFrom > STRAGGLER_NANOS) {
                earlyRequests.incrementAndGet();
            }
            if (state.inFlight >= s.concurrency()) {
                concurrencyRejections.incrementAndGet();
                return reject(state, now, s.concurrencyRetryAfter().toNanos(), true);
            }
            long window = s.window().toNanos();
            while (!state.admitted.isEmpty() && now - state.admitted.peekFirst() >= window) {
                state.admitted.pollFirst();
            }
            if (state.admitted.size() >= s.budget()) {
                budgetRejections.incrementAndGet();
                long wait = Math.max(1, state.admitted.peekFirst() + window - now);
                return reject(state, now, wait, false);
            }
            state.admitted.addLast(now);
            state.inFlight++;
            return new Admission(state, null, false);
        }
    }

    private static Admission reject(State state, long now, long waitNanos, boolean concurrency) {
        // Round up to the millisecond so a client that waits exactly this long finds room.
        long millis = Math.max(0, (waitNanos + 999_999) / 1_000_000);
        long until = now + millis * 1_000_000;
        if (until - state.quietUntil > 0) {
            state.quietUntil = until;
        }
        state.quietFrom = now;
        return new Admission(null, Duration.ofMillis(millis), concurrency);
    }

    /** Formats a wait as Graph does: delay-seconds, with a fraction where needed. */
    static String retryAfterValue(Duration wait) {
        return BigDecimal.valueOf(wait.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** What the limiter knows of one application and mailbox; guarded by itself. */
    private static final class State {
        final ArrayDeque<Long> admitted = new ArrayDeque<>();
        int inFlight;
        long quietUntil = Long.MIN_VALUE / 2;
        long quietFrom = Long.MIN_VALUE / 2;
    }

    /**
     * The decision on one request: admitted (then {@link #release()} must follow when its answer
     * ends) or turned away with the wait to announce.
     */
    static final class Admission {
        static final Admission FREE = new Admission(null, null, false);

        private final State state;
        private final Duration retryAfter;
        private final boolean concurrency;
        private boolean released;

        private Admission(State state, Duration retryAfter, boolean concurrency) {
            this.state = state;
            this.retryAfter = retryAfter;
            this.concurrency = concurrency;
        }

        /** Tells whether the request may be served. */
        boolean admitted() {
            return retryAfter == null;
        }

        /** Returns the wait to announce in {@code Retry-After}; only for a rejection. */
        Duration retryAfter() {
            return retryAfter;
        }

        /** Tells whether the rejection is for the concurrency limit (else for the budget). */
        boolean overConcurrency() {
            return concurrency;
        }

        /** Ends the request's time in flight; later calls do nothing. */
        void release() {
            if (state == null) {
                return;
            }
            synchronized (state) {
                if (!released) {
                    released = true;
                    state.inFlight--;
                }
            }
        }
    }
}
