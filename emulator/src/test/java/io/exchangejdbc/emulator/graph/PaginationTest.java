package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging of Graph collections: page sizes, {@code $skip}, {@code @odata.nextLink}, counts. */
class PaginationTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static User adele;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(7).users(120).messagesPerUser(3)
                .messagesForUser(0, 237).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String messagesUrl(String query) {
        return emu.graphUrl() + "/v1.0/users/" + adele.id() + "/messages" + query;
    }

    /** Follows next links from the first page; returns the ids in the order served. */
    private static List<String> follow(String firstUrl, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            TestHttp.Reply r = HTTP.get(url, token);
            assertEquals(200, r.status(), r.body());
            List<Map<String, Object>> values = r.values();
            pageSizes.add(values.size());
            for (Map<String, Object> v : values) {
                ids.add((String) v.get("id"));
            }
            url = (String) r.json().get("@odata.nextLink");
        }
        return ids;
    }

    private static List<String> ids(List<Message> messages) {
        List<String> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(m.id());
        }
        return out;
    }

    @Test
    void nextLinksVisitEveryMessageExactlyOnceInDefaultOrder() {
        List<Integer> sizes = new ArrayList<>();
        List<String> served = follow(messagesUrl("?$select=subject&$top=25"), sizes);
        assertEquals(237, served.size());
        assertEquals(237, new HashSet<>(served).size());
        assertEquals(ids(mailbox.messages()), served);
        assertEquals(10, sizes.size());
        assertEquals(12, sizes.get(9));
    }

    @Test
    void defaultPageOfMessagesHoldsTen() {
        TestHttp.Reply r = HTTP.get(messagesUrl("?$select=subject"), token);
        assertEquals(10, r.values().size());
        assertTrue(r.json().containsKey("@odata.nextLink"));
        List<Integer> sizes = new ArrayList<>();
        assertEquals(237, follow(messagesUrl(""), sizes).size());
        assertEquals(24, sizes.size());
    }

    @Test
    void nextLinkIsAbsoluteAndKeepsTheQuery() {
        TestHttp.Reply r = HTTP.get(messagesUrl("?$select=subject,from&$top=5"
                + "&$filter=" + TestHttp.enc("isRead eq false or importance eq 'high'")
                + "&$count=true"), token);
        String next = (String) r.json().get("@odata.nextLink");
        assertTrue(next.startsWith(emu.baseUrl() + "/v1.0/users/" + adele.id() + "/messages?"),
                next);
        assertTrue(next.contains("%24select=subject%2Cfrom"), next);
        assertTrue(next.contains("%24filter=isRead%20eq%20false%20or%20importance%20eq%20"
                + "%27high%27"), next);
        assertTrue(next.contains("%24top=5"), next);
        assertTrue(next.endsWith("%24skip=5"), next);
    }

    @Test
    void filteredPagesVisitEveryMatchOnce() {
        String folderUrl = emu.graphUrl() + "/v1.0/users/" + adele.userPrincipalName()
                + "/mailFolders/inbox/messages?$top=7&$filter="
                + TestHttp.enc("isRead eq false or hasAttachments eq true");
        List<String> served = follow(folderUrl, new ArrayList<>());
        List<String> expected = new ArrayList<>();
        for (Message m : mailbox.messages(mailbox.folder(WellKnownFolder.INBOX))) {
            if (!m.isRead() || m.hasAttachments()) {
                expected.add(m.id());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, served);
    }

    @Test
    void countIsTheWholeResultOnEveryPage() {
        String url = messagesUrl("?$count=true&$top=100&$select=isRead");
        int pages = 0;
        while (url != null) {
            TestHttp.Reply r = HTTP.get(url, token);
            assertEquals(237L, r.json().get("@odata.count"));
            url = (String) r.json().get("@odata.nextLink");
            pages++;
        }
        assertEquals(3, pages);
    }

    @Test
    void skipStartsFurtherIn() {
        TestHttp.Reply r = HTTP.get(messagesUrl("?$skip=5&$top=3&$select=subject"), token);
        assertEquals(ids(mailbox.messages()).subList(5, 8),
                r.values().stream().map(v -> (String) v.get("id")).toList());
        TestHttp.Reply beyond = HTTP.get(messagesUrl("?$skip=5000"), token);
        assertEquals(200, beyond.status());
        assertTrue(beyond.values().isEmpty());
        assertNull(beyond.json().get("@odata.nextLink"));
    }

    @Test
    void countSegmentAnswersPlainText() {
        TestHttp.Reply r = HTTP.get(messagesUrl("/$count"), token);
        assertEquals(200, r.status());
        assertEquals("237", r.body());
        long unread = mailbox.messages().stream().filter(m -> !m.isRead()).count();
        assertEquals(String.valueOf(unread),
                HTTP.get(messagesUrl("/$count?$filter=" + TestHttp.enc("isRead eq false")),
                        token).body());
    }

    @Test
    void usersComeAHundredToAPageWithASkipToken() {
        TestHttp.Reply first = HTTP.get(emu.graphUrl() + "/v1.0/users", token);
        assertEquals(100, first.values().size());
        String next = (String) first.json().get("@odata.nextLink");
        assertTrue(next.contains("%24skiptoken="), next);
        List<Integer> sizes = new ArrayList<>();
        List<String> all = follow(emu.graphUrl() + "/v1.0/users?$top=7&$select=id", sizes);
        assertEquals(120, all.size());
        Set<String> expected = new HashSet<>();
        emu.store().users().forEach(u -> expected.add(u.id()));
        assertEquals(expected, new HashSet<>(all));
        assertEquals(18, sizes.size());
    }

    @Test
    void directoryWritesTheNextLinkBeforeTheValues() {
        String body = HTTP.get(emu.graphUrl() + "/v1.0/users?$top=2", token).body();
        assertTrue(body.indexOf("@odata.nextLink") < body.indexOf("\"value\""), body);
        String mail = HTTP.get(messagesUrl("?$top=2"), token).body();
        assertTrue(mail.indexOf("@odata.nextLink") > mail.indexOf("\"value\""), mail);
    }

    @Test
    void mailFoldersPageByTenOrByTop() {
        String url = emu.graphUrl() + "/v1.0/users/" + adele.id() + "/mailFolders";
        TestHttp.Reply all = HTTP.get(url, token);
        assertEquals(8, all.values().size());
        assertNull(all.json().get("@odata.nextLink"));
        List<Integer> sizes = new ArrayList<>();
        assertEquals(8, follow(url + "?$top=3", sizes).size());
        assertEquals(List.of(3, 3, 2), sizes);
    }

    @Test
    void maxPageSizePreferenceSetsThePageWithoutTop() {
        TestHttp.Reply r = HTTP.get(messagesUrl("?$select=subject"), token, "Prefer",
                "odata.maxpagesize=40");
        assertEquals(40, r.values().size());
        assertEquals("odata.maxpagesize=40", r.header("Preference-Applied"));
    }
}
