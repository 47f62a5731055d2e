package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.Mailbox;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meetings written through Schema=EWS against the emulator and followed to the attendee: the
 * invitation, the organizer's UPDATE of the time and subject and the DELETE reach the
 * attendee's calendar (read through EWS as the attendee and through Schema=MSGraph) when
 * SendMeetingInvitations asks for it, and nothing reaches them with SendToNone. A stale
 * ChangeKey refuses the UPDATE without a change. Every EWS request is validated against
 * Microsoft's schemas.
 */
class EwsMeetingWritesTest {

    private static Emulator emulator;
    private static User organizer;
    private static User attendee;
    private static Mailbox attendeeBox;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().seed(29).users(3).messagesPerUser(4).port(0).build()
                .start();
        organizer = emulator.demoUser();
        attendee = emulator.tenant().users().stream()
                .filter(u -> !u.id().equals(organizer.id())).findFirst().orElseThrow();
        attendeeBox = emulator.store().mailbox(attendee.id());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection ews(User u) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + emulator.ewsUrl() + ";User=" + u.userPrincipalName() + ";Password="
                + u.password() + ";");
    }

    private static void validateAll() throws Exception {
        for (LoggedRequest r : emulator.requestLog()) {
            if (r.path().startsWith("/EWS/")) {
                EwsSchemaValidator.validate(r.body());
            }
        }
    }

    /**
     * Subject, Start, End and IsCancelled of the calendar items of a user in the week of the
     * tests (a calendar view) whose subject starts so.
     */
    private static List<String> calendarOf(User u, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ews(u); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT Subject, \"Start\", \"End\", IsCancelled"
                        + " FROM Calendar WHERE \"Start\" >= TIMESTAMP '2026-12-20 00:00:00'"
                        + " AND \"End\" <= TIMESTAMP '2026-12-27 00:00:00'")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    out.add(rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " "
                            + rs.getTimestamp(3).toInstant() + " cancelled=" + rs.getBoolean(4));
                }
            }
        }
        return out;
    }

    /** The ItemId of the organizer's calendar item with a subject. */
    private static String itemId(Statement s, String subject) throws SQLException {
        String found = null;
        try (ResultSet rs = s.executeQuery("SELECT ItemId, Subject FROM Calendar"
                + " WHERE \"Start\" >= TIMESTAMP '2026-12-20 00:00:00'"
                + " AND \"End\" <= TIMESTAMP '2026-12-27 00:00:00'")) {
            while (rs.next()) {
                if (rs.getString(2).equals(subject)) {
                    assertEquals(null, found, "one item named " + subject);
                    found = rs.getString(1);
                }
            }
        }
        assertTrue(found != null, subject);
        return found;
    }

    /** subject, start and isCancelled of the attendee's events as Schema=MSGraph reads them. */
    private static List<String> graphEventsOfAttendee(String prefix) throws SQLException {
        String url = "jdbc:exchange:" + emulator.connectionString().replace("UserId="
                + organizer.userPrincipalName(), "UserId=" + attendee.userPrincipalName());
        List<String> out = new ArrayList<>();
        try (Connection g = DriverManager.getConnection(url); Statement s = g.createStatement();
                ResultSet rs = s.executeQuery("SELECT subject, start_dateTime, isCancelled"
                        + " FROM Events")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " cancelled="
                            + rs.getBoolean(3));
                }
            }
        }
        return out;
    }

    private static long inbox(String subject) {
        return attendeeBox.messages(attendeeBox.folder(WellKnownFolder.INBOX)).stream()
                .filter(m -> m.subject().equals(subject)).count();
    }

    private static void invite(Statement s, String subject, String mode) throws SQLException {
        assertEquals(1, s.executeUpdate("INSERT INTO Calendar (Subject, \"Start\", \"End\","
                + " RequiredAttendees_EmailAddresses, SendMeetingInvitations) VALUES ('"
                + subject + "', TIMESTAMP '2026-12-21 09:00:00', TIMESTAMP"
                + " '2026-12-21 10:00:00', '" + attendee.mail() + "', '" + mode + "')"));
    }

    @Test
    void theAttendeeSeesTheInvitationTheMoveAndTheCancellation() throws Exception {
        emulator.clearRequestLog();
        try (Connection c = ews(organizer); Statement s = c.createStatement()) {
            invite(s, "Zq roadmap", "SendToAllAndSaveCopy");
        }
        assertEquals(List.of("Zq roadmap 2026-12-21T09:00:00Z 2026-12-21T10:00:00Z"
                + " cancelled=false"), calendarOf(attendee, "Zq roadmap"));
        assertEquals(List.of("Zq roadmap 2026-12-21 09:00:00.000 cancelled=false"),
                graphEventsOfAttendee("Zq roadmap"));
        assertEquals(1, inbox("Zq roadmap"));

        try (Connection c = ews(organizer); Statement s = c.createStatement();
                PreparedStatement p = c.prepareStatement("UPDATE Calendar SET Subject = ?,"
                        + " \"Start\" = ?, \"End\" = ? WHERE ItemId = ?"
                        + " AND SendMeetingInvitations = 'SendOnlyToAll'")) {
            p.setString(1, "Zq roadmap (moved)");
            p.setTimestamp(2, Timestamp.from(java.time.Instant.parse("2026-12-22T14:00:00Z")));
            p.setTimestamp(3, Timestamp.from(java.time.Instant.parse("2026-12-22T15:30:00Z")));
            p.setString(4, itemId(s, "Zq roadmap"));
            assertEquals(1, p.executeUpdate());
        }
        assertEquals(List.of("Zq roadmap (moved) 2026-12-22T14:00:00Z 2026-12-22T15:30:00Z"
                + " cancelled=false"), calendarOf(attendee, "Zq roadmap"));
        assertEquals(1, inbox("Zq roadmap (moved)"), "the update reached the Inbox");

        try (Connection c = ews(organizer); Statement s = c.createStatement()) {
            String id = itemId(s, "Zq roadmap (moved)");
            assertEquals(1, s.executeUpdate("DELETE FROM Calendar WHERE ItemId = '" + id
                    + "' AND SendMeetingInvitations = 'SendToAllAndSaveCopy'"));
        }
        assertEquals(List.of(), calendarOf(organizer, "Zq roadmap"), "gone for the organizer");
        assertEquals(List.of("Zq roadmap (moved) 2026-12-22T14:00:00Z 2026-12-22T15:30:00Z"
                + " cancelled=true"), calendarOf(attendee, "Zq roadmap"));
        assertTrue(graphEventsOfAttendee("Zq roadmap").get(0).endsWith("cancelled=true"));
        assertEquals(1, inbox("Canceled: Zq roadmap (moved)"));
        validateAll();
        List<String> writes = emulator.requestLog().stream().map(LoggedRequest::body)
                .filter(b -> b.contains("<m:UpdateItem") || b.contains("<m:DeleteItem"))
                .toList();
        assertEquals(2, writes.size());
        assertTrue(writes.get(0).contains(
                "SendMeetingInvitationsOrCancellations=\"SendOnlyToAll\""), writes.get(0));
        assertTrue(writes.get(1).contains("SendMeetingCancellations=\"SendToAllAndSaveCopy\""),
                writes.get(1));
    }

    @Test
    void withSendToNoneNothingReachesTheAttendee() throws Exception {
        try (Connection c = ews(organizer); Statement s = c.createStatement()) {
            invite(s, "Zq budget", "SendOnlyToAll");
            String id = itemId(s, "Zq budget");
            assertEquals(1, s.executeUpdate("UPDATE Calendar SET Subject = 'Zq budget v2',"
                    + " \"Start\" = TIMESTAMP '2026-12-21 11:00:00', \"End\" = TIMESTAMP"
                    + " '2026-12-21 12:00:00' WHERE ItemId = '" + id + "'"
                    + " AND SendMeetingInvitations = 'SendToNone'"));
            assertEquals(1, s.executeUpdate("UPDATE Calendar SET Location = 'Room 4'"
                    + " WHERE ItemId = '" + id + "'"));
            assertEquals(1, s.executeUpdate("DELETE FROM Calendar WHERE ItemId = '" + id
                    + "'"));
        }
        assertEquals(List.of("Zq budget 2026-12-21T09:00:00Z 2026-12-21T10:00:00Z"
                + " cancelled=false"), calendarOf(attendee, "Zq budget"), "the copy as invited");
        assertEquals(1, inbox("Zq budget"));
        assertEquals(0, inbox("Zq budget v2"));
        assertEquals(0, inbox("Canceled: Zq budget v2"));
    }

    @Test
    void aStaleChangeKeyRefusesTheUpdateAndChangesNothing() throws Exception {
        try (Connection c = ews(organizer); Statement s = c.createStatement()) {
            invite(s, "Zq sync", "SendOnlyToAll");
            String id = itemId(s, "Zq sync");
            String staleKey = null;
            try (ResultSet rs = s.executeQuery("SELECT ItemId, ChangeKey FROM Calendar"
                    + " WHERE \"Start\" >= TIMESTAMP '2026-12-20 00:00:00'"
                    + " AND \"End\" <= TIMESTAMP '2026-12-27 00:00:00'")) {
                while (rs.next()) {
                    if (rs.getString(1).equals(id)) {
                        staleKey = rs.getString(2);
                    }
                }
            }
            assertTrue(staleKey != null);
            assertEquals(1, s.executeUpdate("UPDATE Calendar SET Location = 'Room 7'"
                    + " WHERE ItemId = '" + id + "' AND SendMeetingInvitations = 'SendOnlyToAll'"));
            int inboxBefore = attendeeBox.messages(attendeeBox.folder(WellKnownFolder.INBOX))
                    .size();
            try (PreparedStatement p = c.prepareStatement("UPDATE Calendar SET Subject ="
                    + " 'Zq sync (late)' WHERE ItemId = ? AND ChangeKey = ?"
                    + " AND SendMeetingInvitations = 'SendOnlyToAll'")) {
                p.setString(1, id);
                p.setString(2, staleKey);
                SQLException e = assertThrows(SQLException.class, p::executeUpdate);
                assertTrue(e.getMessage().contains("ErrorIrresolvableConflict"), e.getMessage());
                assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
                assertEquals("40001", e.getSQLState());
            }
            assertEquals(inboxBefore, attendeeBox.messages(attendeeBox.folder(
                    WellKnownFolder.INBOX)).size(), "no update was sent");
        }
        List<String> seen = calendarOf(attendee, "Zq sync");
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("Zq sync 2026-12-21T09:00:00Z"), seen.toString());
        CalendarEvent mine = emulator.store().mailbox(organizer.id()).calendars().events()
                .stream().filter(e -> e.subject().startsWith("Zq sync")).findFirst().orElseThrow();
        assertEquals("Zq sync", mine.subject());
        assertEquals("Room 7", mine.location());
        assertFalse(mine.isCancelled());
    }

    @Test
    void aCalendarQueryWithAConditionIsOneRestrictedFindItem() throws Exception {
        emulator.clearRequestLog();
        try (Connection c = ews(organizer); Statement s = c.createStatement()) {
            invite(s, "Restricted planning", "SendToNone");
            invite(s, "Restricted review", "SendToNone");
            invite(s, "Other topic", "SendToNone");
            emulator.clearRequestLog();
            List<String> subjects = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT Subject FROM Calendar"
                    + " WHERE Subject LIKE 'Restricted%' ORDER BY Subject DESC")) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
            assertEquals(List.of("Restricted review", "Restricted planning"), subjects);
            List<LoggedRequest> finds = emulator.requestLog().stream()
                    .filter(r -> r.body() != null && r.body().contains("<m:FindItem")).toList();
            assertEquals(1, finds.size(), "one FindItem");
            assertTrue(finds.get(0).body().contains("<m:Restriction>"), finds.get(0).body());
        }
        validateAll();
    }

}
