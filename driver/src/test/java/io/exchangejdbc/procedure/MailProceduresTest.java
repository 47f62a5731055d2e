package io.exchangejdbc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail procedures against the emulator: what they return, the requests they send, and what
 * the recipients' mailboxes hold afterwards.
 */
class MailProceduresTest {

    private static Emulator emu;
    private static User alice;
    private static User bob;
    private static User carol;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(11).users(3).messagesPerUser(20).port(0).build().start();
        alice = emu.tenant().users().get(0);
        bob = emu.tenant().users().get(1);
        carol = emu.tenant().users().get(2);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void clearLog() {
        emu.clearRequestLog();
        emu.faults().reset();
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + emu.connectionString());
    }

    private static Mailbox box(User u) {
        return emu.tenant().mailbox(u);
    }

    /** The messages of a mailbox folder with a subject, from the store. */
    private static List<Message> inFolder(User u, WellKnownFolder f, String subject) {
        List<Message> out = new ArrayList<>();
        for (Message m : box(u).messages(box(u).folder(f))) {
            if (subject.equals(m.subject())) {
                out.add(m);
            }
        }
        return out;
    }

    /** The Graph requests with a method whose path ends as given. */
    private static List<LoggedRequest> requests(String method, String pathEnd) {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emu.requestLog()) {
            if (r.method().equals(method) && r.path().endsWith(pathEnd)) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<LoggedRequest> actionRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emu.requestLog()) {
            if (!r.front().equals("identity")) {
                out.add(r);
            }
        }
        return out;
    }

    private static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Message addMessage(User owner, WellKnownFolder folder, String subject,
            EmailAddress from, EmailAddress... to) {
        Message.Builder b = Message.builder().subject(subject)
                .body(ItemBody.text("Original text of " + subject))
                .receivedDateTime(Instant.parse("2026-11-20T10:00:00Z")).to(to);
        if (from != null) {
            b.from(from);
        } else {
            b.draft(true);
        }
        return box(owner).addMessage(box(owner).folder(folder), b);
    }

    private static EmailAddress address(User u) {
        return new EmailAddress(u.displayName(), u.mail());
    }

    @Test
    void sendMailFilesACopyInSentItemsAndDeliversInsideTheTenant() throws Exception {
        String subject = unique("Quarterly numbers");
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC SendMail @ToRecipients = '" + bob.mail()
                     + "; Outside Person <someone@fabrikam.example>', @CcRecipients = '"
                     + carol.mail() + "', @Subject = '" + subject + "', @Content = '<b>Hi</b>',"
                     + " @ContentType = 'HTML'")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean("Success"));
            assertNull(rs.getString("Id"));
            assertFalse(rs.next());
        }
        List<LoggedRequest> sent = requests("POST", "/sendMail");
        assertEquals(1, sent.size());
        LoggedRequest r = sent.get(0);
        assertEquals("/v1.0/users/" + alice.userPrincipalName().replace("@", "%40")
                + "/sendMail", r.path());
        assertTrue(r.header("Authorization").startsWith("Bearer "));
        assertTrue(r.body().contains("\"toRecipients\":[{\"emailAddress\":{\"address\":\""
                + bob.mail() + "\"}},{\"emailAddress\":{\"name\":\"Outside Person\","
                + "\"address\":\"someone@fabrikam.example\"}}]"), r.body());
        assertTrue(r.body().contains("\"contentType\":\"HTML\""), r.body());
        assertTrue(r.body().contains("\"saveToSentItems\":true"), r.body());
        assertEquals(202, r.status());

        assertEquals(1, inFolder(alice, WellKnownFolder.SENTITEMS, subject).size());
        Message atBob = inFolder(bob, WellKnownFolder.INBOX, subject).get(0);
        assertEquals(alice.mail(), atBob.from().address());
        assertFalse(atBob.isRead());
        assertEquals(1, inFolder(carol, WellKnownFolder.INBOX, subject).size());

        // and visible through SQL on the recipient's mailbox
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject, from_emailAddress_address, isRead,"
                     + " parentFolderId FROM Messages WHERE UserId = '" + bob.userPrincipalName()
                     + "' AND subject = '" + subject + "'")) {
            assertTrue(rs.next());
            assertEquals(alice.mail(), rs.getString(2));
            assertFalse(rs.getBoolean(3));
            assertEquals(box(bob).folder(WellKnownFolder.INBOX).id(), rs.getString(4));
            assertFalse(rs.next());
        }
    }

    @Test
    void sendMailTakesAttachmentsFromFilesAndBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "figures, figures", StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        String subject = unique("With files");
        try (Connection c = connect();
             CallableStatement cs = c.prepareCall("EXEC SendMail @ToRecipients = ?,"
                     + " @Subject = ?, @Attachments = ?, @AttachmentName = ?,"
                     + " @AttachmentContent = ?, @SaveToSentItems = ?")) {
            cs.setString(1, bob.mail());
            cs.setString(2, subject);
            cs.setString(3, file.toString());
            cs.setString(4, "logo.png");
            cs.setBytes(5, png);
            cs.setBoolean(6, false);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1));
            }
        }
        String body = requests("POST", "/sendMail").get(0).body();
        assertTrue(body.contains("\"saveToSentItems\":false"), body);
        assertTrue(body.contains("\"name\":\"report.txt\",\"contentType\":\"text/plain\""),
                body);
        assertTrue(body.contains(Base64.getEncoder().encodeToString(png)), body);
        assertTrue(inFolder(alice, WellKnownFolder.SENTITEMS, subject).isEmpty());
        Message atBob = inFolder(bob, WellKnownFolder.INBOX, subject).get(0);
        assertEquals(2, atBob.attachments().size());
        assertEquals("figures, figures", new String(atBob.attachments().get(0).content(),
                StandardCharsets.UTF_8));
        assertEquals("image/png", atBob.attachments().get(1).contentType());
    }

    @Test
    void sendMailSendsADraftByIdWhichKeepsItsId() throws Exception {
        String subject = unique("Draft to send");
        Message draft = addMessage(alice, WellKnownFolder.DRAFTS, subject, null, address(bob));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC SendMail @Id = '" + draft.id() + "'")) {
            assertTrue(rs.next());
            assertEquals(draft.id(), rs.getString("Id"));
        }
        LoggedRequest r = requests("POST", "/send").get(0);
        assertTrue(r.path().endsWith("/messages/" + java.net.URLEncoder.encode(draft.id(),
                StandardCharsets.UTF_8) + "/send"), r.path());
        assertEquals("", r.body());
        assertFalse(draft.isDraft());
        assertEquals(box(alice).folder(WellKnownFolder.SENTITEMS), draft.folder());
        assertEquals(1, inFolder(bob, WellKnownFolder.INBOX, subject).size());
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT isDraft, parentFolderId FROM Messages"
                     + " WHERE id = '" + draft.id() + "'")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1));
            assertEquals(box(alice).folder(WellKnownFolder.SENTITEMS).id(), rs.getString(2));
        }
    }

    @Test
    void replyGoesToTheSenderAndReplyAllToEveryone() throws Exception {
        String subject = unique("Plans");
        Message original = addMessage(alice, WellKnownFolder.INBOX, subject, address(bob),
                address(alice), address(carol));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("EXEC ReplyToMessage @MessageId = '" + original.id()
                    + "', @Comment = 'Agreed.'");
        }
        LoggedRequest reply = requests("POST", "/reply").get(0);
        assertEquals("{\"comment\":\"Agreed.\"}", reply.body());
        Message atBob = inFolder(bob, WellKnownFolder.INBOX, "RE: " + subject).get(0);
        assertTrue(atBob.body().text().startsWith("Agreed."), atBob.body().text());
        assertTrue(inFolder(carol, WellKnownFolder.INBOX, "RE: " + subject).isEmpty());
        assertEquals(1, inFolder(alice, WellKnownFolder.SENTITEMS, "RE: " + subject).size());

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("EXEC ReplyToMessage @MessageId = '" + original.id()
                    + "', @Comment = 'All of you.', @ToAll = true");
        }
        assertEquals(1, requests("POST", "/replyAll").size());
        assertEquals(2, inFolder(bob, WellKnownFolder.INBOX, "RE: " + subject).size());
        assertEquals(1, inFolder(carol, WellKnownFolder.INBOX, "RE: " + subject).size());
        assertTrue(inFolder(alice, WellKnownFolder.INBOX, "RE: " + subject).isEmpty(),
                "no reply to oneself");
    }

    @Test
    void forwardSendsTheMessageWithItsAttachments() throws Exception {
        String subject = unique("Contract");
        Message original = addMessage(alice, WellKnownFolder.INBOX, subject, address(bob),
                address(alice));
        box(alice).updateMessage(original, e -> e.attachments(
                io.exchangejdbc.emulator.store.Attachment.uploaded("contract.pdf",
                        "application/pdf", false, new byte[] {1, 2, 3})));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC ForwardMail @MessageId = '" + original.id()
                     + "', @ToRecipients = 'Carol <" + carol.mail() + ">', @Comment = 'FYI'")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean("Success"));
        }
        LoggedRequest r = requests("POST", "/forward").get(0);
        assertEquals("{\"comment\":\"FYI\",\"toRecipients\":[{\"emailAddress\":{\"name\":"
                + "\"Carol\",\"address\":\"" + carol.mail() + "\"}}]}", r.body());
        Message atCarol = inFolder(carol, WellKnownFolder.INBOX, "FW: " + subject).get(0);
        assertEquals("contract.pdf", atCarol.attachments().get(0).name());
        assertTrue(atCarol.body().text().startsWith("FYI"));
    }

    @Test
    void moveKeepsTheImmutableIdAndCopyMakesANewOne() throws Exception {
        String subject = unique("To file");
        Message m = addMessage(alice, WellKnownFolder.INBOX, subject, address(bob),
                address(alice));
        try (Connection c = connect();
             CallableStatement cs = c.prepareCall("{call MoveMail(?, ?)}")) {
            cs.setString(1, m.id());
            cs.setString(2, "Deleted Items");
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean("Success"));
                assertEquals(m.id(), rs.getString("Id"));
            }
        }
        LoggedRequest move = requests("POST", "/move").get(0);
        assertEquals("{\"destinationId\":\"deleteditems\"}", move.body());
        assertEquals("IdType=\"ImmutableId\"", move.header("Prefer"));
        assertEquals(box(alice).folder(WellKnownFolder.DELETEDITEMS), m.folder());

        String copyId;
        try (Connection c = connect();
             CallableStatement cs = c.prepareCall("EXEC CopyMail")) {
            cs.setString("MessageId", m.id());
            cs.setString("DestinationFolderId", box(alice).folder(WellKnownFolder.ARCHIVE).id());
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                copyId = rs.getString("Id");
            }
        }
        assertNotEquals(m.id(), copyId);
        Message copy = box(alice).message(copyId).orElseThrow();
        assertEquals(box(alice).folder(WellKnownFolder.ARCHIVE), copy.folder());
        assertEquals(subject, copy.subject());
        assertEquals(box(alice).folder(WellKnownFolder.DELETEDITEMS), m.folder());
    }

    @Test
    void badCallsAreRefusedBeforeAnythingIsSent() throws Exception {
        String subject = unique("Never sent");
        Message m = addMessage(alice, WellKnownFolder.INBOX, subject, address(bob),
                address(alice));
        int bobCount = box(bob).messageCount();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            emu.clearRequestLog();
            SQLException missing = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC MoveMail @MessageId = '" + m.id() + "'"));
            assertEquals("42000", missing.getSQLState());
            assertTrue(missing.getMessage().contains("DestinationFolderId"),
                    missing.getMessage());
            SQLException unknown = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @To = '" + bob.mail() + "', @Subject = 'x'"));
            assertEquals("42000", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("has no parameter 'To'"),
                    unknown.getMessage());
            SQLException none = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @Subject = '" + subject + "'"));
            assertEquals("42000", none.getSQLState());
            SQLException bad = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @ToRecipients = 'bob at contoso', @Subject = 'x'"));
            assertEquals("22023", bad.getSQLState());
            assertTrue(bad.getMessage().contains("'bob at contoso'"), bad.getMessage());
            SQLException noFile = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC AddAttachments @MessageId = '" + m.id()
                            + "', @Attachments = '/no/such/file.pdf'"));
            assertEquals("22023", noFile.getSQLState());
            SQLException notBase64 = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC AddAttachments @MessageId = '" + m.id() + "', @AttachmentName = 'a.txt',"
                            + " @AttachmentContent = 'plain text, not base64!'"));
            assertEquals("22023", notBase64.getSQLState());
            assertTrue(notBase64.getMessage().contains("base64"), notBase64.getMessage());
            SQLException both = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC DeleteAttachment @MessageId = 'a', @EventId = 'b',"
                            + " @AttachmentId = 'c'"));
            assertEquals("42000", both.getSQLState());
            SQLException draftAndParts = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @Id = '" + m.id() + "', @Subject = 'changed'"));
            assertEquals("42000", draftAndParts.getSQLState());
        }
        assertEquals(List.of(), actionRequests());
        assertEquals(bobCount, box(bob).messageCount());
        assertEquals(box(alice).folder(WellKnownFolder.INBOX), m.folder());
    }

    @Test
    void serviceErrorsNameTheActionAndTheRequestId() throws Exception {
        String subject = unique("Nowhere");
        Message m = addMessage(alice, WellKnownFolder.INBOX, subject, address(bob),
                address(alice));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC MoveMail @MessageId = '" + m.id() + "', @DestinationFolderId = '"
                            + box(bob).folder(WellKnownFolder.INBOX).id() + "'"));
            assertEquals("42S02", e.getSQLState());
            assertEquals(404, e.getErrorCode());
            assertTrue(e.getMessage().contains("move of message " + m.id()), e.getMessage());
            assertTrue(e.getMessage().contains("ErrorItemNotFound"), e.getMessage());
            assertTrue(e.getMessage().contains("[request-id "), e.getMessage());
        }
    }

    @Test
    void anActionWhoseAnswerIsLostIsNotRepeated() throws Exception {
        String subject = unique("Maybe sent");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // sign in first, so that the fault meets the action
            s.execute("EXEC SendMail @ToRecipients = '" + bob.mail() + "', @Subject = 'warm-up'");
            emu.clearRequestLog();
            emu.faults().next(FaultSpec.connectionReset());
            SQLException reset = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @ToRecipients = '" + bob.mail() + "', @Subject = '"
                            + subject + "'"));
            assertEquals("08S01", reset.getSQLState());
            assertTrue(reset.getMessage().contains("may have been carried out"),
                    reset.getMessage());
            assertEquals(1, requests("POST", "/sendMail").size(), "sent once, not repeated");

            emu.clearRequestLog();
            emu.faults().next(FaultSpec.status(503));
            SQLException unavailable = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @ToRecipients = '" + bob.mail() + "', @Subject = '"
                            + subject + "'"));
            assertEquals("08S01", unavailable.getSQLState());
            assertTrue(unavailable.getMessage().contains("may have been carried out"),
                    unavailable.getMessage());
            assertEquals(1, requests("POST", "/sendMail").size());

            emu.clearRequestLog();
            emu.faults().next(FaultSpec.status(429).header("Retry-After", "7"));
            SQLException throttled = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SendMail @ToRecipients = '" + bob.mail() + "', @Subject = '"
                            + subject + "'"));
            assertTrue(throttled.getMessage().contains("did nothing; run it again after 7 s"),
                    throttled.getMessage());
            assertEquals(1, requests("POST", "/sendMail").size());
        }
        assertTrue(inFolder(bob, WellKnownFolder.INBOX, subject).isEmpty());
    }

    @Test
    void metadataDescribesTheProcedures() throws Exception {
        try (Connection c = connect()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getProcedures(null, null, "%")) {
                while (rs.next()) {
                    names.add(rs.getString("PROCEDURE_NAME"));
                }
            }
            assertTrue(names.containsAll(List.of("SendMail", "ForwardMail", "ReplyToMessage",
                    "MoveMail", "CopyMail", "AddAttachments", "DeleteAttachment",
                    "DownloadAttachments")), names.toString());
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = c.getMetaData().getProcedureColumns(null, null, "MoveMail",
                    null)) {
                while (rs.next()) {
                    sb.append(rs.getString("COLUMN_NAME")).append(':')
                            .append(rs.getShort("COLUMN_TYPE")).append(' ');
                }
            }
            assertEquals("MessageId:1 DestinationFolderId:1 UserId:1 Success:3 Id:3 ",
                    sb.toString());
        }
    }

    @Test
    void userIdParameterActsOnAnotherMailbox() throws Exception {
        String subject = unique("Bob's note");
        Message m = addMessage(bob, WellKnownFolder.INBOX, subject, address(carol),
                address(bob));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC MoveMail @MessageId = '" + m.id()
                     + "', @DestinationFolderId = 'JunkEmail', @UserId = '"
                     + bob.userPrincipalName() + "'")) {
            assertTrue(rs.next());
            assertNotNull(rs.getString("Id"));
        }
        assertEquals(box(bob).folder(WellKnownFolder.JUNKEMAIL), m.folder());
        assertTrue(requests("POST", "/move").get(0).path().startsWith("/v1.0/users/"
                + bob.userPrincipalName().replace("@", "%40") + "/messages/"));
    }
}
