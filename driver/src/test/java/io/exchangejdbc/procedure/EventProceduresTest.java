package io.exchangejdbc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meeting procedures against the emulator: responses that reach the organiser, a
 * cancellation that reaches the attendees, and reminders.
 */
class EventProceduresTest {

    private static Emulator emu;
    private static User alice;
    private static User bob;
    private static User carol;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(13).users(3).messagesPerUser(5).port(0).build().start();
        alice = emu.tenant().users().get(0);
        bob = emu.tenant().users().get(1);
        carol = emu.tenant().users().get(2);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static Connection connect(User as) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + emu.connectionString().replace(
                "UserId=" + emu.demoUser().userPrincipalName(),
                "UserId=" + as.userPrincipalName()));
    }

    private static Mailbox box(User u) {
        return emu.tenant().mailbox(u);
    }

    private static EmailAddress address(User u) {
        return new EmailAddress(u.displayName(), u.mail());
    }

    /** The organiser's event and each attendee's copy, sharing one iCalendar uid. */
    private static List<CalendarEvent> meeting(String subject) {
        String uid = "uid-" + UUID.randomUUID();
        List<CalendarEvent> copies = new ArrayList<>();
        for (User u : List.of(alice, bob, carol)) {
            CalendarEvent.Builder b = CalendarEvent.builder(subject,
                    LocalDateTime.parse("2026-12-10T10:00:00"),
                    LocalDateTime.parse("2026-12-10T11:00:00"), "UTC")
                    .organizer(address(alice)).iCalUId(uid).reminder(true, 15)
                    .created(Instant.parse("2026-11-01T00:00:00Z"))
                    .attendee(new Attendee(address(bob), "required", "none",
                            Attendee.NO_RESPONSE_TIME))
                    .attendee(new Attendee(address(carol), "optional", "none",
                            Attendee.NO_RESPONSE_TIME));
            copies.add(box(u).calendars().addEvent(box(u).calendars().defaultCalendar(), b));
        }
        return copies;
    }

    private static String response(CalendarEvent e, User attendee) {
        for (Attendee a : e.attendees()) {
            if (a.emailAddress().address().equals(attendee.mail())) {
                return a.response();
            }
        }
        return null;
    }

    private static List<Message> inbox(User u, String subject) {
        return box(u).messages(box(u).folder(WellKnownFolder.INBOX)).stream()
                .filter(m -> subject.equals(m.subject())).toList();
    }

    private static List<LoggedRequest> posts(String pathEnd) {
        return emu.requestLog().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith(pathEnd)).toList();
    }

    @Test
    void anAcceptanceReachesTheOrganiserUnlessNoResponseIsSent() throws Exception {
        String subject = "Budget " + UUID.randomUUID();
        List<CalendarEvent> m = meeting(subject);
        emu.clearRequestLog();
        try (Connection c = connect(bob); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC RespondToEvent @EventId = '" + m.get(1).id()
                     + "', @Response = 'Accept', @Comment = 'See you there'")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean("Success"));
        }
        LoggedRequest accept = posts("/accept").get(0);
        assertTrue(accept.path().startsWith("/v1.0/users/" + bob.userPrincipalName()
                .replace("@", "%40") + "/events/"), accept.path());
        assertEquals("{\"comment\":\"See you there\",\"sendResponse\":true}", accept.body());
        assertEquals("accepted", response(m.get(1), bob));
        assertEquals("accepted", response(m.get(0), bob), "the organiser's copy");
        assertEquals("See you there", inbox(alice, "Accepted: " + subject).get(0).body()
                .text());

        try (Connection c = connect(carol); Statement s = c.createStatement()) {
            s.execute("EXEC RespondToEvent @EventId = '" + m.get(2).id()
                    + "', @Response = 'decline', @SendResponse = false");
        }
        assertEquals("{\"sendResponse\":false}", posts("/decline").get(0).body());
        assertEquals("declined", response(m.get(2), carol));
        assertEquals("none", response(m.get(0), carol), "no response was sent");
        assertTrue(inbox(alice, "Declined: " + subject).isEmpty());

        emu.clearRequestLog();
        try (Connection c = connect(carol); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC RespondToEvent @EventId = '" + m.get(2).id()
                            + "', @Response = 'Maybe'"));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("Accept, TentativelyAccept or Decline"));
        }
        assertTrue(emu.requestLog().stream().noneMatch(r -> r.path().startsWith("/v1.0/")));
    }

    @Test
    void onlyTheOrganiserCancelsAndTheAttendeesAreTold() throws Exception {
        String subject = "Offsite " + UUID.randomUUID();
        List<CalendarEvent> m = meeting(subject);
        try (Connection c = connect(bob); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC CancelEvent @EventId = '" + m.get(1).id() + "'"));
            assertTrue(e.getMessage().contains("You need to be an organizer"),
                    e.getMessage());
        }
        assertFalse(m.get(1).isCancelled());
        assertEquals(400, posts("/cancel").get(0).status());
        emu.clearRequestLog();
        try (Connection c = connect(alice); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC CancelEvent @EventId = '" + m.get(0).id()
                     + "', @Comment = 'Postponed to spring'")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1));
        }
        assertEquals("{\"comment\":\"Postponed to spring\"}", posts("/cancel").get(0).body());
        assertTrue(m.get(0).isCancelled());
        assertTrue(m.get(1).isCancelled());
        assertTrue(m.get(2).isCancelled());
        assertEquals("Postponed to spring", inbox(carol, "Canceled: " + subject).get(0).body()
                .text());
    }

    @Test
    void remindersAreDismissedAndSnoozed() throws Exception {
        List<CalendarEvent> m = meeting("Review " + UUID.randomUUID());
        CalendarEvent mine = m.get(0);
        try (Connection c = connect(alice); Statement s = c.createStatement()) {
            s.execute("EXEC SnoozeEventReminder @EventId = '" + mine.id()
                    + "', @NewReminderTime = '2026-12-10 09:55', @TimeZone = 'Pacific Standard"
                    + " Time'");
            assertEquals("{\"newReminderTime\":{\"dateTime\":\"2026-12-10T09:55:00\","
                    + "\"timeZone\":\"Pacific Standard Time\"}}",
                    posts("/snoozeReminder").get(0).body());
            assertEquals(Instant.parse("2026-12-10T17:55:00Z"), mine.reminderSnoozedUntil());
            assertTrue(mine.isReminderOn());

            s.execute("EXEC DismissEventReminder @EventId = '" + mine.id() + "'");
            assertEquals(1, posts("/dismissReminder").size());
            assertFalse(mine.isReminderOn());
            assertNull(mine.reminderSnoozedUntil());

            SQLException bad = assertThrows(SQLException.class, () -> s.execute(
                    "EXEC SnoozeEventReminder @EventId = '" + mine.id()
                            + "', @NewReminderTime = 'tomorrow'"));
            assertEquals("22007", bad.getSQLState());
        }
    }

    @Test
    void eventsTakeAttachmentsSmallAndLarge() throws Exception {
        CalendarEvent mine = meeting("Agenda " + UUID.randomUUID()).get(0);
        byte[] large = new byte[3 * 1024 * 1024 + 5];
        new java.util.Random(3).nextBytes(large);
        byte[] small = "agenda".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        emu.clearRequestLog();
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(alice);
             java.sql.CallableStatement cs = c.prepareCall("EXEC AddAttachments")) {
            cs.setString("EventId", mine.id());
            cs.setString("AttachmentName", "slides.bin");
            cs.setBytes("AttachmentContent", large);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("UploadSession", rs.getString("Method"));
                ids.add(rs.getString("Id"));
            }
            cs.setString("AttachmentName", "agenda.txt");
            cs.setBytes("AttachmentContent", small);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("POST", rs.getString("Method"));
                ids.add(rs.getString("Id"));
            }
        }
        assertEquals(1, posts("/events/" + java.net.URLEncoder.encode(mine.id(),
                java.nio.charset.StandardCharsets.UTF_8) + "/attachments/createUploadSession")
                .size());
        assertEquals(List.of(mine.attachmentId(0), mine.attachmentId(1)), ids);
        try (Connection c = connect(alice); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXEC DownloadAttachments @EventId = '" + mine.id()
                     + "'")) {
            assertTrue(rs.next());
            org.junit.jupiter.api.Assertions.assertArrayEquals(large, rs.getBytes("Content"));
            assertTrue(rs.next());
            org.junit.jupiter.api.Assertions.assertArrayEquals(small, rs.getBytes("Content"));
            assertFalse(rs.next());
        }
        try (Connection c = connect(alice); Statement s = c.createStatement()) {
            s.execute("EXEC DeleteAttachment @EventId = '" + mine.id() + "', @AttachmentId = '"
                    + ids.get(0) + "'");
        }
        assertEquals(List.of("agenda.txt"), mine.attachments().stream()
                .map(io.exchangejdbc.emulator.store.Attachment::name).toList());
    }
}
