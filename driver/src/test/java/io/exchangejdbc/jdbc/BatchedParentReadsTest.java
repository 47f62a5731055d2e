package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code messageId IN (...)} on a view below one parent: the first pages of the parents'
 * collections come from {@code $batch} requests of at most 20, the further pages from their next
 * links, and the rows are those of reading each parent alone.
 */
class BatchedParentReadsTest {

    private static final Pattern ITEM_ID = Pattern.compile("\"id\"\\s*:\\s*\"");

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(
                SharedEmulator.get().store().users().get(0).userPrincipalName());
    }

    /** Messages with attachments, from the {@code skip}th on. */
    private static List<Message> withAttachments(int skip, int count) {
        return mailbox().messages().stream().filter(m -> !m.attachments().isEmpty())
                .skip(skip).limit(count).collect(Collectors.toList());
    }

    private static String inList(List<Message> messages) {
        return messages.stream().map(m -> "'" + m.id() + "'").collect(Collectors.joining(", "));
    }

    private static List<LoggedRequest> batches() {
        return SharedEmulator.graphRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1.0/$batch"))
                .collect(Collectors.toList());
    }

    private static List<LoggedRequest> gets() {
        return SharedEmulator.graphRequests().stream().filter(r -> r.method().equals("GET"))
                .collect(Collectors.toList());
    }

    private static int items(LoggedRequest batch) {
        Matcher m = ITEM_ID.matcher(batch.body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Set<String> keys(List<Object[]> rows) {
        Set<String> out = new HashSet<>();
        for (Object[] r : rows) {
            out.add(r[0] + "|" + r[1] + "|" + r[2]);
        }
        assertEquals(rows.size(), out.size(), "no row twice");
        return out;
    }

    private static Set<String> expected(List<Message> messages) {
        Set<String> out = new HashSet<>();
        for (Message m : messages) {
            for (Attachment a : m.attachments()) {
                out.add(m.id() + "|" + a.name() + "|" + a.size());
            }
        }
        return out;
    }

    @Test
    void manyParentsAreReadInBatchesOfTwentyThenByTheirNextLinks() throws Exception {
        List<Message> messages = withAttachments(0, 25);
        assertEquals(25, messages.size());
        int pages = messages.stream().mapToInt(m -> m.attachments().size()).sum();
        assertTrue(pages > messages.size(), "some message has several attachments");
        try (Connection c = SharedEmulator.connect(";Pagesize=1")) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT messageId, name, size FROM"
                    + " MessageAttachments WHERE messageId IN (" + inList(messages) + ")");
            List<LoggedRequest> batches = batches();
            assertEquals(2, batches.size(), "ceil(25 / 20) batches");
            // the two batches go out together: either may be logged first
            assertEquals(Set.of(20, 5), Set.of(items(batches.get(0)), items(batches.get(1))));
            // one page per attachment: the first of each message in a batch, the others by GET
            List<LoggedRequest> gets = gets();
            assertEquals(pages - messages.size(), gets.size());
            for (LoggedRequest g : gets) {
                assertTrue(URLDecoder.decode(g.path(), StandardCharsets.UTF_8)
                        .endsWith("/attachments"), g.path());
            }
            assertEquals(expected(messages), keys(rows));

            // the same rows as reading each message alone
            List<Object[]> alone = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT messageId, name, size FROM"
                    + " MessageAttachments WHERE messageId = ?")) {
                for (Message m : messages) {
                    ps.setString(1, m.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        alone.addAll(SharedEmulator.rows(rs));
                    }
                }
            }
            assertEquals(keys(alone), keys(rows));
        }
    }

    @Test
    void parametersInTheListAreBoundAtEachExecution() throws Exception {
        List<Message> messages = withAttachments(30, 4);
        try (Connection c = SharedEmulator.connect();
             PreparedStatement ps = c.prepareStatement("SELECT messageId, name, size FROM"
                     + " MessageAttachments WHERE messageId IN (?, ?)")) {
            for (int i = 0; i < 4; i += 2) {
                SharedEmulator.get().clearRequestLog();
                ps.setString(1, messages.get(i).id());
                ps.setString(2, messages.get(i + 1).id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(expected(messages.subList(i, i + 2)),
                            keys(SharedEmulator.rows(rs)));
                }
                assertEquals(1, batches().size());
            }
        }
    }

    @Test
    void aThrottledItemIsReadAgainAloneAfterItsRetryAfter() throws Exception {
        List<Message> messages = withAttachments(40, 3);
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            SharedEmulator.get().batchItemFaults().next(1, FaultSpec.status(429)
                    .header("Retry-After", "1"));
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT messageId, name, size FROM"
                    + " MessageAttachments WHERE messageId IN (" + inList(messages) + ")");
            assertEquals(expected(messages), keys(rows));
            assertEquals(1, batches().size());
            List<LoggedRequest> gets = gets();
            assertEquals(1, gets.size(), "only the throttled parent again");
            String path = URLDecoder.decode(gets.get(0).path(), StandardCharsets.UTF_8);
            // the planner may order the values: the first item is one of the three
            assertTrue(messages.stream().anyMatch(m -> path.endsWith("/messages/" + m.id()
                    + "/attachments")), path);
        } finally {
            SharedEmulator.get().batchItemFaults().reset();
        }
    }

    @Test
    void anUnknownParentHasNoRowsWhileOtherRefusalsNameTheParent() throws Exception {
        List<Message> messages = withAttachments(50, 2);
        // a well-formed id, of a message in another mailbox
        String unknown = SharedEmulator.get().store().mailbox(SharedEmulator.get().store()
                .users().get(1).userPrincipalName()).messages().get(0).id();
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT messageId, name, size FROM"
                    + " MessageAttachments WHERE messageId IN (" + inList(messages) + ", '"
                    + unknown + "')");
            assertEquals(expected(messages), keys(rows));
            // alone, the same id is the service's error
            SQLException alone = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT name FROM MessageAttachments WHERE messageId = '" + unknown + "'"));
            assertEquals("42S02", alone.getSQLState(), alone.getMessage());

            SharedEmulator.get().batchItemFaults().next(1, FaultSpec.status(403));
            SQLException e = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT name FROM MessageAttachments WHERE messageId IN ("
                            + inList(messages) + ")"));
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains(messages.get(0).id()), e.getMessage());
            assertTrue(e.getMessage().contains("ErrorAccessDenied"), e.getMessage());
        } finally {
            SharedEmulator.get().batchItemFaults().reset();
        }
    }

    @Test
    void membersOfSeveralGroupsCarryTheirGroupIdAndCountAsEachGroupAlone() throws Exception {
        List<io.exchangejdbc.emulator.store.Group> groups =
                SharedEmulator.get().store().tenant().groups();
        assertTrue(groups.size() > 1);
        try (Connection c = SharedEmulator.connect()) {
            Set<String> alone = new HashSet<>();
            for (io.exchangejdbc.emulator.store.Group g : groups) {
                for (Object[] r : SharedEmulator.rows(c, "SELECT groupId, id FROM GroupMembers"
                        + " WHERE groupId = '" + g.id() + "'")) {
                    alone.add(r[0] + "|" + r[1]);
                }
            }
            SharedEmulator.get().clearRequestLog();
            String list = groups.stream().map(g -> "'" + g.id() + "'")
                    .collect(Collectors.joining(", "));
            Set<String> together = new HashSet<>();
            for (Object[] r : SharedEmulator.rows(c, "SELECT groupId, id FROM GroupMembers"
                    + " WHERE groupId IN (" + list + ")")) {
                together.add(r[0] + "|" + r[1]);
            }
            assertTrue(!alone.isEmpty());
            assertEquals(alone, together);
            assertEquals((groups.size() + 19) / 20, batches().size());

            // a join on the parent column binds it too
            Set<String> joined = new HashSet<>();
            for (Object[] r : SharedEmulator.rows(c, "SELECT g.id, m.id FROM \"Groups\" g"
                    + " JOIN GroupMembers m ON m.groupId = g.id")) {
                joined.add(r[0] + "|" + r[1]);
            }
            assertEquals(alone, joined);
        }
    }

    @Test
    void aSubqueryNamesTheParentsWhoseCollectionsAreRead() throws Exception {
        Message sample = withAttachments(0, 1).get(0);
        List<Message> named = mailbox().messages().stream()
                .filter(m -> m.hasAttachments() && m.subject().equals(sample.subject()))
                .collect(Collectors.toList());
        assertTrue(!named.isEmpty());
        String sql = "SELECT messageId, name, size FROM MessageAttachments WHERE messageId IN"
                + " (SELECT id FROM Messages WHERE hasAttachments = true AND subject = '"
                + sample.subject().replace("'", "''") + "')";
        try (Connection c = SharedEmulator.connect()) {
            StringBuilder plan = new StringBuilder();
            for (Object[] row : SharedEmulator.rows(c, "EXPLAIN PLAN FOR " + sql)) {
                plan.append(row[0]);
            }
            assertTrue(plan.toString().contains("ExchangeMailboxJoin"), plan.toString());
            assertTrue(plan.toString().contains("messageId="), plan.toString());

            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, sql);
            assertEquals(expected(named), keys(rows));
            assertEquals((named.size() + 19) / 20, batches().size());

            // a subquery that names nothing reads nothing
            SharedEmulator.get().clearRequestLog();
            assertTrue(SharedEmulator.rows(c, "SELECT name FROM MessageAttachments WHERE"
                    + " messageId IN (SELECT id FROM Messages WHERE subject = 'No such subject"
                    + " anywhere')").isEmpty());
            assertTrue(batches().isEmpty());
        }
    }

    @Test
    void explainShowsTheBatchAndTheMissingPredicateNamesTheInList() throws Exception {
        List<Message> messages = withAttachments(0, 3);
        try (Connection c = SharedEmulator.connect()) {
            StringBuilder plan = new StringBuilder();
            for (Object[] row : SharedEmulator.rows(c, "EXPLAIN PLAN FOR SELECT name FROM"
                    + " MessageAttachments WHERE messageId IN (" + inList(messages) + ")")) {
                plan.append(row[0]);
            }
            assertTrue(plan.toString().contains("POST /v1.0/$batch (3 messageId values"),
                    plan.toString());
            assertTrue(plan.toString().contains("/messages/{messageId}/attachments"),
                    plan.toString());

            SharedEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "SELECT name FROM MessageAttachments"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("messageId IN ("), e.getMessage());
            assertTrue(SharedEmulator.graphRequests().isEmpty());
        }
    }
}
