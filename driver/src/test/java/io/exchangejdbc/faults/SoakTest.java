package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.jdbc.ExchangeDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand queries from eight threads on one DataSource while the emulator injects a fault
 * into 5% of the requests: no thread gets stuck, no connection or file handle leaks, and every
 * query either returns exactly the right rows or fails with a clear SQLException.
 */
class SoakTest {

    private static final int THREADS = 8;
    private static final int QUERIES = 10_000;
    /** A thread closes its connection and takes a new one this often, to exercise close(). */
    private static final int RECONNECT_EVERY = 250;

    @Test
    void tenThousandQueriesUnderFaultsAreEachRightOrCleanlyFailed() throws Exception {
        Emulator emu = FaultEmulator.get();
        String small = emu.store().users().get(1).userPrincipalName();
        List<String> queries = List.of(
                "SELECT id, subject FROM Messages WHERE UserId = '" + small + "'",
                "SELECT id FROM Messages WHERE UserId = '" + small + "' AND isRead = true",
                "SELECT COUNT(*) FROM Users",
                "SELECT displayName FROM MailFolders WHERE UserId = '" + small + "'"
                        + " ORDER BY displayName");
        String extra = "Pagesize=10;Timeout=20;";
        ExchangeDataSource ds = new ExchangeDataSource(emu.connectionString() + extra);
        Map<String, List<String>> expected = new ConcurrentHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (String q : queries) {
                expected.put(q, FaultEmulator.rows(c, q));
                assertTrue(!expected.get(q).isEmpty(), q);
            }
        }
        long descriptorsBefore = openDescriptors();
        emu.faults().randomly(0.05, 42, List.of(
                FaultSpec.status(429).header("Retry-After", "0"),
                FaultSpec.status(503),
                FaultSpec.status(504),
                FaultSpec.connectionReset(),
                FaultSpec.truncatedBody(),
                FaultSpec.body("{\"value\": [ not json")));
        AtomicInteger right = new AtomicInteger();
        AtomicInteger failedCleanly = new AtomicInteger();
        Set<String> states = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Connection c = ds.getConnection();
                    try {
                        for (int i = thread; i < QUERIES; i += THREADS) {
                            if (i % RECONNECT_EVERY == thread) {
                                c.close();
                                c = ds.getConnection();
                            }
                            String q = queries.get(i % queries.size());
                            try {
                                List<String> rows = FaultEmulator.rows(c, q);
                                assertEquals(expected.get(q), rows, q);
                                right.incrementAndGet();
                            } catch (SQLException e) {
                                assertNotNull(e.getSQLState(), e.toString());
                                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                                states.add(e.getSQLState());
                                failedCleanly.incrementAndGet();
                            }
                        }
                    } finally {
                        c.close();
                    }
                    return null;
                }));
            }
            pool.shutdown();
            // a bound, not a measurement: a stuck thread would never end
            assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "a thread is stuck");
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            emu.faults().reset();
        }
        assertEquals(QUERIES, right.get() + failedCleanly.get());
        assertTrue(right.get() > QUERIES * 0.95, "retries should absorb most faults: "
                + right.get() + " right, failures " + states);
        assertTrue(states.stream().allMatch(s -> s.startsWith("08") || s.equals("HYT00")),
                "failures are communication errors or time-outs: " + states);
        // Closed clients' sockets go once the JDK notices them unreachable, and idle server
        // sockets when the emulator times them out: allow that, not one per query or connection
        // (10,000 queries and some 300 connections ran).
        long after = openDescriptors();
        for (int i = 0; i < 50 && after > descriptorsBefore + LEAK_SLACK; i++) {
            Thread.sleep(200);
            after = openDescriptors();
        }
        assertTrue(after <= descriptorsBefore + LEAK_SLACK,
                "file handles leaked: " + descriptorsBefore + " before, " + after + " after");
    }

    /** Descriptors that may still be open after the run: far fewer than queries or connections. */
    private static final int LEAK_SLACK = 150;

    private static long openDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            System.gc();
            return unix.getOpenFileDescriptorCount();
        }
        return 0;
    }
}
