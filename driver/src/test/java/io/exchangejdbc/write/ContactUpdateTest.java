package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UPDATE and DELETE on Contacts and ContactFolders, against the emulator. */
class ContactUpdateTest {

    private static String insert(Statement s, String sql) throws SQLException {
        assertEquals(1, s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
        try (ResultSet keys = s.getGeneratedKeys()) {
            assertTrue(keys.next());
            return keys.getString(1);
        }
    }

    private static String segment(String id) {
        return id.replace("=", "%3D");
    }

    @Test
    void aContactIsChangedThenDeleted() throws Exception {
        ContactBook book = WriteEmulator.mailbox().contacts();
        String surname = "Hopper" + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Contacts (givenName, surname, jobTitle) VALUES"
                    + " ('Grace', '" + surname + "', 'Officer')");
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE Contacts SET jobTitle = 'Admiral',"
                    + " businessAddress_city = 'Arlington', categories = '[\"Navy\"]',"
                    + " birthday = TIMESTAMP '1906-12-09 00:00:00' WHERE id = '" + id + "'"));
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size());
            assertEquals("PATCH", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/contacts/" + segment(id)),
                    writes.get(0).path());
            String body = writes.get(0).body();
            assertTrue(body.contains("\"businessAddress\":{\"city\":\"Arlington\"}"), body);
            assertTrue(body.contains("\"categories\":[\"Navy\"]"), body);

            Contact changed = book.contact(id).orElseThrow();
            assertEquals("Admiral", changed.jobTitle());
            assertEquals("Arlington", changed.businessAddress().city());
            assertEquals(List.of("Navy"), changed.categories());
            assertEquals(Instant.parse("1906-12-09T00:00:00Z"), changed.birthday());
            assertEquals("Grace " + surname, changed.displayName());
            try (PreparedStatement ps = c.prepareStatement("SELECT jobTitle,"
                    + " businessAddress_city, categories FROM Contacts WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("Admiral", rs.getString(1));
                    assertEquals("Arlington", rs.getString(2));
                    assertEquals("[\"Navy\"]", rs.getString(3));
                }
            }

            // a WHERE on another column reads the matching ids first
            assertEquals(1, s.executeUpdate("UPDATE Contacts SET mobilePhone = '+1 555 0100'"
                    + " WHERE surname = '" + surname + "'"));
            assertEquals("+1 555 0100", book.contact(id).orElseThrow().mobilePhone());

            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("DELETE FROM Contacts WHERE id = '" + id + "'"));
            assertEquals("DELETE", WriteEmulator.writes().get(0).method());
            assertTrue(book.contact(id).isEmpty());
        }
    }

    @Test
    void aFolderIsRenamedThenDeletedWithItsContacts() throws Exception {
        ContactBook book = WriteEmulator.mailbox().contacts();
        String name = "Vendors " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String folder = insert(s, "INSERT INTO ContactFolders (displayName) VALUES ('"
                    + name + "')");
            String child = insert(s, "INSERT INTO ContactFolders (displayName, parentFolderId)"
                    + " VALUES ('Local', '" + folder + "')");
            String inChild = insert(s, "INSERT INTO Contacts (displayName, parentFolderId)"
                    + " VALUES ('Print shop', '" + child + "')");
            assertEquals(1, s.executeUpdate("UPDATE ContactFolders SET displayName = '" + name
                    + " (old)' WHERE id = '" + folder + "'"));
            assertEquals(name + " (old)", book.folder(folder).orElseThrow().displayName());
            assertEquals(List.of(name + " (old)"), WriteEmulator.column(c, "SELECT displayName"
                    + " FROM ContactFolders WHERE id = '" + folder + "'"));

            // a contact in another folder is still changed by its id
            assertEquals(1, s.executeUpdate("UPDATE Contacts SET companyName = 'Litware'"
                    + " WHERE id = '" + inChild + "'"));
            assertEquals("Litware", book.contact(inChild).orElseThrow().companyName());

            assertEquals(1, s.executeUpdate("DELETE FROM ContactFolders WHERE id = '" + folder
                    + "'"));
            assertTrue(book.folder(folder).isEmpty());
            assertTrue(book.folder(child).isEmpty());
            assertTrue(book.contact(inChild).isEmpty());
        }
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() throws Exception {
        ContactBook book = WriteEmulator.mailbox().contacts();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Contacts (givenName, categories) VALUES"
                    + " ('Ada', '[\"Keep\"]')");
            Contact before = book.contact(id).orElseThrow();
            WriteEmulator.get().clearRequestLog();

            SQLException json = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Contacts SET categories = '[\"Red\"' WHERE id = '" + id + "'"));
            assertEquals("22032", json.getSQLState());
            assertTrue(json.getMessage().contains("categories"), json.getMessage());
            SQLException readOnly = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Contacts SET changeKey = 'x' WHERE id = '" + id + "'"));
            assertEquals("42000", readOnly.getSQLState());
            assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
            assertEquals(List.of(), WriteEmulator.writes(), "nothing may be sent");

            // a well-formed id of no contact is the service's "not found"
            String unknown = book.nextContactId();
            SQLException missing = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Contacts SET jobTitle = 'x' WHERE id = '" + unknown + "'"));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
            assertFalse(missing.getMessage().contains("\tat "), missing.getMessage());
            SQLException gone = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM ContactFolders WHERE id = '" + unknown + "'"));
            assertTrue(gone.getMessage().contains("HTTP 404"), gone.getMessage());
            SQLException defaultFolder = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM ContactFolders WHERE id = '" + book.defaultFolder().id()
                            + "'"));
            assertTrue(defaultFolder.getMessage().contains("HTTP 400"),
                    defaultFolder.getMessage());
            assertTrue(book.folder(book.defaultFolder().id()).isPresent());
            assertEquals(before, book.contact(id).orElseThrow());
            assertNull(book.contact(unknown).orElse(null));
        }
    }
}
