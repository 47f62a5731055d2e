package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.TIMESTAMP;
import static io.exchangejdbc.schema.ColumnType.VARBINARY;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored procedures of {@code Schema=EWS}, declared once: parameters and result columns.
 * The OAuth procedures are the same as Microsoft Graph's (EWS in Exchange Online signs in the
 * same way).
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-operations-in-exchange">
 *     EWS operations in Exchange</a>
 */
final class EwsProcedures {

    private EwsProcedures() {
    }

    private static ProcedureDef.Parameter in(String name, ColumnType type, boolean required,
            String description) {
        return new ProcedureDef.Parameter(name, type, required, null, description);
    }

    private static ProcedureDef.ResultColumn out(String name, ColumnType type,
            String description) {
        return new ProcedureDef.ResultColumn(name, type, description);
    }

    private static final ProcedureDef.ResultColumn SUCCESS =
            out("Success", BOOLEAN, "True when Exchange accepted the request.");

    static List<ProcedureDef> procedures() {
        List<ProcedureDef> all = new ArrayList<>();
        all.add(new ProcedureDef("SendMail",
                "Composes a message and sends it (CreateItem with SendAndSaveCopy), keeping a"
                        + " copy in Sent Items.",
                List.of(in("ToRecipients", VARCHAR, true,
                                "Addresses of the To recipients, separated by ';'."),
                        in("CcRecipients", VARCHAR, false, "Cc addresses, separated by ';'."),
                        in("BccRecipients", VARCHAR, false, "Bcc addresses, separated by ';'."),
                        in("Subject", VARCHAR, false, "Subject."),
                        in("Content", VARCHAR, false, "Body."),
                        new ProcedureDef.Parameter("ContentType", VARCHAR, false, "Text",
                                "Format of Content: Text (default) or HTML.")),
                List.of(SUCCESS)));
        all.add(new ProcedureDef("SendItem",
                "Sends an existing draft (SendItem), keeping a copy in Sent Items.",
                List.of(in("ItemId", VARCHAR, true, "Id of the draft."),
                        in("ChangeKey", VARCHAR, false, "Change key of the draft.")),
                List.of(SUCCESS)));
        for (String op : new String[] {"MoveItem", "CopyItem"}) {
            all.add(new ProcedureDef(op,
                    (op.equals("MoveItem") ? "Moves" : "Copies") + " an item to another"
                            + " folder (" + op + ").",
                    List.of(in("ItemId", VARCHAR, true, "Id of the item."),
                            in("DestinationFolder", VARCHAR, true, "A distinguished folder"
                                    + " (Inbox, DeletedItems, ...) or a folder id.")),
                    List.of(out("ItemId", VARCHAR, "Id of the item in its new folder (null"
                            + " when Exchange does not return it)."))));
        }
        all.add(new ProcedureDef("GetAttachment",
                "Reads attachments by id (GetAttachment), with their content.",
                List.of(in("AttachmentIds", VARCHAR, true,
                        "Attachment ids separated by ';' (see the Attachments_Ids column).")),
                List.of(out("AttachmentId", VARCHAR, "Id of the attachment."),
                        out("Name", VARCHAR, "File name."),
                        out("ContentType", VARCHAR, "MIME type."),
                        out("Content", VARBINARY, "The bytes of the file."))));
        all.add(new ProcedureDef("CreateAttachments",
                "Adds a file attachment to an item (CreateAttachment): the bytes given, or a"
                        + " local file.",
                List.of(in("ItemId", VARCHAR, true, "Id of the item."),
                        in("Name", VARCHAR, false, "File name; default the local file's name."),
                        in("Content", VARBINARY, false, "The bytes (or ContentBase64)."),
                        in("ContentBase64", VARCHAR, false, "The bytes in base64."),
                        in("LocalFile", VARCHAR, false, "Path of a local file to attach.")),
                List.of(out("AttachmentId", VARCHAR, "Id of the new attachment."))));
        all.add(new ProcedureDef("DeleteAttachment",
                "Deletes an attachment (DeleteAttachment).",
                List.of(in("AttachmentId", VARCHAR, true, "Id of the attachment.")),
                List.of(out("ItemId", VARCHAR, "Id of the item it belonged to."))));
        List<ProcedureDef.ResultColumn> oof = List.of(
                out("OofState", VARCHAR, "Enabled, Disabled or Scheduled."),
                out("ExternalAudience", VARCHAR, "None, Known or All."),
                out("StartTime", TIMESTAMP, "Start of a scheduled absence (UTC)."),
                out("EndTime", TIMESTAMP, "End of a scheduled absence (UTC)."),
                out("InternalReply", VARCHAR, "Reply sent inside the organization."),
                out("ExternalReply", VARCHAR, "Reply sent outside the organization."));
        all.add(new ProcedureDef("GetUserOofSettings",
                "Reads a mailbox's out-of-office settings (GetUserOofSettings).",
                List.of(in("Mailbox", VARCHAR, false,
                        "SMTP address; default the User property.")),
                oof));
        all.add(new ProcedureDef("SetUserOofSettings",
                "Sets a mailbox's out-of-office settings (SetUserOofSettings).",
                List.of(in("Mailbox", VARCHAR, false, "SMTP address; default User."),
                        in("OofState", VARCHAR, true, "Enabled, Disabled or Scheduled."),
                        new ProcedureDef.Parameter("ExternalAudience", VARCHAR, false, "None",
                                "None (default), Known or All."),
                        in("StartTime", TIMESTAMP, false, "Start (UTC) when Scheduled."),
                        in("EndTime", TIMESTAMP, false, "End (UTC) when Scheduled."),
                        in("InternalReply", VARCHAR, false, "Reply inside the organization."),
                        in("ExternalReply", VARCHAR, false, "Reply outside it.")),
                List.of(SUCCESS)));
        all.add(new ProcedureDef("GetUserAvailability",
                "Reads when mailboxes are busy in a window (GetUserAvailability).",
                List.of(in("Emails", VARCHAR, true, "Addresses separated by ';'."),
                        in("StartTime", TIMESTAMP, true, "Start of the window (UTC)."),
                        in("EndTime", TIMESTAMP, true, "End of the window (UTC).")),
                List.of(out("Email", VARCHAR, "The mailbox."),
                        out("StartTime", TIMESTAMP, "Start of the busy interval (UTC)."),
                        out("EndTime", TIMESTAMP, "End of the busy interval (UTC)."),
                        out("BusyType", VARCHAR, "Free, Tentative, Busy, OOF, ..."))));
        List<ProcedureDef.ResultColumn> address = List.of(
                out("Name", VARCHAR, "Display name."),
                out("EmailAddress", VARCHAR, "Email address."),
                out("RoutingType", VARCHAR, "Address type, usually SMTP."),
                out("MailboxType", VARCHAR, "Kind of mailbox."));
        all.add(new ProcedureDef("GetRoomLists",
                "Lists the room lists of the organization (GetRoomLists).", List.of(), address));
        all.add(new ProcedureDef("GetRooms", "Lists the rooms of a room list (GetRooms).",
                List.of(in("RoomListEmail", VARCHAR, true, "Address of the room list.")),
                address));
        for (ProcedureDef p : GraphProcedures.procedures()) {
            if (p.name().startsWith("GetOAuth") || p.name().startsWith("RefreshOAuth")) {
                all.add(p);
            }
        }
        return all;
    }
}
