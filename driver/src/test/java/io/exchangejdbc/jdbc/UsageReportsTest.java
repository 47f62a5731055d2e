package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The usage-report views: a report function, its redirect to a CSV file, rows from the file. */
class UsageReportsTest {

    private static String path(LoggedRequest r) {
        return URLDecoder.decode(r.path(), StandardCharsets.UTF_8);
    }

    /** The report date: the day of the newest message of the tenant. */
    private static LocalDate reportDate() {
        Instant newest = Instant.EPOCH;
        for (User u : SharedEmulator.get().store().users()) {
            for (Message m : SharedEmulator.get().store().mailbox(u.userPrincipalName())
                    .messages()) {
                if (m.receivedDateTime() != null && m.receivedDateTime().isAfter(newest)) {
                    newest = m.receivedDateTime();
                }
            }
        }
        return LocalDate.ofInstant(newest, ZoneOffset.UTC);
    }

    @Test
    void mailboxUsageFollowsTheRedirectAndReadsTheCsv() throws Exception {
        List<User> users = SharedEmulator.get().store().users();
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT UserPrincipalName, ItemCount,"
                    + " DeletedItemCount, ReportPeriod, \"Period\", ReportRefreshDate, HasArchive,"
                    + " ProhibitSendReceiveQuotaByte FROM MailboxUsageDetails"
                    + " WHERE \"Period\" = 'D7'");
            assertEquals(users.size(), rows.size());
            for (int i = 0; i < users.size(); i++) {
                Mailbox mb = SharedEmulator.get().store().mailbox(users.get(i)
                        .userPrincipalName());
                int deleted = mb.messages(mb.folder(WellKnownFolder.DELETEDITEMS)).size();
                Object[] r = rows.get(i);
                assertEquals(users.get(i).userPrincipalName(), r[0]);
                assertEquals((long) (mb.messageCount() - deleted), r[1]);
                assertEquals((long) deleted, r[2]);
                assertEquals(7, r[3]);
                assertEquals("D7", r[4]);
                assertEquals(Date.valueOf(reportDate()), r[5]);
                assertEquals(Boolean.FALSE, r[6]);
                assertEquals(107374182400L, r[7]);
            }
            List<LoggedRequest> requests = SharedEmulator.graphRequests();
            assertEquals(2, requests.size(), requests.toString());
            assertEquals("/v1.0/reports/getMailboxUsageDetail(period='D7')",
                    path(requests.get(0)));
            assertTrue(path(requests.get(1)).startsWith("/v1.0/reportDownloads/"),
                    path(requests.get(1)));
        }
    }

    @Test
    void emailActivityCountsTheMailOfThePeriod() throws Exception {
        LocalDate to = reportDate();
        LocalDate from = to.minusDays(29);
        Map<String, Long> received = new HashMap<>();
        for (User u : SharedEmulator.get().store().users()) {
            Mailbox mb = SharedEmulator.get().store().mailbox(u.userPrincipalName());
            MailFolder sent = mb.folder(WellKnownFolder.SENTITEMS);
            MailFolder drafts = mb.folder(WellKnownFolder.DRAFTS);
            long n = 0;
            for (Message m : mb.messages()) {
                if (m.folder() == sent || m.folder() == drafts || m.receivedDateTime() == null) {
                    continue;
                }
                LocalDate d = LocalDate.ofInstant(m.receivedDateTime(), ZoneOffset.UTC);
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    n++;
                }
            }
            received.put(u.userPrincipalName(), n);
        }
        try (Connection c = SharedEmulator.connect()) {
            Map<String, Long> actual = new HashMap<>();
            for (Object[] r : SharedEmulator.rows(c, "SELECT UserPrincipalName, ReceiveCount"
                    + " FROM EmailActivityUserDetail WHERE \"Period\" = 'D30'")) {
                actual.put((String) r[0], (Long) r[1]);
            }
            assertEquals(received, actual);
            assertTrue(received.values().stream().anyMatch(v -> v > 0));
        }
    }

    @Test
    void groupsActivityListsTheMicrosoft365Groups() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Group g : SharedEmulator.get().store().tenant().groups()) {
            if (g.groupTypes().contains("Unified")) {
                expected.add(g.displayName() + "/" + g.members().size());
            }
        }
        try (Connection c = SharedEmulator.connect()) {
            List<String> actual = new ArrayList<>();
            for (Object[] r : SharedEmulator.rows(c, "SELECT GroupDisplayName, MemberCount"
                    + " FROM Office365GroupsActivityDetail WHERE \"Period\" = 'D90'")) {
                actual.add(r[0] + "/" + r[1]);
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void aReportNeedsAKnownPeriod() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            SQLException missing = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT * FROM EmailAppUsageUserDetail"));
            assertEquals("42000", missing.getSQLState());
            assertTrue(missing.getMessage().contains("WHERE \"Period\" = '...'"),
                    missing.getMessage());
            SQLException bad = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT * FROM Office365ActiveUserDetail WHERE \"Period\" = 'D8'"));
            assertEquals("22023", bad.getSQLState());
            assertTrue(bad.getMessage().contains("D7, D30, D90, D180"), bad.getMessage());
            assertTrue(SharedEmulator.graphRequests().isEmpty());
        }
    }
}
