package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE on MailFolders, against the emulator. */
class FolderWriteTest {

    private static String insertFolder(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql, new String[] {"id"}));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals("id", keys.getMetaData().getColumnLabel(1));
                return keys.getString(1);
            }
        }
    }

    @Test
    void insertUnderTheRootAndUnderAParentThenRenameAndDelete() throws Exception {
        String name = "Projects " + System.nanoTime();
        try (Connection c = WriteEmulator.connect()) {
            WriteEmulator.get().clearRequestLog();
            String top = insertFolder(c, "INSERT INTO MailFolders (displayName) VALUES ('"
                    + name + "')");
            MailFolder folder = WriteEmulator.mailbox().folder(top).orElseThrow();
            assertEquals(WriteEmulator.mailbox().root(), folder.parent());
            String child = insertFolder(c, "INSERT INTO MailFolders (displayName,"
                    + " parentFolderId, isHidden) VALUES ('2026', '" + top + "', false)");
            assertEquals(folder, WriteEmulator.mailbox().folder(child).orElseThrow().parent());
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertTrue(writes.get(0).path().endsWith("/mailFolders"), writes.get(0).path());
            assertTrue(writes.get(1).path().endsWith("/mailFolders/" + top.replace("=", "%3D")
                    + "/childFolders"),
                    writes.get(1).path());
            assertTrue(!writes.get(1).body().contains("parentFolderId"), writes.get(1).body());

            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE MailFolders SET displayName = ? WHERE id = ?")) {
                ps.setString(1, name + " (old)");
                ps.setString(2, top);
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(name + " (old)", folder.displayName());

            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                        "UPDATE MailFolders SET isHidden = true WHERE id = '" + top + "'"));
                assertEquals("42000", e.getSQLState());
                assertTrue(e.getMessage().contains("only when the row is created"),
                        e.getMessage());
                assertEquals(1, s.executeUpdate("DELETE FROM MailFolders WHERE id = '" + top
                        + "'"));
            }
            assertTrue(WriteEmulator.mailbox().folder(top).isEmpty());
            assertTrue(WriteEmulator.mailbox().folder(child).isEmpty());
        }
    }

    @Test
    void wellKnownFoldersCannotBeDeletedAndNothingChanges() throws Exception {
        MailFolder inbox = WriteEmulator.mailbox().folder(WellKnownFolder.INBOX);
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM MailFolders WHERE id = '" + inbox.id() + "'"));
            assertTrue(e.getMessage().contains("ErrorDeleteDistinguishedFolder"),
                    e.getMessage());
            assertEquals("22023", e.getSQLState());
        }
        assertTrue(WriteEmulator.mailbox().folder(inbox.id()).isPresent());
    }
}
