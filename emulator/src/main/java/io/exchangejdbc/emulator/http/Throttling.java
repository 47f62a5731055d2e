package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The throttling settings of the emulator, modelled on Outlook's limits per application and
 * mailbox: at most {@link #concurrency()} requests in flight, at most {@link #budget()} requests
 * per sliding {@link #window()}. Immutable; {@link #off()} by default, {@link #graphDefaults()}
 * gives Graph's figures, and the {@code with...} methods scale them down for tests and
 * benchmarks.
 *
 * @see <a href="https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits">
 *     Outlook service limits</a>
 */
public final class Throttling {

    /** Outlook's concurrent requests per app and mailbox. */
    public static final int GRAPH_CONCURRENCY = 4;
    /** Outlook's requests per app and mailbox per {@link #GRAPH_WINDOW}. */
    public static final int GRAPH_BUDGET = 10_000;
    /** Outlook's request window. */
    public static final Duration GRAPH_WINDOW = Duration.ofMinutes(10);
    /** The wait a request over the concurrency limit is told to take. */
    public static final Duration GRAPH_CONCURRENCY_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Throttling OFF = new Throttling(false, GRAPH_CONCURRENCY, GRAPH_BUDGET,
            GRAPH_WINDOW, GRAPH_CONCURRENCY_RETRY_AFTER);

    private final boolean enabled;
    private final int concurrency;
    private final int budget;
    private final Duration window;
    private final Duration concurrencyRetryAfter;

    private Throttling(boolean enabled, int concurrency, int budget, Duration window,
            Duration concurrencyRetryAfter) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency < 1");
        }
        if (budget < 1) {
            throw new IllegalArgumentException("budget < 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (concurrencyRetryAfter.isNegative()) {
            throw new IllegalArgumentException("concurrencyRetryAfter is negative");
        }
        this.enabled = enabled;
        this.concurrency = concurrency;
        this.budget = budget;
        this.window = window;
        this.concurrencyRetryAfter = concurrencyRetryAfter;
    }

    /** No throttling: every request is served (the default). */
    public static Throttling off() {
        return OFF;
    }

    /** Graph's figures: 4 concurrent requests, 10,000 requests per 10 minutes. */
    public static Throttling graphDefaults() {
        return new Throttling(true, GRAPH_CONCURRENCY, GRAPH_BUDGET, GRAPH_WINDOW,
                GRAPH_CONCURRENCY_RETRY_AFTER);
    }

    /** Returns these settings with another limit of requests in flight per mailbox. */
    public Throttling withConcurrency(int v) {
        return new Throttling(enabled, v, budget, window, concurrencyRetryAfter);
    }

    /** Returns these settings with another number of requests allowed per window. */
    public Throttling withBudget(int v) {
        return new Throttling(enabled, concurrency, v, window, concurrencyRetryAfter);
    }

    /** Returns these settings with another window over which the budget is counted. */
    public Throttling withWindow(Duration v) {
        return new Throttling(enabled, concurrency, budget, requireNonNull(v, "window"),
                concurrencyRetryAfter);
    }

    /** Returns these settings with another {@code Retry-After} for the concurrency limit. */
    public Throttling withConcurrencyRetryAfter(Duration v) {
        return new Throttling(enabled, concurrency, budget, window,
                requireNonNull(v, "concurrencyRetryAfter"));
    }

    /** Tells whether requests are throttled at all. */
    public boolean enabled() {
        return enabled;
    }

    /** Returns the requests allowed in flight per app and mailbox. */
    public int concurrency() {
        return concurrency;
    }

    /** Returns the requests allowed per app and mailbox per window. */
    public int budget() {
        return budget;
    }

    /** Returns the sliding window of the budget. */
    public Duration window() {
        return window;
    }

    /** Returns the {@code Retry-After} answered to a request over the concurrency limit. */
    public Duration concurrencyRetryAfter() {
        return concurrencyRetryAfter;
    }

    @Override
    public String toString() {
        return enabled ? "Throttling[" + concurrency + " concurrent, " + budget + " per "
                + window + "]" : "Throttling[off]";
    }
}
