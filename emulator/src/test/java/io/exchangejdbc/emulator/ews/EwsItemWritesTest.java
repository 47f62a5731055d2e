package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CreateItem, UpdateItem, DeleteItem, SendItem, MoveItem and CopyItem over real HTTP, checked
 * in the store and through the Graph front (one store behind both).
 */
class EwsItemWritesTest {

    private static final TestHttp HTTP = new TestHttp();
    private static Emulator emu;
    private static User adele;
    private static User bob;
    private static Mailbox mailbox;
    private static Mailbox bobBox;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(5).users(3).messagesPerUser(20).build().start();
        adele = emu.demoUser();
        bob = emu.tenant().users().get(1);
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        bobBox = emu.store().mailbox(bob.userPrincipalName());
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String create(String disposition, String saveTo, String to) {
        return "<m:CreateItem MessageDisposition=\"" + disposition + "\">"
                + (saveTo == null ? "" : "<m:SavedItemFolderId>" + saveTo
                        + "</m:SavedItemFolderId>")
                + "<m:Items><t:Message><t:Subject>Plan &amp; budget</t:Subject>"
                + "<t:Body BodyType=\"Text\">Hello there</t:Body>"
                + "<t:Importance>High</t:Importance>"
                + (to == null ? "" : "<t:ToRecipients><t:Mailbox><t:EmailAddress>" + to
                        + "</t:EmailAddress></t:Mailbox></t:ToRecipients>")
                + "</t:Message></m:Items></m:CreateItem>";
    }

    private static Message created(EwsClient.Reply r) {
        assertEquals("NoError", r.code(), r.body());
        String id = r.message().required("Items").children().get(0).required("ItemId")
                .attr("Id");
        return mailbox.message(id).orElseThrow();
    }

    @Test
    void saveOnlyMakesADraftThatGraphSeesUnderTheSameItem() {
        Message m = created(ews.call(create("SaveOnly", null, bob.mail())));
        assertTrue(m.isDraft());
        assertEquals(mailbox.folder(WellKnownFolder.DRAFTS), m.folder());
        assertEquals("Plan & budget", m.subject());
        assertEquals(Importance.HIGH, m.importance());
        assertEquals(bob.mail(), m.toRecipients().get(0).address());
        // The EWS id and the Graph id are two spellings of one store id.
        String graphToken = emu.issueAppToken(emu.defaultClientId());
        TestHttp.Reply g = HTTP.get(emu.graphUrl() + "/v1.0/users/" + adele.id()
                + "/messages/" + m.id(), graphToken);
        assertEquals(200, g.status(), g.body());
        Map<String, Object> json = g.json();
        assertEquals("Plan & budget", json.get("subject"));
        assertEquals(m.id(), EwsIds.toStore(EwsIds.toEws(m.id())));
    }

    @Test
    void sendAndSaveCopyDeliversToTheRecipientAndKeepsTheCopyInSentItems() {
        int before = bobBox.messages(bobBox.folder(WellKnownFolder.INBOX)).size();
        EwsClient.Reply r = ews.call(create("SendAndSaveCopy", distinguished("sentitems"),
                bob.mail()));
        assertEquals("NoError", r.code(), r.body());
        List<Message> bobInbox = bobBox.messages(bobBox.folder(WellKnownFolder.INBOX));
        assertEquals(before + 1, bobInbox.size());
        Message got = bobInbox.stream().filter(x -> "Plan & budget".equals(x.subject()))
                .findFirst().orElseThrow();
        assertFalse(got.isRead());
        assertFalse(got.isDraft());
        assertEquals(adele.mail(), got.from().address());
        assertTrue(mailbox.messages(mailbox.folder(WellKnownFolder.SENTITEMS)).stream()
                .anyMatch(x -> "Plan & budget".equals(x.subject()) && !x.isDraft()));
    }

    @Test
    void sendWithoutRecipientsIsAnItemError() {
        EwsClient.Reply r = ews.call(create("SendOnly", null, null));
        assertEquals("Error", r.message().attr("ResponseClass"));
        assertEquals("ErrorInvalidRecipients", r.code());
    }

    @Test
    void sendItemSendsADraftAndMovesItToSentItems() {
        Message draft = created(ews.call(create("SaveOnly", null, bob.mail())));
        EwsClient.Reply r = ews.call("<m:SendItem SaveItemToFolder=\"true\"><m:ItemIds>"
                + "<t:ItemId Id=\"" + EwsIds.toEws(draft.id()) + "\" ChangeKey=\""
                + draft.changeKey() + "\"/></m:ItemIds></m:SendItem>");
        assertEquals("NoError", r.code(), r.body());
        assertFalse(draft.isDraft());
        assertEquals(mailbox.folder(WellKnownFolder.SENTITEMS), draft.folder());
    }

    private static String update(Message m, String changeKey, String conflict, String change) {
        return "<m:UpdateItem MessageDisposition=\"SaveOnly\" ConflictResolution=\"" + conflict
                + "\"><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + EwsIds.toEws(m.id())
                + "\" ChangeKey=\"" + changeKey + "\"/><t:Updates>" + change
                + "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>";
    }

    @Test
    void updateSetsAppendsAndDeletesFieldsAndChangesTheChangeKey() {
        Message m = created(ews.call(create("SaveOnly", null, bob.mail())));
        String key = m.changeKey();
        EwsClient.Reply r = ews.call(update(m, key, "AutoResolve",
                "<t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/><t:Message>"
                        + "<t:Subject>Renamed</t:Subject></t:Message></t:SetItemField>"
                        + "<t:AppendToItemField><t:FieldURI FieldURI=\"message:ToRecipients\"/>"
                        + "<t:Message><t:ToRecipients><t:Mailbox><t:EmailAddress>x@fabrikam.com"
                        + "</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>"
                        + "</t:AppendToItemField><t:SetItemField>"
                        + "<t:FieldURI FieldURI=\"message:IsRead\"/><t:Message>"
                        + "<t:IsRead>false</t:IsRead></t:Message></t:SetItemField>"
                        + "<t:DeleteItemField><t:FieldURI FieldURI=\"item:Categories\"/>"
                        + "</t:DeleteItemField>"));
        assertEquals("NoError", r.code(), r.body());
        assertEquals("Renamed", m.subject());
        assertEquals(2, m.toRecipients().size());
        assertFalse(m.isRead());
        String newKey = r.message().required("Items").children().get(0).required("ItemId")
                .attr("ChangeKey");
        assertNotEquals(key, newKey);
        assertEquals(m.changeKey(), newKey);
    }

    @Test
    void staleChangeKeyIsAnIrresolvableConflictUnlessAlwaysOverwrite() {
        Message m = created(ews.call(create("SaveOnly", null, bob.mail())));
        String stale = m.changeKey();
        mailbox.updateMessage(m, ed -> ed.read(false));
        String set = "<t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/><t:Message>"
                + "<t:Subject>Late</t:Subject></t:Message></t:SetItemField>";
        EwsClient.Reply r = ews.call(update(m, stale, "AutoResolve", set));
        assertEquals("ErrorIrresolvableConflict", r.code());
        assertEquals("Plan & budget", m.subject());
        EwsClient.Reply forced = ews.call(update(m, stale, "AlwaysOverwrite", set));
        assertEquals("NoError", forced.code(), forced.body());
        assertEquals("Late", m.subject());
    }

    @Test
    void readOnlyFieldsCannotBeSet() {
        Message m = created(ews.call(create("SaveOnly", null, bob.mail())));
        EwsClient.Reply r = ews.call(update(m, m.changeKey(), "AutoResolve",
                "<t:SetItemField><t:FieldURI FieldURI=\"item:DateTimeReceived\"/><t:Message>"
                        + "<t:DateTimeReceived>2020-01-01T00:00:00Z</t:DateTimeReceived>"
                        + "</t:Message></t:SetItemField>"));
        assertEquals("ErrorInvalidPropertySet", r.code());
    }

    @Test
    void deleteTypesMoveOrRemove() {
        Message a = created(ews.call(create("SaveOnly", null, bob.mail())));
        Message b = created(ews.call(create("SaveOnly", null, bob.mail())));
        EwsClient.Reply r = ews.call("<m:DeleteItem DeleteType=\"MoveToDeletedItems\">"
                + "<m:ItemIds><t:ItemId Id=\"" + EwsIds.toEws(a.id()) + "\"/></m:ItemIds>"
                + "</m:DeleteItem>");
        assertEquals("NoError", r.code(), r.body());
        assertEquals(mailbox.folder(WellKnownFolder.DELETEDITEMS), a.folder());
        EwsClient.Reply hard = ews.call("<m:DeleteItem DeleteType=\"HardDelete\"><m:ItemIds>"
                + "<t:ItemId Id=\"" + EwsIds.toEws(b.id()) + "\"/><t:ItemId Id=\""
                + EwsIds.toEws(b.id()) + "\"/></m:ItemIds></m:DeleteItem>");
        assertEquals(2, hard.messages().size());
        assertEquals("NoError", hard.messages().get(0).childText("ResponseCode"));
        assertEquals("ErrorItemNotFound", hard.messages().get(1).childText("ResponseCode"));
        assertEquals(Optional.empty(), mailbox.message(b.id()));
    }

    @Test
    void moveKeepsTheItemAndCopyMakesANewOne() {
        Message m = created(ews.call(create("SaveOnly", null, bob.mail())));
        EwsClient.Reply moved = ews.call("<m:MoveItem><m:ToFolderId>" + distinguished("inbox")
                + "</m:ToFolderId><m:ItemIds><t:ItemId Id=\"" + EwsIds.toEws(m.id())
                + "\"/></m:ItemIds></m:MoveItem>");
        assertEquals("NoError", moved.code(), moved.body());
        assertEquals(mailbox.folder(WellKnownFolder.INBOX), m.folder());
        EwsClient.Reply copied = ews.call("<m:CopyItem><m:ToFolderId>"
                + distinguished("junkemail") + "</m:ToFolderId><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(m.id()) + "\"/></m:ItemIds></m:CopyItem>");
        assertEquals("NoError", copied.code(), copied.body());
        String copyId = copied.message().required("Items").children().get(0)
                .required("ItemId").attr("Id");
        assertNotEquals(EwsIds.toEws(m.id()), copyId);
        Message copy = mailbox.message(copyId).orElseThrow();
        assertEquals(mailbox.folder(WellKnownFolder.JUNKEMAIL), copy.folder());
        assertEquals(m.subject(), copy.subject());
        assertEquals(mailbox.folder(WellKnownFolder.INBOX), m.folder());
    }

    @Test
    void graphChangesAreSeenThroughEws() {
        Message m = mailbox.messages(mailbox.folder(WellKnownFolder.INBOX)).get(0);
        mailbox.updateMessage(m, ed -> ed.subject("Changed elsewhere"));
        EwsClient.Reply r = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>Default"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\"" + m.id()
                + "\"/></m:ItemIds></m:GetItem>");
        XmlElement item = r.message().required("Items").children().get(0);
        assertEquals("Changed elsewhere", item.childText("Subject"));
        assertEquals(EwsIds.toEws(m.id()), item.required("ItemId").attr("Id"),
                "a Graph id is accepted and answered in the EWS spelling");
    }
}
