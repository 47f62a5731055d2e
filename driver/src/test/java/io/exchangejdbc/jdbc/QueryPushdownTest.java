package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the planner pushes into the Graph request, and that the answers stay right. */
class QueryPushdownTest {

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(
                SharedEmulator.get().store().users().get(0).userPrincipalName());
    }

    private static String explain(Connection c, String sql) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Object[] row : SharedEmulator.rows(c, "EXPLAIN PLAN FOR " + sql)) {
            sb.append(row[0]).append('\n');
        }
        return sb.toString();
    }

    @Test
    void unreadNewestFiveIsOneRequestCarryingFilterSelectOrderAndTop() throws Exception {
        List<Message> expected = mailbox().messages().stream()
                .filter(m -> !m.isRead())
                .sorted(Comparator.comparing(Message::receivedDateTime).reversed())
                .limit(5).collect(Collectors.toList());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object> subjects = SharedEmulator.column(c, "SELECT subject FROM Messages"
                    + " WHERE isRead = false ORDER BY receivedDateTime DESC LIMIT 5");
            List<LoggedRequest> requests = SharedEmulator.graphRequests();
            assertEquals(1, requests.size(), requests.toString());
            LoggedRequest r = requests.get(0);
            assertEquals("receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false",
                    r.queryParam("$filter"));
            assertTrue(r.queryParam("$select").contains("subject"), r.queryParam("$select"));
            assertEquals("receivedDateTime desc", r.queryParam("$orderby"));
            assertEquals("5", r.queryParam("$top"));
            assertEquals(expected.stream().map(Message::subject).collect(Collectors.toList()),
                    subjects);
        }
    }

    @Test
    void selectAsksOnlyForTheColumnsRead() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            SharedEmulator.rows(c, "SELECT subject, from_emailAddress_address FROM Messages"
                    + " LIMIT 3");
            LoggedRequest r = SharedEmulator.graphRequests().get(0);
            assertEquals(Set.of("subject", "from"), Set.of(r.queryParam("$select").split(",")));
            assertEquals("3", r.queryParam("$top"));
        }
    }

    @Test
    void predicateTheServiceCannotEvaluateIsFilteredByCalciteAndExplainSaysSo()
            throws Exception {
        Set<String> expected = mailbox().messages().stream()
                .filter(m -> m.subject() != null && m.subject().toLowerCase().contains("re"))
                .filter(m -> !m.isRead())
                .map(Message::id).collect(Collectors.toSet());
        String sql = "SELECT id FROM Messages WHERE LOWER(subject) LIKE '%re%' AND isRead = false";
        try (Connection c = SharedEmulator.connect()) {
            String plan = explain(c, sql);
            assertTrue(plan.contains("$filter=isRead eq false"), plan);
            assertTrue(plan.contains("LIKE"), "the remaining filter shows above the scan:\n"
                    + plan);
            SharedEmulator.get().clearRequestLog();
            List<Object> ids = SharedEmulator.column(c, sql);
            assertEquals(expected, new HashSet<>(ids));
            assertFalse(expected.isEmpty());
            for (LoggedRequest r : SharedEmulator.graphRequests()) {
                assertEquals("isRead eq false", r.queryParam("$filter"));
            }
        }
    }

    @Test
    void explainShowsTheRequestOfAPreparedStatementWithItsParameters() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            String plan = explain(c,
                    "SELECT subject FROM Messages WHERE subject = 'O''Brien' AND isRead = true");
            assertTrue(plan.contains("$filter=subject eq 'O''Brien' and isRead eq true"), plan);
            assertTrue(plan.contains("GET /v1.0/users/{UserId}/messages")
                    || plan.contains("GET /v1.0/me/messages"), plan);
        }
    }

    @Test
    void orderThatTheServiceWouldRefuseWithTheFilterIsSortedInMemory() throws Exception {
        // ordering by subject while filtering on isRead breaks the InefficientFilter rule
        List<String> expected = mailbox().messages().stream()
                .filter(Message::isRead)
                .map(Message::subject)
                .sorted().limit(20).collect(Collectors.toList());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object> subjects = SharedEmulator.column(c,
                    "SELECT subject FROM Messages WHERE isRead = true ORDER BY subject LIMIT 20");
            assertEquals(expected, new ArrayList<>(subjects.stream().map(String::valueOf)
                    .collect(Collectors.toList())));
            for (LoggedRequest r : SharedEmulator.graphRequests()) {
                assertNull(r.queryParam("$orderby"), r.uri());
            }
        }
    }

    @Test
    void inListAndOrAndNotBecomeOneFilter() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            String plan = explain(c, "SELECT id FROM Messages WHERE importance IN ('high', 'low')"
                    + " AND NOT (isRead = true)");
            assertTrue(plan.contains("importance eq 'high' or importance eq 'low'")
                    || plan.contains("importance eq 'low' or importance eq 'high'"), plan);
            assertTrue(plan.contains("isRead"), plan);
        }
    }

    @Test
    void pagingReturnsEveryMessageExactlyOnceInOrder() throws Exception {
        List<Message> all = new ArrayList<>(mailbox().messages());
        all.sort(Comparator.comparing(Message::receivedDateTime));
        try (Connection c = SharedEmulator.connect("Pagesize=97;")) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c,
                    "SELECT id, receivedDateTime FROM Messages ORDER BY receivedDateTime");
            List<Object> ids = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ids.add(rows.get(i)[0]);
                if (i > 0) {
                    java.sql.Timestamp before = (java.sql.Timestamp) rows.get(i - 1)[1];
                    java.sql.Timestamp now = (java.sql.Timestamp) rows.get(i)[1];
                    assertFalse(now.before(before), "row " + i + " is out of order");
                }
            }
            assertEquals(all.size(), ids.size());
            assertEquals(all.size(), new HashSet<>(ids).size(), "no message twice");
            assertEquals(all.stream().map(Message::id).collect(Collectors.toSet()),
                    new HashSet<>(ids));
            int pages = SharedEmulator.graphRequests().size();
            assertEquals((all.size() + 96) / 97, pages);
        }
    }

    @Test
    void disablingServerSideFilteringKeepsPredicatesOrderAndLimitInMemory() throws Exception {
        String sql = "SELECT subject FROM Messages WHERE isRead = false"
                + " ORDER BY receivedDateTime DESC LIMIT 5";
        try (Connection pushed = SharedEmulator.connect();
             Connection local = SharedEmulator.connect("DisableServerSideFiltering=true;")) {
            List<Object> expected = SharedEmulator.column(pushed, sql);
            SharedEmulator.get().clearRequestLog();
            assertEquals(expected, SharedEmulator.column(local, sql));
            for (LoggedRequest r : SharedEmulator.graphRequests()) {
                assertNull(r.queryParam("$filter"), r.uri());
                assertNull(r.queryParam("$orderby"), r.uri());
            }
            assertTrue(SharedEmulator.graphRequests().size() > 1, "every page was read");
        }
    }
}
