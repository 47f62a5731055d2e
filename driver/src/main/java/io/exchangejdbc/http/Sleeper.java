package io.exchangejdbc.http;

import java.time.Duration;

/**
 * The pause between attempts of a retried request; tests replace it by one that records the
 * pauses and returns at once.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits with {@link Thread#sleep}, ending early (and throwing) when interrupted. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
    };

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
