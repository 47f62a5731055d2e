package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The rule for repeating a request that the service throttled (429) or could not serve (503, 504),
 * or whose connection was reset: the service's {@code Retry-After} when it gives one (seconds,
 * possibly fractional, or an HTTP date), otherwise exponential back-off with jitter; at most {@link
 * #maxAttempts()} attempts in all.
 *
 * <p>Immutable. The caller also keeps every wait within the request's {@link Deadline}; only
 * requests that are safe to repeat (GET) are retried.
 *
 * @param maxAttempts    attempts in all, the first one included (at least 1)
 * @param initialBackoff wait after the first failure when the service gives no Retry-After
 * @param maxBackoff     the longest computed back-off
 * @param maxRetryAfter  the longest Retry-After honoured; a longer one ends the retries, since
 *                       waiting that long inside a query is worse than reporting the throttling
 * @see <a href="https://learn.microsoft.com/graph/throttling">Microsoft Graph throttling
 *     guidance</a>
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration maxRetryAfter) {

    /** Five attempts, back-off from 1 s doubling up to 30 s, Retry-After honoured up to 5 min. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(5));

    /** One attempt, never a retry. */
    public static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    /** How many more attempts a request may make when each answer says when to retry. */
    static final int RETRY_AFTER_ATTEMPTS_FACTOR = 5;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** Whether a response status means "try again later": 429, 503 and 504. */
    public boolean isRetryableStatus(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    /**
     * How long to wait before the next attempt, or empty when there must be no next attempt.
     *
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param retryAfter     the response's {@code Retry-After} header, or null
     * @param now            the current wall-clock time, for HTTP-date values
     * @param random         a number in [0, 1) spreading the back-off of concurrent clients
     */
    public Optional<Duration> delayBeforeRetry(int failedAttempts, String retryAfter, Instant now,
            double random) {
        Optional<Duration> asked = parseRetryAfter(retryAfter, now);
        if (asked.isPresent()) {
            // A service that says when to come back is waited for: when several requests to
            // one mailbox wait out the same Retry-After, only one gets the freed slot and the
            // others are told to wait again, which is no failure of theirs. The Timeout bounds
            // the waiting; a larger cap of attempts bounds a service that never lets go.
            if (failedAttempts >= maxAttempts * RETRY_AFTER_ATTEMPTS_FACTOR) {
                return Optional.empty();
            }
            return asked.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : asked;
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(backoff(failedAttempts, random));
    }

    /**
     * The exponential back-off after {@code failedAttempts} failures: half of
     * {@code initialBackoff * 2^(failedAttempts-1)} (capped at {@code maxBackoff}) plus a random
     * part of the other half ("equal jitter"), so clients that failed together do not all come
     * back together.
     */
    public Duration backoff(int failedAttempts, double random) {
        int exponent = Math.max(0, Math.min(30, failedAttempts - 1));
        long base = initialBackoff.toMillis() << exponent;
        if (base < 0 || base > maxBackoff.toMillis()) {
            base = maxBackoff.toMillis();
        }
        double r = Math.max(0, Math.min(1, random));
        return Duration.ofMillis(base / 2 + Math.round(r * (base - base / 2)));
    }

    /**
     * The wait a {@code Retry-After} header asks for: delay-seconds (Graph sends fractions such as
     * {@code 2.128}) or an HTTP date (a past date means no wait). Empty when absent or not
     * understood.
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(v.charAt(0)) || v.charAt(0) == '.') {
            try {
                BigDecimal seconds = new BigDecimal(v);
                if (seconds.signum() < 0) {
                    return Optional.empty();
                }
                long millis = seconds.movePointRight(3).setScale(0, RoundingMode.CEILING)
                        .longValueExact();
                return Optional.of(Duration.ofMillis(millis));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(requireNonNull(now, "now"), when.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
