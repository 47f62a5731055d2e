package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Graph read path (a flat mailbox collection, the folder tree, the directory) meeting each
 * fault the service or the network can produce, on the second page request, in the middle of
 * paging: the query either returns exactly the rows of an undisturbed run (no row duplicated or
 * missing after the retry) or fails with a clear SQLException.
 */
class ReadPathFaultsTest {

    /** A read path: a query and the page size that makes it span several pages. */
    enum ReadPath {
        MESSAGES("Pagesize=200;", "SELECT id, subject, receivedDateTime FROM Messages",
                "/messages"),
        MAIL_FOLDERS("Pagesize=3;", "SELECT id, displayName, totalItemCount FROM MailFolders",
                "/mailFolders"),
        USERS("Pagesize=2;", "SELECT id, userPrincipalName FROM Users", "/users");

        final String properties;
        final String sql;
        final String pathPart;

        ReadPath(String properties, String sql, String pathPart) {
            this.properties = properties;
            this.sql = sql;
            this.pathPart = pathPart;
        }
    }

    /** A fault that the driver rides out by repeating the request. */
    enum Recoverable {
        THROTTLED_WITH_RETRY_AFTER(FaultSpec.status(429).header("Retry-After", "0.05")),
        THROTTLED_WITHOUT_RETRY_AFTER(FaultSpec.status(429)),
        UNAVAILABLE(FaultSpec.status(503)),
        GATEWAY_TIMEOUT(FaultSpec.status(504)),
        CONNECTION_RESET(FaultSpec.connectionReset()),
        TRUNCATED_BODY(FaultSpec.truncatedBody()),
        NOT_JSON(FaultSpec.body("{\"value\":[{\"id\":")),
        SLOW_BUT_WITHIN_TIMEOUT(FaultSpec.latency(Duration.ofMillis(200)));

        final FaultSpec fault;

        Recoverable(FaultSpec fault) {
            this.fault = fault;
        }
    }

    private final Emulator emu = FaultEmulator.get();

    @BeforeEach
    @AfterEach
    void clear() {
        emu.faults().reset();
        emu.clearRequestLog();
    }

    static Stream<Arguments> pathsAndFaults() {
        return Stream.of(ReadPath.values()).flatMap(p -> Stream.of(Recoverable.values())
                .map(f -> Arguments.of(p, f)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("pathsAndFaults")
    void aFaultInTheMiddleOfPagingLeavesTheRowsExact(ReadPath path, Recoverable fault)
            throws SQLException {
        try (Connection c = FaultEmulator.connect(path.properties + "Timeout=20;")) {
            List<String> expected = FaultEmulator.rows(c, path.sql);
            assertTrue(FaultEmulator.requests(path.pathPart).size() > 1,
                    "the query must span several pages");
            emu.clearRequestLog();
            // The first page is served; the fault meets the second page request.
            emu.faults().next(FaultSpec.latency(Duration.ZERO)).next(fault.fault);
            List<String> got = FaultEmulator.rows(c, path.sql);
            assertEquals(expected, got);
            assertEquals(0, emu.faults().pending());
            assertTrue(FaultEmulator.requests(path.pathPart).stream()
                    .anyMatch(r -> r.fault()), "the fault was met");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void aResponseSlowerThanTheTimeoutFailsWithHyt00(ReadPath path) throws SQLException {
        try (Connection c = FaultEmulator.connect(path.properties + "Timeout=1;")) {
            FaultEmulator.rows(c, path.sql + " LIMIT 1");
            emu.faults().next(FaultSpec.latency(Duration.ofSeconds(3)));
            SQLException e = assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, path.sql));
            SQLException cause = sqlCause(e);
            assertInstanceOf(SQLTimeoutException.class, cause, cause.toString());
            assertEquals("HYT00", cause.getSQLState());
            assertTrue(cause.getMessage().contains("Timeout"), cause.getMessage());
            // The connection is still usable once the slow answer is abandoned.
            assertFalse(FaultEmulator.rows(c, path.sql + " LIMIT 2").isEmpty());
        }
    }

    static Stream<ReadPath> paths() {
        return Stream.of(ReadPath.values());
    }

    @Test
    void aBodyThatKeepsBreakingOffFailsWith08S01AfterBoundedRetries() throws SQLException {
        try (Connection c = FaultEmulator.connect("Pagesize=200;Timeout=20;")) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            emu.clearRequestLog();
            emu.faults().next(10, FaultSpec.truncatedBody());
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT id, subject FROM Messages")));
            assertEquals("08S01", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("/messages"), e.getMessage());
            assertEquals(3, FaultEmulator.requests("/messages").size(),
                    "a broken page is requested three times in all");
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsWithTheServiceError() throws SQLException {
        try (Connection c = FaultEmulator.connect("Timeout=20;")) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            emu.clearRequestLog();
            // a Retry-After is honoured up to 25 attempts (5 without one), all within Timeout
            emu.faults().next(30, FaultSpec.status(429).header("Retry-After", "0.01"));
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 5")));
            assertEquals("08S01", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("429"), e.getMessage());
            assertTrue(e.getMessage().contains("request-id"), e.getMessage());
            assertEquals(25, FaultEmulator.requests("/messages").size());
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnceWith08001() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken="
                + emu.issueAppToken(emu.defaultClientId()) + ";GraphUrl=http://127.0.0.1:"
                + port + ";UserId=" + emu.demoUser().userPrincipalName() + ";Timeout=5;";
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:exchange:" + url)) {
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT id FROM Messages")));
            assertEquals("08001", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }

    @Test
    void aPostIsNeverRepeated() throws Exception {
        // Writes do not exist yet; the transport's rule that only GET is repeated must hold.
        assertFalse(io.exchangejdbc.http.TransportRequest.post(java.net.URI.create(
                "http://127.0.0.1/x"), "application/json", new byte[0]).build().retrySafe());
    }

    /** The SQLException that carries the driver's SQLState, unwrapping Calcite's wrappers. */
    static SQLException sqlCause(Throwable t) {
        SQLException found = null;
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException s && s.getSQLState() != null) {
                found = s;
                if (!(x.getCause() instanceof SQLException)) {
                    return s;
                }
            }
        }
        if (found == null) {
            throw new AssertionError("no SQLException with a SQLState in " + t, t);
        }
        return found;
    }
}
