package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The life of a meeting through SQL, against the emulator: INSERT with an attendee of the
 * tenant, read back through Events and CalendarView, UPDATE, the attendee's response through
 * RespondToEvent seen in the organiser's EventAttendees, DELETE; recurring series; calendars
 * renamed and deleted; and the statements the driver or the service refuses.
 */
class EventRoundTripTest {

    private static User organiser() {
        return WriteEmulator.get().demoUser();
    }

    private static User attendee() {
        return WriteEmulator.get().tenant().users().get(1);
    }

    private static Connection connectAs(User u) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + WriteEmulator.get()
                .connectionString().replace("UserId=" + organiser().userPrincipalName(),
                        "UserId=" + u.userPrincipalName()));
    }

    private static String insert(Statement s, String sql) throws SQLException {
        assertEquals(1, s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
        try (ResultSet keys = s.getGeneratedKeys()) {
            assertTrue(keys.next());
            return keys.getString(1);
        }
    }

    private static String encoded(String id) {
        return id.replace("=", "%3D");
    }

    private static List<String> ids(Connection c, String sql, Object... params)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String view(String from, String to) {
        return "SELECT id, subject, start_dateTime, end_dateTime FROM CalendarView"
                + " WHERE start_dateTime >= TIMESTAMP '" + from + "'"
                + " AND end_dateTime <= TIMESTAMP '" + to + "' AND subject = ?";
    }

    @Test
    void aMeetingIsCreatedReadChangedAnsweredAndDeleted() throws Exception {
        String subject = "Roadmap " + UUID.randomUUID();
        String bob = attendee().mail();
        String id;
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            id = insert(s, "INSERT INTO Events (subject, body_content, body_contentType,"
                    + " start_dateTime, end_dateTime, start_timeZone, end_timeZone,"
                    + " location_displayName, attendees, isOnlineMeeting, onlineMeetingProvider,"
                    + " isReminderOn, reminderMinutesBeforeStart) VALUES ('" + subject + "',"
                    + " 'Agenda', 'text', TIMESTAMP '2026-12-14 09:00:00',"
                    + " TIMESTAMP '2026-12-14 10:00:00', 'W. Europe Standard Time',"
                    + " 'W. Europe Standard Time', 'Room 4',"
                    + " '[{\"emailAddress\":{\"address\":\"" + bob + "\",\"name\":\"Bob\"},"
                    + "\"type\":\"required\"}]', true, 'teamsForBusiness', true, 30)");
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size(), writes::toString);
            assertEquals("POST", writes.get(0).method());
            assertEquals("/v1.0/users/" + organiser().userPrincipalName().replace("@", "%40")
                    + "/events", writes.get(0).path());
            String body = writes.get(0).body();
            assertTrue(body.contains("\"start\":{\"dateTime\":\"2026-12-14T10:00:00.0000000\","
                    + "\"timeZone\":\"W. Europe Standard Time\"}"), body);
            assertTrue(body.contains("\"isOnlineMeeting\":true"), body);
            assertTrue(body.contains("\"attendees\":[{\"emailAddress\""), body);

            try (PreparedStatement ps = c.prepareStatement("SELECT subject, start_dateTime,"
                    + " end_dateTime, originalStartTimeZone, location_displayName,"
                    + " isOnlineMeeting, onlineMeetingProvider, isReminderOn,"
                    + " reminderMinutesBeforeStart, attendees, isOrganizer, type, iCalUId,"
                    + " body_content FROM Events WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(subject, rs.getString(1));
                    assertEquals(Timestamp.valueOf("2026-12-14 09:00:00"), rs.getTimestamp(2));
                    assertEquals(Timestamp.valueOf("2026-12-14 10:00:00"), rs.getTimestamp(3));
                    assertEquals("W. Europe Standard Time", rs.getString(4));
                    assertEquals("Room 4", rs.getString(5));
                    assertTrue(rs.getBoolean(6));
                    assertEquals("teamsForBusiness", rs.getString(7));
                    assertTrue(rs.getBoolean(8));
                    assertEquals(30, rs.getInt(9));
                    assertTrue(rs.getString(10).contains(bob), rs.getString(10));
                    assertTrue(rs.getBoolean(11));
                    assertEquals("singleInstance", rs.getString(12));
                    assertNotNull(rs.getString(13));
                    assertTrue(rs.getString(14).contains("Agenda"), rs.getString(14));
                    assertFalse(rs.next());
                }
            }
            assertEquals(List.of(id), ids(c, view("2026-12-14 00:00:00", "2026-12-15 00:00:00"),
                    subject));

            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE Events SET subject = '" + subject
                    + " (moved)', start_dateTime = TIMESTAMP '2026-12-15 13:00:00',"
                    + " end_dateTime = TIMESTAMP '2026-12-15 14:30:00' WHERE id = '" + id
                    + "'"));
            writes = WriteEmulator.writes();
            assertEquals(1, writes.size(), writes::toString);
            assertEquals("PATCH", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/events/" + encoded(id)),
                    writes.get(0).path());
            assertTrue(writes.get(0).body().contains("\"start\":{\"dateTime\":"
                    + "\"2026-12-15T13:00:00.0000000\",\"timeZone\":\"UTC\"}"),
                    writes.get(0).body());
            assertEquals(List.of(), ids(c, view("2026-12-14 00:00:00", "2026-12-15 00:00:00"),
                    subject));
            assertEquals(List.of(), ids(c, view("2026-12-14 00:00:00", "2026-12-15 00:00:00"),
                    subject + " (moved)"));
            try (PreparedStatement ps = c.prepareStatement(view("2026-12-15 00:00:00",
                    "2026-12-16 00:00:00"))) {
                ps.setString(1, subject + " (moved)");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(id, rs.getString(1));
                    assertEquals(Timestamp.valueOf("2026-12-15 13:00:00"), rs.getTimestamp(3));
                    assertEquals(Timestamp.valueOf("2026-12-15 14:30:00"), rs.getTimestamp(4));
                    assertFalse(rs.next());
                }
            }
        }

        // the invitation reached the attendee's calendar, with the organiser's update
        String uid = WriteEmulator.mailbox().calendars().instance(id).orElseThrow().event()
                .iCalUId();
        String copyId;
        try (Connection c = connectAs(attendee())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject,"
                    + " responseStatus_response, isOrganizer, organizer_emailAddress_address"
                    + " FROM Events WHERE iCalUId = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the attendee has the meeting");
                    copyId = rs.getString(1);
                    assertEquals(subject + " (moved)", rs.getString(2));
                    assertEquals("none", rs.getString(3));
                    assertFalse(rs.getBoolean(4));
                    assertEquals(organiser().mail(), rs.getString(5));
                    assertFalse(rs.next());
                }
            }
            WriteEmulator.get().clearRequestLog();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "EXEC RespondToEvent @EventId = '" + copyId + "', @Response = 'Accept'")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean("Success"));
            }
            assertTrue(WriteEmulator.writes().get(0).path().endsWith("/events/"
                    + encoded(copyId) + "/accept"), WriteEmulator.writes().toString());
        }
        assertTrue(inbox(attendee(), subject + " (moved)"), "the update was sent");

        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT status_response, type"
                    + " FROM EventAttendees WHERE eventId = ? AND emailAddress_address = ?")) {
                ps.setString(1, id);
                ps.setString(2, bob);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("accepted", rs.getString(1));
                    assertEquals("required", rs.getString(2));
                }
            }

            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("DELETE FROM Events WHERE id = '" + id + "'"));
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size(), writes::toString);
            assertEquals("DELETE", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/events/" + encoded(id)));
            assertEquals(List.of(), ids(c, view("2026-12-15 00:00:00", "2026-12-16 00:00:00"),
                    subject + " (moved)"));
            assertEquals(List.of(), ids(c, "SELECT id FROM Events WHERE iCalUId = ?", uid));
        }
        try (Connection c = connectAs(attendee()); PreparedStatement ps = c.prepareStatement(
                "SELECT isCancelled FROM Events WHERE id = ?")) {
            ps.setString(1, copyId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1), "deleting the meeting cancelled the copy");
            }
        }
        assertTrue(inbox(attendee(), "Canceled: " + subject + " (moved)"));
    }

    private static boolean inbox(User u, String subject) {
        Mailbox box = WriteEmulator.get().tenant().mailbox(u);
        return box.messages().stream().anyMatch(m -> m.parentFolderId().equals(
                box.folder(WellKnownFolder.INBOX).id()) && subject.equals(m.subject()));
    }

    @Test
    void aRecurringSeriesIsExpandedAndItsPatternChanged() throws Exception {
        String subject = "Stand-up " + UUID.randomUUID();
        String weekly = "{\"pattern\":{\"type\":\"weekly\",\"interval\":1,"
                + "\"daysOfWeek\":[\"monday\",\"wednesday\"]},\"range\":{\"type\":\"numbered\","
                + "\"startDate\":\"2027-01-04\",\"numberOfOccurrences\":%d}}";
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Events (subject, start_dateTime, end_dateTime,"
                    + " recurrence) VALUES ('" + subject + "', TIMESTAMP '2027-01-04 08:30:00',"
                    + " TIMESTAMP '2027-01-04 08:45:00', '" + String.format(weekly, 3) + "')");
            try (PreparedStatement ps = c.prepareStatement("SELECT type,"
                    + " recurrence_pattern_type, recurrence_pattern_daysOfWeek,"
                    + " recurrence_range_numberOfOccurrences, recurrence FROM Events"
                    + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("seriesMaster", rs.getString(1));
                    assertEquals("weekly", rs.getString(2));
                    assertEquals("[\"monday\",\"wednesday\"]", rs.getString(3));
                    assertEquals(3, rs.getInt(4));
                    assertTrue(rs.getString(5).startsWith("{\"pattern\":{\"type\":\"weekly\""),
                            rs.getString(5));
                }
            }
            String window = "SELECT start_dateTime FROM CalendarView WHERE start_dateTime >="
                    + " TIMESTAMP '2027-01-01 00:00:00' AND end_dateTime <="
                    + " TIMESTAMP '2027-02-01 00:00:00' AND subject = ? ORDER BY 1";
            assertEquals(3, ids(c, window, subject).size(), "Mon 4, Wed 6, Mon 11");
            List<String> instances = ids(c, "SELECT type FROM EventInstances WHERE eventId = ?"
                    + " AND start_dateTime >= TIMESTAMP '2027-01-01 00:00:00'"
                    + " AND end_dateTime <= TIMESTAMP '2027-02-01 00:00:00'", id);
            assertEquals(List.of("occurrence", "occurrence", "occurrence"), instances);

            assertEquals(1, s.executeUpdate("UPDATE Events SET recurrence = '"
                    + String.format(weekly, 5) + "', reminderMinutesBeforeStart = 5"
                    + " WHERE id = '" + id + "'"));
            assertEquals(5, ids(c, window, subject).size());
            String second = ids(c, window.replace("start_dateTime FROM", "id, start_dateTime FROM")
                    .replace("ORDER BY 1", "ORDER BY 2"), subject)
                    .get(1);
            assertEquals(1, s.executeUpdate("DELETE FROM Events WHERE id = '" + second + "'"));
            assertEquals(4, ids(c, window, subject).size(), "one occurrence cancelled");
            assertEquals(List.of("[\"OID." + id + ".2027-01-06\"]"), ids(c,
                    "SELECT cancelledOccurrences FROM Events WHERE id = ?", id));
            assertEquals(1, s.executeUpdate("UPDATE Events SET recurrence_pattern_type = 'daily',"
                    + " recurrence_pattern_interval = 1, recurrence_range_type = 'endDate',"
                    + " recurrence_range_startDate = DATE '2027-01-04',"
                    + " recurrence_range_endDate = DATE '2027-01-05' WHERE id = '" + id + "'"));
            assertEquals(2, ids(c, window, subject).size(), "the parts change the series too");
            SQLException part = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET recurrence_range_numberOfOccurrences = 9 WHERE id = '"
                            + id + "'"));
            assertTrue(part.getMessage().contains("both its pattern and its range"),
                    part.getMessage());
            assertEquals(2, ids(c, window, subject).size());
            assertEquals(1, s.executeUpdate("UPDATE Events SET recurrence = NULL WHERE id = '"
                    + id + "'"));
            assertEquals(List.of("singleInstance"), ids(c, "SELECT type FROM Events WHERE"
                    + " id = ?", id));
            assertEquals(1, ids(c, window, subject).size());
            CalendarEvent e = WriteEmulator.mailbox().calendars().instance(id).orElseThrow()
                    .event();
            assertEquals(5, e.reminderMinutesBeforeStart());
            assertEquals(1, s.executeUpdate("DELETE FROM Events WHERE id = '" + id + "'"));
            assertEquals(0, ids(c, window, subject).size());
        }
    }

    @Test
    void attendeesAddedLaterAreInvitedAndRemovedOnesToldOfTheCancellation() throws Exception {
        String subject = "Review " + UUID.randomUUID();
        MailboxCalendars bobs = WriteEmulator.get().tenant().mailbox(attendee()).calendars();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Events (subject, start_dateTime, end_dateTime)"
                    + " VALUES ('" + subject + "', TIMESTAMP '2027-02-01 15:00:00',"
                    + " TIMESTAMP '2027-02-01 16:00:00')");
            String uid = WriteEmulator.mailbox().calendars().instance(id).orElseThrow().event()
                    .iCalUId();
            assertTrue(bobs.eventByICalUId(uid).isEmpty(), "no attendee, nothing sent");
            assertFalse(inbox(attendee(), subject));

            assertEquals(1, s.executeUpdate("UPDATE Events SET attendees = '[{\"emailAddress\":"
                    + "{\"address\":\"" + attendee().mail() + "\"},\"type\":\"optional\"}]'"
                    + " WHERE id = '" + id + "'"));
            CalendarEvent copy = bobs.eventByICalUId(uid).orElseThrow();
            assertEquals(subject, copy.subject());
            assertFalse(copy.isCancelled());
            assertTrue(inbox(attendee(), subject), "the invitation was sent on UPDATE");

            assertEquals(1, s.executeUpdate("UPDATE Events SET attendees = '[]' WHERE id = '"
                    + id + "'"));
            assertTrue(copy.isCancelled());
            assertTrue(inbox(attendee(), "Canceled: " + subject));
            assertEquals(1, s.executeUpdate("DELETE FROM Events WHERE id = '" + id + "'"));
        }
    }

    @Test
    void severalEventsChangeInOneBatch() throws Exception {
        String subject = "Batch " + UUID.randomUUID();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            assertEquals(3, s.executeUpdate("INSERT INTO Events (subject, start_dateTime,"
                    + " end_dateTime) VALUES ('" + subject + "', TIMESTAMP '2027-04-01 09:00:00',"
                    + " TIMESTAMP '2027-04-01 10:00:00'), ('" + subject + "', TIMESTAMP"
                    + " '2027-04-02 09:00:00', TIMESTAMP '2027-04-02 10:00:00'), ('" + subject
                    + "', TIMESTAMP '2027-04-03 09:00:00', TIMESTAMP '2027-04-03 10:00:00')"));
            WriteEmulator.get().clearRequestLog();
            assertEquals(3, s.executeUpdate("UPDATE Events SET showAs = 'free' WHERE subject = '"
                    + subject + "'"));
            assertEquals(1, WriteEmulator.writes().size(), "one $batch");
            assertEquals("/v1.0/$batch", WriteEmulator.writes().get(0).path());
            assertEquals(List.of("free", "free", "free"), ids(c, "SELECT showAs FROM Events"
                    + " WHERE subject = ?", subject));
            assertEquals(3, s.executeUpdate("DELETE FROM Events WHERE subject = '" + subject
                    + "'"));
            assertEquals(List.of(), ids(c, "SELECT id FROM Events WHERE subject = ?", subject));
        }
    }

    @Test
    void calendarsAreRenamedAndDeletedButNotTheDefaultOne() throws Exception {
        MailboxCalendars calendars = WriteEmulator.mailbox().calendars();
        String name = "Holidays " + UUID.randomUUID();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Calendars (name) VALUES ('" + name + "')");
            String event = insert(s, "INSERT INTO Events (calendarId, subject, start_dateTime,"
                    + " end_dateTime) VALUES ('" + id + "', 'Beach', TIMESTAMP"
                    + " '2027-07-01 00:00:00', TIMESTAMP '2027-07-02 00:00:00')");
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE Calendars SET name = '" + name
                    + " 2027', color = 'lightGreen' WHERE id = '" + id + "'"));
            assertEquals("PATCH", WriteEmulator.writes().get(0).method());
            assertTrue(WriteEmulator.writes().get(0).path().endsWith("/calendars/"
                    + encoded(id)));
            CalendarFolder cal = calendars.calendar(id).orElseThrow();
            assertEquals(name + " 2027", cal.name());
            assertEquals("lightGreen", cal.color());
            assertEquals(List.of(id), ids(c, "SELECT id FROM Calendars WHERE name = ?",
                    name + " 2027"));

            assertEquals(1, s.executeUpdate("DELETE FROM Calendars WHERE id = '" + id + "'"));
            assertTrue(calendars.calendar(id).isEmpty());
            assertTrue(calendars.instance(event).isEmpty(), "its events went with it");
            assertEquals(List.of(), ids(c, "SELECT id FROM Calendars WHERE name = ?",
                    name + " 2027"));

            String defaultId = calendars.defaultCalendar().id();
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM Calendars WHERE id = '" + defaultId + "'"));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("HTTP 400 ErrorDeleteDistinguishedFolder"),
                    e.getMessage());
            assertTrue(calendars.calendar(defaultId).isPresent());
        }
    }

    @Test
    void badEventWritesAreRefusedClearly() throws Exception {
        MailboxCalendars calendars = WriteEmulator.mailbox().calendars();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            String id = insert(s, "INSERT INTO Events (subject, start_dateTime, end_dateTime)"
                    + " VALUES ('Fixed', TIMESTAMP '2027-03-01 10:00:00',"
                    + " TIMESTAMP '2027-03-01 11:00:00')");
            WriteEmulator.get().clearRequestLog();

            SQLException readOnly = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET iCalUId = 'mine' WHERE id = '" + id + "'"));
            assertEquals("42000", readOnly.getSQLState());
            assertTrue(readOnly.getMessage().contains("iCalUId")
                    && readOnly.getMessage().contains("read-only"), readOnly.getMessage());

            SQLException badRecurrence = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET recurrence = '{\"pattern\":{\"type\":\"daily\"'"
                            + " WHERE id = '" + id + "'"));
            assertEquals("22032", badRecurrence.getSQLState());
            assertTrue(badRecurrence.getMessage().contains("recurrence"),
                    badRecurrence.getMessage());
            SQLException badAttendees = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Events (start_dateTime, end_dateTime, attendees) VALUES"
                            + " (TIMESTAMP '2027-03-01 10:00:00', TIMESTAMP"
                            + " '2027-03-01 11:00:00', 'bob@contoso.com')"));
            assertEquals("22032", badAttendees.getSQLState());
            assertTrue(badAttendees.getMessage().contains("attendees"),
                    badAttendees.getMessage());
            SQLException both = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET recurrence = '{}', recurrence_pattern_interval = 2"
                            + " WHERE id = '" + id + "'"));
            assertEquals("42000", both.getSQLState());
            assertTrue(both.getMessage().contains("recurrence_pattern_interval"),
                    both.getMessage());
            assertEquals(List.of(), WriteEmulator.writes(), "nothing may be sent");

            SQLException shape = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET recurrence = '{\"pattern\":{\"type\":\"weekly\","
                            + "\"interval\":1},\"range\":{\"type\":\"noEnd\","
                            + "\"startDate\":\"2027-03-01\"}}' WHERE id = '" + id + "'"));
            assertEquals("22023", shape.getSQLState());
            assertTrue(shape.getMessage().contains("daysOfWeek"), shape.getMessage());
            assertEquals(CalendarEvent.Type.SINGLE_INSTANCE, calendars.instance(id)
                    .orElseThrow().type());

            assertEquals(1, s.executeUpdate("DELETE FROM Events WHERE id = '" + id + "'"));
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE Events SET subject = 'again' WHERE id = '" + id + "'"));
            assertTrue(update.getMessage().contains("HTTP 404 ErrorItemNotFound")
                    && update.getMessage().contains("No such row"), update.getMessage());
            assertEquals("HY000", update.getSQLState());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM Events WHERE id = '" + id + "'"));
            assertTrue(delete.getMessage().contains("HTTP 404"), delete.getMessage());
            assertTrue(delete.getMessage().contains("delete row"), delete.getMessage());
        }
    }
}
