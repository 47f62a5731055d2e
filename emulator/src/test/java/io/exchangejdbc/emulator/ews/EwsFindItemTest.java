package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static io.exchangejdbc.emulator.ews.EwsClient.findItem;
import static io.exchangejdbc.emulator.ews.EwsClient.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FindItem over real HTTP: shapes, indexed paging (with short pages), restrictions, sorting. */
class EwsFindItemTest {

    private static Emulator emu;
    private static User adele;
    private static Mailbox mailbox;
    private static MailFolder bulk;
    private static MailFolder small;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(11).users(3).messagesPerUser(120).build().start();
        adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        bulk = mailbox.createFolder(mailbox.folder(WellKnownFolder.INBOX), "Bulk");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5000; i++) {
            mailbox.addMessage(bulk, Message.builder().receivedDateTime(t0.plusSeconds(60L * i))
                    .subject("Bulk " + i).body(ItemBody.text("n" + i)));
        }
        small = mailbox.createFolder(mailbox.folder(WellKnownFolder.INBOX), "Small");
        String[] subjects = {"Quarterly report", "quarterly Budget", "Lunch", "Report draft",
            "Re: Lunch plans", "Budget 2027"};
        for (int i = 0; i < subjects.length; i++) {
            Message.Builder b = Message.builder()
                    .receivedDateTime(Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z"))
                    .subject(subjects[i]).body(ItemBody.text("body " + i)).read(i % 2 == 0)
                    .importance(i == 1 ? Importance.HIGH : i == 2 ? Importance.LOW
                            : Importance.NORMAL)
                    .from(new EmailAddress("Sender " + i, "sender" + i + "@fabrikam.com"));
            if (i == 3) {
                b.categories("Red");
            }
            mailbox.addMessage(small, b);
        }
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void plain() {
        emu.ews().setShortPageEvery(0);
    }

    private static String folderId(MailFolder f) {
        return "<t:FolderId Id=\"" + EwsIds.toEws(f.id()) + "\"/>";
    }

    private static List<String> ids(XmlElement message) {
        List<String> out = new ArrayList<>();
        for (XmlElement item : message.required("RootFolder").required("Items").children()) {
            out.add(item.required("ItemId").attr("Id"));
        }
        return out;
    }

    @Test
    void idOnlyPageListsTheStoresMessagesNewestFirst() {
        EwsClient.Reply r = ews.call(findItem(distinguished("inbox"), "IdOnly", page(10, 0),
                null, null));
        assertEquals(200, r.status(), r.body());
        XmlElement msg = r.message();
        assertEquals("Success", msg.attr("ResponseClass"));
        assertEquals("NoError", msg.childText("ResponseCode"));
        List<Message> inbox = mailbox.messages(mailbox.folder(WellKnownFolder.INBOX));
        XmlElement root = msg.required("RootFolder");
        assertEquals(String.valueOf(inbox.size()), root.attr("TotalItemsInView"));
        assertEquals("10", root.attr("IndexedPagingOffset"));
        assertEquals("false", root.attr("IncludesLastItemInRange"));
        List<String> expected = inbox.subList(0, 10).stream().map(m -> EwsIds.toEws(m.id()))
                .toList();
        assertEquals(expected, ids(msg));
        XmlElement first = root.required("Items").children().get(0);
        assertEquals(1, first.children().size(), "IdOnly returns the id alone");
        assertEquals(inbox.get(0).changeKey(), first.required("ItemId").attr("ChangeKey"));
        assertEquals("/EWS/Exchange.asmx", emu.requestLog().get(emu.requestLog().size() - 1)
                .path());
    }

    @Test
    void pagingFiveThousandItemsWithShortPagesReturnsEachItemExactlyOnce() {
        emu.ews().setShortPageEvery(3);
        long shortBefore = emu.ews().shortPagesServed();
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int offset = 0;
        boolean last = false;
        int requests = 0;
        while (!last) {
            EwsClient.Reply r = ews.call(findItem(folderId(bulk), "IdOnly", page(1000, offset),
                    null, null));
            XmlElement root = r.message().required("RootFolder");
            List<String> ids = ids(r.message());
            seen.addAll(ids);
            sizes.add(ids.size());
            assertEquals("5000", root.attr("TotalItemsInView"));
            assertEquals(offset + ids.size(), Integer.parseInt(root.attr("IndexedPagingOffset")));
            offset = Integer.parseInt(root.attr("IndexedPagingOffset"));
            last = Boolean.parseBoolean(root.attr("IncludesLastItemInRange"));
            assertTrue(++requests < 20, "paging does not end");
        }
        assertEquals(5000, seen.size());
        assertEquals(5000, new HashSet<>(seen).size(), "no item twice");
        Set<String> store = mailbox.messages(bulk).stream().map(m -> EwsIds.toEws(m.id()))
                .collect(Collectors.toSet());
        assertEquals(store, new HashSet<>(seen));
        assertTrue(sizes.subList(0, sizes.size() - 1).stream().anyMatch(s -> s < 1000),
                "some page before the last was short: " + sizes);
        assertTrue(emu.ews().shortPagesServed() > shortBefore);
    }

    @Test
    void pagesFromTheEndAndPastTheEnd() {
        EwsClient.Reply r = ews.call(findItem(folderId(small), "IdOnly",
                "<m:IndexedPageItemView MaxEntriesReturned=\"2\" Offset=\"0\" BasePoint=\"End\"/>",
                null, null));
        List<Message> all = mailbox.messages(small);
        assertEquals(List.of(EwsIds.toEws(all.get(4).id()), EwsIds.toEws(all.get(5).id())),
                ids(r.message()));
        EwsClient.Reply past = ews.call(findItem(folderId(small), "IdOnly", page(5, 40), null,
                null));
        assertEquals(List.of(), ids(past.message()));
        assertEquals("true", past.message().required("RootFolder")
                .attr("IncludesLastItemInRange"));
    }

    @Test
    void defaultShapeHasSummaryPropertiesAndFromWithTheNameOnly() {
        EwsClient.Reply r = ews.call(findItem(folderId(small), "Default", page(1, 0), null,
                null));
        XmlElement item = r.message().required("RootFolder").required("Items").children()
                .get(0);
        Message newest = mailbox.messages(small).get(0);
        assertEquals(newest.subject(), item.childText("Subject"));
        assertEquals("2026-11-06T10:00:00Z", item.childText("DateTimeReceived"));
        assertEquals(String.valueOf(newest.isRead()), item.childText("IsRead"));
        XmlElement from = item.required("From").required("Mailbox");
        assertEquals("Sender 5", from.childText("Name"));
        assertNull(from.childText("EmailAddress"), "FindItem gives the name of From only");
        assertTrue(item.child("Body").isEmpty());
        assertTrue(item.child("ToRecipients").isEmpty());
    }

    @Test
    void additionalPropertiesAddToIdOnlyButNotBodiesInFindItem() {
        String req = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI=\"item:Subject\"/>"
                + "<t:FieldURI FieldURI=\"item:Body\"/><t:FieldURI FieldURI=\"item:Importance\"/>"
                + "</t:AdditionalProperties></m:ItemShape>" + page(6, 0)
                + "<m:ParentFolderIds>" + folderId(small) + "</m:ParentFolderIds></m:FindItem>";
        EwsClient.Reply r = ews.call(req);
        XmlElement item = r.message().required("RootFolder").required("Items").children()
                .get(4);
        assertEquals(List.of("ItemId", "Subject", "Importance"),
                item.children().stream().map(XmlElement::name).toList());
        assertEquals("High", item.childText("Importance"));
    }

    private List<String> subjects(String restriction, String sort) {
        EwsClient.Reply r = ews.call(findItem(folderId(small), "Default", null, restriction,
                sort));
        assertEquals("NoError", r.code(), r.body());
        List<String> out = new ArrayList<>();
        for (XmlElement item : r.message().required("RootFolder").required("Items")
                .children()) {
            out.add(item.childText("Subject"));
        }
        return out;
    }

    private static List<String> expected(Predicate<Message> p) {
        return mailbox.messages(small).stream().filter(p).map(Message::subject).toList();
    }

    private static String field(String uri) {
        return "<t:FieldURI FieldURI=\"" + uri + "\"/>";
    }

    private static String cmp(String op, String uri, String value) {
        return "<t:" + op + ">" + field(uri) + "<t:FieldURIOrConstant><t:Constant Value=\""
                + value + "\"/></t:FieldURIOrConstant></t:" + op + ">";
    }

    private static String contains(String mode, String comparison, String uri, String value) {
        return "<t:Contains ContainmentMode=\"" + mode + "\" ContainmentComparison=\""
                + comparison + "\">" + field(uri) + "<t:Constant Value=\"" + value
                + "\"/></t:Contains>";
    }

    @Test
    void comparisonsFilterAsTheStoreSays() {
        assertEquals(expected(m -> !m.isRead()), subjects(cmp("IsEqualTo", "message:IsRead",
                "false"), null));
        assertEquals(expected(Message::isRead), subjects(cmp("IsNotEqualTo", "message:IsRead",
                "false"), null));
        Instant nov3 = Instant.parse("2026-11-03T10:00:00Z");
        assertEquals(expected(m -> m.receivedDateTime().isAfter(nov3)),
                subjects(cmp("IsGreaterThan", "item:DateTimeReceived", "2026-11-03T10:00:00Z"),
                        null));
        assertEquals(expected(m -> !m.receivedDateTime().isBefore(nov3)),
                subjects(cmp("IsGreaterThanOrEqualTo", "item:DateTimeReceived",
                        "2026-11-03T10:00:00Z"), null));
        assertEquals(expected(m -> m.receivedDateTime().isBefore(nov3)),
                subjects(cmp("IsLessThan", "item:DateTimeReceived", "2026-11-03T10:00:00Z"),
                        null));
        assertEquals(expected(m -> !m.receivedDateTime().isAfter(nov3)),
                subjects(cmp("IsLessThanOrEqualTo", "item:DateTimeReceived",
                        "2026-11-03T10:00:00Z"), null));
        assertEquals(List.of("quarterly Budget"), subjects(cmp("IsEqualTo", "item:Importance",
                "High"), null));
        assertEquals(List.of("Lunch"), subjects(cmp("IsEqualTo", "item:Subject", "LUNCH"),
                null), "string equality ignores case");
        assertEquals(expected(m -> m.importance() != Importance.LOW),
                subjects(cmp("IsGreaterThanOrEqualTo", "item:Importance", "Normal"), null));
    }

    @Test
    void containsHonoursModeAndComparison() {
        assertEquals(expected(m -> m.subject().toLowerCase(Locale.ROOT).contains("report")),
                subjects(contains("Substring", "IgnoreCase", "item:Subject", "REPORT"), null));
        assertEquals(expected(m -> m.subject().contains("report")),
                subjects(contains("Substring", "Exact", "item:Subject", "report"), null));
        assertEquals(expected(m -> m.subject().toLowerCase(Locale.ROOT).startsWith("quarterly")),
                subjects(contains("Prefixed", "IgnoreCase", "item:Subject", "Quarterly"), null));
        assertEquals(List.of("Lunch"), subjects(contains("FullString", "IgnoreCase",
                "item:Subject", "lunch"), null));
        assertEquals(List.of(), subjects(contains("FullString", "Exact", "item:Subject",
                "lunch"), null));
    }

    @Test
    void logicalOperatorsAndExists() {
        String unread = cmp("IsEqualTo", "message:IsRead", "false");
        String budget = contains("Substring", "IgnoreCase", "item:Subject", "budget");
        assertEquals(expected(m -> !m.isRead() && m.subject().toLowerCase(Locale.ROOT)
                .contains("budget")), subjects("<t:And>" + unread + budget + "</t:And>", null));
        assertEquals(expected(m -> !m.isRead() || m.subject().toLowerCase(Locale.ROOT)
                .contains("budget")), subjects("<t:Or>" + unread + budget + "</t:Or>", null));
        assertEquals(expected(m -> !m.subject().toLowerCase(Locale.ROOT).contains("budget")),
                subjects("<t:Not>" + budget + "</t:Not>", null));
        assertEquals(List.of("Report draft"), subjects("<t:Exists>" + field("item:Categories")
                + "</t:Exists>", null));
    }

    @Test
    void sortOrderOrdersByTheFieldsGiven() {
        String sort = "<t:FieldOrder Order=\"Ascending\">" + field("item:Subject")
                + "</t:FieldOrder>";
        List<String> expect = expected(m -> true).stream()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(expect, subjects(null, sort));
        String desc = "<t:FieldOrder Order=\"Descending\">" + field("item:Importance")
                + "</t:FieldOrder><t:FieldOrder Order=\"Ascending\">"
                + field("item:DateTimeReceived") + "</t:FieldOrder>";
        List<String> byImportance = mailbox.messages(small).stream()
                .sorted(Comparator.comparing(Message::importance).reversed()
                        .thenComparing(Message::receivedDateTime))
                .map(Message::subject).toList();
        assertEquals(byImportance, subjects(null, desc));
    }

    @Test
    void unknownFolderIsAnErrorOfItsOwnResponseMessage() {
        String two = distinguished("inbox") + "<t:FolderId Id=\"AAMkAGI2TG93AAA=\"/>";
        EwsClient.Reply r = ews.call(findItem(two, "IdOnly", page(1, 0), null, null));
        assertEquals(2, r.messages().size());
        assertEquals("Success", r.messages().get(0).attr("ResponseClass"));
        XmlElement bad = r.messages().get(1);
        assertEquals("Error", bad.attr("ResponseClass"));
        assertEquals("ErrorInvalidIdMalformed", bad.childText("ResponseCode"));
        assertNotNull(bad.childText("MessageText"));
        assertFalse(bad.child("RootFolder").isPresent());
    }
}
