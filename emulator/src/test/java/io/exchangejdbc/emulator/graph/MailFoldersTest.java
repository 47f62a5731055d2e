package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The folder tree through Graph: root children, child folders, well-known names, counts. */
class MailFoldersTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static Mailbox mailbox;
    private static String me;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(300).build().start();
        token = emu.issueUserToken(emu.demoUser().userPrincipalName());
        mailbox = emu.store().mailbox(emu.demoUser().id());
        me = emu.graphUrl() + "/v1.0/me";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void listsTheRootsChildrenByName() {
        List<Map<String, Object>> folders = HTTP.get(me + "/mailFolders", token).values();
        assertEquals(List.of("Archive", "Conversation History", "Deleted Items", "Drafts",
                "Inbox", "Junk Email", "Outbox", "Sent Items"),
                folders.stream().map(f -> f.get("displayName")).toList());
        for (Map<String, Object> f : folders) {
            assertEquals(mailbox.root().id(), f.get("parentFolderId"));
        }
    }

    @Test
    void countsMatchTheStore() {
        MailFolder inbox = mailbox.folder(WellKnownFolder.INBOX);
        Map<String, Object> f = HTTP.get(me + "/mailFolders/inbox", token).json();
        assertEquals(inbox.id(), f.get("id"));
        List<Message> msgs = mailbox.messages(inbox);
        assertEquals((long) msgs.size(), f.get("totalItemCount"));
        assertEquals(msgs.stream().filter(m -> !m.isRead()).count(), f.get("unreadItemCount"));
        assertEquals(2L, f.get("childFolderCount"));
        assertEquals(false, f.get("isHidden"));
    }

    @Test
    void wellKnownNamesIgnoreCase() {
        for (WellKnownFolder w : WellKnownFolder.values()) {
            String name = w.wellKnownName().toUpperCase();
            TestHttp.Reply r = HTTP.get(me + "/mailFolders/" + name, token);
            assertEquals(200, r.status(), name);
            assertEquals(mailbox.folder(w).id(), r.json().get("id"));
        }
        assertEquals("Top of Information Store",
                HTTP.get(me + "/mailFolders/MsgFolderRoot", token).json().get("displayName"));
    }

    @Test
    void walksChildFoldersById() {
        MailFolder projects = mailbox.folderByPath("Inbox/Projects").orElseThrow();
        MailFolder y2026 = mailbox.folderByPath("Inbox/Projects/2026").orElseThrow();
        List<Map<String, Object>> children = HTTP.get(me + "/mailFolders/inbox/childFolders",
                token).values();
        assertEquals(List.of("Newsletters", "Projects"),
                children.stream().map(f -> f.get("displayName")).toList());
        List<Map<String, Object>> grand = HTTP.get(me + "/mailFolders/" + projects.id()
                + "/childFolders", token).values();
        assertEquals(y2026.id(), grand.get(0).get("id"));
        TestHttp.Reply nested = HTTP.get(me + "/mailFolders/inbox/childFolders/" + projects.id()
                + "/childFolders/" + y2026.id() + "/messages?$top=1000&$select=parentFolderId",
                token);
        assertEquals(mailbox.messages(y2026).size(), nested.values().size());
        for (Map<String, Object> m : nested.values()) {
            assertEquals(y2026.id(), m.get("parentFolderId"));
        }
    }

    @Test
    void folderMessagesHoldOnlyThatFolder() {
        MailFolder sent = mailbox.folder(WellKnownFolder.SENTITEMS);
        TestHttp.Reply r = HTTP.get(me + "/mailFolders/SentItems/messages?$top=1000"
                + "&$select=from,parentFolderId", token);
        assertEquals(mailbox.messages(sent).size(), r.values().size());
        assertTrue(((String) r.json().get("@odata.context"))
                .endsWith("/mailFolders('SentItems')/messages(from,parentFolderId)"));
        Message inInbox = mailbox.messages(mailbox.folder(WellKnownFolder.INBOX)).get(0);
        assertEquals(404, HTTP.get(me + "/mailFolders/sentitems/messages/" + inInbox.id(),
                token).status());
        assertEquals(200, HTTP.get(me + "/mailFolders/inbox/messages/" + inInbox.id(), token)
                .status());
    }

    @Test
    void filtersFolders() {
        List<Map<String, Object>> r = HTTP.get(me + "/mailFolders?$filter="
                + TestHttp.enc("startswith(displayName,'d') and totalItemCount gt 0"), token)
                .values();
        assertEquals(List.of("Deleted Items", "Drafts"),
                r.stream().map(f -> f.get("displayName")).toList());
    }
}
