package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ExtendedProperty;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The views made of parts of messages (attachments, recipients, extended properties) and the
 * per-mailbox settings, read with SQL from the emulator.
 */
class MessageElementsTest {

    private static final String COLOR =
            "String {66f5a359-4659-4830-9070-00040ec6ac6e} Name Color";

    private static User owner() {
        return SharedEmulator.get().store().users().get(0);
    }

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(owner().userPrincipalName());
    }

    private static String path(LoggedRequest r) {
        return URLDecoder.decode(r.path(), StandardCharsets.UTF_8);
    }

    private static String base() {
        return "/v1.0/users/" + owner().userPrincipalName();
    }

    private static Message messageWith(java.util.function.Predicate<Message> p) {
        return mailbox().messages().stream().filter(p).findFirst().orElseThrow();
    }

    @Test
    void attachmentsOfAMessageWithContentOnlyWhenSelected() throws Exception {
        Message m = messageWith(x -> x.attachments().size() > 1);
        try (Connection c = SharedEmulator.connect();
             PreparedStatement ps = c.prepareStatement("SELECT name, size, contentType,"
                     + " isInline, messageId FROM MessageAttachments WHERE messageId = ?")) {
            SharedEmulator.get().clearRequestLog();
            ps.setString(1, m.id());
            List<Object[]> rows;
            try (ResultSet rs = ps.executeQuery()) {
                rows = SharedEmulator.rows(rs);
            }
            assertEquals(m.attachments().size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Attachment a = m.attachments().get(i);
                assertEquals(a.name(), rows.get(i)[0]);
                assertEquals(a.size(), rows.get(i)[1]);
                assertEquals(a.contentType(), rows.get(i)[2]);
                assertEquals(a.inline(), rows.get(i)[3]);
                assertEquals(m.id(), rows.get(i)[4]);
            }
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals(base() + "/messages/" + m.id() + "/attachments", path(req));
            assertEquals(Set.of("name", "size", "contentType", "isInline"),
                    Set.of(req.queryParam("$select").split(",")));

            SharedEmulator.get().clearRequestLog();
            List<Object[]> content = SharedEmulator.rows(c, "SELECT name, contentBytes FROM"
                    + " MessageAttachments WHERE messageId = '" + m.id() + "'");
            Attachment first = m.attachments().get(0);
            byte[] bytes = (byte[]) content.get(0)[1];
            assertEquals(first.size(), bytes.length);
            byte[] seed = (first.name() + " " + m.subject() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(java.util.Arrays.copyOf(seed, Math.min(seed.length, bytes.length)),
                    java.util.Arrays.copyOf(bytes, Math.min(seed.length, bytes.length)));
            assertEquals("name,contentBytes",
                    SharedEmulator.graphRequests().get(0).queryParam("$select"));
        }
    }

    @Test
    void attachmentsWithoutAMessageIdAreRefusedBeforeAnyRequest() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "SELECT name FROM MessageAttachments"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("messageId"), e.getMessage());
            assertTrue(SharedEmulator.graphRequests().isEmpty());
        }
    }

    @Test
    void recipientsOfOneMessageAreOneRowEachWithTheirList() throws Exception {
        Message m = messageWith(x -> x.toRecipients().size() > 1 && !x.ccRecipients().isEmpty());
        List<String> expected = new ArrayList<>();
        for (EmailAddress a : m.toRecipients()) {
            expected.add("To " + a.name() + " " + a.address());
        }
        for (EmailAddress a : m.ccRecipients()) {
            expected.add("Cc " + a.name() + " " + a.address());
        }
        for (EmailAddress a : m.bccRecipients()) {
            expected.add("Bcc " + a.name() + " " + a.address());
        }
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT recipientType, name, address,"
                    + " messageId, UserId FROM MessageRecipients WHERE messageId = '" + m.id()
                    + "'");
            List<String> actual = new ArrayList<>();
            for (Object[] r : rows) {
                actual.add(r[0] + " " + r[1] + " " + r[2]);
                assertEquals(m.id(), r[3]);
                assertEquals(owner().userPrincipalName(), r[4]);
            }
            assertEquals(expected, actual);
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals(base() + "/messages", path(req));
            assertEquals("id eq '" + m.id() + "'", req.queryParam("$filter"));
            assertEquals(Set.of("id", "toRecipients", "ccRecipients", "bccRecipients"),
                    Set.of(req.queryParam("$select").split(",")));
        }
    }

    @Test
    void limitCountsRecipientRowsAndAggregatesWork() throws Exception {
        Map<String, Integer> perAddress = new HashMap<>();
        for (Message m : mailbox().messages()) {
            for (EmailAddress a : m.toRecipients()) {
                perAddress.merge(a.address(), 1, Integer::sum);
            }
        }
        String top = perAddress.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        try (Connection c = SharedEmulator.connect()) {
            assertEquals(7, SharedEmulator.rows(c,
                    "SELECT address FROM MessageRecipients LIMIT 7").size());
            List<Object> n = SharedEmulator.column(c, "SELECT COUNT(*) FROM MessageRecipients"
                    + " WHERE recipientType = 'To' AND address = '" + top + "'");
            assertEquals(perAddress.get(top).longValue(), ((Number) n.get(0)).longValue());
        }
    }

    @Test
    void extendedPropertiesNeedTheirIdAndComeThroughExpand() throws Exception {
        Set<String> expected = new HashSet<>();
        for (Message m : mailbox().messages()) {
            for (ExtendedProperty p : mailbox().extendedProperties().of(m.id())) {
                if (p.id().equals(COLOR)) {
                    expected.add(m.id() + "=" + p.value());
                }
            }
        }
        assertFalse(expected.isEmpty());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT messageId, \"value\", id FROM"
                    + " ExtendedProperties WHERE id = '" + COLOR + "'");
            Set<String> actual = new HashSet<>();
            for (Object[] r : rows) {
                actual.add(r[0] + "=" + r[1]);
                assertEquals(COLOR, r[2]);
            }
            assertEquals(expected, actual);
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals(base() + "/messages", path(req));
            assertEquals("singleValueExtendedProperties($filter=id eq '" + COLOR + "')",
                    req.queryParam("$expand"));
            assertEquals("id", req.queryParam("$select"));

            SharedEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT \"value\" FROM ExtendedProperties"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("WHERE id = '...'"), e.getMessage());
            assertTrue(SharedEmulator.graphRequests().isEmpty());
        }
    }

    @Test
    void extendedPropertyOfOneMessageFiltersById() throws Exception {
        Message m = messageWith(x -> !mailbox().extendedProperties().of(x.id()).isEmpty());
        Message without = messageWith(x -> mailbox().extendedProperties().of(x.id()).isEmpty());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object> values = SharedEmulator.column(c, "SELECT \"value\" FROM"
                    + " ExtendedProperties WHERE id = '" + COLOR + "' AND messageId = '"
                    + m.id() + "'");
            assertEquals(List.of(mailbox().extendedProperties().of(m.id()).get(0).value()),
                    values);
            assertEquals("id eq '" + m.id() + "'",
                    SharedEmulator.graphRequests().get(0).queryParam("$filter"));
            assertTrue(SharedEmulator.column(c, "SELECT \"value\" FROM ExtendedProperties WHERE"
                    + " id = '" + COLOR + "' AND messageId = '" + without.id() + "'")
                    .isEmpty());
        }
    }

    @Test
    void mailboxSettingsAreOneRowPerMailbox() throws Exception {
        List<User> users = SharedEmulator.get().store().users();
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT UserId, timeZone,"
                    + " language_locale, workingHours_daysOfWeek, workingHours_startTime,"
                    + " workingHours_timeZone_name, automaticRepliesSetting_status,"
                    + " automaticRepliesSetting_scheduledStartDateTime_dateTime,"
                    + " automaticRepliesSetting_internalReplyMessage, dateFormat"
                    + " FROM MailboxSettings WHERE UserId IN ('" + users.get(0).userPrincipalName()
                    + "', '" + users.get(1).userPrincipalName() + "') ORDER BY UserId");
            assertEquals(2, rows.size());
            for (Object[] r : rows) {
                User u = users.get(0).userPrincipalName().equals(r[0]) ? users.get(0)
                        : users.get(1);
                MailboxSettings s = SharedEmulator.get().store()
                        .mailbox(u.userPrincipalName()).settings();
                assertEquals(s.timeZone(), r[1]);
                assertEquals(s.languageLocale(), r[2]);
                assertEquals("[\"" + String.join("\",\"", s.workingDays()) + "\"]", r[3]);
                assertEquals(s.workStart(), r[4]);
                assertEquals(s.workTimeZone(), r[5]);
                assertEquals(s.autoReplyStatus(), r[6]);
                if (s.scheduledStart() != null) {
                    assertEquals(s.scheduledStart().toEpochMilli(),
                            ((java.sql.Timestamp) r[7]).getTime());
                }
                assertEquals(s.internalReplyMessage(), r[8]);
                assertEquals(s.dateFormat(), r[9]);
            }
            List<String> paths = new ArrayList<>();
            for (LoggedRequest r : SharedEmulator.graphRequests()) {
                paths.add(path(r));
                assertNull(r.queryParam("$select"));
                assertNull(r.queryParam("$top"));
            }
            paths.sort(null);
            List<String> expected = new ArrayList<>(List.of(
                    "/v1.0/users/" + users.get(0).userPrincipalName() + "/mailboxSettings",
                    "/v1.0/users/" + users.get(1).userPrincipalName() + "/mailboxSettings"));
            expected.sort(null);
            assertEquals(expected, paths);
        }
    }
}
