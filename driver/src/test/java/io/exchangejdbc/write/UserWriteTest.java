package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE on Users (the directory), against the emulator. */
class UserWriteTest {

    private static String upn(String alias) {
        return alias + "@" + WriteEmulator.get().tenantDomain();
    }

    @Test
    void createChangeAndDeleteAUser() throws Exception {
        String alias = "writer" + System.nanoTime() % 100000;
        try (Connection c = WriteEmulator.admin("");
                PreparedStatement ps = c.prepareStatement("INSERT INTO Users (accountEnabled,"
                        + " displayName, mailNickname, userPrincipalName,"
                        + " passwordProfile_password, passwordProfile_forceChangePasswordNextSignIn,"
                        + " jobTitle) VALUES (?, ?, ?, ?, ?, true, 'Writer')",
                        Statement.RETURN_GENERATED_KEYS)) {
            WriteEmulator.get().clearRequestLog();
            ps.setBoolean(1, true);
            ps.setString(2, "Test Writer");
            ps.setString(3, alias);
            ps.setString(4, upn(alias));
            ps.setString(5, "Str0ng!Passw0rd");
            assertEquals(1, ps.executeUpdate());
            String id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
            }
            User u = WriteEmulator.get().tenant().user(id).orElseThrow();
            assertEquals(upn(alias), u.userPrincipalName());
            assertEquals("Writer", u.jobTitle());
            assertEquals("Str0ng!Passw0rd", u.password());
            String body = WriteEmulator.writes().get(0).body();
            assertTrue(body.contains("\"passwordProfile\":{"), body);
            assertEquals("/v1.0/users", WriteEmulator.writes().get(0).path());

            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE Users SET jobTitle = 'Editor',"
                        + " accountEnabled = false WHERE id = '" + id + "'"));
                User changed = WriteEmulator.get().tenant().user(id).orElseThrow();
                assertEquals("Editor", changed.jobTitle());
                assertFalse(changed.accountEnabled());
                assertEquals(1, s.executeUpdate("DELETE FROM Users WHERE userPrincipalName = '"
                        + upn(alias) + "'"));
            }
            assertTrue(WriteEmulator.get().tenant().user(id).isEmpty());
        }
    }

    @Test
    void aUserNeedsEveryRequiredColumn() throws Exception {
        int before = WriteEmulator.get().tenant().users().size();
        try (Connection c = WriteEmulator.admin(""); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Users (accountEnabled, displayName, mailNickname,"
                            + " userPrincipalName) VALUES (true, 'No Password', 'nopw', '"
                            + upn("nopw") + "')"));
            assertEquals("23502", e.getSQLState());
            assertTrue(e.getMessage().contains("passwordProfile_password"), e.getMessage());
        }
        assertEquals(0, WriteEmulator.writes().size());
        assertEquals(before, WriteEmulator.get().tenant().users().size());
    }

    @Test
    void anApplicationWithoutWritePermissionIsRefused() throws Exception {
        User someone = WriteEmulator.get().tenant().users().get(2);
        String title = someone.jobTitle();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Users SET jobTitle = 'Nope' WHERE id = '" + someone.id() + "'"));
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        }
        assertEquals(title, WriteEmulator.get().tenant().user(someone.id()).orElseThrow()
                .jobTitle());
    }
}
