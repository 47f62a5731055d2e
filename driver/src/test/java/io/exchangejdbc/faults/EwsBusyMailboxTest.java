package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ErrorServerBusy for one mailbox of a connection that reads several through EWS impersonation
 * ({@code WHERE ImpersonationUser = '...'}): that mailbox's requests wait out its
 * BackOffMilliseconds (a second statement on it too, held back by the connection's per-mailbox
 * scheduler), while another mailbox is read meanwhile on the same connection.
 */
class EwsBusyMailboxTest {

    private static final long BACK_OFF_MILLIS = 3_000;
    private static Emulator emu;
    private static User busy;
    private static User free;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(31).users(3).messagesPerUser(40).build().start();
        emu.tenant().permissions().grantImpersonation(emu.demoUser().id());
        busy = emu.store().users().get(1);
        free = emu.store().users().get(2);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server=" + emu.ewsUrl()
                + ";User=" + emu.demoUser().userPrincipalName() + ";Password="
                + emu.demoUser().password() + ";Pagesize=3;Timeout=30;");
    }

    /** The Inbox of {@code u}, read through impersonation. */
    private static String inboxOf(User u) {
        return "SELECT ItemId, Subject FROM Inbox WHERE ImpersonationUser = '"
                + u.userPrincipalName() + "'";
    }

    private static List<LoggedRequest> requestsFor(User u) {
        return emu.requestLog().stream().filter(r -> r.path().startsWith("/EWS/")
                && u.userPrincipalName().equalsIgnoreCase(r.header("X-AnchorMailbox")))
                .toList();
    }

    @Test
    void aBusyMailboxWaitsWhileAnotherGoesOn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection c = connect()) {
            List<String> busyRows = FaultEmulator.rows(c, inboxOf(busy));
            List<String> freeRows = FaultEmulator.rows(c, inboxOf(free));
            assertTrue(freeRows.size() > 6, "the other mailbox takes several pages");
            assertFalse(busyRows.equals(freeRows), "two mailboxes");
            emu.clearRequestLog();
            emu.ews().serverBusy(busy.userPrincipalName(), BACK_OFF_MILLIS, 1);

            Future<List<String>> first = pool.submit(() -> FaultEmulator.rows(c, inboxOf(busy)));
            LoggedRequest refused = awaitFirstRequest(busy);
            // A second statement on the busy mailbox, sent while its back-off runs.
            Future<List<String>> second = pool.submit(() -> FaultEmulator.rows(c, inboxOf(busy)));
            // The other mailbox is read in full meanwhile.
            assertEquals(freeRows, FaultEmulator.rows(c, inboxOf(free)));
            assertFalse(first.isDone(), "the busy mailbox is still waiting");

            assertEquals(busyRows, first.get(60, TimeUnit.SECONDS));
            assertEquals(busyRows, second.get(60, TimeUnit.SECONDS));

            List<LoggedRequest> busyLog = requestsFor(busy);
            assertEquals(500, refused.status(), "ErrorServerBusy is a SOAP fault");
            long lastFree = requestsFor(free).stream().mapToLong(LoggedRequest::sequence)
                    .max().orElseThrow();
            LoggedRequest retry = busyLog.get(1);
            assertTrue(lastFree < retry.sequence(), "the other mailbox finished before the"
                    + " busy one was asked again");
            for (LoggedRequest r : busyLog.subList(1, busyLog.size())) {
                assertTrue(Duration.between(refused.time(), r.time()).toMillis()
                        >= BACK_OFF_MILLIS, "no request to the busy mailbox within its"
                        + " back-off: " + r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static LoggedRequest awaitFirstRequest(User u) throws InterruptedException {
        for (int i = 0; i < 2_000; i++) {
            List<LoggedRequest> log = requestsFor(u);
            if (!log.isEmpty() && log.get(0).status() != 0) {
                return log.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request reached mailbox " + u.userPrincipalName());
    }
}
