package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * CreateAttachment, GetAttachment and DeleteAttachment for file attachments of messages. An
 * attachment id names its message, so it is found without an index; content uploaded through
 * EWS is kept in the store, content of generated attachments is made up from their name and
 * size the same way the Graph front does.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getattachment-operation">GetAttachment operation</a>
 */
final class Attachments {

    private Attachments() {
    }

    private static EwsException attempt(Runnable work) {
        try {
            work.run();
            return null;
        } catch (EwsException e) {
            if (e.isFault()) {
                throw e;
            }
            return e;
        }
    }

    /** A located attachment. */
    private record Found(Message message, int index) {
        Attachment attachment() {
            return message.attachments().get(index);
        }
    }

    private static Found find(EwsContext ctx, String id) {
        String messageId = id == null ? null : ItemIds.messageIdOfAttachment(id);
        if (messageId == null) {
            throw EwsException.of("ErrorInvalidIdMalformed", "Id is malformed.");
        }
        for (User u : ctx.tenant().users()) {
            Optional<Message> m = ctx.tenant().mailbox(u).message(messageId);
            if (m.isPresent()) {
                if (!ctx.mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                int index = m.get().attachmentIndex(EwsIds.toStore(id));
                if (index < 0) {
                    break;
                }
                return new Found(m.get(), index);
            }
        }
        throw EwsException.of("ErrorInvalidAttachmentId",
                "The attachment id does not name an attachment of this store.");
    }

    /** The content of an attachment: what was uploaded, or made up from name and size. */
    static byte[] content(Message m, Attachment a) {
        return m.mailbox().attachmentContent(a).orElseGet(() -> {
            byte[] seed = (a.name() + " " + m.subject() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = seed[i % seed.length];
            }
            return out;
        });
    }

    private static void writeId(EwsWriter w, Message m, int index) {
        w.start("t:AttachmentId").attr("Id", EwsIds.toEws(m.attachmentId(index)))
                .attr("RootItemId", EwsIds.toEws(m.id()))
                .attr("RootItemChangeKey", m.changeKey()).end();
    }

    /** CreateAttachment. */
    static final class Create implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            Message parent = ctx.message(req.required("ParentItemId"));
            w.start("m:ResponseMessages");
            for (XmlElement a : req.required("Attachments").children()) {
                int[] made = {-1};
                EwsException error = attempt(() -> {
                    if (!a.name().equals("FileAttachment")) {
                        throw EwsException.of("ErrorInvalidItemForOperationCreateItemAttachment",
                                "This server takes file attachments only.");
                    }
                    String name = a.childText("Name");
                    if (name == null || name.isEmpty()) {
                        throw EwsException.of("ErrorCannotOpenFileAttachment",
                                "The attachment needs a name.");
                    }
                    byte[] content;
                    try {
                        content = Base64.getMimeDecoder().decode(a.childText("Content") == null
                                ? "" : a.childText("Content"));
                    } catch (IllegalArgumentException e) {
                        throw EwsException.schema("The attachment content is not base64.");
                    }
                    String type = a.childText("ContentType");
                    boolean inline = "true".equals(a.childText("IsInline"));
                    parent.mailbox().addAttachment(parent, name,
                            type == null ? "application/octet-stream" : type, inline, content);
                    made[0] = parent.attachments().size() - 1;
                });
                ResponseMessages.write(w, "m:CreateAttachmentResponseMessage", error, ok -> {
                    w.start("m:Attachments");
                    if (ok) {
                        w.start("t:FileAttachment");
                        writeId(w, parent, made[0]);
                        w.end();
                    }
                    w.end();
                });
            }
            w.end();
        }
    }

    /** GetAttachment. */
    static final class Get implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("AttachmentIds").children()) {
                List<Found> found = new ArrayList<>();
                EwsException error = attempt(() -> found.add(find(ctx, id.attr("Id"))));
                ResponseMessages.write(w, "m:GetAttachmentResponseMessage", error, ok -> {
                    w.start("m:Attachments");
                    if (ok) {
                        Found f = found.get(0);
                        Attachment a = f.attachment();
                        w.start("t:FileAttachment");
                        writeId(w, f.message(), f.index());
                        w.leaf("t:Name", a.name()).leaf("t:ContentType", a.contentType())
                                .leaf("t:Size", a.size())
                                .leaf("t:LastModifiedTime", f.message().lastModifiedDateTime())
                                .leaf("t:IsInline", a.inline()).leaf("t:IsContactPhoto", false)
                                .leaf("t:Content", Base64.getEncoder().encodeToString(
                                        content(f.message(), a)));
                        w.end();
                    }
                    w.end();
                });
            }
            w.end();
        }
    }

    /** DeleteAttachment. */
    static final class Delete implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("AttachmentIds").children()) {
                List<Message> root = new ArrayList<>();
                EwsException error = attempt(() -> {
                    Found f = find(ctx, id.attr("Id"));
                    f.message().mailbox().removeAttachment(f.message(), f.index());
                    root.add(f.message());
                });
                ResponseMessages.write(w, "m:DeleteAttachmentResponseMessage", error, ok -> {
                    if (ok) {
                        Message m = root.get(0);
                        w.start("m:RootItemId").attr("RootItemId", EwsIds.toEws(m.id()))
                                .attr("RootItemChangeKey", m.changeKey()).end();
                    }
                });
            }
            w.end();
        }
    }
}
