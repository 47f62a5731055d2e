package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE on Groups and GroupMembers (the directory), against the emulator. */
class GroupWriteTest {

    private static final String CLIENT_ID = "7c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5";
    private static final String SECRET = "group-admin-secret-for-tests";

    /** A connection signed in as an application that may write the directory's groups. */
    private static Connection groupAdmin() throws SQLException {
        Emulator e = WriteEmulator.get();
        e.registerApp(CLIENT_ID, SECRET, Set.of("Group.ReadWrite.All", "User.Read.All"));
        return DriverManager.getConnection("jdbc:exchange:AuthScheme=AzureServicePrincipal;"
                + "AzureTenant=" + e.tenantDomain() + ";OAuthClientId=" + CLIENT_ID
                + ";OAuthClientSecret=" + SECRET + ";GraphUrl=" + e.graphUrl() + ";LoginUrl="
                + e.loginUrl() + ";");
    }

    private static Group group(String id) {
        return WriteEmulator.get().tenant().group(id).orElseThrow();
    }

    @Test
    void aGroupIsCreatedChangedAndDeleted() throws Exception {
        String alias = "rota" + System.nanoTime() % 1_000_000;
        try (Connection c = groupAdmin(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("INSERT INTO \"Groups\" (displayName, mailEnabled,"
                    + " mailNickname, securityEnabled, groupTypes, description) VALUES"
                    + " ('Support rota', true, '" + alias + "', false, '[\"Unified\"]',"
                    + " 'Who is on call')", Statement.RETURN_GENERATED_KEYS));
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
            }
            LoggedRequest post = WriteEmulator.writes().get(0);
            assertEquals("POST", post.method());
            assertEquals("/v1.0/groups", post.path());
            assertTrue(post.body().contains("\"groupTypes\":[\"Unified\"]"), post.body());
            Group g = group(id);
            assertEquals("Support rota", g.displayName());
            assertEquals(List.of("Unified"), g.groupTypes());
            assertEquals(alias + "@" + WriteEmulator.get().tenantDomain(), g.mail());

            try (PreparedStatement ps = c.prepareStatement("SELECT displayName, mail,"
                    + " groupTypes, visibility FROM \"Groups\" WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("Support rota", rs.getString(1));
                    assertEquals(g.mail(), rs.getString(2));
                    assertEquals("[\"Unified\"]", rs.getString(3));
                    assertEquals("Public", rs.getString(4));
                }
            }

            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE \"Groups\" SET description = 'On call,"
                    + " weekly', visibility = 'Private' WHERE id = '" + id + "'"));
            LoggedRequest patch = WriteEmulator.writes().get(0);
            assertEquals("PATCH", patch.method());
            assertEquals("/v1.0/groups/" + id, patch.path());
            assertEquals("On call, weekly", group(id).description());
            assertEquals("Private", group(id).visibility());

            // a property the service takes only alone, in an UPDATE of its own
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE \"Groups\" SET hideFromAddressLists = true"
                    + " WHERE id = '" + id + "'"));
            assertEquals("{\"hideFromAddressLists\":true}", WriteEmulator.writes().get(0)
                    .body());
            assertEquals(Boolean.TRUE, group(id).option("hideFromAddressLists"));

            assertEquals(1, s.executeUpdate("DELETE FROM \"Groups\" WHERE mailNickname = '"
                    + alias + "'"));
            assertTrue(WriteEmulator.get().tenant().group(id).isEmpty());
        }
    }

    @Test
    void membersAreAddedAndRemovedByReference() throws Exception {
        User member = WriteEmulator.get().tenant().users().get(1);
        String alias = "crew" + System.nanoTime() % 1_000_000;
        try (Connection c = groupAdmin(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"Groups\" (displayName, mailEnabled, mailNickname,"
                    + " securityEnabled) VALUES ('Crew', false, '" + alias + "', true)",
                    Statement.RETURN_GENERATED_KEYS);
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
            }
            assertNull(group(id).mail());
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("INSERT INTO GroupMembers (groupId, id) VALUES ('"
                    + id + "', '" + member.id() + "')"));
            LoggedRequest ref = WriteEmulator.writes().get(0);
            assertEquals("/v1.0/groups/" + id + "/members/$ref", ref.path());
            assertTrue(ref.body().contains("\"@odata.id\":\"" + WriteEmulator.get().graphUrl()
                    + "/v1.0/directoryObjects/" + member.id() + "\""), ref.body());
            assertEquals(List.of(member.id()), group(id).members().stream().map(User::id)
                    .toList());
            assertEquals(List.of(member.userPrincipalName()), WriteEmulator.column(c,
                    "SELECT userPrincipalName FROM GroupMembers WHERE groupId = '" + id + "'"));

            SQLException twice = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO GroupMembers (groupId, id) VALUES ('" + id + "', '"
                            + member.id() + "')"));
            assertTrue(twice.getMessage().contains("HTTP 400"), twice.getMessage());

            // a member is named by its group and its id; without the group nothing is sent
            WriteEmulator.get().clearRequestLog();
            SQLException noGroup = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM GroupMembers WHERE id = '" + member.id() + "'"));
            assertTrue(noGroup.getMessage().contains("groupId"), noGroup.getMessage());
            assertEquals(List.of(), WriteEmulator.writes());
            assertEquals(1, group(id).members().size());

            assertEquals(1, s.executeUpdate("DELETE FROM GroupMembers WHERE groupId = '" + id
                    + "' AND id = '" + member.id() + "'"));
            assertEquals("/v1.0/groups/" + id + "/members/" + member.id() + "/$ref",
                    WriteEmulator.writes().get(0).path());
            assertTrue(group(id).members().isEmpty());
            s.executeUpdate("DELETE FROM \"Groups\" WHERE id = '" + id + "'");
        }
    }

    @Test
    void badGroupWritesAreRefusedAndChangeNothing() throws Exception {
        Group existing = WriteEmulator.get().tenant().groups().get(0);
        int before = WriteEmulator.get().tenant().groups().size();
        try (Connection c = groupAdmin(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            SQLException missing = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO \"Groups\" (displayName, mailEnabled, securityEnabled) VALUES"
                            + " ('No alias', false, true)"));
            assertEquals("23502", missing.getSQLState());
            assertTrue(missing.getMessage().contains("mailNickname"), missing.getMessage());
            SQLException json = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO \"Groups\" (displayName, mailEnabled, mailNickname,"
                            + " securityEnabled, groupTypes) VALUES ('x', true, 'x', false,"
                            + " 'Unified')"));
            assertEquals("22032", json.getSQLState());
            SQLException readOnly = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE \"Groups\" SET mail = 'x@contoso.com' WHERE id = '"
                            + existing.id() + "'"));
            assertEquals("42000", readOnly.getSQLState());
            assertTrue(readOnly.getMessage().contains("mail"), readOnly.getMessage());
            SQLException alone = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE \"Groups\" SET hideFromAddressLists = true, description = 'x'"
                            + " WHERE id = '" + existing.id() + "'"));
            assertEquals("42000", alone.getSQLState());
            assertTrue(alone.getMessage().contains("no other column"), alone.getMessage());
            SQLException insertOnly = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE \"Groups\" SET isAssignableToRole = true WHERE id = '"
                            + existing.id() + "'"));
            assertEquals("42000", insertOnly.getSQLState());
            assertEquals(List.of(), WriteEmulator.writes(), "nothing may be sent");

            // the service's own checks: an unknown id, a mail-enabled security group
            String unknown = "00000000-0000-4000-8000-000000000000";
            SQLException notFound = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE \"Groups\" SET description = 'x' WHERE id = '" + unknown + "'"));
            assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO \"Groups\" (displayName, mailEnabled, mailNickname,"
                            + " securityEnabled) VALUES ('Dist', true, 'dist', true)"));
            assertEquals("22023", refused.getSQLState());
            assertTrue(refused.getMessage().contains("mail-enabled"), refused.getMessage());
            assertFalse(refused.getMessage().contains(SECRET));
        }
        assertEquals(before, WriteEmulator.get().tenant().groups().size());
        assertEquals(existing, WriteEmulator.get().tenant().groups().get(0));
    }

    @Test
    void withoutGroupWritePermissionTheServiceRefuses() throws Exception {
        Group existing = WriteEmulator.get().tenant().groups().get(0);
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE \"Groups\" SET description = 'x' WHERE id = '" + existing.id()
                            + "'"));
            assertEquals("42501", e.getSQLState());
        }
        assertEquals(existing, WriteEmulator.get().tenant().group(existing.id()).orElseThrow());
    }
}
