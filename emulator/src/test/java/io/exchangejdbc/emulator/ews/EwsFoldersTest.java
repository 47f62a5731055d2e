package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FindFolder, GetFolder, CreateFolder, UpdateFolder and DeleteFolder over real HTTP. */
class EwsFoldersTest {

    private static Emulator emu;
    private static User adele;
    private static Mailbox mailbox;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(3).users(2).messagesPerUser(60).build().start();
        adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String findFolder(String traversal, String shape, String view, String parent) {
        return "<m:FindFolder Traversal=\"" + traversal + "\"><m:FolderShape><t:BaseShape>"
                + shape + "</t:BaseShape></m:FolderShape>" + (view == null ? "" : view)
                + "<m:ParentFolderIds>" + parent + "</m:ParentFolderIds></m:FindFolder>";
    }

    private static List<String> names(EwsClient.Reply r) {
        List<String> out = new ArrayList<>();
        for (XmlElement f : r.message().required("RootFolder").required("Folders").children()) {
            out.add(f.childText("DisplayName"));
        }
        return out;
    }

    private static void collect(MailFolder f, boolean deep, List<String> out) {
        for (MailFolder c : f.children()) {
            if (!c.isHidden()) {
                out.add(c.displayName());
                if (deep) {
                    collect(c, true, out);
                }
            }
        }
    }

    @Test
    void shallowAndDeepTraversalListTheStoresFolders() {
        List<String> shallow = new ArrayList<>();
        collect(mailbox.root(), false, shallow);
        shallow.addAll(List.of("Calendar", "Tasks"));
        assertEquals(shallow, names(ews.call(findFolder("Shallow", "Default", null,
                distinguished("msgfolderroot")))));
        List<String> deep = new ArrayList<>();
        collect(mailbox.root(), true, deep);
        deep.addAll(List.of("Calendar", "Tasks"));
        EwsClient.Reply r = ews.call(findFolder("Deep", "AllProperties", null,
                distinguished("msgfolderroot")));
        assertEquals(deep, names(r));
        assertTrue(deep.contains("2026"), "the generator's nested folder is reached: " + deep);
        XmlElement root = r.message().required("RootFolder");
        assertEquals(String.valueOf(deep.size()), root.attr("TotalItemsInView"));
        List<XmlElement> kinds = root.required("Folders").children();
        assertEquals("CalendarFolder", kinds.get(kinds.size() - 2).name());
        assertEquals("IPF.Appointment", kinds.get(kinds.size() - 2).childText("FolderClass"));
        assertEquals("TasksFolder", kinds.get(kinds.size() - 1).name());
        assertEquals("true", root.attr("IncludesLastItemInRange"));
    }

    @Test
    void folderViewPages() {
        List<String> all = names(ews.call(findFolder("Deep", "Default", null,
                distinguished("msgfolderroot"))));
        EwsClient.Reply p = ews.call(findFolder("Deep", "Default",
                "<m:IndexedPageFolderView MaxEntriesReturned=\"3\" Offset=\"2\" "
                        + "BasePoint=\"Beginning\"/>", distinguished("msgfolderroot")));
        assertEquals(all.subList(2, 5), names(p));
        assertEquals("5", p.message().required("RootFolder").attr("IndexedPagingOffset"));
    }

    @Test
    void getFolderGivesCountsFromTheStore() {
        MailFolder inbox = mailbox.folder(WellKnownFolder.INBOX);
        EwsClient.Reply r = ews.call("<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:FolderShape><m:FolderIds>" + distinguished("inbox")
                + "<t:FolderId Id=\"" + EwsIds.toEws(inbox.children().get(0).id()) + "\"/>"
                + distinguished("nosuchfolder") + "</m:FolderIds></m:GetFolder>");
        List<XmlElement> msgs = r.messages();
        XmlElement f = msgs.get(0).required("Folders").children().get(0);
        assertEquals("Inbox", f.childText("DisplayName"));
        assertEquals(EwsIds.toEws(inbox.id()), f.required("FolderId").attr("Id"));
        assertEquals(String.valueOf(mailbox.snapshot().totalItemCount(inbox)),
                f.childText("TotalCount"));
        assertEquals(String.valueOf(mailbox.snapshot().unreadItemCount(inbox)),
                f.childText("UnreadCount"));
        assertEquals(String.valueOf(inbox.children().size()), f.childText("ChildFolderCount"));
        assertEquals("IPF.Note", f.childText("FolderClass"));
        assertEquals(inbox.children().get(0).displayName(), msgs.get(1).required("Folders")
                .children().get(0).childText("DisplayName"));
        assertEquals("Error", msgs.get(2).attr("ResponseClass"));
    }

    @Test
    void createRenameAndDeleteAFolder() {
        EwsClient.Reply c = ews.call("<m:CreateFolder><m:ParentFolderId>"
                + distinguished("inbox") + "</m:ParentFolderId><m:Folders><t:Folder>"
                + "<t:DisplayName>Receipts</t:DisplayName></t:Folder></m:Folders>"
                + "</m:CreateFolder>");
        assertEquals("NoError", c.code(), c.body());
        String id = c.message().required("Folders").children().get(0).required("FolderId")
                .attr("Id");
        MailFolder made = mailbox.folder(EwsIds.toStore(id)).orElseThrow();
        assertEquals("Inbox/Receipts", made.path());
        EwsClient.Reply dup = ews.call("<m:CreateFolder><m:ParentFolderId>"
                + distinguished("inbox") + "</m:ParentFolderId><m:Folders><t:Folder>"
                + "<t:DisplayName>receipts</t:DisplayName></t:Folder></m:Folders>"
                + "</m:CreateFolder>");
        assertEquals("ErrorFolderExists", dup.code());
        EwsClient.Reply u = ews.call("<m:UpdateFolder><m:FolderChanges><t:FolderChange>"
                + "<t:FolderId Id=\"" + id + "\"/><t:Updates><t:SetFolderField>"
                + "<t:FieldURI FieldURI=\"folder:DisplayName\"/><t:Folder><t:DisplayName>"
                + "Bills</t:DisplayName></t:Folder></t:SetFolderField></t:Updates>"
                + "</t:FolderChange></m:FolderChanges></m:UpdateFolder>");
        assertEquals("NoError", u.code(), u.body());
        assertEquals("Bills", made.displayName());
        EwsClient.Reply d = ews.call("<m:DeleteFolder DeleteType=\"HardDelete\"><m:FolderIds>"
                + "<t:FolderId Id=\"" + id + "\"/>" + distinguished("inbox")
                + "</m:FolderIds></m:DeleteFolder>");
        assertEquals("NoError", d.messages().get(0).childText("ResponseCode"));
        assertEquals("ErrorDeleteDistinguishedFolder",
                d.messages().get(1).childText("ResponseCode"));
        assertTrue(mailbox.folder(made.id()).isEmpty());
        // A folder made after a deletion gets an id of its own.
        MailFolder next = mailbox.createFolder(mailbox.root(), "After");
        assertTrue(mailbox.folders().stream().filter(x -> x.id().equals(next.id())).count() == 1);
    }
}
