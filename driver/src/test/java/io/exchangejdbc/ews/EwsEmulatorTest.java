package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema=EWS end to end against the emulator's EWS front (written from Microsoft's schemas, not
 * from the driver): values compared with the emulator's store, requests read from its log.
 */
class EwsEmulatorTest {

    private static Emulator emulator;
    private static User user;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().seed(11).users(2).messagesPerUser(40)
                .messagesForUser(0, 10_000).port(0).build().start();
        user = emulator.demoUser();
        mailbox = emulator.store().mailbox(user.id());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + emulator.ewsUrl() + ";User=" + user.userPrincipalName() + ";Password="
                + user.password() + ";" + extra);
    }

    private static List<LoggedRequest> ewsRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emulator.requestLog()) {
            if (r.path().startsWith("/EWS/")) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Message> inbox() {
        MailFolder inbox = mailbox.folder("inbox").orElseThrow();
        return mailbox.messages(inbox);
    }

    @Test
    void unreadInboxNewestFirstIsOneFindItem() throws Exception {
        List<String> expected = inbox().stream().filter(m -> !m.isRead())
                .sorted(Comparator.comparing(Message::receivedDateTime).reversed())
                .limit(10).map(Message::subject).toList();
        emulator.clearRequestLog();
        List<String> subjects = new ArrayList<>();
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT Subject, DateTimeReceived FROM Inbox"
                        + " WHERE IsRead = false ORDER BY DateTimeReceived DESC LIMIT 10")) {
            while (rs.next()) {
                subjects.add(rs.getString(1));
            }
        }
        assertEquals(expected, subjects);
        List<LoggedRequest> log = ewsRequests();
        assertEquals(1, log.size(), "one FindItem");
        String body = log.get(0).body();
        assertTrue(body.contains("<m:FindItem Traversal=\"Shallow\">"), body);
        assertTrue(body.contains("<t:IsEqualTo><t:FieldURI FieldURI=\"message:IsRead\"/>"
                + "<t:FieldURIOrConstant><t:Constant Value=\"false\"/>"), body);
        assertTrue(body.contains("<t:FieldOrder Order=\"Descending\"><t:FieldURI"
                + " FieldURI=\"item:DateTimeReceived\"/>"), body);
        assertTrue(body.contains("MaxEntriesReturned=\"10\""), body);
        assertEquals(200, log.get(0).status());
    }

    @Test
    void fiveThousandItemsWithShortPagesComeBackEachOnce() throws Exception {
        Set<String> expected = inbox().stream().map(Message::subject).collect(
                Collectors.toSet());
        int total = inbox().size();
        assertTrue(total >= 5000, "the generator puts about half of 10,000 in the Inbox: "
                + total);
        emulator.ews().setShortPageEvery(3);
        emulator.clearRequestLog();
        try {
            Set<String> ids = new HashSet<>();
            Set<String> subjects = new HashSet<>();
            int rows = 0;
            try (Connection c = connect("Pagesize=1000"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ItemId, Subject FROM Inbox")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    subjects.add(rs.getString(2));
                    rows++;
                }
            }
            assertEquals(total, rows);
            assertEquals(total, ids.size(), "each item exactly once");
            assertEquals(expected, subjects);
            assertTrue(emulator.ews().shortPagesServed() > 0, "short pages were served");
            assertTrue(ewsRequests().size() > total / 1000, "several pages");
        } finally {
            emulator.ews().setShortPageEvery(0);
        }
    }

    @Test
    void recipientsAndBodiesComeFromGetItem() throws Exception {
        Message newest = inbox().stream().max(Comparator.comparing(Message::receivedDateTime)
                .thenComparing(Message::seq)).orElseThrow();
        emulator.clearRequestLog();
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT Subject, ToRecipients_EmailAddresses,"
                        + " From_EmailAddress FROM Inbox ORDER BY DateTimeReceived DESC"
                        + " LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals(newest.subject(), rs.getString(1));
            assertEquals(newest.toRecipients().stream().map(EmailAddress::address)
                    .collect(Collectors.joining(";")), rs.getString(2));
            assertEquals(newest.from().address(), rs.getString(3));
            assertFalse(rs.next());
        }
        List<LoggedRequest> log = ewsRequests();
        assertEquals(2, log.size());
        assertTrue(log.get(1).body().contains("<m:GetItem>"), log.get(1).body());
    }

    @Test
    void serverBusyIsWaitedOut() throws Exception {
        emulator.ews().serverBusy(user.userPrincipalName(), 20, 2);
        emulator.clearRequestLog();
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox LIMIT 3")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(3, n);
        }
        assertEquals(3, ewsRequests().size(), "two busy answers, then the page");
    }

    @Test
    void badInputGivesClearErrors() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT Name FROM Calendar_RequiredAttendees"
                        + " WHERE ItemId = 'AAMkAGI2TG93AAA='")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().matches("(?s)Exchange refused GetItem: Error\\w+.*"),
                    e.getMessage());
        }
        SQLException platform = assertThrows(SQLException.class,
                () -> connect("Platform=Exchange2099").close());
        assertTrue(platform.getMessage().contains("Platform"), platform.getMessage());
        SQLException password = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                    + emulator.ewsUrl() + ";User=" + user.userPrincipalName()
                    + ";Password=wrong"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                rs.next();
            }
        });
        assertEquals("28000", password.getSQLState());
        assertFalse(password.getMessage().contains("wrong"), password.getMessage());
    }

    @Test
    void foldersAndImpersonationReachTheEmulator() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DisplayName FROM Folders"
                        + " WHERE ParentFolderName = 'Inbox'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        assertTrue(names.contains("Projects"), names.toString());
        assertTrue(names.contains("Newsletters"), names.toString());
    }
}
