package io.exchangejdbc.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults injected into the next Graph requests: statuses, broken bodies, dropped connections. */
class FaultInjectionTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static String url;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(300).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        url = emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id() + "/messages";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.faults().reset();
    }

    @Test
    void throttlesTheNextRequestWithRetryAfter() {
        emu.faults().next(FaultSpec.status(429).header("Retry-After", "1"));
        TestHttp.Reply throttled = HTTP.get(url, token);
        assertEquals(429, throttled.status());
        assertEquals("1", throttled.header("Retry-After"));
        assertEquals("TooManyRequests", throttled.errorCode());
        assertEquals(200, HTTP.get(url, token).status());
    }

    @Test
    void answersTheNextRequestsWithTheSameFault() {
        emu.faults().next(2, FaultSpec.status(503)).next(FaultSpec.status(504));
        assertEquals(3, emu.faults().pending());
        assertEquals(503, HTTP.get(url, token).status());
        assertEquals(503, HTTP.get(url, token).status());
        assertEquals(504, HTTP.get(url, token).status());
        assertEquals(200, HTTP.get(url, token).status());
        assertEquals(0, emu.faults().pending());
    }

    @Test
    void sendsABrokenBody() {
        emu.faults().next(FaultSpec.body("not json"));
        TestHttp.Reply r = HTTP.get(url, token);
        assertEquals(200, r.status());
        assertEquals("not json", r.body());
    }

    @Test
    void resetDropsPendingFaults() {
        emu.faults().next(5, FaultSpec.status(500));
        emu.faults().reset();
        assertEquals(200, HTTP.get(url, token).status());
    }

    @Test
    void leavesTheTokenEndpointAlone() {
        emu.faults().next(FaultSpec.status(429));
        TestHttp.Reply t = HTTP.postForm(emu.loginUrl() + "/" + emu.tenantDomain()
                + "/oauth2/v2.0/token", Map.of("grant_type", "client_credentials", "client_id",
                emu.defaultClientId(), "client_secret", emu.defaultClientSecret(), "scope",
                "https://graph.microsoft.com/.default"));
        assertEquals(200, t.status());
        assertEquals(429, HTTP.get(url, token).status());
    }

    @Test
    void dropsTheConnection() {
        // Two, because the JDK client retries a GET once when a reused connection closes.
        emu.clearRequestLog();
        emu.faults().next(2, FaultSpec.connectionReset());
        assertThrows(UncheckedIOException.class, () -> HTTP.get(url, token));
        emu.faults().reset();
        assertEquals(200, HTTP.get(url, token).status());
        LoggedRequest dropped = emu.requestLog().get(0);
        assertTrue(dropped.fault());
        assertEquals(0, dropped.status());
    }

    @Test
    void servesTheRequestThenDropsTheConnection() {
        emu.clearRequestLog();
        emu.faults().next(2, FaultSpec.connectionResetAfterServing());
        assertThrows(UncheckedIOException.class, () -> HTTP.get(url, token));
        emu.faults().reset();
        LoggedRequest served = emu.requestLog().get(0);
        assertTrue(served.fault());
        assertEquals(0, served.status(), "no answer left the emulator");
        assertEquals(200, HTTP.get(url, token).status(), "the server keeps serving");
    }

    @Test
    void truncatesTheBody() {
        emu.faults().next(FaultSpec.truncatedBody());
        assertThrows(UncheckedIOException.class, () -> HTTP.get(url + "?$top=50", token));
        assertEquals(200, HTTP.get(url, token).status());
    }

    @Test
    void delaysAndThenServes() {
        emu.faults().next(FaultSpec.latency(Duration.ofMillis(20)));
        assertEquals(200, HTTP.get(url, token).status());
    }

    @Test
    void marksFaultedRequestsInTheLog() {
        emu.clearRequestLog();
        emu.faults().next(FaultSpec.status(503));
        HTTP.get(url, token);
        HTTP.get(url, token);
        List<LoggedRequest> log = emu.requestLog();
        assertEquals(2, log.size());
        assertTrue(log.get(0).fault());
        assertEquals(503, log.get(0).status());
        assertFalse(log.get(1).fault());
        assertEquals(200, log.get(1).status());
    }
}
