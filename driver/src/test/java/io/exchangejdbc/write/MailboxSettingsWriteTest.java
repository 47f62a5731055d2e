package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UPDATE on MailboxSettings (PATCH mailboxSettings), against the emulator: one row per mailbox,
 * the mailbox named by UserId, and what Graph writes is what EWS reads.
 */
class MailboxSettingsWriteTest {

    private static MailboxSettings settingsOf(User u) {
        return WriteEmulator.get().tenant().mailbox(u).settings();
    }

    @Test
    void outOfOfficeSetThroughGraphIsWhatEwsReads() throws Exception {
        User demo = WriteEmulator.get().demoUser();
        String upn = demo.userPrincipalName();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE MailboxSettings SET"
                    + " automaticRepliesSetting_status = 'scheduled',"
                    + " automaticRepliesSetting_internalReplyMessage = 'Back on Monday',"
                    + " automaticRepliesSetting_scheduledStartDateTime_dateTime ="
                    + " TIMESTAMP '2026-12-21 08:00:00',"
                    + " automaticRepliesSetting_scheduledStartDateTime_timeZone ="
                    + " 'W. Europe Standard Time',"
                    + " automaticRepliesSetting_scheduledEndDateTime_dateTime ="
                    + " TIMESTAMP '2027-01-04 08:00:00',"
                    + " workingHours_daysOfWeek = '[\"monday\",\"tuesday\",\"thursday\"]'"
                    + " WHERE UserId = '" + upn + "'"));
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size());
            assertEquals("PATCH", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/mailboxSettings"), writes.get(0).path());
            String body = writes.get(0).body();
            // the start is written in its zone, the end (no zone given) in UTC
            assertTrue(body.contains("\"scheduledStartDateTime\":{\"dateTime\":"
                    + "\"2026-12-21T09:00:00.0000000\",\"timeZone\":\"W. Europe Standard Time\"}"),
                    body);
            assertTrue(body.contains("\"scheduledEndDateTime\":{\"dateTime\":"
                    + "\"2027-01-04T08:00:00.0000000\",\"timeZone\":\"UTC\"}"), body);

            MailboxSettings after = settingsOf(demo);
            assertEquals("scheduled", after.autoReplyStatus());
            assertEquals("Back on Monday", after.internalReplyMessage());
            assertEquals(Instant.parse("2026-12-21T08:00:00Z"), after.scheduledStart());
            assertEquals(List.of("monday", "tuesday", "thursday"), after.workingDays());

            try (ResultSet rs = s.executeQuery("SELECT automaticRepliesSetting_status,"
                    + " automaticRepliesSetting_scheduledEndDateTime_dateTime,"
                    + " workingHours_daysOfWeek FROM MailboxSettings WHERE UserId = '" + upn
                    + "'")) {
                assertTrue(rs.next());
                assertEquals("scheduled", rs.getString(1));
                assertEquals(Timestamp.valueOf("2027-01-04 08:00:00"), rs.getTimestamp(2));
                assertEquals("[\"monday\",\"tuesday\",\"thursday\"]", rs.getString(3));
            }
        }
        try (Connection ews = DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + WriteEmulator.get().ewsUrl() + ";User=" + upn + ";Password="
                + demo.password() + ";");
                Statement s = ews.createStatement();
                ResultSet rs = s.executeQuery("EXEC GetUserOofSettings")) {
            assertTrue(rs.next());
            assertEquals("Scheduled", rs.getString("OofState"));
            assertEquals("Back on Monday", rs.getString("InternalReply"));
            assertEquals(Timestamp.valueOf("2026-12-21 08:00:00"), rs.getTimestamp("StartTime"));
        }
        // without a WHERE, the settings of the connection's mailbox (its UserId) change
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            assertEquals(1, s.executeUpdate("UPDATE MailboxSettings SET"
                    + " automaticRepliesSetting_status = 'disabled'"));
            assertEquals(1, WriteEmulator.writes().size());
            assertTrue(WriteEmulator.writes().get(0).path().contains(upn.split("@")[0]),
                    WriteEmulator.writes().get(0).path());
        }
        assertEquals("disabled", settingsOf(demo).autoReplyStatus());
    }

    @Test
    void severalMailboxesAreChangedByOneStatement() throws Exception {
        List<User> users = WriteEmulator.get().tenant().users();
        User a = users.get(1);
        User b = users.get(2);
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            assertEquals(2, s.executeUpdate("UPDATE MailboxSettings SET timeZone ="
                    + " 'Tokyo Standard Time', language_locale = 'ja-JP' WHERE UserId IN ('"
                    + a.userPrincipalName() + "', '" + b.id() + "')"));
            // two rows travel in one JSON batch
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size());
            assertEquals("/v1.0/$batch", writes.get(0).path());
            assertTrue(writes.get(0).body().contains("mailboxSettings"), writes.get(0).body());
            for (User u : List.of(a, b)) {
                assertEquals("Tokyo Standard Time", settingsOf(u).timeZone());
                assertEquals("ja-JP", settingsOf(u).languageLocale());
                assertEquals("Japanese (Japan)", settingsOf(u).languageDisplayName());
            }
            assertEquals(List.of("Tokyo Standard Time"), WriteEmulator.column(c,
                    "SELECT timeZone FROM MailboxSettings WHERE UserId = '" + b.id() + "'"));
        }
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() throws Exception {
        User demo = WriteEmulator.get().demoUser();
        MailboxSettings before = settingsOf(demo);
        String where = " WHERE UserId = '" + demo.userPrincipalName() + "'";
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            SQLException readOnly = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE MailboxSettings SET userPurpose = 'shared'" + where));
            assertEquals("42000", readOnly.getSQLState());
            assertTrue(readOnly.getMessage().contains("userPurpose"), readOnly.getMessage());
            SQLException json = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE MailboxSettings SET workingHours_daysOfWeek = '[\"monday\"'"
                            + where));
            assertEquals("22032", json.getSQLState());
            SQLException insert = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO MailboxSettings (timeZone) VALUES ('UTC')"));
            assertEquals("42000", insert.getSQLState());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM MailboxSettings" + where));
            assertEquals("42000", delete.getSQLState());
            assertEquals(List.of(), WriteEmulator.writes(), "nothing may be sent");

            // the service's own checks: an unknown zone, a mailbox that does not exist
            SQLException zone = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE MailboxSettings SET timeZone = 'Atlantis Time'" + where));
            assertEquals("22023", zone.getSQLState());
            assertTrue(zone.getMessage().contains("Atlantis Time"), zone.getMessage());
            SQLException nobody = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE MailboxSettings SET timeZone = 'UTC' WHERE UserId = 'nobody@"
                            + WriteEmulator.get().tenantDomain() + "'"));
            assertTrue(nobody.getMessage().contains("HTTP 404"), nobody.getMessage());
        }
        assertEquals(before, settingsOf(demo));
    }
}
