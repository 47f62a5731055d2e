package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT on Contacts, ContactFolders and Calendars, against the emulator. */
class ContactAndCalendarWriteTest {

    private static String insert(Statement s, String sql) throws SQLException {
        assertEquals(1, s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
        try (ResultSet keys = s.getGeneratedKeys()) {
            assertTrue(keys.next());
            return keys.getString(1);
        }
    }

    @Test
    void contactsGoToTheDefaultFolderOrTheOneNamed() throws Exception {
        ContactBook book = WriteEmulator.mailbox().contacts();
        String folderName = "Suppliers " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String folderId = insert(s, "INSERT INTO ContactFolders (displayName) VALUES ('"
                    + folderName + "')");
            ContactFolder folder = book.folder(folderId).orElseThrow();
            assertEquals(folderName, folder.displayName());
            String child = insert(s, "INSERT INTO ContactFolders (displayName, parentFolderId)"
                    + " VALUES ('Local', '" + folderId + "')");
            assertEquals(folderId, book.folder(child).orElseThrow().parentFolderId());

            String plain = insert(s, "INSERT INTO Contacts (givenName, surname, jobTitle,"
                    + " emailAddresses, categories) VALUES ('Ada', 'Lovelace', 'Analyst',"
                    + " '[{\"address\":\"ada@fabrikam.com\",\"name\":\"Ada\"}]',"
                    + " '[\"Suppliers\"]')");
            Contact ada = book.contact(plain).orElseThrow();
            assertEquals(book.defaultFolder().id(), ada.parentFolderId());
            assertEquals("Ada Lovelace", ada.displayName());
            assertEquals("ada@fabrikam.com", ada.emailAddresses().get(0).address());
            assertEquals(List.of("Suppliers"), ada.categories());

            String routed = insert(s, "INSERT INTO Contacts (displayName, parentFolderId)"
                    + " VALUES ('Fabrikam desk', '" + folderId + "')");
            assertEquals(folderId, book.contact(routed).orElseThrow().parentFolderId());
            assertTrue(WriteEmulator.writes().stream().anyMatch(r -> r.path().endsWith(
                    "/contactFolders/" + folderId.replace("=", "%3D") + "/contacts")));

            SQLException noName = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Contacts (jobTitle) VALUES ('Nobody')"));
            assertEquals("23502", noName.getSQLState());
            assertTrue(noName.getMessage().contains("givenName, displayName"),
                    noName.getMessage());
            SQLException move = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Contacts SET parentFolderId = '" + folderId + "' WHERE id = '"
                            + plain + "'"));
            assertEquals("42000", move.getSQLState());
            assertEquals(book.defaultFolder().id(), book.contact(plain).orElseThrow()
                    .parentFolderId());
        }
    }

    @Test
    void calendarsNeedANameAndMayGoToAGroup() throws Exception {
        MailboxCalendars calendars = WriteEmulator.mailbox().calendars();
        int before = calendars.calendars().size();
        String name = "Team rota " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Calendars (name) VALUES ('" + name + "')");
            CalendarFolder cal = calendars.calendar(id).orElseThrow();
            assertEquals(name, cal.name());
            assertEquals(calendars.defaultCalendar().group(), cal.group());
            String groupId = calendars.defaultCalendar().group().id();
            String inGroup = insert(s, "INSERT INTO Calendars (name, calendarGroupId) VALUES ('"
                    + name + " 2', '" + groupId + "')");
            assertEquals(groupId, calendars.calendar(inGroup).orElseThrow().group().id());
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Calendars (color) VALUES ('lightBlue')"));
            assertEquals("23502", e.getSQLState());
        }
        assertEquals(before + 2, calendars.calendars().size());
    }

    @Test
    void eventsNeedAStartAndAnEnd() throws Exception {
        MailboxCalendars calendars = WriteEmulator.mailbox().calendars();
        String subject = "Planning " + System.nanoTime();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            String id = insert(s, "INSERT INTO Events (subject, start_dateTime, end_dateTime,"
                    + " attendees, isReminderOn) VALUES ('" + subject + "',"
                    + " TIMESTAMP '2026-12-10 09:00:00', TIMESTAMP '2026-12-10 10:30:00',"
                    + " '[{\"emailAddress\":{\"address\":\"bob@contoso.com\"},"
                    + "\"type\":\"required\"}]', true)");
            String body = WriteEmulator.writes().get(0).body();
            assertTrue(body.contains("\"start\":{\"dateTime\":\"2026-12-10T09:00:00.0000000\","
                    + "\"timeZone\":\"UTC\"}"), body);
            io.exchangejdbc.emulator.store.CalendarEvent e = calendars.events().stream()
                    .filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertEquals(subject, e.subject());
            assertEquals(java.time.Instant.parse("2026-12-10T09:00:00Z"), e.startInstant());
            int before = calendars.events().size();
            SQLException noEnd = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Events (subject, start_dateTime) VALUES ('x',"
                            + " TIMESTAMP '2026-12-10 09:00:00')"));
            assertEquals("23502", noEnd.getSQLState());
            assertTrue(noEnd.getMessage().contains("end_dateTime"), noEnd.getMessage());
            assertEquals(before, calendars.events().size());
        }
    }
}
