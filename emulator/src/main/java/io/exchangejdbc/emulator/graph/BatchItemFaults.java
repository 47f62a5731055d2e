package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.http.FaultSpec;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults to answer the next items of JSON batches with, instead of running them: a status with
 * its headers (such as 429 with {@code Retry-After}), as Outlook answers an item it throttles
 * while the other items of the batch succeed. Only {@link FaultSpec#status(int)} faults apply.
 */
public final class BatchItemFaults {

    private final Deque<FaultSpec> queue = new ArrayDeque<>();
    private int answered;

    /** Answers each of the next {@code count} batch items with {@code fault}. */
    public synchronized BatchItemFaults next(int count, FaultSpec fault) {
        requireNonNull(fault, "fault");
        if (fault.kind() != FaultSpec.Kind.RESPOND) {
            throw new IllegalArgumentException("only status faults apply to batch items");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** Drops the pending faults. */
    public synchronized void reset() {
        queue.clear();
    }

    /** How many batch items were answered by a fault so far. */
    public synchronized int answered() {
        return answered;
    }

    synchronized FaultSpec take() {
        FaultSpec f = queue.pollFirst();
        if (f != null) {
            answered++;
        }
        return f;
    }
}
