package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CreateAttachment, GetAttachment and DeleteAttachment over real HTTP. */
class EwsAttachmentsTest {

    private static Emulator emu;
    private static Mailbox mailbox;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(4).users(2).messagesPerUser(5).build().start();
        User adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void createGetAndDeleteAFileAttachment() {
        Message m = mailbox.addMessage(mailbox.folder(WellKnownFolder.DRAFTS), Message.builder()
                .receivedDateTime(Instant.parse("2026-11-30T12:00:00Z")).subject("With file")
                .body(ItemBody.text("see attached")).draft(true)
                .attachments(new Attachment("old.txt", "text/plain", 10, false)));
        String keyBefore = m.changeKey();
        byte[] content = "quarterly numbers\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        EwsClient.Reply c = ews.call("<m:CreateAttachment><m:ParentItemId Id=\""
                + EwsIds.toEws(m.id()) + "\"/><m:Attachments><t:FileAttachment>"
                + "<t:Name>numbers.csv</t:Name><t:ContentType>text/csv</t:ContentType>"
                + "<t:Content>" + Base64.getEncoder().encodeToString(content) + "</t:Content>"
                + "</t:FileAttachment></m:Attachments></m:CreateAttachment>");
        assertEquals("NoError", c.code(), c.body());
        XmlElement id = c.message().required("Attachments").required("FileAttachment")
                .required("AttachmentId");
        assertEquals(EwsIds.toEws(m.id()), id.attr("RootItemId"));
        assertNotEquals(keyBefore, id.attr("RootItemChangeKey"));
        assertEquals(2, m.attachments().size());
        assertEquals(content.length, m.attachments().get(1).size());

        EwsClient.Reply g = ews.call("<m:GetAttachment><m:AttachmentIds><t:AttachmentId Id=\""
                + id.attr("Id") + "\"/><t:AttachmentId Id=\"" + EwsIds.toEws(m.attachmentId(0))
                + "\"/><t:AttachmentId Id=\"AAAA\"/></m:AttachmentIds></m:GetAttachment>");
        XmlElement got = g.messages().get(0).required("Attachments").required("FileAttachment");
        assertEquals("numbers.csv", got.childText("Name"));
        assertEquals("text/csv", got.childText("ContentType"));
        assertArrayEquals(content, Base64.getDecoder().decode(got.childText("Content")));
        XmlElement generated = g.messages().get(1).required("Attachments")
                .required("FileAttachment");
        assertEquals(10, Base64.getDecoder().decode(generated.childText("Content")).length);
        assertEquals("ErrorInvalidIdMalformed", g.messages().get(2).childText("ResponseCode"));

        EwsClient.Reply d = ews.call("<m:DeleteAttachment><m:AttachmentIds><t:AttachmentId Id=\""
                + EwsIds.toEws(m.attachmentId(0)) + "\"/></m:AttachmentIds>"
                + "</m:DeleteAttachment>");
        assertEquals("NoError", d.code(), d.body());
        assertEquals(m.changeKey(), d.message().required("RootItemId")
                .attr("RootItemChangeKey"));
        assertEquals(1, m.attachments().size());
        assertEquals("numbers.csv", m.attachments().get(0).name());
        assertArrayEquals(content, mailbox.attachmentContent(m.attachments().get(0))
                .orElseThrow());
    }
}
