package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnType.BIGINT;
import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.VARBINARY;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;

import java.util.List;

/**
 * The stored procedures of {@code Schema=MSGraph} that act on mail and its attachments, declared
 * once: parameters and result columns.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-sendmail">sendMail</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-send">message: send</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-reply">message: reply</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-forward">message: forward</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-move">message: move</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-copy">message: copy</a>
 * @see <a href="https://learn.microsoft.com/graph/outlook-large-attachments">Attach large files
 *     to Outlook messages or events</a>
 */
final class GraphMailProcedures {

    private static final String RECIPIENT_LIST = " Addresses separated by ';', each"
            + " 'address' or 'Name <address>'.";

    private GraphMailProcedures() {
    }

    static List<ProcedureDef> procedures() {
        return List.of(
                new ProcedureDef("SendMail",
                        "Sends a new message composed from the parameters (POST sendMail; a"
                                + " copy is kept in Sent Items unless SaveToSentItems is false),"
                                + " or sends the existing draft Id (POST messages/{Id}/send),"
                                + " first adding any attachments given to it (files of 3 MB or"
                                + " more through an upload session).",
                        List.of(
                                p("ToRecipients", VARCHAR, "The To recipients." + RECIPIENT_LIST),
                                p("CcRecipients", VARCHAR, "The Cc recipients." + RECIPIENT_LIST),
                                p("BccRecipients", VARCHAR,
                                        "The Bcc recipients." + RECIPIENT_LIST),
                                p("Subject", VARCHAR, "The subject."),
                                p("Content", VARCHAR, "The body."),
                                new ProcedureDef.Parameter("ContentType", VARCHAR, false, "Text",
                                        "The body's format: Text or HTML."),
                                p("Attachments", VARCHAR, "Local files to attach, paths"
                                        + " separated by ';'. A new message takes files of"
                                        + " less than 3 MB in all; larger files go on a draft"
                                        + " (Id)."),
                                p("AttachmentName", VARCHAR, "The file name of an attachment"
                                        + " given by its bytes in AttachmentContent."),
                                p("AttachmentContent", VARBINARY, "The bytes of the attachment"
                                        + " named AttachmentName: binary, or text in base64."),
                                p("Id", VARCHAR, "The id of a draft to send instead of"
                                        + " composing one; the composing parameters must then"
                                        + " be left out (attachments may be given)."),
                                new ProcedureDef.Parameter("SaveToSentItems", BOOLEAN, false,
                                        true, "Whether a new message is kept in Sent Items."),
                                userId()),
                        List.of(success(), new ProcedureDef.ResultColumn("Id", VARCHAR,
                                "The id of the sent draft (the same id in Sent Items); null"
                                        + " for a new message, which sendMail does not"
                                        + " return."))),
                new ProcedureDef("ForwardMail",
                        "Forwards a message with its attachments to new recipients, with an"
                                + " optional comment above it (POST messages/{id}/forward).",
                        List.of(
                                required("MessageId", "The id of the message to forward."),
                                required("ToRecipients", "The recipients." + RECIPIENT_LIST),
                                p("Comment", VARCHAR, "Text written above the forwarded"
                                        + " message."),
                                userId()),
                        List.of(success())),
                new ProcedureDef("ReplyToMessage",
                        "Replies to the sender of a message (its Reply-To addresses when it"
                                + " has them), or with ToAll to every recipient as well (POST"
                                + " messages/{id}/reply or replyAll).",
                        List.of(
                                required("MessageId", "The id of the message to reply to."),
                                p("Comment", VARCHAR, "The text of the reply."),
                                new ProcedureDef.Parameter("ToAll", BOOLEAN, false, false,
                                        "Reply to all recipients (replyAll) instead of the"
                                                + " sender only."),
                                userId()),
                        List.of(success())),
                new ProcedureDef("MoveMail",
                        "Moves a message to another folder (POST messages/{id}/move). With"
                                + " the immutable ids the driver asks for, the id stays the"
                                + " same.",
                        List.of(
                                required("MessageId", "The id of the message to move."),
                                required("DestinationFolderId", "The id of the folder, or a"
                                        + " well-known name: Inbox, Drafts, SentItems,"
                                        + " DeletedItems, JunkEmail, Archive, ..."),
                                userId()),
                        List.of(success(), new ProcedureDef.ResultColumn("Id", VARCHAR,
                                "The id of the message in its new folder."))),
                new ProcedureDef("CopyMail",
                        "Copies a message into a folder (POST messages/{id}/copy); the copy"
                                + " has an id of its own.",
                        List.of(
                                required("MessageId", "The id of the message to copy."),
                                required("DestinationFolderId", "The id of the folder, or a"
                                        + " well-known name: Inbox, Drafts, SentItems,"
                                        + " DeletedItems, JunkEmail, Archive, ..."),
                                userId()),
                        List.of(success(), new ProcedureDef.ResultColumn("Id", VARCHAR,
                                "The id of the copy."))),
                new ProcedureDef("AddAttachments",
                        "Attaches files to a message or an event: files under 3 MB in one"
                                + " POST to its attachments, larger ones (up to 150 MB)"
                                + " through an upload session, in ranges of at most 4 MB sent"
                                + " without the Graph token. One row per file attached.",
                        List.of(
                                p("MessageId", VARCHAR, "The message to attach to (or"
                                        + " EventId)."),
                                p("EventId", VARCHAR, "The event to attach to (or"
                                        + " MessageId)."),
                                p("Attachments", VARCHAR,
                                        "Local files to attach, paths separated by ';'."),
                                p("AttachmentName", VARCHAR, "The file name of an attachment"
                                        + " given by its bytes in AttachmentContent."),
                                p("AttachmentContent", VARBINARY, "The bytes of the attachment"
                                        + " named AttachmentName: binary, or text in base64."),
                                p("ContentType", VARCHAR, "The MIME type of the attachments;"
                                        + " default: guessed from each file name."),
                                userId()),
                        List.of(
                                new ProcedureDef.ResultColumn("Id", VARCHAR,
                                        "The attachment's id."),
                                new ProcedureDef.ResultColumn("Name", VARCHAR,
                                        "The file name."),
                                new ProcedureDef.ResultColumn("Size", BIGINT,
                                        "The size in bytes."),
                                new ProcedureDef.ResultColumn("Method", VARCHAR,
                                        "How it was sent: POST or UploadSession."))),
                new ProcedureDef("DeleteAttachment",
                        "Deletes an attachment of a message or an event (DELETE"
                                + " .../attachments/{id}).",
                        List.of(
                                p("MessageId", VARCHAR, "The message (or EventId)."),
                                p("EventId", VARCHAR, "The event (or MessageId)."),
                                required("AttachmentId", "The id of the attachment."),
                                userId()),
                        List.of(success())),
                new ProcedureDef("DownloadAttachments",
                        "Downloads the attachments of a message or an event (or only"
                                + " AttachmentId) as raw bytes (.../attachments/{id}/$value):"
                                + " into files in DownloadLocation when it is given, else in"
                                + " the Content column. One row per attachment.",
                        List.of(
                                p("MessageId", VARCHAR, "The message (or EventId)."),
                                p("EventId", VARCHAR, "The event (or MessageId)."),
                                p("AttachmentId", VARCHAR, "Only this attachment."),
                                p("DownloadLocation", VARCHAR, "An existing folder to write the"
                                        + " files to, each under its attachment name."),
                                new ProcedureDef.Parameter("Overwrite", BOOLEAN, false, false,
                                        "Replace files that exist in DownloadLocation; without"
                                                + " it an existing file stops the download"
                                                + " before anything is written."),
                                userId()),
                        List.of(
                                new ProcedureDef.ResultColumn("Id", VARCHAR,
                                        "The attachment's id."),
                                new ProcedureDef.ResultColumn("Name", VARCHAR,
                                        "The file name."),
                                new ProcedureDef.ResultColumn("ContentType", VARCHAR,
                                        "The MIME type."),
                                new ProcedureDef.ResultColumn("Size", BIGINT,
                                        "The size in bytes."),
                                new ProcedureDef.ResultColumn("FilePath", VARCHAR,
                                        "The file written, when DownloadLocation is given."),
                                new ProcedureDef.ResultColumn("Content", VARBINARY,
                                        "The bytes, when DownloadLocation is not given."))));
    }

    private static ProcedureDef.Parameter p(String name, ColumnType type, String description) {
        return new ProcedureDef.Parameter(name, type, false, null, description);
    }

    private static ProcedureDef.Parameter required(String name, String description) {
        return new ProcedureDef.Parameter(name, VARCHAR, true, null, description);
    }

    private static ProcedureDef.Parameter userId() {
        return p("UserId", VARCHAR, "The mailbox to act on: a user principal name, an email"
                + " address or a user id. Default: the UserId property, else the signed-in"
                + " user.");
    }

    private static ProcedureDef.ResultColumn success() {
        return new ProcedureDef.ResultColumn("Success", BOOLEAN,
                "True when the service accepted the action.");
    }
}
