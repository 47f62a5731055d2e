package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Statement.cancel()}, {@code setQueryTimeout} and an early {@code ResultSet.close()}
 * stop a query's requests, including one the service is slow to answer, and leave the connection
 * ready for the next query.
 */
class CancellationTest {

    private final Emulator emu = FaultEmulator.get();

    @BeforeEach
    @AfterEach
    void clear() {
        emu.faults().reset();
        emu.clearRequestLog();
    }

    /** Waits until the emulator has received a Graph request for messages. */
    private void awaitMessagesRequest() throws InterruptedException {
        while (FaultEmulator.requests("/messages").isEmpty()) {
            Thread.sleep(5);
        }
    }

    @Test
    void cancelStopsARequestInFlight() throws Exception {
        try (Connection c = FaultEmulator.connect("Timeout=60;");
                Statement s = c.createStatement()) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            emu.clearRequestLog();
            emu.faults().next(FaultSpec.latency(Duration.ofSeconds(30)));
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rs = s.executeQuery("SELECT id, subject FROM Messages")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            awaitMessagesRequest();
            s.cancel();
            // Bounded only so that a regression fails instead of hanging the build.
            Throwable t = run.get(20, TimeUnit.SECONDS);
            SQLException e = ReadPathFaultsTest.sqlCause(t);
            assertEquals("HY008", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertFalse(FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 3").isEmpty());
        }
    }

    @Test
    void queryTimeoutStopsASlowRequest() throws Exception {
        try (Connection c = FaultEmulator.connect("Timeout=60;");
                Statement s = c.createStatement()) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            s.setQueryTimeout(1);
            emu.faults().next(FaultSpec.latency(Duration.ofSeconds(30)));
            Throwable t = assertThrows(Throwable.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT id, subject FROM Messages")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            });
            SQLException e = ReadPathFaultsTest.sqlCause(t);
            assertInstanceOf(SQLTimeoutException.class, e, e.toString());
            assertEquals("HYT00", e.getSQLState());
            assertTrue(e.getMessage().contains("query timeout"), e.getMessage());
            assertFalse(FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 3").isEmpty());
        }
    }

    @Test
    void aRetryAfterLongerThanTheQueryTimeoutIsNotWaitedFor() throws Exception {
        try (Connection c = FaultEmulator.connect("Timeout=120;");
                Statement s = c.createStatement()) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            s.setQueryTimeout(1);
            emu.faults().next(FaultSpec.status(429).header("Retry-After", "60"));
            SQLException e = ReadPathFaultsTest.sqlCause(assertThrows(Throwable.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT id FROM Messages")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }));
            // Waiting as asked would pass the query timeout: the throttling is reported.
            assertEquals("08S01", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("429"), e.getMessage());
        }
    }

    @Test
    void closingAResultSetEarlyStopsPaging() throws Exception {
        try (Connection c = FaultEmulator.connect("Pagesize=10;Timeout=20;");
                Statement s = c.createStatement()) {
            FaultEmulator.rows(c, "SELECT id FROM Messages LIMIT 1");
            emu.clearRequestLog();
            try (ResultSet rs = s.executeQuery("SELECT id, subject FROM Messages")) {
                assertTrue(rs.next());
            }
            int afterClose = FaultEmulator.requests("/messages").size();
            // Another query on the connection completes; the closed one must not have gone on.
            FaultEmulator.rows(c, "SELECT id FROM Users");
            int later = FaultEmulator.requests("/messages").size();
            int pages = FaultEmulator.MESSAGES / 10;
            assertTrue(later <= 6, "pages requested after an early close: " + later + " of "
                    + pages);
            assertTrue(later - afterClose <= 1, afterClose + " then " + later);
        }
    }
}
