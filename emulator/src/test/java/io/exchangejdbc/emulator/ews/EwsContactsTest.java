package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's contacts through EWS: FindItem with restriction and sort, GetItem, GetFolder. */
class EwsContactsTest {

    private static Emulator emu;
    private static User adele;
    private static ContactFolder folder;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(17).users(3).messagesPerUser(3).build().start();
        adele = emu.demoUser();
        folder = emu.store().mailbox(adele.userPrincipalName()).contacts().defaultFolder();
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static List<String> names(EwsClient.Reply r) {
        assertEquals("NoError", r.code(), r.body());
        return r.message().required("RootFolder").required("Items").children("Contact")
                .stream().map(c -> c.childText("DisplayName")).toList();
    }

    @Test
    void findItemSortsAndRestrictsContacts() {
        List<Contact> all = folder.contacts();
        assertFalse(all.isEmpty(), "the generator seeds contacts");
        String sort = "<t:FieldOrder Order=\"Ascending\"><t:FieldURI "
                + "FieldURI=\"contacts:DisplayName\"/></t:FieldOrder>";
        assertEquals(all.stream().map(Contact::displayName)
                .sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                names(ews.call(EwsClient.findItem(distinguished("contacts"), "Default", null,
                        null, sort))));
        String company = all.get(0).companyName();
        String restriction = "<t:Contains ContainmentMode=\"FullString\" "
                + "ContainmentComparison=\"IgnoreCase\"><t:FieldURI "
                + "FieldURI=\"contacts:CompanyName\"/><t:Constant Value=\""
                + company.toUpperCase(Locale.ROOT) + "\"/></t:Contains>";
        assertEquals(all.stream().filter(c -> company.equalsIgnoreCase(c.companyName()))
                .map(Contact::displayName).toList(),
                names(ews.call(EwsClient.findItem(distinguished("contacts"), "Default", null,
                        restriction, null))));
    }

    @Test
    void getItemAndGetFolderOfContacts() {
        Contact c = folder.contacts().stream().filter(x -> !x.emailAddresses().isEmpty())
                .findFirst().orElseThrow();
        EwsClient.Reply r = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(c.id()) + "\"/></m:ItemIds></m:GetItem>");
        XmlElement item = r.message().required("Items").required("Contact");
        assertEquals(c.displayName(), item.childText("DisplayName"));
        assertEquals(c.surname(), item.childText("Surname"));
        XmlElement entry = item.required("EmailAddresses").required("Entry");
        assertEquals("EmailAddress1", entry.attr("Key"));
        assertEquals(c.emailAddresses().get(0).address(), entry.text());
        EwsClient.Reply f = ews.call("<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:FolderShape><m:FolderIds>" + distinguished("contacts")
                + "</m:FolderIds></m:GetFolder>");
        XmlElement cf = f.message().required("Folders").required("ContactsFolder");
        assertEquals("IPF.Contact", cf.childText("FolderClass"));
        assertEquals(String.valueOf(folder.contacts().size()), cf.childText("TotalCount"));
        TestHttp.Reply g = new TestHttp().get(emu.graphUrl() + "/v1.0/users/" + adele.id()
                + "/contacts/" + EwsIds.toStore(item.required("ItemId").attr("Id")),
                emu.issueAppToken(emu.defaultClientId()));
        assertEquals(200, g.status(), g.body());
        assertEquals(c.displayName(), g.json().get("displayName"));
    }
}
