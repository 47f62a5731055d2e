package io.exchangejdbc.procedure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Attachment;
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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AddAttachments, DownloadAttachments and DeleteAttachment against the emulator: small files in
 * one POST, large ones through an upload session whose ranges carry no Graph token, and the
 * bytes coming back identical.
 */
class AttachmentProceduresTest {

    private static Emulator emu;
    private static User alice;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(12).users(2).messagesPerUser(10).port(0).build().start();
        alice = emu.tenant().users().get(0);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void clearLog() {
        emu.clearRequestLog();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + emu.connectionString());
    }

    private static Mailbox box() {
        return emu.tenant().mailbox(alice);
    }

    private static Message draft(String subject) {
        return box().addMessage(box().folder(WellKnownFolder.DRAFTS), Message.builder()
                .subject(subject).body(ItemBody.text("see attached")).draft(true)
                .receivedDateTime(Instant.parse("2026-11-21T09:00:00Z"))
                .to(new EmailAddress("Bob", emu.tenant().users().get(1).mail())));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<LoggedRequest> logged(String method, String pathPart) {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emu.requestLog()) {
            if (r.method().equals(method) && r.path().contains(pathPart)) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void aTenMegabyteFileGoesThroughAnUploadSessionAndComesBackIdentical(@TempDir Path dir)
            throws Exception {
        Message m = draft("Large file");
        byte[] big = randomBytes(10 * 1024 * 1024, 1);
        Path file = dir.resolve("survey.bin");
        Files.write(file, big);
        String id;
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC AddAttachments @MessageId = '" + m.id()
                     + "', @Attachments = '" + file + "'")) {
            assertTrue(rs.next());
            id = rs.getString("Id");
            assertEquals("survey.bin", rs.getString("Name"));
            assertEquals(big.length, rs.getLong("Size"));
            assertEquals("UploadSession", rs.getString("Method"));
            assertFalse(rs.next());
        }
        List<LoggedRequest> session = logged("POST", "/attachments/createUploadSession");
        assertEquals(1, session.size());
        assertTrue(session.get(0).header("Authorization").startsWith("Bearer "));
        assertTrue(session.get(0).body().contains("\"AttachmentItem\":{\"attachmentType\":"
                + "\"file\",\"name\":\"survey.bin\",\"size\":10485760"), session.get(0).body());
        List<LoggedRequest> ranges = logged("PUT", "/upload/attachmentSessions/");
        assertEquals(List.of("bytes 0-3932159/10485760", "bytes 3932160-7864319/10485760",
                "bytes 7864320-10485759/10485760"), ranges.stream()
                .map(r -> r.header("Content-Range")).toList());
        for (LoggedRequest r : ranges) {
            assertNull(r.header("Authorization"), "a range carries no Graph token");
            assertTrue(r.queryParam("authtoken") != null);
            assertEquals("application/octet-stream", r.header("Content-Type"));
        }
        assertEquals(List.of(200, 200, 201), ranges.stream().map(LoggedRequest::status)
                .toList());
        Attachment stored = m.attachments().get(0);
        assertEquals(id, m.attachmentId(0));
        assertArrayEquals(big, stored.content());

        // downloaded into a folder, byte for byte
        Path out = Files.createDirectory(dir.resolve("out"));
        try (Connection c = connect();
             CallableStatement cs = c.prepareCall("EXEC DownloadAttachments")) {
            cs.setString("MessageId", m.id());
            cs.setString("DownloadLocation", out.toString());
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(id, rs.getString("Id"));
                assertEquals(big.length, rs.getLong("Size"));
                assertEquals(out.resolve("survey.bin").toString(), rs.getString("FilePath"));
                assertNull(rs.getBytes("Content"));
                assertFalse(rs.next());
            }
        }
        assertArrayEquals(big, Files.readAllBytes(out.resolve("survey.bin")));
        assertTrue(logged("GET", "/$value").get(0).path().endsWith("/$value"));

        // and as bytes in the result
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC DownloadAttachments @MessageId = '" + m.id()
                     + "', @AttachmentId = '" + id + "'")) {
            assertTrue(rs.next());
            assertArrayEquals(big, rs.getBytes("Content"));
            assertNull(rs.getString("FilePath"));
        }

        // a second download into the same folder does not overwrite unless asked
        try (Connection c = connect(); Statement s = c.createStatement()) {
            emu.clearRequestLog();
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC DownloadAttachments @MessageId = '" + m.id()
                            + "', @DownloadLocation = '" + out + "'"));
            assertTrue(e.getMessage().contains("Overwrite"), e.getMessage());
            assertTrue(logged("GET", "/$value").isEmpty(), "nothing downloaded");
        }
    }

    @Test
    void smallFilesGoInOnePostAndCanBeDeleted(@TempDir Path dir) throws Exception {
        Message m = draft("Small files");
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "line one\nline two\n", StandardCharsets.UTF_8);
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC AddAttachments @MessageId = '" + m.id()
                     + "', @Attachments = '" + notes + "', @AttachmentName = 'data.csv',"
                     + " @AttachmentContent = '" + Base64.getEncoder().encodeToString(csv)
                     + "', @ContentType = 'text/csv'")) {
            while (rs.next()) {
                ids.add(rs.getString("Id"));
                assertEquals("POST", rs.getString("Method"));
            }
        }
        assertEquals(2, ids.size());
        List<LoggedRequest> posts = logged("POST", "/attachments");
        assertEquals(2, posts.size());
        assertTrue(posts.get(1).body().contains("\"name\":\"data.csv\",\"contentType\":"
                + "\"text/csv\",\"contentBytes\":\"" + Base64.getEncoder()
                .encodeToString(csv) + "\""), posts.get(1).body());
        assertTrue(logged("POST", "createUploadSession").isEmpty());
        assertEquals(List.of("notes.txt", "data.csv"), m.attachments().stream()
                .map(Attachment::name).toList());

        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC DownloadAttachments @MessageId = '" + m.id()
                     + "'")) {
            assertTrue(rs.next());
            assertEquals("notes.txt", rs.getString("Name"));
            assertEquals("line one\nline two\n", new String(rs.getBytes("Content"),
                    StandardCharsets.UTF_8));
            assertTrue(rs.next());
            assertEquals("text/csv", rs.getString("ContentType"));
            assertArrayEquals(csv, rs.getBytes("Content"));
            assertFalse(rs.next());
        }

        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC DeleteAttachment @MessageId = '" + m.id()
                     + "', @AttachmentId = '" + ids.get(0) + "'")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean("Success"));
        }
        assertEquals(1, logged("DELETE", "/attachments/").size());
        assertEquals(List.of("data.csv"), m.attachments().stream().map(Attachment::name)
                .toList());
    }

    @Test
    void aMissingAttachmentIsReportedWithTheServiceError() throws Exception {
        Message m = draft("No such attachment");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC DeleteAttachment @MessageId = '" + m.id() + "', @AttachmentId = '"
                            + m.id() + "'"));
            assertEquals("42S02", e.getSQLState());
            assertTrue(e.getMessage().contains("deletion of attachment"), e.getMessage());
        }
    }

    @Test
    void theUploadUrlsTokenStaysOutOfTheLog(@TempDir Path dir) throws Exception {
        Message m = draft("Logged upload");
        Path file = dir.resolve("a.bin");
        Files.write(file, randomBytes(3 * 1024 * 1024 + 1, 2));
        Path log = dir.resolve("driver.log");
        try (Connection c = DriverManager.getConnection("jdbc:exchange:"
                + emu.connectionString() + "Logfile=" + log + ";Verbosity=5;");
             Statement s = c.createStatement()) {
            s.execute("EXEC AddAttachments @MessageId = '" + m.id() + "', @Attachments = '"
                    + file + "'");
        }
        String secret = logged("PUT", "/upload/").get(0).queryParam("authtoken");
        assertTrue(secret != null && secret.length() > 20);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("/upload/attachmentSessions/"), "the upload is logged");
        assertFalse(text.contains(secret), "the session's token is masked");
    }

    @Test
    void aDraftSentWithALargeFileUploadsItFirst(@TempDir Path dir) throws Exception {
        Message m = draft("Draft with a large file");
        byte[] big = randomBytes(3 * 1024 * 1024 + 7, 4);
        Path file = dir.resolve("plans.pdf");
        Files.write(file, big);
        User bob = emu.tenant().users().get(1);
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC SendMail @Id = '" + m.id()
                     + "', @Attachments = '" + file + "'")) {
            assertTrue(rs.next());
            assertEquals(m.id(), rs.getString("Id"));
        }
        List<String> order = emu.requestLog().stream()
                .filter(r -> !r.front().equals("identity"))
                .map(r -> r.method() + " " + r.path().substring(r.path().lastIndexOf('/') + 1))
                .toList();
        assertEquals(List.of("POST createUploadSession", "PUT " + order.get(1).substring(4),
                "POST send"), order);
        assertFalse(m.isDraft());
        Mailbox bobs = emu.tenant().mailbox(bob);
        Message delivered = bobs.messages(bobs.folder(WellKnownFolder.INBOX)).stream()
                .filter(x -> "Draft with a large file".equals(x.subject())).findFirst()
                .orElseThrow();
        assertEquals("application/pdf", delivered.attachments().get(0).contentType());
        assertArrayEquals(big, delivered.attachments().get(0).content());
    }
}
