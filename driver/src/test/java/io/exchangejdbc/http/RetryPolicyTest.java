package io.exchangejdbc.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the transport waits before repeating a request, and for how long. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-03T10:15:00Z");

    @Test
    void retryAfterInWholeSecondsIsHonoured() {
        assertEquals(Optional.of(Duration.ofSeconds(7)),
                RetryPolicy.parseRetryAfter("7", NOW));
    }

    @Test
    void retryAfterWithFractionsAsGraphSendsItIsRoundedUpToTheMillisecond() {
        assertEquals(Optional.of(Duration.ofMillis(2128)),
                RetryPolicy.parseRetryAfter("2.128", NOW));
        assertEquals(Optional.of(Duration.ofMillis(1)),
                RetryPolicy.parseRetryAfter("0.0001", NOW));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThatDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryPolicy.parseRetryAfter("Tue, 03 Nov 2026 10:16:30 GMT", NOW));
    }

    @Test
    void retryAfterInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO),
                RetryPolicy.parseRetryAfter("Tue, 03 Nov 2026 10:00:00 GMT", NOW));
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("-3", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, NOW));
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitterAndIsCapped() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofMinutes(5));
        // Equal jitter: between half and all of the exponential step.
        assertEquals(Duration.ofMillis(500), p.backoff(1, 0.0));
        assertEquals(Duration.ofMillis(1000), p.backoff(1, 1.0));
        assertEquals(Duration.ofMillis(1500), p.backoff(2, 0.5));
        assertEquals(Duration.ofMillis(4000), p.backoff(3, 1.0));
        assertEquals(Duration.ofMillis(8000), p.backoff(4, 1.0));
        assertEquals(Duration.ofMillis(8000), p.backoff(9, 1.0));
        assertEquals(Duration.ofMillis(4000), p.backoff(60, 0.0));
    }

    @Test
    void retryAfterWinsOverBackoff() {
        Optional<Duration> d = RetryPolicy.DEFAULT.delayBeforeRetry(1, "3", NOW, 0.9);
        assertEquals(Optional.of(Duration.ofSeconds(3)), d);
    }

    @Test
    void noRetryOnceTheAttemptsAreUsedUp() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertTrue(p.delayBeforeRetry(4, null, NOW, 0.5).isPresent());
        assertFalse(p.delayBeforeRetry(5, null, NOW, 0.5).isPresent());
    }

    @Test
    void aServiceThatSaysWhenToComeBackIsWaitedForLongerButNotForever() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        // several requests of one mailbox wait out the same Retry-After and some lose the race
        assertTrue(p.delayBeforeRetry(5, "1", NOW, 0.5).isPresent());
        assertTrue(p.delayBeforeRetry(24, "1", NOW, 0.5).isPresent());
        assertFalse(p.delayBeforeRetry(25, "1", NOW, 0.5).isPresent());
    }

    @Test
    void aRetryAfterLongerThanTheDriverWaitsEndsTheRetries() {
        assertFalse(RetryPolicy.DEFAULT.delayBeforeRetry(1, "3600", NOW, 0.5).isPresent());
    }

    @Test
    void onlyThrottlingAndUnavailabilityAreRetried() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertTrue(p.isRetryableStatus(429));
        assertTrue(p.isRetryableStatus(503));
        assertTrue(p.isRetryableStatus(504));
        assertFalse(p.isRetryableStatus(500));
        assertFalse(p.isRetryableStatus(400));
        assertFalse(p.isRetryableStatus(401));
    }

    @Test
    void aDeadlineAllowsOnlyWaitsThatEndBeforeIt() {
        AtomicLong nanos = new AtomicLong(1_000);
        Deadline d = Deadline.after(Duration.ofSeconds(10), nanos::get);
        assertTrue(d.allows(Duration.ofSeconds(9)));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertFalse(d.allows(Duration.ofSeconds(9)));
        assertEquals(Duration.ofSeconds(8), d.remaining());
        nanos.addAndGet(Duration.ofSeconds(8).toNanos());
        assertTrue(d.expired());
        assertEquals(Duration.ZERO, d.remaining());
        assertTrue(Deadline.none().allows(Duration.ofDays(1)));
        assertFalse(Deadline.after(Duration.ZERO).isBounded());
    }
}
