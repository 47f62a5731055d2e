package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contacts, groups, mailbox settings, extended properties and usage reports on the Graph front,
 * including where Graph refuses.
 */
class ContactsGroupsReportsTest {

    private static final String COLOR =
            "String {66f5a359-4659-4830-9070-00040ec6ac6e} Name Color";

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String app;
    private static String user;
    private static Mailbox mailbox;
    private static String base;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(3).messagesPerUser(200).build().start();
        app = emu.issueAppToken(Emulator.DEFAULT_CLIENT_ID);
        user = emu.issueUserToken(emu.demoUser().userPrincipalName());
        mailbox = emu.store().mailbox(emu.demoUser().id());
        base = emu.graphUrl() + "/v1.0";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void contactsOfTheDefaultFolderAndOfAChildFolder() {
        ContactFolder main = mailbox.contacts().defaultFolder();
        List<Map<String, Object>> contacts = HTTP.get(base + "/me/contacts?$top=100", user)
                .values();
        assertEquals(main.contacts().size(), contacts.size());
        assertEquals(main.contacts().get(0).displayName(), contacts.get(0).get("displayName"));
        assertTrue(contacts.get(0).containsKey("@odata.etag"));
        ContactFolder suppliers = main.children().get(0);
        List<Map<String, Object>> children = HTTP.get(base + "/me/contactFolders/"
                + TestHttp.enc(main.id()) + "/childFolders", user).values();
        assertEquals(List.of("Suppliers"), children.stream().map(c -> c.get("displayName"))
                .toList());
        List<Map<String, Object>> inSuppliers = HTTP.get(base + "/me/contactFolders/"
                + TestHttp.enc(suppliers.id()) + "/contacts?$select=displayName", user).values();
        assertEquals(suppliers.contacts().size(), inSuppliers.size());
        assertEquals(400, HTTP.get(base + "/me/contactFolders/not-an-id/contacts", user)
                .status());
    }

    @Test
    void groupsAndTheirMembersNeedADirectoryPermission() {
        Group g = emu.store().tenant().groups().get(1);
        TestHttp.Reply members = HTTP.get(base + "/groups/" + g.id()
                + "/members?$select=userPrincipalName", app);
        assertEquals(200, members.status());
        assertEquals(g.members().size(), members.values().size());
        assertEquals("#microsoft.graph.user", members.values().get(0).get("@odata.type"));
        assertEquals(403, HTTP.get(base + "/groups", user).status());
        assertEquals(400, HTTP.get(base + "/groups?$skip=1", app).status());
        TestHttp.Reply missing = HTTP.get(base + "/groups/" + new java.util.UUID(1, 2)
                + "/members", app);
        assertEquals(404, missing.status());
        assertEquals("Request_ResourceNotFound", missing.errorCode());
        List<Map<String, Object>> security = HTTP.get(base
                + "/groups?$filter=securityEnabled%20eq%20true", app).values();
        assertEquals(List.of("IT Security"), security.stream().map(x -> x.get("displayName"))
                .toList());
    }

    @Test
    void mailboxSettingsAreOneObject() {
        Map<String, Object> s = HTTP.get(base + "/me/mailboxSettings", user).json();
        assertEquals(mailbox.settings().timeZone(), s.get("timeZone"));
        assertTrue(((String) s.get("@odata.context")).endsWith("/mailboxSettings"));
        @SuppressWarnings("unchecked")
        Map<String, Object> replies = (Map<String, Object>) s.get("automaticRepliesSetting");
        assertEquals(mailbox.settings().autoReplyStatus(), replies.get("status"));
        assertFalse(s.containsKey("value"));
    }

    @Test
    void extendedPropertiesAreExpandedOnlyByIdAndOnlyWhereSet() {
        Message with = mailbox.messages().stream()
                .filter(m -> !mailbox.extendedProperties().of(m.id()).isEmpty()).findFirst()
                .orElseThrow();
        String expand = TestHttp.enc("singleValueExtendedProperties($filter=id eq '" + COLOR
                + "')");
        Map<String, Object> m = HTTP.get(base + "/me/messages/" + TestHttp.enc(with.id())
                + "?$select=id&$expand=" + expand, user).json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> props = (List<Map<String, Object>>) m.get(
                "singleValueExtendedProperties");
        assertEquals(COLOR, props.get(0).get("id"));
        assertEquals(mailbox.extendedProperties().of(with.id()).get(0).value(),
                props.get(0).get("value"));
        List<Map<String, Object>> all = HTTP.get(base + "/me/messages?$top=50&$select=id"
                + "&$expand=" + expand, user).values();
        for (Map<String, Object> x : all) {
            boolean has = !mailbox.extendedProperties().of((String) x.get("id")).isEmpty();
            assertEquals(has, x.containsKey("singleValueExtendedProperties"));
        }
        assertEquals(400, HTTP.get(base + "/me/messages?$expand=singleValueExtendedProperties",
                user).status());
    }

    @Test
    void reportsRedirectToAOneTimeCsvDownload() {
        TestHttp.Reply r = HTTP.get(base + "/reports/getMailboxUsageDetail(period='D7')", app);
        assertEquals(302, r.status());
        String location = r.header("Location");
        assertTrue(location.startsWith(base + "/reportDownloads/"), location);
        TestHttp.Reply csv = HTTP.get(location, null);
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("\uFEFFReport Refresh Date,User Principal Name,"),
                csv.body());
        assertEquals(1 + emu.store().users().size(), csv.body().split("\r\n").length);
        assertEquals(404, HTTP.get(location, null).status());
        assertEquals(400, HTTP.get(base + "/reports/getMailboxUsageDetail(period='D8')", app)
                .status());
        assertEquals(403, HTTP.get(base + "/reports/getMailboxUsageDetail(period='D7')", user)
                .status());
    }
}
