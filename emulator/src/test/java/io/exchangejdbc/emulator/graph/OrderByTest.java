package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sorting with {@code $orderby}, and the rule of message queries that combine it with
 * {@code $filter} (InefficientFilter): ordered properties come first in the filter, in order.
 */
class OrderByTest {

    private static final Instant SINCE = Instant.parse("2026-10-01T00:00:00Z");

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(11).users(2).messagesPerUser(150).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        mailbox = emu.store().mailbox(emu.demoUser().id());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static TestHttp.Reply query(String filter, String orderBy) {
        StringBuilder url = new StringBuilder(emu.graphUrl()).append("/v1.0/users/")
                .append(emu.demoUser().id()).append("/messages?$top=1000&$select=subject");
        if (filter != null) {
            url.append("&$filter=").append(TestHttp.enc(filter));
        }
        if (orderBy != null) {
            url.append("&$orderby=").append(TestHttp.enc(orderBy));
        }
        return HTTP.get(url.toString(), token);
    }

    private static List<String> ids(TestHttp.Reply r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : r.values()) {
            out.add((String) v.get("id"));
        }
        return out;
    }

    private static List<String> expected(java.util.function.Predicate<Message> keep,
            Comparator<Message> order) {
        List<Message> list = new ArrayList<>(mailbox.messages());
        list.removeIf(keep.negate());
        list.sort(order);
        return list.stream().map(Message::id).toList();
    }

    private static void assertInefficient(TestHttp.Reply r) {
        assertEquals(400, r.status(), r.body());
        assertEquals("InefficientFilter", r.errorCode());
        assertEquals("The restriction or sort order is too complex for this operation.",
                r.errorMessage());
    }

    @Test
    void sortsTextIgnoringCaseAndKeepsDefaultOrderAmongEquals() {
        List<String> served = ids(query(null, "subject"));
        assertEquals(expected(m -> true, Comparator.comparing(Message::subject,
                String.CASE_INSENSITIVE_ORDER)), served);
    }

    @Test
    void sortsDescendingAndBySeveralKeys() {
        assertEquals(expected(m -> true,
                Comparator.comparing(Message::receivedDateTime)),
                ids(query(null, "receivedDateTime asc")));
        Comparator<Message> byImportance = Comparator.comparing(
                m -> m.importance().graphName(), String.CASE_INSENSITIVE_ORDER);
        assertEquals(expected(m -> true, byImportance.reversed()
                .thenComparing(Message::receivedDateTime)),
                ids(query(null, "importance desc, receivedDateTime")));
    }

    @Test
    void sortsByNestedPaths() {
        Comparator<Message> byFrom = Comparator.comparing(
                m -> m.from() == null ? null : m.from().address(),
                Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        assertEquals(expected(m -> true, byFrom),
                ids(query(null, "from/emailAddress/address")));
    }

    @Test
    void acceptsAFilterThatStartsWithTheOrderedProperty() {
        List<String> served = ids(query("receivedDateTime ge 2026-10-01T00:00:00Z and "
                + "isRead eq false", "receivedDateTime desc"));
        List<String> want = expected(m -> !m.receivedDateTime().isBefore(SINCE) && !m.isRead(),
                Comparator.comparing(Message::receivedDateTime).reversed());
        assertFalse(want.isEmpty());
        assertEquals(want, served);
    }

    @Test
    void acceptsSeveralOrderedPropertiesInTheFilterInTheSameOrder() {
        assertEquals(200, query("importance eq 'normal' and receivedDateTime ge "
                + "2026-10-01T00:00:00Z and isRead eq true", "importance, receivedDateTime desc")
                .status());
    }

    @Test
    void refusesAnOrderedPropertyMissingFromTheFilter() {
        assertInefficient(query("isRead eq false", "receivedDateTime desc"));
    }

    @Test
    void refusesAnOrderedPropertyThatIsNotFirstInTheFilter() {
        assertInefficient(query("isRead eq false and receivedDateTime ge 2026-10-01T00:00:00Z",
                "receivedDateTime desc"));
    }

    @Test
    void refusesOrderedPropertiesInAnotherOrderThanInTheFilter() {
        assertInefficient(query("receivedDateTime ge 2026-10-01T00:00:00Z and importance eq "
                + "'high'", "importance, receivedDateTime"));
    }

    @Test
    void orderByWithoutFilterOrFilterWithoutOrderByIsFine() {
        assertEquals(200, query(null, "isRead").status());
        assertEquals(200, query("isRead eq false", null).status());
    }

    @Test
    void refusesUnknownOrStructuredSortKeys() {
        TestHttp.Reply unknown = query(null, "nonsense desc");
        assertEquals(400, unknown.status());
        assertEquals("RequestBroker--ParseUri", unknown.errorCode());
        assertEquals("Could not find a property named 'nonsense' on type "
                + "'microsoft.graph.message'.", unknown.errorMessage());
        assertEquals(400, query(null, "from").status());
        assertEquals(400, query(null, "subject sideways").status());
    }
}
