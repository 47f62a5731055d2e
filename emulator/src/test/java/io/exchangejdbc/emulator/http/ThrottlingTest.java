package io.exchangejdbc.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outlook's throttling per application and mailbox: the concurrency limit, the request budget
 * per window with the wait until the window frees a slot, and the figures kept about both.
 */
class ThrottlingTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(20).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        first = emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id() + "/messages";
        second = emu.graphUrl() + "/v1.0/users/" + emu.store().users().get(1).id() + "/messages";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.faults().reset();
        emu.setThrottling(Throttling.off());
        emu.resetThrottlingCounters();
    }

    @Test
    void isOffByDefault() {
        assertEquals(Throttling.off(), emu.throttling());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, HTTP.get(first, token).status());
        }
        assertEquals(0, emu.throttledCount());
    }

    @Test
    void defaultsAreGraphFigures() {
        Throttling graph = Throttling.graphDefaults();
        assertTrue(graph.enabled());
        assertEquals(4, graph.concurrency());
        assertEquals(10_000, graph.budget());
        assertEquals(Duration.ofMinutes(10), graph.window());
        Throttling scaled = graph.withWindow(Duration.ofSeconds(2)).withBudget(50);
        assertEquals(4, scaled.concurrency());
        assertEquals(50, scaled.budget());
        assertEquals(Duration.ofSeconds(2), scaled.window());
    }

    @Test
    void theFifthConcurrentRequestToAMailboxIsTurnedAway() throws Exception {
        emu.setThrottling(Throttling.graphDefaults()
                .withConcurrencyRetryAfter(Duration.ofMillis(250)));
        // Each admitted request is held long enough for all the others to arrive meanwhile.
        emu.faults().next(6, FaultSpec.latency(Duration.ofMillis(1500)));
        String byUpn = emu.graphUrl() + "/v1.0/users/" + emu.demoUser().userPrincipalName()
                + "/messages";
        List<String> urls = List.of(first, first, first, byUpn, byUpn, second);
        ExecutorService pool = Executors.newFixedThreadPool(urls.size());
        try {
            List<Future<TestHttp.Reply>> replies = new ArrayList<>();
            for (String url : urls) {
                replies.add(pool.submit(() -> HTTP.get(url, token)));
            }
            int ok = 0;
            TestHttp.Reply throttled = null;
            for (int i = 0; i < 5; i++) {
                TestHttp.Reply r = replies.get(i).get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertEquals(429, r.status(), r.body());
                    throttled = r;
                }
            }
            assertEquals(4, ok, "four in flight per mailbox, whether named by id or UPN");
            assertEquals("ApplicationThrottled", throttled.errorCode());
            assertEquals("Application is over its MailboxConcurrency limit.",
                    throttled.errorMessage());
            assertEquals("0.25", throttled.header("Retry-After"));
            assertEquals(200, replies.get(5).get().status(), "another mailbox is not affected");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, emu.throttledCount());
        assertEquals(5, emu.peakMailboxConcurrency());
        emu.faults().reset();
        assertEquals(200, HTTP.get(first, token).status(), "room again once the others ended");
    }

    @Test
    void anExhaustedBudgetAsksToWaitUntilTheWindowFreesASlot() throws Exception {
        emu.setThrottling(Throttling.graphDefaults().withWindow(Duration.ofSeconds(1))
                .withBudget(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, HTTP.get(first, token).status());
        }
        TestHttp.Reply over = HTTP.get(first, token);
        assertEquals(429, over.status());
        assertEquals("TooManyRequests", over.errorCode());
        double seconds = Double.parseDouble(over.header("Retry-After"));
        assertTrue(seconds > 0 && seconds <= 1.0, "Retry-After " + seconds);
        assertEquals(200, HTTP.get(second, token).status(), "another mailbox has its own budget");
        // The signed-in user's /me is the same mailbox for the same application.
        String me = emu.graphUrl() + "/v1.0/me/messages";
        String userToken = emu.issueUserToken(emu.demoUser().userPrincipalName());
        assertEquals(429, HTTP.get(me, userToken).status());
        Thread.sleep(Math.round(seconds * 1000));
        assertEquals(200, HTTP.get(first, token).status(), "the wait asked for was enough");
        assertEquals(2, emu.throttledCount());
    }

    @Test
    void countsRequestsThatComeBackBeforeTheirWaitIsOver() throws Exception {
        emu.setThrottling(Throttling.graphDefaults().withWindow(Duration.ofSeconds(5))
                .withBudget(1));
        assertEquals(200, HTTP.get(first, token).status());
        assertEquals(429, HTTP.get(first, token).status());
        Thread.sleep(MailboxLimiter.STRAGGLER_NANOS / 1_000_000 + 50);
        assertEquals(429, HTTP.get(first, token).status());
        assertEquals(1, emu.requestsBeforeRetryAfter());
    }

    @Test
    void formatsWaitsAsDelaySeconds() {
        assertEquals("2.128", MailboxLimiter.retryAfterValue(Duration.ofMillis(2128)));
        assertEquals("1", MailboxLimiter.retryAfterValue(Duration.ofSeconds(1)));
        assertEquals("0.25", MailboxLimiter.retryAfterValue(Duration.ofMillis(250)));
    }
}
