package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The moment by which one request to a service must have completed, retries and back-off
 * included, derived from the {@code Timeout} connection property; or no moment at all when the
 * timeout is 0.
 *
 * <p>Immutable. Time is read from a nanosecond clock ({@link System#nanoTime()} outside tests).
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Duration.ZERO, 0, System::nanoTime);

    private final Duration budget;
    private final long endNanos;
    private final LongSupplier nanoClock;

    private Deadline(Duration budget, long endNanos, LongSupplier nanoClock) {
        this.budget = budget;
        this.endNanos = endNanos;
        this.nanoClock = nanoClock;
    }

    /** No limit: the request may wait as long as the service takes. */
    public static Deadline none() {
        return NONE;
    }

    /** A deadline {@code timeout} from now; {@link #none()} for a zero or negative timeout. */
    public static Deadline after(Duration timeout) {
        return after(timeout, System::nanoTime);
    }

    /** A deadline {@code timeout} from now on the given clock; for tests. */
    public static Deadline after(Duration timeout, LongSupplier nanoClock) {
        requireNonNull(timeout, "timeout");
        requireNonNull(nanoClock, "nanoClock");
        if (timeout.isZero() || timeout.isNegative()) {
            return NONE;
        }
        return new Deadline(timeout, nanoClock.getAsLong() + timeout.toNanos(), nanoClock);
    }

    /** Whether there is a limit at all. */
    public boolean isBounded() {
        return !budget.isZero();
    }

    /** The whole time allowed (the {@code Timeout}), zero when unbounded. */
    public Duration budget() {
        return budget;
    }

    /** The time left, never negative; {@link Duration#ZERO} once passed; huge when unbounded. */
    public Duration remaining() {
        if (!isBounded()) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        long left = endNanos - nanoClock.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return isBounded() && endNanos - nanoClock.getAsLong() <= 0;
    }

    /** Whether waiting {@code delay} from now would still end before the deadline. */
    public boolean allows(Duration delay) {
        return !isBounded() || delay.compareTo(remaining()) < 0;
    }

    @Override
    public String toString() {
        return isBounded() ? "Deadline[" + remaining().toMillis() + " ms left of "
                + budget.toMillis() + " ms]" : "Deadline[none]";
    }
}
