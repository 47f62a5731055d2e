package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The queue of faults to inject into the next requests of the fronts that accept faults (Graph):
 * each queued fault answers a number of requests in turn, then the next fault takes over.
 */
public final class Faults {

    private final Deque<Pending> queue = new ArrayDeque<>();
    private double rate;
    private List<FaultSpec> choices = List.of();
    private Random random = new Random(0);

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

    /**
     * Injects faults at random from now on: each request that has no queued fault meets one of
     * {@code choices} (picked uniformly) with probability {@code rate}; deterministic for a seed.
     * A rate of 0 stops it.
     */
    public synchronized Faults randomly(double rate, long seed, List<FaultSpec> choices) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1");
        }
        if (rate > 0 && choices.isEmpty()) {
            throw new IllegalArgumentException("no faults to choose from");
        }
        this.rate = rate;
        this.choices = List.copyOf(choices);
        this.random = new Random(seed);
        return this;
    }

    /** Drops all pending faults and stops random ones. */
    public synchronized void reset() {
        queue.clear();
        rate = 0;
        choices = List.of();
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
            if (rate > 0 && random.nextDouble() < rate) {
                return choices.get(random.nextInt(choices.size()));
            }
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
