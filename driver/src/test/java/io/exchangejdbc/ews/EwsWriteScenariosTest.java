package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes through Schema=EWS against the emulator, checked in its store and, where Graph reads
 * the same store, through Schema=MSGraph: drafts sent with SendItem, folders, meeting
 * invitations, impersonation, per-item errors of multi-row statements and bad input that
 * changes nothing. Every EWS request is validated against Microsoft's schemas.
 */
class EwsWriteScenariosTest {

    /** A well-formed id that names no item of the emulator. */
    private static final String UNKNOWN_ID = "AAMkAGI2TG93AAA=";

    private static Emulator emulator;
    private static User user;
    private static User other;
    private static Mailbox mailbox;
    private static Mailbox otherBox;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().seed(23).users(3).messagesPerUser(20).port(0).build()
                .start();
        user = emulator.demoUser();
        other = emulator.tenant().users().stream().filter(u -> !u.id().equals(user.id()))
                .findFirst().orElseThrow();
        mailbox = emulator.store().mailbox(user.id());
        otherBox = emulator.store().mailbox(other.id());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection ews(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + emulator.ewsUrl() + ";User=" + user.userPrincipalName() + ";Password="
                + user.password() + ";" + extra);
    }

    private static Connection graph() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + emulator.connectionString());
    }

    private static List<LoggedRequest> ewsLog() {
        return emulator.requestLog().stream().filter(r -> r.path().startsWith("/EWS/"))
                .toList();
    }

    private static void validateAll() throws Exception {
        for (LoggedRequest r : ewsLog()) {
            EwsSchemaValidator.validate(r.body());
        }
    }

    private static Optional<Message> in(Mailbox box, WellKnownFolder folder, String subject) {
        MailFolder f = box.folder(folder);
        return box.messages(f).stream().filter(m -> subject.equals(m.subject())).findFirst();
    }

    private static String draftId(Statement s, String subject) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT ItemId FROM Drafts WHERE Subject = '"
                + subject + "'")) {
            assertTrue(rs.next(), "draft " + subject);
            return rs.getString(1);
        }
    }

    @Test
    void draftSentWithSendItemArrivesAndGraphSeesIt() throws Exception {
        String subject = "Budget figures for the recipient";
        emulator.clearRequestLog();
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO Drafts (Subject, Body,"
                    + " ToRecipients_EmailAddresses) VALUES ('" + subject + "', 'See the"
                    + " figures', '" + other.mail() + "')"));
            assertTrue(in(mailbox, WellKnownFolder.DRAFTS, subject).isPresent());
            assertTrue(in(otherBox, WellKnownFolder.INBOX, subject).isEmpty(), "not sent yet");
            String id = draftId(s, subject);
            try (ResultSet rs = s.executeQuery("EXEC SendItem ItemId = '" + id + "'")) {
                assertTrue(rs.next());
            }
        }
        validateAll();
        Message arrived = in(otherBox, WellKnownFolder.INBOX, subject).orElseThrow();
        assertFalse(arrived.isRead());
        assertTrue(in(mailbox, WellKnownFolder.DRAFTS, subject).isEmpty(), "left Drafts");
        assertTrue(in(mailbox, WellKnownFolder.SENTITEMS, subject).isPresent(), "kept in Sent");
        try (Connection g = graph(); PreparedStatement p = g.prepareStatement(
                "SELECT subject, parentFolderId, from_emailAddress_address, isRead"
                        + " FROM Messages WHERE UserId = ? AND subject = ?")) {
            p.setString(1, other.userPrincipalName());
            p.setString(2, subject);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), "Graph reads the delivered message");
                assertEquals(otherBox.folder(WellKnownFolder.INBOX).id(), rs.getString(2));
                assertEquals(user.mail(), rs.getString(3));
                assertFalse(rs.getBoolean(4));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void foldersAreCreatedRenamedAndDeletedInTheStoreGraphReads() throws Exception {
        emulator.clearRequestLog();
        MailFolder inbox = mailbox.folder(WellKnownFolder.INBOX);
        String id;
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO Folders (DisplayName, FolderClass)"
                    + " VALUES ('Receipts', 'IPF.Note')"));
            assertEquals(1, s.executeUpdate("INSERT INTO Folders (DisplayName,"
                    + " ParentFolderName) VALUES ('Invoices', 'Inbox')"));
            assertTrue(inbox.children().stream().anyMatch(f -> f.displayName()
                    .equals("Invoices")), "created below the Inbox");
            try (ResultSet rs = s.executeQuery("SELECT FolderId FROM Folders"
                    + " WHERE DisplayName = 'Receipts'")) {
                assertTrue(rs.next());
                id = rs.getString(1);
            }
            SQLException dup = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Folders (DisplayName) VALUES ('Receipts')"));
            assertTrue(dup.getMessage().contains("ErrorFolderExists"), dup.getMessage());
        }
        assertEquals(List.of("Receipts"), graphFolders("Receipts"));
        try (Connection c = ews(""); PreparedStatement p = c.prepareStatement(
                "UPDATE Folders SET DisplayName = 'Receipts 2026' WHERE FolderId = ?")) {
            p.setString(1, id);
            assertEquals(1, p.executeUpdate());
        }
        assertEquals(List.of("Receipts 2026"), graphFolders("Receipts"));
        try (Connection c = ews(""); PreparedStatement p = c.prepareStatement(
                "DELETE FROM Folders WHERE FolderId = ?")) {
            p.setString(1, id);
            assertEquals(1, p.executeUpdate());
        }
        assertEquals(List.of(), graphFolders("Receipts"));
        validateAll();
        List<String> ops = ewsLog().stream().map(r -> r.body()).filter(b -> b.contains(
                "Folder")).map(b -> b.substring(b.indexOf("<soap:Body><m:") + 14).split(
                "[ >]")[0]).filter(o -> !o.equals("FindFolder")).toList();
        assertEquals(List.of("CreateFolder", "CreateFolder", "CreateFolder", "UpdateFolder",
                "DeleteFolder"), ops);
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            String inboxId;
            try (ResultSet rs = s.executeQuery("SELECT ParentFolderId FROM Folders"
                    + " WHERE ParentFolderName = 'Inbox' AND DisplayName = 'Invoices'")) {
                assertTrue(rs.next());
                inboxId = rs.getString(1);
            }
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM Folders WHERE FolderId = '" + inboxId + "'"));
            assertTrue(e.getMessage().contains("ErrorDeleteDistinguishedFolder"),
                    e.getMessage());
        }
        assertTrue(mailbox.folder(WellKnownFolder.INBOX) == inbox, "the Inbox is kept");
    }

    /** The display names Graph lists among the demo user's top folders, starting so. */
    private static List<String> graphFolders(String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection g = graph(); Statement s = g.createStatement();
                ResultSet rs = s.executeQuery("SELECT displayName FROM MailFolders")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static long eventsNamed(Mailbox box, String subject) {
        return box.calendars().events().stream().map(CalendarEvent::subject)
                .filter(subject::equals).count();
    }

    @Test
    void aWriteWhoseConnectionDropsIsNotRepeatedAndMayHaveBeenApplied() throws Exception {
        emulator.clearRequestLog();
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            emulator.faults().next(io.exchangejdbc.emulator.http.FaultSpec.connectionReset());
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Drafts (Subject) VALUES ('Dropped on the way back')"));
            assertTrue(e.getMessage().contains("may have been applied"), e.getMessage());
            assertFalse(e.getMessage().contains("Nothing was changed"), e.getMessage());
            assertFalse(e.getMessage().contains("Run the query again"), e.getMessage());
            assertEquals("08S01", e.getSQLState());
        } finally {
            emulator.faults().reset();
        }
        assertEquals(1, ewsLog().stream().filter(r -> r.body().contains("<m:CreateItem"))
                .count(), "sent once");
        assertTrue(in(mailbox, WellKnownFolder.DRAFTS, "Dropped on the way back").isEmpty());
    }

    @Test
    void meetingInvitationsAreSentOnlyWhenAsked() throws Exception {
        emulator.clearRequestLog();
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO Calendar (Subject, \"Start\", \"End\","
                    + " RequiredAttendees_EmailAddresses, SendMeetingInvitations) VALUES"
                    + " ('Kickoff', TIMESTAMP '2026-12-10 09:00:00', TIMESTAMP"
                    + " '2026-12-10 10:00:00', '" + other.mail() + "', 'sendtoallandsavecopy')"));
            assertEquals(1, s.executeUpdate("INSERT INTO Calendar (Subject, \"Start\", \"End\","
                    + " RequiredAttendees_EmailAddresses) VALUES ('Quiet prep', TIMESTAMP"
                    + " '2026-12-10 08:00:00', TIMESTAMP '2026-12-10 08:30:00', '"
                    + other.mail() + "')"));
            SQLException bad = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Calendar (Subject, \"Start\", \"End\", SendMeetingInvitations)"
                            + " VALUES ('Never', TIMESTAMP '2026-12-10 08:00:00', TIMESTAMP"
                            + " '2026-12-10 08:30:00', 'SendOnlyToChanged')"));
            assertEquals("22023", bad.getSQLState());
            assertTrue(bad.getMessage().contains("SendToAllAndSaveCopy"), bad.getMessage());
        }
        validateAll();
        List<String> creates = ewsLog().stream().map(LoggedRequest::body)
                .filter(b -> b.contains("<m:CreateItem")).toList();
        assertEquals(2, creates.size(), "the refused row sent nothing");
        assertTrue(creates.get(0).contains("SendMeetingInvitations=\"SendToAllAndSaveCopy\""),
                creates.get(0));
        assertTrue(creates.get(1).contains("SendMeetingInvitations=\"SendToNone\""),
                creates.get(1));
        assertEquals(1, eventsNamed(mailbox, "Kickoff"));
        assertEquals(1, eventsNamed(otherBox, "Kickoff"), "invited: in the attendee's calendar");
        assertTrue(in(otherBox, WellKnownFolder.INBOX, "Kickoff").isPresent(),
                "and the request in the attendee's Inbox");
        assertTrue(in(mailbox, WellKnownFolder.SENTITEMS, "Kickoff").isPresent(), "SaveCopy");
        assertEquals(1, eventsNamed(mailbox, "Quiet prep"));
        assertEquals(0, eventsNamed(otherBox, "Quiet prep"), "SendToNone is the default");
        assertTrue(in(otherBox, WellKnownFolder.INBOX, "Quiet prep").isEmpty());
        assertEquals(0, eventsNamed(mailbox, "Never"));
    }

    @Test
    void impersonationWorksForAGrantedAccountOnly() throws Exception {
        List<String> expected = otherBox.messages(otherBox.folder(WellKnownFolder.INBOX))
                .stream().map(Message::subject).sorted().toList();
        emulator.tenant().permissions().grantImpersonation(user.id());
        try {
            List<String> subjects = new ArrayList<>();
            try (Connection c = ews("ImpersonationUser=" + other.userPrincipalName());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
            assertEquals(expected, subjects.stream().sorted().toList());
            try (Connection c = ews(""); Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("INSERT INTO Drafts (Subject,"
                        + " ImpersonationUser) VALUES ('Written as the other user', '"
                        + other.userPrincipalName() + "')"));
            }
            assertTrue(in(otherBox, WellKnownFolder.DRAFTS, "Written as the other user")
                    .isPresent(), "the per-statement impersonation chose the mailbox");
            assertTrue(in(mailbox, WellKnownFolder.DRAFTS, "Written as the other user")
                    .isEmpty());
        } finally {
            emulator.tenant().permissions().revokeImpersonation(user.id());
        }
        int before = otherBox.messages(otherBox.folder(WellKnownFolder.DRAFTS)).size();
        try (Connection c = ews("ImpersonationUser=" + other.userPrincipalName());
                Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().contains("ErrorImpersonateUserDenied"), e.getMessage());
            assertTrue(e.getMessage().contains("ApplicationImpersonation"), e.getMessage());
            assertEquals("28000", e.getSQLState());
            SQLException w = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Drafts (Subject) VALUES ('Refused draft')"));
            assertTrue(w.getMessage().contains("ErrorImpersonateUserDenied"), w.getMessage());
        }
        assertEquals(before, otherBox.messages(otherBox.folder(WellKnownFolder.DRAFTS)).size());
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() throws Exception {
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO Drafts (Subject) VALUES ('Versioned draft')");
            String id = draftId(s, "Versioned draft");
            Message draft = in(mailbox, WellKnownFolder.DRAFTS, "Versioned draft").orElseThrow();
            String staleKey = draft.changeKey();
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE Drafts SET Importance = 'High' WHERE ItemId = ?")) {
                p.setString(1, id);
                assertEquals(1, p.executeUpdate());
            }
            String currentKey = draft.changeKey();
            assertFalse(staleKey.equals(currentKey));

            emulator.clearRequestLog();
            // an unknown item
            SQLException unknown = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Drafts SET Subject = 'x' WHERE ItemId = '" + UNKNOWN_ID + "'"));
            assertTrue(unknown.getMessage().matches("(?s)Cannot update Drafts: Exchange refused"
                    + " GetItem: Error\\w+.*Nothing was changed\\."), unknown.getMessage());
            assertEquals("22023", unknown.getSQLState());
            assertEquals(1, ewsLog().size(), "nothing was sent after the GetItem");

            // a stale change key
            try (PreparedStatement p = c.prepareStatement("UPDATE Drafts SET Subject ="
                    + " 'Overwritten' WHERE ItemId = ? AND ChangeKey = ?")) {
                p.setString(1, id);
                p.setString(2, staleKey);
                SQLException stale = assertThrows(SQLException.class, p::executeUpdate);
                assertTrue(stale.getMessage().contains("ErrorIrresolvableConflict"),
                        stale.getMessage());
                assertEquals("40001", stale.getSQLState());
                p.setString(2, currentKey);
                assertEquals(1, p.executeUpdate(), "the current key is accepted");
            }
            assertEquals("Overwritten", draft.subject());
            String update = ewsLog().stream().map(LoggedRequest::body)
                    .filter(b -> b.contains("<m:UpdateItem")).findFirst().orElseThrow();
            assertTrue(update.contains("ConflictResolution=\"NeverOverwrite\""), update);
            assertTrue(update.contains("ChangeKey=\"" + staleKey + "\""), update);

            // a missing required column
            emulator.clearRequestLog();
            int events = mailbox.calendars().events().size();
            SQLException missing = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Calendar (Subject) VALUES ('No times')"));
            assertTrue(missing.getMessage().contains("needs a value for Start"),
                    missing.getMessage());
            assertEquals("23502", missing.getSQLState());
            SQLException noName = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Folders (FolderClass) VALUES ('IPF.Note')"));
            assertTrue(noName.getMessage().contains("DisplayName"), noName.getMessage());
            assertEquals(0, ewsLog().size(), "refused before any request");
            assertEquals(events, mailbox.calendars().events().size());
        }
        // a malformed Platform
        emulator.clearRequestLog();
        SQLException platform = assertThrows(SQLException.class,
                () -> ews("Platform=Exchange2099").close());
        assertTrue(platform.getMessage().contains("Platform"), platform.getMessage());
        assertTrue(platform.getMessage().contains("Exchange2019"), platform.getMessage());
        assertEquals(0, ewsLog().size());
        validateAll();
    }

    @Test
    void partlyFailedMultiRowChangesReportEachRow() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = ews("BatchSize=10"); Statement s = c.createStatement()) {
            for (String subject : List.of("Row one", "Row two")) {
                s.executeUpdate("INSERT INTO Drafts (Subject) VALUES ('" + subject + "')");
                ids.add(draftId(s, subject));
            }
            emulator.clearRequestLog();
            String in = "('" + ids.get(0) + "', '" + UNKNOWN_ID + "', '" + ids.get(1) + "')";
            BatchUpdateException update = assertThrows(BatchUpdateException.class,
                    () -> s.executeUpdate("UPDATE Drafts SET Importance = 'High'"
                            + " WHERE ItemId IN " + in));
            assertEquals(3, update.getUpdateCounts().length);
            assertEquals(List.of(1, 1, Statement.EXECUTE_FAILED), Arrays.stream(
                    update.getUpdateCounts()).boxed().sorted((a, b) -> b - a).toList());
            assertTrue(update.getMessage().startsWith("2 of 3 rows of Drafts were updated;"
                    + " 1 failed"), update.getMessage());
            assertTrue(update.getMessage().contains(UNKNOWN_ID), update.getMessage());
            assertTrue(update.getNextException().getMessage().matches(
                    "(?s)Exchange refused GetItem: Error\\w+.*"), update.getMessage());
            for (String subject : List.of("Row one", "Row two")) {
                assertEquals("HIGH", in(mailbox, WellKnownFolder.DRAFTS, subject)
                        .orElseThrow().importance().name());
            }
            String body = ewsLog().stream().map(LoggedRequest::body)
                    .filter(b -> b.contains("<m:UpdateItem")).findFirst().orElseThrow();
            assertEquals(2, body.split("<t:ItemChange>", -1).length - 1, "one UpdateItem");

            emulator.clearRequestLog();
            BatchUpdateException delete = assertThrows(BatchUpdateException.class,
                    () -> s.executeUpdate("DELETE FROM Drafts WHERE ItemId IN " + in));
            assertEquals(List.of(1, 1, Statement.EXECUTE_FAILED), Arrays.stream(
                    delete.getUpdateCounts()).boxed().sorted((a, b) -> b - a).toList());
            assertTrue(delete.getMessage().contains("Exchange refused DeleteItem: Error"),
                    delete.getMessage());
            assertInstanceOf(EwsException.class, delete.getNextException());
            assertEquals(1, ewsLog().size(), "one DeleteItem for the three rows");
            for (String subject : List.of("Row one", "Row two")) {
                assertTrue(in(mailbox, WellKnownFolder.DRAFTS, subject).isEmpty());
                assertTrue(in(mailbox, WellKnownFolder.DELETEDITEMS, subject).isPresent());
            }
        }
        validateAll();
    }

    @Test
    void aJdbcBatchReportsEachStatement() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            for (String subject : List.of("Batch one", "Batch two")) {
                s.executeUpdate("INSERT INTO Drafts (Subject) VALUES ('" + subject + "')");
                ids.add(draftId(s, subject));
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE Drafts SET Categories = ? WHERE ItemId = ?")) {
                for (String id : List.of(ids.get(0), UNKNOWN_ID, ids.get(1))) {
                    p.setString(1, "Batched");
                    p.setString(2, id);
                    p.addBatch();
                }
                BatchUpdateException e = assertThrows(BatchUpdateException.class,
                        p::executeBatch);
                assertEquals(List.of(1, Statement.EXECUTE_FAILED, 1), Arrays.stream(
                        e.getUpdateCounts()).boxed().toList());
                assertTrue(e.getMessage().startsWith("1 of 3 statements of the batch failed"
                        + " (the others were applied); first statement 2: Cannot update"
                        + " Drafts: Exchange refused GetItem: Error"), e.getMessage());
            }
        }
        for (String subject : List.of("Batch one", "Batch two")) {
            assertEquals(List.of("Batched"), in(mailbox, WellKnownFolder.DRAFTS, subject)
                    .orElseThrow().categories());
        }
        emulator.clearRequestLog();
        try (Connection c = ews(""); Statement s = c.createStatement()) {
            assertEquals(2, s.executeUpdate("UPDATE Drafts SET Importance = 'Low'"
                    + " WHERE Subject LIKE 'Batch %'"));
        }
        List<String> bodies = ewsLog().stream().map(LoggedRequest::body).toList();
        assertEquals(2, bodies.size(), "a FindItem, then one UpdateItem with the keys it read");
        assertTrue(bodies.get(1).contains("ConflictResolution=\"NeverOverwrite\""),
                bodies.get(1));
        for (String subject : List.of("Batch one", "Batch two")) {
            Message m = in(mailbox, WellKnownFolder.DRAFTS, subject).orElseThrow();
            assertEquals("LOW", m.importance().name());
        }
    }
}
