package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SQL beyond a single scan: prepared statements, joins, aggregates, routing by folder. */
class SqlOverGraphTest {

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(SharedEmulator.get().store().users().get(0)
                .userPrincipalName());
    }

    @Test
    void preparedStatementIsPlannedOnceAndGivesTheRightRowsForEachValue() throws Exception {
        List<Message> messages = mailbox().messages();
        try (Connection c = SharedEmulator.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id FROM Messages WHERE isRead = ? AND receivedDateTime >= ?")) {
            Instant since = messages.get(messages.size() / 2).receivedDateTime();
            for (boolean read : new boolean[] {true, false}) {
                ps.setBoolean(1, read);
                ps.setTimestamp(2, Timestamp.from(since));
                Set<String> expected = new HashSet<>();
                for (Message m : messages) {
                    if (m.isRead() == read && !m.receivedDateTime().isBefore(since)) {
                        expected.add(m.id());
                    }
                }
                Set<String> actual = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actual.add(rs.getString(1));
                    }
                }
                assertEquals(expected, actual, "isRead = " + read);
                assertTrue(!expected.isEmpty());
            }
        }
    }

    @Test
    void preparedLimitIsBoundAtExecution() throws Exception {
        try (Connection c = SharedEmulator.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT subject FROM Messages ORDER BY receivedDateTime DESC LIMIT ?")) {
            for (int n : new int[] {1, 7, 3}) {
                ps.setInt(1, n);
                assertEquals(n, SharedEmulator.rows(ps.executeQuery()).size());
            }
        }
    }

    @Test
    void joinsMessagesWithTheirFolders() throws Exception {
        Map<String, String> folderNames = new HashMap<>();
        for (MailFolder f : mailbox().folders()) {
            folderNames.put(f.id(), f.displayName());
        }
        Map<String, Integer> expected = new HashMap<>();
        for (Message m : mailbox().messages()) {
            expected.merge(folderNames.get(m.parentFolderId()), 1, Integer::sum);
        }
        try (Connection c = SharedEmulator.connect()) {
            Map<String, Integer> actual = new HashMap<>();
            for (Object[] row : SharedEmulator.rows(c,
                    "SELECT f.displayName, COUNT(*) AS n FROM Messages m "
                            + "JOIN MailFolders f ON m.parentFolderId = f.id "
                            + "GROUP BY f.displayName")) {
                actual.put((String) row[0], ((Number) row[1]).intValue());
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void countsAndGroupsInMemory() throws Exception {
        List<Message> messages = mailbox().messages();
        long unread = messages.stream().filter(m -> !m.isRead()).count();
        try (Connection c = SharedEmulator.connect()) {
            assertEquals(List.of((long) messages.size()),
                    SharedEmulator.column(c, "SELECT COUNT(*) FROM Messages"));
            List<Object[]> byRead = SharedEmulator.rows(c,
                    "SELECT isRead, COUNT(*) FROM Messages GROUP BY isRead ORDER BY isRead");
            assertEquals(2, byRead.size());
            assertEquals(false, byRead.get(0)[0]);
            assertEquals(unread, ((Number) byRead.get(0)[1]).longValue());
        }
    }

    @Test
    void wellKnownFolderNameRoutesToThatFolder() throws Exception {
        MailFolder inbox = mailbox().folder("inbox").orElseThrow();
        Set<String> expected = new HashSet<>();
        for (Message m : mailbox().messages(inbox)) {
            expected.add(m.id());
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object> ids = SharedEmulator.column(c,
                    "SELECT id FROM Messages WHERE parentFolderId = 'Inbox'");
            assertEquals(expected, new HashSet<>(ids));
            assertEquals(expected.size(), ids.size());
        }
    }

    @Test
    void userIdInReadsSeveralMailboxes() throws Exception {
        var users = SharedEmulator.get().store().users();
        String a = users.get(1).userPrincipalName();
        String b = users.get(2).userPrincipalName();
        int expected = SharedEmulator.get().store().mailbox(a).messageCount()
                + SharedEmulator.get().store().mailbox(b).messageCount();
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = SharedEmulator.rows(c,
                    "SELECT UserId, COUNT(*) FROM Messages WHERE UserId IN ('" + a + "', '" + b
                            + "') GROUP BY UserId");
            long total = 0;
            List<Object> seen = new ArrayList<>();
            for (Object[] row : rows) {
                seen.add(row[0]);
                total += ((Number) row[1]).longValue();
            }
            assertEquals(expected, total);
            assertEquals(Set.of(a, b), new HashSet<>(seen));
        }
    }

    @Test
    void subqueriesAndFunctionsRunOnTopOfTheScans() throws Exception {
        MailFolder inbox = mailbox().folder("inbox").orElseThrow();
        long inInbox = mailbox().messages(inbox).size();
        try (Connection c = SharedEmulator.connect()) {
            List<Object> n = SharedEmulator.column(c, "SELECT COUNT(*) FROM Messages"
                    + " WHERE parentFolderId IN (SELECT id FROM MailFolders"
                    + " WHERE displayName = '" + inbox.displayName() + "')");
            assertEquals(List.of(inInbox), n);
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT UPPER(subject),"
                    + " CHAR_LENGTH(subject), EXTRACT(YEAR FROM receivedDateTime)"
                    + " FROM Messages ORDER BY receivedDateTime DESC LIMIT 1");
            Message newest = mailbox().messages().stream()
                    .max(java.util.Comparator.comparing(Message::receivedDateTime)).orElseThrow();
            assertEquals(newest.subject().toUpperCase(java.util.Locale.ROOT), rows.get(0)[0]);
            assertEquals(newest.subject().length(), ((Number) rows.get(0)[1]).intValue());
            assertEquals((long) newest.receivedDateTime().atZone(java.time.ZoneOffset.UTC)
                    .getYear(), ((Number) rows.get(0)[2]).longValue());
        }
    }

    @Test
    void aLongInListOfMailboxesIsStillRoutedToEachMailbox() throws Exception {
        // Calcite turns IN lists of 20 values and more into a join unless told otherwise
        var users = SharedEmulator.get().store().users();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            in.append(i == 0 ? "" : ", ").append('\'')
                    .append(i < users.size() ? users.get(i).userPrincipalName()
                            : "absent" + i + "@nowhere.test").append('\'');
        }
        // unknown mailboxes fail the query (404): list the real ones, padded with repeats
        String list = in.toString().replaceAll("'absent\\d+@nowhere.test'",
                "'" + users.get(1).userPrincipalName() + "'");
        long expected = 0;
        for (var u : users) {
            expected += SharedEmulator.get().store().mailbox(u.userPrincipalName())
                    .messageCount();
        }
        try (Connection c = SharedEmulator.connect()) {
            assertEquals(List.of(expected), SharedEmulator.column(c,
                    "SELECT COUNT(*) FROM Messages WHERE UserId IN (" + list + ")"));
        }
    }

    @Test
    void mailboxesNamedByASubqueryAreEachRead() throws Exception {
        var store = SharedEmulator.get().store();
        var users = store.users();
        Map<String, Long> expected = new TreeMap<>();
        for (var u : users) {
            if (u.displayName().compareTo("M") < 0) {
                expected.put(u.id(), (long) store.mailbox(u.userPrincipalName()).messageCount());
            }
        }
        assertTrue(expected.size() >= 2 && expected.size() < users.size(),
                "the sample needs some users on each side of 'M': " + expected);
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            Map<String, Long> counted = new TreeMap<>();
            for (Object[] row : SharedEmulator.rows(c, "SELECT UserId, COUNT(*) FROM Messages"
                    + " WHERE UserId IN (SELECT id FROM Users WHERE displayName < 'M')"
                    + " GROUP BY UserId")) {
                counted.put((String) row[0], ((Number) row[1]).longValue());
            }
            assertEquals(expected, counted);
            Set<String> read = new TreeSet<>();
            for (var r : SharedEmulator.graphRequests()) {
                if (r.path().endsWith("/messages")) {
                    read.add(r.path().replaceAll("^/v1.0/users/([^/]+)/messages$", "$1"));
                }
            }
            assertEquals(expected.keySet(), read, "one message listing per named mailbox");
        }
    }

    @Test
    void aSubqueryNamingNoMailboxReadsNone() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            assertEquals(List.of(0L), SharedEmulator.column(c, "SELECT COUNT(*) FROM Messages"
                    + " WHERE UserId IN (SELECT id FROM Users WHERE displayName = 'Nobody')"));
            for (var r : SharedEmulator.graphRequests()) {
                assertFalse(r.path().endsWith("/messages"), r.toString());
            }
        }
    }

    @Test
    void aJoinOnUserIdReadsEachJoinedMailbox() throws Exception {
        var store = SharedEmulator.get().store();
        Map<String, Long> expected = new TreeMap<>();
        for (var u : store.users()) {
            if (u.displayName().compareTo("M") >= 0) {
                expected.put(u.displayName(),
                        (long) store.mailbox(u.userPrincipalName()).messageCount());
            }
        }
        try (Connection c = SharedEmulator.connect()) {
            for (String sql : List.of(
                    "SELECT u.displayName, COUNT(*) FROM Messages m JOIN Users u"
                            + " ON m.UserId = u.id WHERE u.displayName >= 'M'"
                            + " GROUP BY u.displayName",
                    "SELECT u.displayName, COUNT(m.id) FROM Users u JOIN Messages m"
                            + " ON u.userPrincipalName = m.UserId WHERE u.displayName >= 'M'"
                            + " GROUP BY u.displayName")) {
                Map<String, Long> counted = new TreeMap<>();
                for (Object[] row : SharedEmulator.rows(c, sql)) {
                    counted.put((String) row[0], ((Number) row[1]).longValue());
                }
                assertEquals(expected, counted, sql);
            }
        }
    }
}
