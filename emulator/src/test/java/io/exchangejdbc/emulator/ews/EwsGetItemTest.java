package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GetItem: bodies, recipients and attachments, and per-item errors in a batch. */
class EwsGetItemTest {

    private static Emulator emu;
    private static User adele;
    private static Mailbox mailbox;
    private static Message message;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(9).users(2).messagesPerUser(10).build().start();
        adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        message = mailbox.addMessage(mailbox.folder(WellKnownFolder.INBOX), Message.builder()
                .receivedDateTime(Instant.parse("2026-11-20T08:30:00Z")).subject("Invoice")
                .body(ItemBody.html("<html><body><p>Pay <b>now</b></p></body></html>"))
                .from(new EmailAddress("Billing", "billing@fabrikam.com"))
                .to(new EmailAddress(adele.displayName(), adele.mail()))
                .cc(new EmailAddress("Team", "team@contoso.com"))
                .attachments(new Attachment("invoice.pdf", "application/pdf", 2048, false)));
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void getItemReturnsBodyRecipientsAndAttachments() {
        EwsClient.Reply r = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(message.id()) + "\"/></m:ItemIds></m:GetItem>");
        assertEquals("NoError", r.code(), r.body());
        XmlElement item = r.message().required("Items").required("Message");
        XmlElement body = item.required("Body");
        assertEquals("HTML", body.attr("BodyType"));
        assertTrue(body.rawText().contains("<b>now</b>"));
        assertEquals("billing@fabrikam.com", item.required("From").required("Mailbox")
                .childText("EmailAddress"));
        assertEquals(adele.mail(), item.required("ToRecipients").required("Mailbox")
                .childText("EmailAddress"));
        assertEquals("team@contoso.com", item.required("CcRecipients").required("Mailbox")
                .childText("EmailAddress"));
        XmlElement att = item.required("Attachments").required("FileAttachment");
        assertEquals("invoice.pdf", att.childText("Name"));
        assertEquals("2048", att.childText("Size"));
        assertEquals(EwsIds.toEws(message.attachmentId(0)), att.required("AttachmentId")
                .attr("Id"));
        assertEquals("true", item.childText("HasAttachments"));
        assertEquals(message.internetMessageId(), item.childText("InternetMessageId"));
    }

    @Test
    void eachIdOfABatchSucceedsOrFailsOnItsOwn() {
        User other = emu.tenant().users().get(1);
        Message notMine = emu.store().mailbox(other.userPrincipalName()).messages().get(0);
        EwsClient.Reply r = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(message.id()) + "\"/><t:ItemId Id=\"not-an-id\"/>"
                + "<t:ItemId Id=\"" + EwsIds.toEws(notMine.id()) + "\"/></m:ItemIds>"
                + "</m:GetItem>");
        List<XmlElement> msgs = r.messages();
        assertEquals(3, msgs.size());
        assertEquals("NoError", msgs.get(0).childText("ResponseCode"));
        assertEquals("ErrorInvalidIdMalformed", msgs.get(1).childText("ResponseCode"));
        assertEquals("ErrorAccessDenied", msgs.get(2).childText("ResponseCode"));
        assertTrue(msgs.get(2).required("Items").children().isEmpty());
    }
}
