package io.exchangejdbc.http;

import static io.exchangejdbc.http.LocalHttpServer.json;
import static io.exchangejdbc.http.LocalHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's contract: the headers every request carries, retries of safe requests on 429,
 * 503, 504 and reset connections within the policy and the Timeout, and the SQLStates of failures.
 * Waits between attempts go to a recording sleeper, so no test depends on the wall clock.
 */
class TransportTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private Transport transport(Duration timeout, Map<String, String> customHeaders) {
        TransportOptions options = new TransportOptions(timeout, customHeaders,
                "exchange-jdbc/test", RetryPolicy.DEFAULT);
        Transport t = new Transport(options,
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY),
                sleeps::add, System::nanoTime, Clock.systemUTC(), () -> 0.5);
        toClose.add(t);
        return t;
    }

    private LocalHttpServer server(LocalHttpServer.Handler handler) throws IOException {
        LocalHttpServer s = LocalHttpServer.start(handler);
        toClose.add(s);
        return s;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static TransportRequest get(LocalHttpServer s, String path) {
        return TransportRequest.get(URI.create(s.baseUrl() + path)).build();
    }

    @Test
    void everyRequestCarriesUserAgentAFreshClientRequestIdAndTheCustomHeaders() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 200, "{}"));
        Transport t = transport(Duration.ofSeconds(5), Map.of("X-Gateway-Key", "k-123"));
        t.send(get(s, "/a")).close();
        t.send(get(s, "/b")).close();
        LocalHttpServer.Request first = s.requests().get(0);
        assertEquals("exchange-jdbc/test", first.header("User-Agent"));
        assertEquals("k-123", first.header("X-Gateway-Key"));
        String id1 = first.header("client-request-id");
        String id2 = s.requests().get(1).header("client-request-id");
        assertTrue(id1.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                id1);
        assertNotEquals(id1, id2);
    }

    @Test
    void repeatedHeaderNamesAreSentAsGiven() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 200, "{}"));
        Transport t = transport(Duration.ofSeconds(5), Map.of());
        t.send(TransportRequest.get(URI.create(s.baseUrl() + "/x"))
                .header("Prefer", "IdType=\"ImmutableId\"")
                .header("Prefer", "outlook.body-content-type=\"text\"").build()).close();
        List<String> prefer = s.requests().get(0).headerValues("Prefer");
        assertEquals(2, prefer.size(), prefer.toString());
    }

    @Test
    void throttledGetIsRetriedAfterTheRetryAfterTheServiceAsked() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> {
            if (i == 0) {
                json(ex, 429, "{\"error\":{\"code\":\"TooManyRequests\"}}", "Retry-After", "2");
            } else {
                json(ex, 200, "{\"value\":[]}");
            }
        });
        try (HttpResult r = transport(Duration.ofSeconds(30), Map.of()).send(get(s, "/m"))) {
            assertEquals(200, r.status());
            assertEquals(2, r.attempts());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertEquals(2, s.requests().size());
    }

    @Test
    void unavailableGetIsRetriedWithBackoffWhenNoRetryAfterIsGiven() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, i < 2 ? 503 : 200, "{}"));
        try (HttpResult r = transport(Duration.ofSeconds(30), Map.of()).send(get(s, "/m"))) {
            assertEquals(200, r.status());
            assertEquals(3, r.attempts());
        }
        // random() is 0.5: 0.75 of the 1 s step, then of the 2 s step.
        assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), sleeps);
    }

    @Test
    void retriesStopAtFiveAttemptsAndTheLastAnswerIsReturned() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 504, "{}"));
        try (HttpResult r = transport(Duration.ofSeconds(60), Map.of()).send(get(s, "/m"))) {
            assertEquals(504, r.status());
            assertEquals(5, r.attempts());
        }
        assertEquals(4, sleeps.size());
        assertEquals(5, s.requests().size());
    }

    @Test
    void aRetryAfterBeyondTheTimeoutIsNotWaitedFor() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 429, "{}", "Retry-After", "30"));
        try (HttpResult r = transport(Duration.ofSeconds(5), Map.of()).send(get(s, "/m"))) {
            assertEquals(429, r.status());
            assertEquals(1, r.attempts());
        }
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aPostIsNeverRepeatedBlindly() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 503, "{}"));
        TransportRequest post = TransportRequest.post(URI.create(s.baseUrl() + "/send"),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8)).build();
        try (HttpResult r = transport(Duration.ofSeconds(30), Map.of()).send(post)) {
            assertEquals(503, r.status());
        }
        assertEquals(1, s.requests().size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aConnectionClosedWithoutAnswerIsRetriedForGet() throws Exception {
        // The JDK client itself repeats a GET once on a connection closed early; the transport's
        // own retry handles what is left.
        LocalHttpServer s = server((ex, r, i) -> {
            if (i < 2) {
                ex.close();
            } else {
                json(ex, 200, "{\"ok\":true}");
            }
        });
        try (HttpResult r = transport(Duration.ofSeconds(30), Map.of()).send(get(s, "/m"))) {
            assertEquals(200, r.status());
            assertEquals("{\"ok\":true}", r.readText(100));
        }
        assertEquals(1, sleeps.size(), s.requests().toString());
    }

    @Test
    void aClosedPortIsACannotConnectErrorNamingTheProperty() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Transport t = transport(Duration.ofSeconds(5), Map.of());
        SQLException e = assertThrows(SQLException.class, () -> t.send(
                TransportRequest.get(URI.create("http://127.0.0.1:" + port + "/v1.0/me"))
                        .build()));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("GraphUrl"), e.getMessage());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void anUnknownHostIsACannotConnectError() {
        Transport t = transport(Duration.ofSeconds(10), Map.of());
        SQLException e = assertThrows(SQLException.class, () -> t.send(
                TransportRequest.get(URI.create("https://no-such-host.invalid/v1.0/me"))
                        .endpointProperty("LoginUrl").build()));
        assertEquals("08001", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("LoginUrl"), e.getMessage());
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeoutNamingTheProperty() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LocalHttpServer s = server((ex, r, i) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(ex, 200, "{}");
        });
        Transport t = transport(Duration.ofSeconds(1), Map.of());
        SQLTimeoutException e = assertThrows(SQLTimeoutException.class,
                () -> t.send(get(s, "/slow")));
        release.countDown();
        assertEquals("HYT00", e.getSQLState());
        assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
    }

    @Test
    void aBodyThatStallsIsCutAtTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LocalHttpServer s = server((ex, r, i) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"value\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        Transport t = transport(Duration.ofMillis(800), Map.of());
        HttpResult r = t.send(get(s, "/stall"));
        InputStream in = r.body();
        byte[] buf = new byte[64];
        assertEquals(10, in.read(buf));
        IOException failure = assertThrows(IOException.class, () -> in.read(buf));
        release.countDown();
        SQLException e = r.readFailure(failure);
        assertTrue(e instanceof SQLTimeoutException, e.toString());
        assertEquals("HYT00", e.getSQLState());
        r.close();
    }

    @Test
    void aClosedTransportRefusesRequests() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> json(ex, 200, "{}"));
        Transport t = transport(Duration.ofSeconds(5), Map.of());
        t.close();
        SQLException e = assertThrows(SQLException.class, () -> t.send(get(s, "/x")));
        assertEquals("08003", e.getSQLState());
        assertFalse(s.requests().iterator().hasNext());
    }

    @Test
    void theBodyIsStreamedAsItArrives() throws Exception {
        CountDownLatch secondHalf = new CountDownLatch(1);
        LocalHttpServer s = server((ex, r, i) -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("first".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                secondHalf.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("second".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        try (HttpResult r = transport(Duration.ofSeconds(30), Map.of()).send(get(s, "/s"))) {
            byte[] buf = new byte[5];
            // The first half is readable before the server sends the second.
            assertEquals(5, r.body().readNBytes(buf, 0, 5));
            assertEquals("first", new String(buf, StandardCharsets.UTF_8));
            secondHalf.countDown();
            assertEquals("second", new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theGivenClientRequestIdIsKept() throws Exception {
        LocalHttpServer s = server((ex, r, i) -> respond(ex, 204, null, ""));
        Transport t = transport(Duration.ofSeconds(5), Map.of());
        try (HttpResult r = t.send(TransportRequest.get(URI.create(s.baseUrl() + "/t"))
                .header("client-request-id", "my-id").build())) {
            assertEquals("my-id", r.clientRequestId());
        }
        assertEquals(List.of("my-id"), s.requests().get(0).headerValues("client-request-id"));
    }
}
