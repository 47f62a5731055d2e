package io.exchangejdbc.faults;

import static io.exchangejdbc.faults.ReadPathFaultsTest.sqlCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every EWS read path (FindItem paging, GetItem batches for the properties FindItem does not
 * return, FindFolder paging) meeting each fault the service or the network can produce in the
 * middle of a query: the query returns exactly the rows of an undisturbed run (none duplicated
 * or missing after the retry) or fails with a clear SQLException.
 */
class EwsReadPathFaultsTest {

    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    /** A read path: a query, the properties that page it, and the operation the fault meets. */
    enum ReadPath {
        FIND_ITEM_PAGES("Pagesize=40;", "SELECT ItemId, Subject, DateTimeReceived FROM Inbox",
                1, "<m:FindItem"),
        GET_ITEM_BATCHES("Pagesize=60;BatchSize=10;",
                "SELECT ItemId, Subject, Body FROM Inbox", 2, "<m:GetItem"),
        FIND_FOLDER_PAGES("Pagesize=2;", "SELECT DisplayName FROM Folders", 1,
                "<m:FindFolder");

        final String properties;
        final String sql;
        /** Requests answered before the fault: the fault meets a request in mid-query. */
        final int served;
        final String operation;

        ReadPath(String properties, String sql, int served, String operation) {
            this.properties = properties;
            this.sql = sql;
            this.served = served;
            this.operation = operation;
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
        NOT_XML(FaultSpec.status(200).withBody("<s:Envelope xmlns:s=\"http://schemas.xmlsoap"
                + ".org/soap/envelope/\"><s:Body><m:FindItemResponse", "text/xml")),
        SERVER_BUSY_WITH_BACK_OFF(serverBusy(50)),
        SLOW_BUT_WITHIN_TIMEOUT(FaultSpec.latency(Duration.ofMillis(200)));

        final FaultSpec fault;

        Recoverable(FaultSpec fault) {
            this.fault = fault;
        }
    }

    /** Exchange's throttling answer: a SOAP fault with ErrorServerBusy and its back-off. */
    static FaultSpec serverBusy(long backOffMillis) {
        String text = "The server cannot service this request right now. Try again later.";
        return FaultSpec.status(500).withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<s:Fault><faultcode xmlns:a=\"" + TYPES + "\">a:ErrorServerBusy</faultcode>"
                + "<faultstring xml:lang=\"en-US\">" + text + "</faultstring><detail>"
                + "<e:ResponseCode xmlns:e=\"" + ERRORS + "\">ErrorServerBusy</e:ResponseCode>"
                + "<e:Message xmlns:e=\"" + ERRORS + "\">" + text + "</e:Message>"
                + "<t:MessageXml xmlns:t=\"" + TYPES + "\"><t:Value Name=\"BackOffMilliseconds\">"
                + backOffMillis + "</t:Value></t:MessageXml></detail></s:Fault></s:Body>"
                + "</s:Envelope>", "text/xml; charset=utf-8");
    }

    private final Emulator emu = FaultEmulator.get();

    @BeforeEach
    @AfterEach
    void clear() {
        emu.faults().reset();
        emu.clearRequestLog();
    }

    static Connection connect(String extra) throws SQLException {
        Emulator e = FaultEmulator.get();
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server=" + e.ewsUrl()
                + ";User=" + e.demoUser().userPrincipalName() + ";Password="
                + e.demoUser().password() + ";" + extra);
    }

    /** EWS requests logged since the log was cleared, optionally only one operation's. */
    static List<LoggedRequest> ewsRequests(String operation) {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : FaultEmulator.get().requestLog()) {
            if (r.path().startsWith("/EWS/")
                    && (operation == null || r.body().contains(operation))) {
                out.add(r);
            }
        }
        return out;
    }

    static Stream<Arguments> pathsAndFaults() {
        return Stream.of(ReadPath.values()).flatMap(p -> Stream.of(Recoverable.values())
                .map(f -> Arguments.of(p, f)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("pathsAndFaults")
    void aFaultInTheMiddleOfAQueryLeavesTheRowsExact(ReadPath path, Recoverable fault)
            throws SQLException {
        try (Connection c = connect(path.properties + "Timeout=20;")) {
            List<String> expected = FaultEmulator.rows(c, path.sql);
            assertTrue(ewsRequests(path.operation).size() > 1,
                    "the query must send several " + path.operation);
            assertTrue(expected.size() > 3, "rows to compare: " + expected.size());
            emu.clearRequestLog();
            emu.faults().next(path.served, FaultSpec.latency(Duration.ZERO)).next(fault.fault);
            List<String> got = FaultEmulator.rows(c, path.sql);
            assertEquals(expected, got);
            assertEquals(0, emu.faults().pending());
            LoggedRequest met = ewsRequests(null).get(path.served);
            assertTrue(met.fault(), "the fault was met: " + met);
            assertTrue(met.body().contains(path.operation), "the fault met " + path.operation);
        }
    }

    static Stream<ReadPath> paths() {
        return Stream.of(ReadPath.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void aResponseSlowerThanTheTimeoutFailsWithHyt00(ReadPath path) throws SQLException {
        try (Connection c = connect(path.properties + "Timeout=1;")) {
            FaultEmulator.rows(c, path.sql + " LIMIT 1");
            emu.faults().next(path.served, FaultSpec.latency(Duration.ZERO))
                    .next(FaultSpec.latency(Duration.ofSeconds(3)));
            SQLException cause = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, path.sql)));
            assertInstanceOf(SQLTimeoutException.class, cause, cause.toString());
            assertEquals("HYT00", cause.getSQLState());
            assertTrue(cause.getMessage().contains("Timeout"), cause.getMessage());
            // The connection is still usable once the slow answer is abandoned.
            assertFalse(FaultEmulator.rows(c, path.sql + " LIMIT 2").isEmpty());
        }
    }

    @Test
    void anAnswerThatKeepsBreakingOffFailsWith08S01AfterThreeRequests() throws SQLException {
        try (Connection c = connect("Pagesize=40;Timeout=20;")) {
            emu.faults().next(10, FaultSpec.truncatedBody());
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT ItemId, Subject FROM Inbox")));
            assertEquals("08S01", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("cut off"), e.getMessage());
            assertEquals(3, ewsRequests("<m:FindItem").size(),
                    "a broken page is requested three times in all");
        }
    }

    @Test
    void busyLongerThanTheTimeoutFailsAtOnceWithErrorServerBusy() throws SQLException {
        try (Connection c = connect("Pagesize=40;Timeout=2;")) {
            emu.faults().next(serverBusy(30_000));
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT ItemId FROM Inbox")));
            assertTrue(e.getMessage().contains("ErrorServerBusy"), e.getMessage());
            assertEquals(1, ewsRequests("<m:FindItem").size(), "not repeated: the back-off"
                    + " is longer than the Timeout");
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsWithTheStatus() throws SQLException {
        try (Connection c = connect("Pagesize=40;Timeout=20;")) {
            emu.faults().next(30, FaultSpec.status(429).header("Retry-After", "0.01"));
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT ItemId FROM Inbox")));
            assertEquals("08S01", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("429"), e.getMessage());
            assertEquals(25, ewsRequests("<m:FindItem").size(),
                    "the transport's bound, not repeated once more by the EWS client");
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnceWith08001() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Connection c = DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + "http://127.0.0.1:" + port + "/EWS/Exchange.asmx;User="
                + emu.demoUser().userPrincipalName() + ";Password=" + emu.demoUser().password()
                + ";Timeout=5;")) {
            SQLException e = sqlCause(assertThrows(SQLException.class,
                    () -> FaultEmulator.rows(c, "SELECT ItemId FROM Inbox")));
            assertEquals("08001", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }
}
