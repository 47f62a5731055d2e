package io.exchangejdbc.procedure;

import io.exchangejdbc.graph.GraphActions;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail procedures of {@code Schema=MSGraph}: {@code SendMail}, {@code ForwardMail},
 * {@code ReplyToMessage}, {@code MoveMail} and {@code CopyMail}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-sendmail">sendMail</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-send">message: send</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-reply">message: reply</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-forward">message: forward</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-move">message: move</a>
 */
final class MailProcedures {

    private MailProcedures() {
    }

    /** The five procedures. */
    static List<Procedure> all() {
        return List.of(new SendMail(), new ForwardMail(), new ReplyToMessage(),
                new MoveOrCopy("MoveMail", "move"), new MoveOrCopy("CopyMail", "copy"));
    }

    private static String messagePath(String mailbox, String id) {
        return mailbox + "/messages/" + GraphActions.segment(id);
    }

    /** {@code SendMail}: sendMail with a composed message, or send of a draft. */
    private static final class SendMail extends MailboxProcedure {
        private static final List<String> COMPOSING = List.of("ToRecipients", "CcRecipients",
                "BccRecipients", "Subject", "Content");

        SendMail() {
            super("SendMail");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String draft = text(args, "Id");
            List<AttachmentInput> files = AttachmentInput.from(args, "SendMail", false);
            if (draft != null) {
                for (String p : COMPOSING) {
                    if (text(args, p) != null) {
                        throw new SQLException("SendMail sends the draft Id as it is: leave out "
                                + p + " (change the draft with UPDATE Messages first).",
                                "42000");
                    }
                }
                String path = messagePath(mailbox, draft);
                AttachmentUpload upload = new AttachmentUpload(actions);
                for (AttachmentInput f : files) {
                    upload.attach(path, f);
                }
                actions.post(path + "/send", null, "sending of draft " + draft);
                return row(true, draft);
            }
            List<Recipients.Address> to = Recipients.parse(text(args, "ToRecipients"),
                    "ToRecipients");
            List<Recipients.Address> cc = Recipients.parse(text(args, "CcRecipients"),
                    "CcRecipients");
            List<Recipients.Address> bcc = Recipients.parse(text(args, "BccRecipients"),
                    "BccRecipients");
            if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
                throw new SQLException("SendMail needs ToRecipients, CcRecipients or"
                        + " BccRecipients (or the Id of a draft to send).", "42000");
            }
            String contentType = contentType(text(args, "ContentType"));
            long total = 0;
            for (AttachmentInput f : files) {
                total += f.size();
            }
            if (total >= AttachmentUpload.SESSION_THRESHOLD) {
                throw new SQLException("SendMail sends a new message with attachments of less"
                        + " than 3 MB in all (these have " + total + " bytes). Create a draft"
                        + " (INSERT INTO Messages), then run SendMail with its Id and the"
                        + " attachments: large files then go through an upload session.",
                        "22001");
            }
            String subject = text(args, "Subject");
            Object content = args.get("Content");
            boolean save = !Boolean.FALSE.equals(args.get("SaveToSentItems"));
            byte[][] bytes = new byte[files.size()][];
            for (int i = 0; i < files.size(); i++) {
                bytes[i] = files.get(i).readAll();
            }
            byte[] body = ActionJson.object(g -> {
                g.writeObjectFieldStart("message");
                if (subject != null) {
                    g.writeStringField("subject", subject);
                }
                g.writeObjectFieldStart("body");
                g.writeStringField("contentType", contentType);
                g.writeStringField("content", content == null ? "" : content.toString());
                g.writeEndObject();
                Recipients.write(g, "toRecipients", to);
                if (!cc.isEmpty()) {
                    Recipients.write(g, "ccRecipients", cc);
                }
                if (!bcc.isEmpty()) {
                    Recipients.write(g, "bccRecipients", bcc);
                }
                if (!files.isEmpty()) {
                    g.writeArrayFieldStart("attachments");
                    for (int i = 0; i < files.size(); i++) {
                        g.writeStartObject();
                        g.writeStringField("@odata.type", "#microsoft.graph.fileAttachment");
                        g.writeStringField("name", files.get(i).name());
                        g.writeStringField("contentType", files.get(i).contentType());
                        g.writeStringField("contentBytes",
                                java.util.Base64.getEncoder().encodeToString(bytes[i]));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeBooleanField("saveToSentItems", save);
            });
            actions.post(mailbox + "/sendMail", body, "sending of the message");
            return row(true, null);
        }

        private static String contentType(String given) throws SQLException {
            if (given == null || given.equalsIgnoreCase("text")) {
                return "Text";
            }
            if (given.equalsIgnoreCase("html")) {
                return "HTML";
            }
            throw new SQLException("ContentType must be Text or HTML, not '" + given + "'.",
                    "22023");
        }
    }

    /** {@code ForwardMail}: forward with a comment to new recipients. */
    private static final class ForwardMail extends MailboxProcedure {
        ForwardMail() {
            super("ForwardMail");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String id = text(args, "MessageId");
            List<Recipients.Address> to = Recipients.parse(text(args, "ToRecipients"),
                    "ToRecipients");
            if (to.isEmpty()) {
                throw new SQLException("ForwardMail needs at least one address in"
                        + " ToRecipients.", "42000");
            }
            Object comment = args.get("Comment");
            byte[] body = ActionJson.object(g -> {
                g.writeStringField("comment", comment == null ? "" : comment.toString());
                Recipients.write(g, "toRecipients", to);
            });
            actions.post(messagePath(mailbox, id) + "/forward", body,
                    "forwarding of message " + id);
            return row(true);
        }
    }

    /** {@code ReplyToMessage}: reply or reply-all with a comment. */
    private static final class ReplyToMessage extends MailboxProcedure {
        ReplyToMessage() {
            super("ReplyToMessage");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String id = text(args, "MessageId");
            Object comment = args.get("Comment");
            boolean all = flag(args, "ToAll");
            byte[] body = ActionJson.object(g -> g.writeStringField("comment",
                    comment == null ? "" : comment.toString()));
            actions.post(messagePath(mailbox, id) + (all ? "/replyAll" : "/reply"), body,
                    (all ? "reply to all of message " : "reply to message ") + id);
            return row(true);
        }
    }

    /** {@code MoveMail} and {@code CopyMail}: the message's new id comes back. */
    private static final class MoveOrCopy extends MailboxProcedure {
        private final String action;

        MoveOrCopy(String name, String action) {
            super(name);
            this.action = action;
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String id = text(args, "MessageId");
            String destination = text(args, "DestinationFolderId");
            String what = action + " of message " + id + " to " + destination;
            byte[] body = ActionJson.object(g -> g.writeStringField("destinationId",
                    wellKnown(destination)));
            GraphActions.Reply r = actions.post(messagePath(mailbox, id) + "/" + action, body,
                    what);
            String newId = ActionJson.text(ActionJson.read(r.body(), what), "id");
            return row(true, newId);
        }

        /** Well-known folder names as Graph spells them; ids are left as they are. */
        private static String wellKnown(String destination) {
            String compact = destination.replace(" ", "").toLowerCase(Locale.ROOT);
            switch (compact) {
                case "inbox":
                case "drafts":
                case "sentitems":
                case "deleteditems":
                case "junkemail":
                case "archive":
                case "outbox":
                case "msgfolderroot":
                case "conversationhistory":
                    return compact;
                default:
                    return destination;
            }
        }
    }
}
