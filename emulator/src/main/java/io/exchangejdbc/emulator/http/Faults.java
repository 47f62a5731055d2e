package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The queue of faults to inject into the next requests of the fronts that accept faults (Graph):
 * each queued fault answers a number of requests in turn, then the next fault takes over.
 */
public final class Faults {

    private final Deque<Pending> queue = new ArrayDeque<>();

    /** Injects the fault into the next request. */
    public Faults next(FaultSpec fault) {
        return next(1, fault);
    }

    /** Injects the fault into each of the next {@code count} requests. */
    public synchronized Faults next(int count, FaultSpec fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count < 1");
        }
        queue.addLast(new Pending(requireNonNull(fault, "fault"), count));
        return this;
    }

    /** Drops all pending faults. */
    public synchronized void reset() {
        queue.clear();
    }

    /** Returns how many requests still have a fault waiting for them. */
    public synchronized int pending() {
        int n = 0;
        for (Pending p : queue) {
            n += p.remaining;
        }
        return n;
    }

    /** Takes the fault for the request now arriving, or returns null. */
    synchronized FaultSpec take() {
        Pending p = queue.peekFirst();
        if (p == null) {
            return null;
        }
        if (--p.remaining == 0) {
            queue.removeFirst();
        }
        return p.fault;
    }

    /** A queued fault with the number of requests it still answers. */
    private static final class Pending {
        private final FaultSpec fault;
        private int remaining;

        Pending(FaultSpec fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
