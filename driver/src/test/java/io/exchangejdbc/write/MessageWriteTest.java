package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE on Messages, against the emulator. */
class MessageWriteTest {

    @Test
    void insertCreatesADraftAndReturnsItsId() throws Exception {
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            int n = s.executeUpdate("INSERT INTO Messages (subject, body_content,"
                    + " body_contentType, toRecipients, importance, categories) VALUES"
                    + " ('Quarterly plan', 'See attached', 'text',"
                    + " '[{\"emailAddress\":{\"address\":\"bob@contoso.com\",\"name\":\"Bob\"}}]',"
                    + " 'high', '[\"Blue category\"]')", Statement.RETURN_GENERATED_KEYS);
            assertEquals(1, n);
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
                assertFalse(keys.next());
            }
            Message m = WriteEmulator.mailbox().message(id).orElseThrow();
            assertTrue(m.isDraft());
            assertEquals(WriteEmulator.mailbox().folder(WellKnownFolder.DRAFTS), m.folder());
            assertEquals("Quarterly plan", m.subject());
            assertEquals("bob@contoso.com", m.toRecipients().get(0).address());
            assertEquals(List.of("Blue category"), m.categories());
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size());
            assertEquals("POST", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/messages"), writes.get(0).path());
            assertTrue(writes.get(0).body().contains("\"importance\":\"high\""));
        }
    }

    /** A message of the demo mailbox that is not a draft, for updates that any message takes. */
    private static Message receivedMessage(int skip) {
        return WriteEmulator.mailbox().messages().stream()
                .filter(m -> !m.isDraft()).skip(skip).findFirst().orElseThrow();
    }

    @Test
    void updateByIdPatchesWithoutReadingFirst() throws Exception {
        Message m = receivedMessage(0);
        boolean wasRead = m.isRead();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            int n = s.executeUpdate("UPDATE Messages SET isRead = " + !wasRead
                    + ", categories = '[\"Red category\",\"Project X\"]', importance = 'low'"
                    + " WHERE id = '" + m.id() + "'");
            assertEquals(1, n);
        }
        assertEquals(!wasRead, m.isRead());
        assertEquals(List.of("Red category", "Project X"), m.categories());
        assertEquals("low", m.importance().graphName());
        List<LoggedRequest> all = WriteEmulator.graphRequests();
        assertEquals(1, all.size(), all.toString());
        assertEquals("PATCH", all.get(0).method());
        assertTrue(all.get(0).path().endsWith("/messages/" + m.id().replace("=", "%3D")),
                all.get(0).path());
    }

    @Test
    void updateWithoutIdReadsTheMatchingIdsThenPatchesEach() throws Exception {
        String marker = "Reads-then-patches " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.executeUpdate("INSERT INTO Messages (subject) VALUES ('" + marker + "')");
            }
            WriteEmulator.get().clearRequestLog();
            int n = s.executeUpdate("UPDATE Messages SET flag_flagStatus = 'flagged'"
                    + " WHERE subject = '" + marker + "'");
            assertEquals(3, n);
        }
        List<LoggedRequest> all = WriteEmulator.graphRequests();
        assertEquals("GET", all.get(0).method());
        assertTrue(all.get(0).queryParam("$filter").contains("subject eq '" + marker + "'"),
                all.get(0).toString());
        // only what the change and the WHERE need: no bodies read to be thrown away
        assertTrue(all.get(0).queryParam("$select").startsWith("id"), all.get(0).toString());
        assertFalse(all.get(0).queryParam("$select").contains("body"), all.get(0).toString());
        long flagged = WriteEmulator.mailbox().messages().stream()
                .filter(m -> marker.equals(m.subject()))
                .filter(m -> m.flag().status().graphName().equals("flagged")).count();
        assertEquals(3, flagged);
        // three rows: one $batch carrying the three PATCH requests
        List<LoggedRequest> writes = WriteEmulator.writes();
        assertEquals(1, writes.size());
        assertTrue(writes.get(0).path().endsWith("/$batch"));
        assertEquals(3, writes.get(0).body().split("\"method\":\"PATCH\"").length - 1);
    }

    @Test
    void subjectOfASentMessageIsRefusedAsGraphRefusesIt() throws Exception {
        Message m = receivedMessage(1);
        String before = m.subject();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Messages SET subject = 'changed' WHERE id = '" + m.id() + "'"));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("ErrorInvalidPropertyUpdateSentMessage"),
                    e.getMessage());
        }
        assertEquals(before, m.subject());
    }

    @Test
    void subjectAndBodyOfADraftCanChange() throws Exception {
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO Messages (subject) VALUES ('first draft')",
                    Statement.RETURN_GENERATED_KEYS);
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString("id");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE Messages SET subject = ?,"
                    + " body_content = ?, body_contentType = 'text' WHERE id = ?")) {
                ps.setString(1, "second draft");
                ps.setString(2, "new body");
                ps.setString(3, id);
                assertEquals(1, ps.executeUpdate());
            }
            Message m = WriteEmulator.mailbox().message(id).orElseThrow();
            assertEquals("second draft", m.subject());
            assertEquals("new body", m.body().text());
        }
    }

    @Test
    void deleteByIdAndByCondition() throws Exception {
        String marker = "Delete me " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO Messages (subject) VALUES ('" + marker + "'), ('"
                    + marker + "'), ('" + marker + "')", Statement.RETURN_GENERATED_KEYS);
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getString(1));
                }
            }
            assertEquals(3, ids.size());
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("DELETE FROM Messages WHERE id = '" + ids.get(0)
                    + "'"));
            assertEquals(List.of("DELETE"), WriteEmulator.graphRequests().stream()
                    .map(LoggedRequest::method).toList());
            assertTrue(WriteEmulator.mailbox().message(ids.get(0)).isEmpty());
            assertEquals(2, s.executeUpdate("DELETE FROM Messages WHERE subject = '" + marker
                    + "'"));
            assertTrue(WriteEmulator.mailbox().message(ids.get(1)).isEmpty());
            assertTrue(WriteEmulator.mailbox().message(ids.get(2)).isEmpty());
            assertEquals(0, s.executeUpdate("DELETE FROM Messages WHERE subject = '" + marker
                    + "'"));
        }
    }

    @Test
    void unknownIdIsTheServicesNotFoundAndChangesNothing() throws Exception {
        io.exchangejdbc.emulator.store.Mailbox box = WriteEmulator.mailbox();
        Message gone = box.addMessage(box.folder(WellKnownFolder.INBOX),
                Message.builder().receivedDateTime(java.time.Instant.now())
                        .body(io.exchangejdbc.emulator.store.ItemBody.text("x")));
        box.deleteMessage(gone);
        String unknown = gone.id();
        int before = WriteEmulator.mailbox().messageCount();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Messages SET isRead = true WHERE id = 'AAMkAGI2TG93AAA='"),
                    () -> WriteEmulator.graphRequests().toString());
            assertTrue(e.getMessage().contains("HTTP 4"), e.getMessage());
            assertNotNull(e.getSQLState());
            SQLException notFound = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM Messages WHERE id = '" + unknown + "'"));
            assertTrue(notFound.getMessage().contains("HTTP 404 ErrorItemNotFound"),
                    notFound.getMessage());
            assertTrue(notFound.getMessage().contains("No such row"), notFound.getMessage());
        }
        assertEquals(before, WriteEmulator.mailbox().messageCount());
    }

    @Test
    void userIdInTheColumnListChoosesTheMailbox() throws Exception {
        io.exchangejdbc.emulator.store.User other = WriteEmulator.get().tenant().users().get(1);
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            s.executeUpdate("INSERT INTO Messages (UserId, subject) VALUES ('"
                    + other.userPrincipalName() + "', 'for the other mailbox')",
                    Statement.RETURN_GENERATED_KEYS);
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
            }
            assertTrue(WriteEmulator.get().tenant().mailbox(other).message(id).isPresent());
            assertTrue(WriteEmulator.writes().get(0).path().startsWith("/v1.0/users/"
                    + other.userPrincipalName().replace("@", "%40") + "/messages"),
                    WriteEmulator.writes().get(0).path());
            assertEquals(1, s.executeUpdate("DELETE FROM Messages WHERE UserId = '"
                    + other.userPrincipalName() + "' AND id = '" + id + "'"));
            assertTrue(WriteEmulator.get().tenant().mailbox(other).message(id).isEmpty());
        }
    }
}
