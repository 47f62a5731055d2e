package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The calendar tables and views over the emulator: each returns the store's values and sends the
 * request Graph expects ({@code /events}, {@code /calendars/{id}/events}, {@code /calendarView}
 * with its window, {@code /events/{id}/instances}, {@code /events/{id}/attachments}); times are
 * converted from the zone each value names.
 */
class CalendarTablesTest {

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(SharedEmulator.get().store().users().get(0)
                .userPrincipalName());
    }

    private static MailboxCalendars calendars() {
        return mailbox().calendars();
    }

    private static String upn() {
        return mailbox().owner().userPrincipalName();
    }

    /** The UTC wall clock of a TIMESTAMP value as the driver returns it. */
    private static LocalDateTime utc(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The path of a logged request, percent-decoded. */
    private static String path(LoggedRequest r) {
        return java.net.URLDecoder.decode(r.path(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<LoggedRequest> run(Connection c, String sql, List<Object[]> into)
            throws SQLException {
        SharedEmulator.get().clearRequestLog();
        into.addAll(SharedEmulator.rows(c, sql));
        return SharedEmulator.graphRequests();
    }

    @Test
    void eventsAreTheSingleEventsAndSeriesMastersOfEveryCalendar() throws Exception {
        Set<String> expected = new HashSet<>();
        for (CalendarEvent e : calendars().events()) {
            expected.add(e.id() + "|" + e.subject() + "|" + e.type().name());
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT id, subject, type FROM Events", rows);
            Set<String> actual = new HashSet<>();
            for (Object[] r : rows) {
                actual.add(r[0] + "|" + r[1] + "|" + ((String) r[2]).replaceAll("([A-Z])", "_$1")
                        .toUpperCase());
            }
            assertEquals(expected, actual);
            assertEquals(expected.size(), rows.size());
            assertEquals("/v1.0/users/" + upn() + "/events", path(requests.get(0)));
            assertEquals("id,subject,type", requests.get(0).queryParam("$select"));
            assertTrue(expected.stream().anyMatch(s -> s.endsWith("SERIES_MASTER")));
            assertFalse(expected.stream().anyMatch(s -> s.endsWith("|EXCEPTION")));
        }
    }

    @Test
    void calendarIdRoutesToThatCalendarsEvents() throws Exception {
        CalendarFolder projects = calendars().calendars().stream()
                .filter(f -> f.name().equals("Projects")).findFirst().orElseThrow();
        Set<String> expected = new HashSet<>();
        for (CalendarEvent e : calendars().events(projects)) {
            expected.add(e.id());
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT id, calendarId FROM Events"
                    + " WHERE calendarId = '" + projects.id() + "'", rows);
            Set<String> actual = new HashSet<>();
            for (Object[] r : rows) {
                actual.add((String) r[0]);
                assertEquals(projects.id(), r[1]);
            }
            assertEquals(expected, actual);
            assertTrue(expected.size() > 3);
            assertEquals("/v1.0/users/" + upn() + "/calendars/" + projects.id() + "/events",
                    path(requests.get(0)));
        }
    }

    @Test
    void windowsZoneTimesAreConvertedToUtc() throws Exception {
        CalendarEvent pacific = calendars().events().stream()
                .filter(e -> e.startZone().equals("Pacific Standard Time") && !e.isAllDay()
                        && e.type() == CalendarEvent.Type.SINGLE_INSTANCE)
                .findFirst().orElseThrow();
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT start_dateTime, start_timeZone,"
                    + " end_dateTime, originalStartTimeZone FROM Events WHERE id = '"
                    + pacific.id() + "'");
            assertEquals(1, rows.size());
            // 10:00 in Los Angeles in December is 18:00 UTC: the zone name was honoured
            assertEquals(utc(pacific.start().atZone(java.time.ZoneId.of("America/Los_Angeles"))
                    .toInstant()), utc(rows.get(0)[0]));
            assertEquals("UTC", rows.get(0)[1]);
            assertEquals(utc(pacific.endInstant()), utc(rows.get(0)[2]));
            assertEquals("Pacific Standard Time", rows.get(0)[3]);
        }
    }

    @Test
    void timesAreReadInTheZoneTheServiceWroteWhateverWasAskedFor() throws Exception {
        CalendarEvent pacific = calendars().events().stream()
                .filter(e -> e.startZone().equals("Pacific Standard Time") && !e.isAllDay())
                .findFirst().orElseThrow();
        // the service answers in Tokyo time; the row must still be the same instant
        String headers = "CustomHeaders='Prefer: outlook.timezone=\"Tokyo Standard Time\"';";
        try (Connection c = SharedEmulator.connect(headers)) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT start_dateTime, start_timeZone"
                    + " FROM Events WHERE id = '" + pacific.id() + "'", rows);
            assertTrue(requests.get(0).headers().get("Prefer").toString()
                    .contains("Tokyo Standard Time"), requests.get(0).headers().toString());
            assertEquals(utc(pacific.startInstant()), utc(rows.get(0)[0]));
            assertEquals("Tokyo Standard Time", rows.get(0)[1]);
        }
    }

    @Test
    void allDayEventsKeepTheirCalendarDates() throws Exception {
        CalendarEvent offsite = calendars().events().stream()
                .filter(e -> e.subject().equals("Company offsite")).findFirst().orElseThrow();
        assertEquals("Pacific Standard Time", offsite.startZone());
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT CAST(start_dateTime AS DATE),"
                    + " CAST(end_dateTime AS DATE), isAllDay, start_dateTime FROM Events"
                    + " WHERE id = '" + offsite.id() + "'");
            assertEquals(offsite.start().toLocalDate(),
                    ((java.sql.Date) rows.get(0)[0]).toLocalDate());
            assertEquals(offsite.end().toLocalDate(),
                    ((java.sql.Date) rows.get(0)[1]).toLocalDate());
            assertEquals(true, rows.get(0)[2]);
            assertEquals(offsite.start(), utc(rows.get(0)[3]));
        }
    }

    @Test
    void calendarViewExpandsSeriesInTheWindowAndSendsIt() throws Exception {
        CalendarEvent standup = calendars().events().stream()
                .filter(e -> e.subject().equals("Daily stand-up")).findFirst().orElseThrow();
        LocalDate first = standup.recurrence().startDate();
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = first.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, String> expected = new HashMap<>();
        for (EventInstance i : calendars().view(null, from, to)) {
            if (!i.start().isBefore(from) && !i.end().isAfter(to)) {
                expected.put(i.id(), i.type().graphName());
            }
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT id, type, seriesMasterId, subject,"
                    + " start_dateTime FROM CalendarView WHERE start_dateTime >= TIMESTAMP '"
                    + Timestamp.valueOf(utc(from)) + "' AND end_dateTime <= TIMESTAMP '"
                    + Timestamp.valueOf(utc(to)) + "'", rows);
            Map<String, String> actual = new HashMap<>();
            List<Object[]> standups = new ArrayList<>();
            for (Object[] r : rows) {
                actual.put((String) r[0], (String) r[1]);
                if (standup.id().equals(r[2])) {
                    standups.add(r);
                }
            }
            assertEquals(expected, actual);
            // twenty occurrences, one cancelled, one of them an exception with its own subject
            assertEquals(19, standups.size());
            assertEquals(1, standups.stream().filter(r -> r[1].equals("exception")
                    && r[3].equals("Daily stand-up (moved)")).count());
            LocalDate cancelled = first.plusDays(5);
            assertFalse(standups.stream().anyMatch(r -> utc(r[4]).toLocalDate()
                    .equals(cancelled)));
            assertTrue(standups.stream().noneMatch(r -> r[0].equals(standup.id())));
            LoggedRequest r = requests.get(0);
            assertEquals("/v1.0/users/" + upn() + "/calendarView", path(r));
            // >= widens the start by a millisecond, since Graph keeps events ending after it
            assertEquals(utc(from.minusMillis(1)), LocalDateTime.ofInstant(
                    Instant.parse(r.queryParam("startDateTime")), ZoneOffset.UTC));
            assertEquals(to.plusMillis(1), Instant.parse(r.queryParam("endDateTime")));
        }
    }

    @Test
    void calendarViewWithoutAWindowNamesThePredicatesToAdd() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "SELECT subject FROM CalendarView"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("start_dateTime >="), e.getMessage());
            assertTrue(e.getMessage().contains("end_dateTime <="), e.getMessage());
            SQLException half = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "SELECT subject FROM CalendarView WHERE"
                            + " start_dateTime >= TIMESTAMP '2026-11-01 00:00:00'"));
            assertTrue(half.getMessage().contains("the end of its time window"),
                    half.getMessage());
            assertEquals(List.of(), SharedEmulator.graphRequests());
        }
    }

    @Test
    void preparedWindowIsBoundAtEachExecution() throws Exception {
        try (Connection c = SharedEmulator.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM CalendarView"
                     + " WHERE start_dateTime < ? AND end_dateTime > ?")) {
            for (int days : new int[] {3, 10}) {
                Instant from = Instant.parse("2026-11-25T00:00:00Z");
                Instant to = from.plusSeconds(86_400L * days);
                ps.setTimestamp(1, Timestamp.valueOf(utc(to)));
                ps.setTimestamp(2, Timestamp.valueOf(utc(from)));
                SharedEmulator.get().clearRequestLog();
                Set<String> actual = new HashSet<>();
                for (Object[] r : SharedEmulator.rows(ps.executeQuery())) {
                    actual.add((String) r[0]);
                }
                Set<String> expected = new HashSet<>();
                for (EventInstance i : calendars().view(null, from, to)) {
                    expected.add(i.id());
                }
                assertEquals(expected, actual, days + " days");
                assertFalse(expected.isEmpty());
                LoggedRequest r = SharedEmulator.graphRequests().get(0);
                assertEquals(from, Instant.parse(r.queryParam("startDateTime")));
                assertEquals(to, Instant.parse(r.queryParam("endDateTime")));
            }
        }
    }

    @Test
    void eventInstancesReadOneSeriesInTheWindow() throws Exception {
        CalendarEvent oneOnOne = calendars().events().stream()
                .filter(e -> e.subject().equals("One-on-one")).findFirst().orElseThrow();
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-31T00:00:00Z");
        List<String> expected = new ArrayList<>();
        for (EventInstance i : calendars().instances(oneOnOne, from, to)) {
            expected.add(i.id());
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT id, seriesMasterId, eventId,"
                    + " recurrence_pattern_type FROM EventInstances WHERE eventId = '"
                    + oneOnOne.id() + "' AND start_dateTime > TIMESTAMP '2026-11-01 00:00:00'"
                    + " AND start_dateTime < TIMESTAMP '2026-12-31 00:00:00'"
                    + " ORDER BY start_dateTime", rows);
            List<String> actual = new ArrayList<>();
            for (Object[] r : rows) {
                actual.add((String) r[0]);
                assertEquals(oneOnOne.id(), r[1]);
                assertEquals(oneOnOne.id(), r[2]);
                assertNull(r[3]);
            }
            assertEquals(expected, actual);
            assertTrue(expected.size() > 8);
            LoggedRequest r = requests.get(0);
            assertEquals("/v1.0/users/" + upn() + "/events/" + oneOnOne.id() + "/instances",
                    path(r));
            assertEquals(from, Instant.parse(r.queryParam("startDateTime")));
            assertEquals(to, Instant.parse(r.queryParam("endDateTime")));
            SQLException e = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT id FROM EventInstances WHERE start_dateTime > TIMESTAMP"
                            + " '2026-11-01 00:00:00' AND start_dateTime < TIMESTAMP"
                            + " '2026-12-01 00:00:00'"));
            assertTrue(e.getMessage().contains("eventId = '...'"), e.getMessage());
        }
    }

    @Test
    void seriesMastersCarryTheirRecurrence() throws Exception {
        CalendarEvent monthly = calendars().events().stream()
                .filter(e -> e.subject().equals("Monthly review")).findFirst().orElseThrow();
        try (Connection c = SharedEmulator.connect()) {
            Object[] r = SharedEmulator.rows(c, "SELECT recurrence_pattern_type,"
                    + " recurrence_pattern_dayOfMonth, recurrence_pattern_interval,"
                    + " recurrence_range_type, recurrence_range_startDate, type,"
                    + " cancelledOccurrences FROM Events WHERE id = '" + monthly.id() + "'")
                    .get(0);
            assertEquals("absoluteMonthly", r[0]);
            assertEquals(15, r[1]);
            assertEquals(1, r[2]);
            assertEquals("noEnd", r[3]);
            assertEquals(monthly.recurrence().startDate(), ((java.sql.Date) r[4]).toLocalDate());
            assertEquals("seriesMaster", r[5]);
            // selected by name, Graph returns the cancelled occurrence ids, ending in the date
            String cancelled = monthly.cancelledOccurrences().iterator().next().toString();
            assertTrue(((String) r[6]).contains(cancelled + "\""), (String) r[6]);
        }
    }

    @Test
    void calendarsAndGroups() throws Exception {
        MailboxCalendars cals = calendars();
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT id, name, isDefaultCalendar,"
                    + " owner_address FROM Calendars", rows);
            assertEquals(cals.calendars().size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                CalendarFolder f = cals.calendars().get(i);
                assertArrayEquals(new Object[] {f.id(), f.name(), f.isDefault(),
                    mailbox().owner().mail()}, rows.get(i));
            }
            assertEquals("/v1.0/users/" + upn() + "/calendars", path(requests.get(0)));

            List<Object[]> groups = new ArrayList<>();
            run(c, "SELECT id, name FROM CalendarGroups", groups);
            assertEquals(List.of("My Calendars", "Other Calendars"),
                    groups.stream().map(g -> g[1]).toList());
            String other = (String) groups.get(1)[0];
            List<Object[]> inOther = new ArrayList<>();
            List<LoggedRequest> routed = run(c, "SELECT name FROM Calendars WHERE"
                    + " calendarGroupId = '" + other + "'", inOther);
            assertEquals(List.of("Holidays"), inOther.stream().map(g -> g[0]).toList());
            assertEquals("/v1.0/users/" + upn() + "/calendarGroups/" + other + "/calendars",
                    path(routed.get(0)));
        }
    }

    @Test
    void eventAttachmentsDownloadContentOnlyWhenSelected() throws Exception {
        CalendarEvent withFiles = calendars().events().stream()
                .filter(e -> !e.attachments().isEmpty()).findFirst().orElseThrow();
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT name, size, contentType FROM"
                    + " EventAttachments WHERE eventId = '" + withFiles.id() + "'", rows);
            List<Attachment> expected = withFiles.attachments();
            assertEquals(expected.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(new Object[] {expected.get(i).name(), expected.get(i).size(),
                    expected.get(i).contentType()}, rows.get(i));
            }
            LoggedRequest r = requests.get(0);
            assertEquals("/v1.0/users/" + upn() + "/events/" + withFiles.id() + "/attachments",
                    path(r));
            assertFalse(r.queryParam("$select").contains("contentBytes"));

            List<Object[]> withBytes = new ArrayList<>();
            List<LoggedRequest> second = run(c, "SELECT name, contentBytes FROM"
                    + " EventAttachments WHERE eventId = '" + withFiles.id() + "'", withBytes);
            assertTrue(second.get(0).queryParam("$select").contains("contentBytes"));
            assertEquals(expected.get(0).size(), ((byte[]) withBytes.get(0)[1]).length);
            assertTrue(new String((byte[]) withBytes.get(0)[1],
                    java.nio.charset.StandardCharsets.UTF_8).startsWith(expected.get(0).name()));
        }
    }

    @Test
    void attendeesAreJsonWithTypeAndResponse() throws Exception {
        CalendarEvent meeting = calendars().events().stream()
                .filter(e -> e.attendees().size() >= 2).findFirst().orElseThrow();
        try (Connection c = SharedEmulator.connect()) {
            String json = (String) SharedEmulator.rows(c, "SELECT attendees FROM Events WHERE"
                    + " id = '" + meeting.id() + "'").get(0)[0];
            for (Attendee a : meeting.attendees()) {
                assertTrue(json.contains("\"address\":\"" + a.emailAddress().address() + "\""),
                        json);
                assertTrue(json.contains("\"response\":\"" + a.response() + "\""), json);
            }
            assertNotEquals(-1, json.indexOf("\"type\":\"required\""));
        }
    }

    @Test
    void eventAttendeesAreOneRowPerAttendee() throws Exception {
        List<String> expected = new ArrayList<>();
        for (CalendarEvent e : calendars().events()) {
            for (Attendee a : e.attendees()) {
                expected.add(e.id() + "|" + a.emailAddress().address() + "|" + a.type() + "|"
                        + a.response());
            }
        }
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT eventId, emailAddress_address, type,"
                    + " status_response FROM EventAttendees", rows);
            List<String> actual = new ArrayList<>();
            for (Object[] r : rows) {
                actual.add(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]);
            }
            assertEquals(expected, actual);
            assertTrue(expected.size() > 20);
            assertEquals("/v1.0/users/" + upn() + "/events", path(requests.get(0)));
            assertEquals("id,attendees", requests.get(0).queryParam("$select"));

            CalendarEvent meeting = calendars().events().stream()
                    .filter(e -> e.attendees().size() >= 2).findFirst().orElseThrow();
            List<Object[]> one = new ArrayList<>();
            List<LoggedRequest> filtered = run(c, "SELECT emailAddress_name, status_time"
                    + " FROM EventAttendees WHERE eventId = '" + meeting.id() + "'", one);
            assertEquals(meeting.attendees().size(), one.size());
            for (int i = 0; i < one.size(); i++) {
                Attendee a = meeting.attendees().get(i);
                assertEquals(a.emailAddress().name(), one.get(i)[0]);
                assertEquals(utc(a.responseTime()), utc(one.get(i)[1]));
            }
            assertEquals("id eq '" + meeting.id() + "'",
                    filtered.get(0).queryParam("$filter"));
        }
    }

    @Test
    void orderByStartIsChronologicalAcrossZones() throws Exception {
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        Instant to = Instant.parse("2026-12-10T00:00:00Z");
        List<String> expected = new ArrayList<>();
        calendars().view(null, from, to).stream()
                .filter(i -> !i.start().isBefore(from) && !i.end().isAfter(to))
                .sorted(java.util.Comparator.comparing(EventInstance::start).reversed()
                        .thenComparing(EventInstance::id))
                .forEach(i -> expected.add(utc(i.start()).toString()));
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = new ArrayList<>();
            List<LoggedRequest> requests = run(c, "SELECT start_dateTime FROM CalendarView"
                    + " WHERE start_dateTime >= TIMESTAMP '2026-11-20 00:00:00'"
                    + " AND end_dateTime <= TIMESTAMP '2026-12-10 00:00:00'"
                    + " ORDER BY start_dateTime DESC", rows);
            List<String> actual = new ArrayList<>();
            for (Object[] r : rows) {
                actual.add(utc(r[0]).toString());
            }
            assertEquals(expected, actual);
            assertTrue(expected.size() > 20);
            // start/dateTime is text in the service's zone: the order is made on the instants
            assertNull(requests.get(0).queryParam("$orderby"));
        }
    }
}
