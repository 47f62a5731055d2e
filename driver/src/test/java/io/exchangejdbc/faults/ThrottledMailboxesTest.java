package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.http.Throttling;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A count over ten mailboxes against an emulator that throttles as Outlook does (4 concurrent
 * requests per mailbox, a small request budget per window): the driver returns the exact total,
 * keeps within the concurrency limit and waits as each mailbox's {@code Retry-After} asks.
 */
class ThrottledMailboxesTest {

    private static final int USERS = 10;
    private static final int MESSAGES = 120;
    private static Emulator emu;
    private static String userList;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(21).users(USERS).messagesPerUser(MESSAGES).build().start();
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < USERS; i++) {
            in.add("'" + emu.store().users().get(i).userPrincipalName() + "'");
        }
        userList = in.toString();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void throttle() {
        // A page of 20 makes 6 requests per mailbox and query, over a budget of 5 per second.
        emu.setThrottling(Throttling.graphDefaults().withWindow(Duration.ofSeconds(1))
                .withBudget(5).withConcurrencyRetryAfter(Duration.ofMillis(300)));
        emu.resetThrottlingCounters();
        emu.clearRequestLog();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:exchange:" + emu.connectionString()
                + "Pagesize=20;");
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM Messages WHERE UserId IN " + userList)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void countsEveryMailboxExactlyUnderTheRequestBudget() throws Exception {
        try (Connection c = connect()) {
            assertEquals((long) USERS * MESSAGES, count(c));
        }
        assertTrue(emu.throttledCount() > 0, "the budget was used up: " + summary());
        assertHonoured();
    }

    @Test
    void parallelQueriesKeepWithinFourRequestsPerMailbox() throws Exception {
        // A budget too large to matter: only the concurrency limit is tested here.
        emu.setThrottling(Throttling.graphDefaults().withWindow(Duration.ofSeconds(1))
                .withBudget(100_000).withConcurrencyRetryAfter(Duration.ofMillis(300)));
        int queries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(queries);
        try (Connection c = connect()) {
            List<Future<Long>> totals = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                totals.add(pool.submit(() -> count(c)));
            }
            for (Future<Long> total : totals) {
                assertEquals((long) USERS * MESSAGES, total.get(), "no query failed");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, emu.throttledCount(), "the driver kept within the limit: " + summary());
        assertHonoured();
    }

    /** The emulator saw no fifth request at once to a mailbox, and no retry came too soon. */
    private static void assertHonoured() {
        assertTrue(emu.peakMailboxConcurrency() <= Throttling.GRAPH_CONCURRENCY, summary());
        assertEquals(0, emu.requestsBeforeRetryAfter(), "Retry-After honoured: " + summary());
    }

    private static String summary() {
        int messages = 0;
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().contains("/messages")) {
                messages++;
            }
        }
        return messages + " message requests, " + emu.throttledCount() + " answered 429, peak "
                + emu.peakMailboxConcurrency() + " at once per mailbox, "
                + emu.requestsBeforeRetryAfter() + " before their Retry-After";
    }
}
