package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.store.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements a user gets wrong: each fails with a clear SQLException before anything is sent,
 * and the mailbox is as it was.
 */
class BadWriteInputTest {

    private Message target;
    private List<String> categoriesBefore;
    private int messagesBefore;
    private int foldersBefore;

    @BeforeEach
    void remember() {
        target = WriteEmulator.mailbox().messages().stream().filter(m -> !m.isDraft())
                .skip(5).findFirst().orElseThrow();
        categoriesBefore = target.categories();
        messagesBefore = WriteEmulator.mailbox().messageCount();
        foldersBefore = WriteEmulator.mailbox().folders().size();
        WriteEmulator.get().clearRequestLog();
    }

    private void assertNothingChanged() {
        assertEquals(List.of(), WriteEmulator.writes(), "nothing may be sent");
        assertEquals(categoriesBefore, target.categories());
        assertEquals(messagesBefore, WriteEmulator.mailbox().messageCount());
        assertEquals(foldersBefore, WriteEmulator.mailbox().folders().size());
    }

    private static SQLException failing(String sql) throws SQLException {
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            return assertThrows(SQLException.class, () -> s.executeUpdate(sql));
        }
    }

    @Test
    void readOnlyColumnIsRefused() throws Exception {
        SQLException e = failing("UPDATE Messages SET receivedDateTime = TIMESTAMP"
                + " '2026-01-01 00:00:00' WHERE id = '" + target.id() + "'");
        assertEquals("42000", e.getSQLState());
        assertTrue(e.getMessage().contains("receivedDateTime") && e.getMessage().contains(
                "read-only"), e.getMessage());
        SQLException insert = failing("INSERT INTO Messages (subject, isDraft) VALUES"
                + " ('x', false)");
        assertEquals("42000", insert.getSQLState());
        assertNothingChanged();
    }

    @Test
    void missingRequiredColumnIsRefused() throws Exception {
        SQLException e = failing("INSERT INTO MailFolders (isHidden) VALUES (true)");
        assertEquals("23502", e.getSQLState());
        assertTrue(e.getMessage().contains("displayName"), e.getMessage());
        assertNothingChanged();
    }

    @Test
    void invalidJsonIsRefusedBeforeAnythingIsSent() throws Exception {
        SQLException e = failing("UPDATE Messages SET categories = '[\"Red\", ' WHERE id = '"
                + target.id() + "'");
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().contains("categories") && e.getMessage().contains(
                "not valid JSON"), e.getMessage());
        SQLException rows = failing("INSERT INTO Messages (subject, toRecipients) VALUES"
                + " ('a', '[]'), ('b', 'bob@contoso.com')");
        assertEquals("22032", rows.getSQLState());
        assertTrue(rows.getMessage().contains("row 2"), rows.getMessage());
        assertNothingChanged();
    }

    @Test
    void valueOfTheWrongTypeIsRefused() throws Exception {
        SQLException literal = failing("UPDATE Messages SET isRead = 'perhaps' WHERE id = '"
                + target.id() + "'");
        assertTrue(literal.getSQLState() != null && !literal.getSQLState().isEmpty());
        try (Connection c = WriteEmulator.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE Messages SET isRead = ? WHERE id = ?")) {
            ps.setString(1, "perhaps");
            ps.setString(2, target.id());
            SQLException param = assertThrows(SQLException.class, ps::executeUpdate);
            assertTrue(param.getSQLState() != null, param.toString());
        }
        assertNothingChanged();
    }

    @Test
    void readOnlyConnectionRefusesEveryWrite() throws Exception {
        try (Connection c = WriteEmulator.connect("Readonly=true;");
                Statement s = c.createStatement()) {
            assertTrue(c.isReadOnly());
            assertTrue(c.getMetaData().isReadOnly());
            for (String sql : List.of(
                    "INSERT INTO Messages (subject) VALUES ('no')",
                    "UPDATE Messages SET isRead = true WHERE id = '" + target.id() + "'",
                    "DELETE FROM Messages WHERE id = '" + target.id() + "'")) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
                assertEquals("25006", e.getSQLState(), sql);
                assertTrue(e.getMessage().contains("Readonly=true"), e.getMessage());
            }
        }
        assertNothingChanged();
    }
}
