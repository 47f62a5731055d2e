package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnSpec.LONG_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.UNBOUNDED_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.col;
import static io.exchangejdbc.schema.ColumnSpec.pseudo;
import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.DOUBLE;
import static io.exchangejdbc.schema.ColumnType.INTEGER;
import static io.exchangejdbc.schema.ColumnType.TIMESTAMP;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;
import static io.exchangejdbc.schema.FilterOp.COMPARABLE;
import static io.exchangejdbc.schema.FilterOp.CONTAINS;
import static io.exchangejdbc.schema.FilterOp.EQ;
import static io.exchangejdbc.schema.FilterOp.NE;
import static io.exchangejdbc.schema.FilterOp.NULL_CHECK;
import static io.exchangejdbc.schema.FilterOp.STARTS_WITH;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of {@code Schema=EWS}, declared once: a table per distinguished folder, the folder
 * tree, attendees, modified occurrences and rooms. Column names are the EWS schema's element
 * names, recipients flattened as {@code ToRecipients_Names} / {@code ToRecipients_EmailAddresses}
 * (values separated by {@code ;}).
 *
 * <p>A column's path is its EWS property path: the {@code FieldURI} first
 * ({@code item:Subject}, {@code message:IsRead}, {@code calendar:Start}), then which part of the
 * element holds the value: nothing for the element's text, {@code @Id} / {@code @ChangeKey} /
 * {@code @BodyType} for an attribute, {@code Name} / {@code EmailAddress} for a single mailbox,
 * {@code Names} / {@code EmailAddresses} for a list of mailboxes or attendees, {@code Strings} for
 * a list of strings, and {@code [Key]} for an entry of an indexed property
 * ({@code contacts:EmailAddress} {@code [EmailAddress1]}). Columns declared
 * {@link ColumnSpec#singleItemOnly() single-item only} are the ones FindItem does not return;
 * they are read with GetItem.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/fielduri">
 *     FieldURI</a>
 */
final class EwsCatalog {

    private static final String DOCS =
            "https://learn.microsoft.com/exchange/client-developer/web-service-reference/";

    private EwsCatalog() {
    }

    static List<TableSpec> tables() {
        List<TableSpec> t = new ArrayList<>();
        t.add(messages("Inbox", "inbox", "the Inbox"));
        t.add(calendar());
        t.add(contacts());
        t.add(tasks());
        t.add(messages("SentItems", "sentitems", "Sent Items"));
        t.add(messages("DeletedItems", "deleteditems", "Deleted Items"));
        t.add(messages("Drafts", "drafts", "Drafts"));
        t.add(messages("Outbox", "outbox", "the Outbox"));
        t.add(messages("JunkEmail", "junkemail", "Junk Email"));
        t.add(folders());
        t.add(attendees("Calendar_RequiredAttendees", EwsSource.Kind.REQUIRED_ATTENDEES,
                "required"));
        t.add(attendees("Calendar_OptionalAttendees", EwsSource.Kind.OPTIONAL_ATTENDEES,
                "optional"));
        t.add(modifiedOccurrences());
        t.add(rooms());
        t.add(roomLists());
        return t;
    }

    // ---- columns ------------------------------------------------------------------------------

    /** A property read from the element named by the FieldURI (or a part of it). */
    private static ColumnSpec f(String name, ColumnType type, String fieldUri, String... part) {
        String[] path = new String[part.length + 1];
        path[0] = fieldUri;
        System.arraycopy(part, 0, path, 1, part.length);
        return col(name, type).path(path);
    }

    private static ColumnSpec itemId() {
        return f("ItemId", VARCHAR, "item:ItemId", "@Id").key().filter(EQ)
                .describe("Unique id of the item in its mailbox (EWS ItemId).");
    }

    private static ColumnSpec changeKey() {
        return f("ChangeKey", VARCHAR, "item:ItemId", "@ChangeKey").readOnly()
                .describe("Version of the item: changes with every update. UPDATE and DELETE"
                        + " send it; when a statement does not give it, the driver reads it.");
    }

    private static ColumnSpec parentFolderId() {
        return f("ParentFolderId", VARCHAR, "item:ParentFolderId", "@Id").filter(EQ).readOnly()
                .describe("Id of the folder holding the item. WHERE ParentFolderId = '...'"
                        + " reads that folder (a subfolder) instead of the table's folder.");
    }

    private static List<ColumnSpec> mailboxScope() {
        return List.of(
                pseudo("ImpersonationUser", VARCHAR).filter(EQ)
                        .describe("Input only: act as this user through Exchange impersonation"
                                + " for this query (overrides the ImpersonationUser property)."),
                pseudo("ImpersonationType", VARCHAR).filter(EQ)
                        .describe("Input only: how ImpersonationUser identifies the user:"
                                + " PrincipalName, SID, PrimarySmtpAddress or SmtpAddress."),
                pseudo("SharedMailboxEmail", VARCHAR).filter(EQ)
                        .describe("Input only: read this shared or delegated mailbox's folder"
                                + " (its SMTP address) instead of the signed-in user's."));
    }

    private static List<ColumnSpec> itemCommon() {
        return List.of(
                f("ItemClass", VARCHAR, "item:ItemClass").filter(EQ, NE, STARTS_WITH)
                        .describe("Message class of the item, such as IPM.Note."),
                f("Subject", VARCHAR, "item:Subject").size(LONG_TEXT)
                        .filter(EQ, NE, STARTS_WITH, CONTAINS, NULL_CHECK).sortable()
                        .describe("Subject of the item."),
                f("Sensitivity", VARCHAR, "item:Sensitivity").filter(EQ, NE)
                        .describe("Normal, Personal, Private or Confidential."),
                f("Body", VARCHAR, "item:Body").size(UNBOUNDED_TEXT).singleItemOnly()
                        .describe("Body of the item, in the format BodyType says (read with"
                                + " GetItem)."),
                f("BodyType", VARCHAR, "item:Body", "@BodyType").singleItemOnly().readOnly()
                        .describe("Format of Body: HTML or Text."),
                f("Attachments_Names", VARCHAR, "item:Attachments", "Names").singleItemOnly()
                        .size(UNBOUNDED_TEXT).readOnly()
                        .describe("Names of the item's attachments, separated by ';' (read with"
                                + " GetItem)."),
                f("Attachments_Ids", VARCHAR, "item:Attachments", "AttachmentIds")
                        .singleItemOnly().size(UNBOUNDED_TEXT).readOnly()
                        .describe("Ids of the item's attachments, separated by ';', for"
                                + " GetAttachment and DeleteAttachment."),
                f("DateTimeReceived", TIMESTAMP, "item:DateTimeReceived").readOnly()
                        .filter(COMPARABLE).filter(NULL_CHECK).sortable()
                        .describe("When the item was received (UTC)."),
                f("DateTimeSent", TIMESTAMP, "item:DateTimeSent").readOnly()
                        .filter(COMPARABLE).filter(NULL_CHECK).sortable()
                        .describe("When the item was sent (UTC)."),
                f("DateTimeCreated", TIMESTAMP, "item:DateTimeCreated").readOnly()
                        .filter(COMPARABLE).sortable()
                        .describe("When the item was created in the mailbox (UTC)."),
                f("LastModifiedTime", TIMESTAMP, "item:LastModifiedTime").readOnly()
                        .filter(COMPARABLE).sortable()
                        .describe("When the item was last changed (UTC)."),
                f("LastModifiedName", VARCHAR, "item:LastModifiedName").readOnly()
                        .describe("Who last changed the item."),
                f("Size", INTEGER, "item:Size").readOnly().filter(COMPARABLE).sortable()
                        .describe("Size of the item in bytes."),
                f("Categories", VARCHAR, "item:Categories", "Strings").size(LONG_TEXT)
                        .describe("Categories of the item, separated by ';'."),
                f("Importance", VARCHAR, "item:Importance").filter(EQ, NE).sortable()
                        .describe("Low, Normal or High."),
                f("InReplyTo", VARCHAR, "item:InReplyTo").readOnly()
                        .describe("Internet message id of the message this one replies to."),
                f("IsSubmitted", BOOLEAN, "item:IsSubmitted").readOnly().filter(EQ)
                        .describe("Whether the item has been submitted to the Outbox."),
                f("IsDraft", BOOLEAN, "item:IsDraft").readOnly().filter(EQ)
                        .describe("Whether the item is a draft that was never sent."),
                f("IsFromMe", BOOLEAN, "item:IsFromMe").readOnly().filter(EQ)
                        .describe("Whether the mailbox owner sent the item to themselves."),
                f("IsResend", BOOLEAN, "item:IsResend").readOnly()
                        .describe("Whether the item was sent before."),
                f("IsUnmodified", BOOLEAN, "item:IsUnmodified").readOnly()
                        .describe("Whether the item is unchanged since it was created."),
                f("HasAttachments", BOOLEAN, "item:HasAttachments").readOnly().filter(EQ)
                        .describe("Whether the item has attachments."),
                f("DisplayTo", VARCHAR, "item:DisplayTo").readOnly().size(LONG_TEXT)
                        .describe("Display names of the To recipients, as one text."),
                f("DisplayCc", VARCHAR, "item:DisplayCc").readOnly().size(LONG_TEXT)
                        .describe("Display names of the Cc recipients, as one text."),
                f("ConversationId", VARCHAR, "item:ConversationId", "@Id").readOnly()
                        .describe("Id of the conversation the item belongs to."),
                f("ReminderIsSet", BOOLEAN, "item:ReminderIsSet").filter(EQ)
                        .describe("Whether a reminder is set."));
    }

    private static ColumnSpec[] recipients(String element, String fieldUri, String who) {
        return new ColumnSpec[] {
            f(element + "_Names", VARCHAR, fieldUri, "Names").size(UNBOUNDED_TEXT)
                    .singleItemOnly().readOnly()
                    .describe("Display names of the " + who + ", separated by ';'."),
            f(element + "_EmailAddresses", VARCHAR, fieldUri, "EmailAddresses")
                    .size(UNBOUNDED_TEXT).singleItemOnly()
                    .describe("Email addresses of the " + who + ", separated by ';'."
                            + " Settable in INSERT.")};
    }

    // ---- tables -------------------------------------------------------------------------------

    private static TableSpec messages(String table, String folder, String label) {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(itemId());
        c.add(changeKey());
        c.add(parentFolderId());
        c.addAll(itemCommon());
        c.add(f("From_Name", VARCHAR, "message:From", "Name").readOnly()
                .describe("Display name of the sender (From)."));
        c.add(f("From_EmailAddress", VARCHAR, "message:From", "EmailAddress").singleItemOnly()
                .describe("Email address of the sender (From); FindItem returns only the name,"
                        + " so it is read with GetItem."));
        c.add(f("Sender_Name", VARCHAR, "message:Sender", "Name").readOnly()
                .describe("Display name of the mailbox that sent the message on the From"
                        + " mailbox's behalf."));
        c.add(f("Sender_EmailAddress", VARCHAR, "message:Sender", "EmailAddress")
                .singleItemOnly().readOnly()
                .describe("Email address of Sender (read with GetItem)."));
        for (ColumnSpec r : recipients("ToRecipients", "message:ToRecipients", "To recipients")) {
            c.add(r);
        }
        for (ColumnSpec r : recipients("CcRecipients", "message:CcRecipients", "Cc recipients")) {
            c.add(r);
        }
        for (ColumnSpec r : recipients("BccRecipients", "message:BccRecipients",
                "Bcc recipients")) {
            c.add(r);
        }
        c.add(f("IsRead", BOOLEAN, "message:IsRead").filter(EQ, NE).sortable()
                .describe("Whether the message has been read."));
        c.add(f("IsReadReceiptRequested", BOOLEAN, "message:IsReadReceiptRequested")
                .describe("Whether the sender asked for a read receipt."));
        c.add(f("IsDeliveryReceiptRequested", BOOLEAN, "message:IsDeliveryReceiptRequested")
                .describe("Whether the sender asked for a delivery receipt."));
        c.add(f("InternetMessageId", VARCHAR, "message:InternetMessageId").readOnly()
                .filter(EQ).describe("The Internet message id (Message-ID header)."));
        c.add(f("ConversationTopic", VARCHAR, "message:ConversationTopic").readOnly()
                .describe("Subject of the conversation, without prefixes such as RE:."));
        c.addAll(mailboxScope());
        return TableSpec.table(table)
                .describe("Messages in " + label + " (a row per item; subfolders through"
                        + " ParentFolderId).")
                .ews(EwsSource.folderItems(folder, "Message"))
                .columns(c.toArray(ColumnSpec[]::new));
    }

    private static TableSpec calendar() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(itemId());
        c.add(changeKey());
        c.add(parentFolderId());
        c.addAll(itemCommon());
        c.add(f("Start", TIMESTAMP, "calendar:Start").filter(COMPARABLE).sortable()
                .describe("Start of the appointment (UTC). A query bounded by Start and End"
                        + " reads a calendar view, in which recurring series are expanded."));
        c.add(f("End", TIMESTAMP, "calendar:End").filter(COMPARABLE).sortable()
                .describe("End of the appointment (UTC)."));
        c.add(f("IsAllDayEvent", BOOLEAN, "calendar:IsAllDayEvent").filter(EQ)
                .describe("Whether the appointment lasts whole days."));
        c.add(f("LegacyFreeBusyStatus", VARCHAR, "calendar:LegacyFreeBusyStatus").filter(EQ, NE)
                .describe("Free, Tentative, Busy, OOF, WorkingElsewhere or NoData."));
        c.add(f("Location", VARCHAR, "calendar:Location").filter(EQ, STARTS_WITH, CONTAINS)
                .describe("Where the appointment takes place."));
        c.add(f("IsMeeting", BOOLEAN, "calendar:IsMeeting").readOnly().filter(EQ)
                .describe("Whether the appointment has attendees."));
        c.add(f("IsCancelled", BOOLEAN, "calendar:IsCancelled").readOnly().filter(EQ)
                .describe("Whether the meeting was cancelled."));
        c.add(f("IsRecurring", BOOLEAN, "calendar:IsRecurring").readOnly().filter(EQ)
                .describe("Whether the item is part of a recurring series."));
        c.add(f("CalendarItemType", VARCHAR, "calendar:CalendarItemType").readOnly()
                .filter(EQ, NE)
                .describe("Single, Occurrence, Exception or RecurringMaster."));
        c.add(f("MyResponseType", VARCHAR, "calendar:MyResponseType").readOnly()
                .describe("The mailbox owner's answer: Unknown, Organizer, Tentative, Accept,"
                        + " Decline or NoResponseReceived."));
        c.add(f("Organizer_Name", VARCHAR, "calendar:Organizer", "Name").readOnly()
                .describe("Display name of the organizer."));
        c.add(f("Organizer_EmailAddress", VARCHAR, "calendar:Organizer", "EmailAddress")
                .readOnly().singleItemOnly()
                .describe("Email address of the organizer (read with GetItem)."));
        for (ColumnSpec r : recipients("RequiredAttendees", "calendar:RequiredAttendees",
                "required attendees")) {
            c.add(r);
        }
        for (ColumnSpec r : recipients("OptionalAttendees", "calendar:OptionalAttendees",
                "optional attendees")) {
            c.add(r);
        }
        c.add(f("Duration", VARCHAR, "calendar:Duration").readOnly()
                .describe("Length of the appointment as an xs:duration, such as PT1H."));
        c.add(f("TimeZone", VARCHAR, "calendar:TimeZone").readOnly()
                .describe("Display name of the organizer's time zone."));
        c.add(f("UID", VARCHAR, "calendar:UID").readOnly()
                .describe("iCalendar UID of the series or appointment."));
        c.addAll(mailboxScope());
        c.add(pseudo("SendMeetingInvitations", VARCHAR).filter(EQ)
                .describe("Input only, for INSERT, UPDATE and DELETE (a column of INSERT, an"
                        + " equality in the WHERE of UPDATE and DELETE): whether attendees are"
                        + " sent the invitation, update or cancellation: SendToNone (default),"
                        + " SendOnlyToAll, SendToAllAndSaveCopy, and for UPDATE also"
                        + " SendOnlyToChanged and SendToChangedAndSaveCopy."));
        return TableSpec.table("Calendar")
                .describe("Appointments and meetings in the Calendar folder. Bounded by Start"
                        + " and End, occurrences of recurring series are listed one by one.")
                .ews(EwsSource.folderItems("calendar", "CalendarItem").require("Start", "End"))
                .columns(c.toArray(ColumnSpec[]::new));
    }

    private static TableSpec contacts() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(itemId());
        c.add(changeKey());
        c.add(parentFolderId());
        c.add(f("DisplayName", VARCHAR, "contacts:DisplayName")
                .filter(EQ, NE, STARTS_WITH, CONTAINS).sortable()
                .describe("Name of the contact as displayed."));
        c.add(f("GivenName", VARCHAR, "contacts:GivenName").filter(EQ, STARTS_WITH).sortable()
                .describe("First name."));
        c.add(f("MiddleName", VARCHAR, "contacts:MiddleName").describe("Middle name."));
        c.add(f("Surname", VARCHAR, "contacts:Surname").filter(EQ, STARTS_WITH).sortable()
                .describe("Last name."));
        c.add(f("Nickname", VARCHAR, "contacts:Nickname").describe("Nickname."));
        c.add(f("FileAs", VARCHAR, "contacts:FileAs").sortable()
                .describe("How the contact is filed."));
        c.add(f("CompanyName", VARCHAR, "contacts:CompanyName").filter(EQ, STARTS_WITH)
                .describe("Company."));
        c.add(f("Department", VARCHAR, "contacts:Department").describe("Department."));
        c.add(f("JobTitle", VARCHAR, "contacts:JobTitle").describe("Job title."));
        for (int i = 1; i <= 3; i++) {
            c.add(f("EmailAddress" + i, VARCHAR, "contacts:EmailAddress",
                    "[EmailAddress" + i + "]")
                    .describe("Email address number " + i + " of the contact."));
        }
        c.add(f("BusinessPhone", VARCHAR, "contacts:PhoneNumber", "[BusinessPhone]")
                .describe("Business telephone number."));
        c.add(f("MobilePhone", VARCHAR, "contacts:PhoneNumber", "[MobilePhone]")
                .describe("Mobile telephone number."));
        c.add(f("HomePhone", VARCHAR, "contacts:PhoneNumber", "[HomePhone]")
                .describe("Home telephone number."));
        c.add(f("Birthday", TIMESTAMP, "contacts:Birthday").describe("Birthday (UTC)."));
        c.add(f("Categories", VARCHAR, "item:Categories", "Strings").size(LONG_TEXT)
                .describe("Categories of the contact, separated by ';'."));
        c.add(f("Body", VARCHAR, "item:Body").size(UNBOUNDED_TEXT).singleItemOnly()
                .describe("Notes of the contact (read with GetItem)."));
        c.add(f("DateTimeCreated", TIMESTAMP, "item:DateTimeCreated").readOnly()
                .filter(COMPARABLE).sortable().describe("When the contact was created (UTC)."));
        c.add(f("LastModifiedTime", TIMESTAMP, "item:LastModifiedTime").readOnly()
                .filter(COMPARABLE).sortable()
                .describe("When the contact was last changed (UTC)."));
        c.addAll(mailboxScope());
        return TableSpec.table("Contacts")
                .describe("Contacts in the Contacts folder.")
                .ews(EwsSource.folderItems("contacts", "Contact"))
                .columns(c.toArray(ColumnSpec[]::new));
    }

    private static TableSpec tasks() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(itemId());
        c.add(changeKey());
        c.add(parentFolderId());
        c.add(f("Subject", VARCHAR, "item:Subject").size(LONG_TEXT)
                .filter(EQ, NE, STARTS_WITH, CONTAINS).sortable()
                .describe("Subject of the task."));
        c.add(f("Body", VARCHAR, "item:Body").size(UNBOUNDED_TEXT).singleItemOnly()
                .describe("Body of the task (read with GetItem)."));
        c.add(f("Status", VARCHAR, "task:Status").filter(EQ, NE)
                .describe("NotStarted, InProgress, Completed, WaitingOnOthers or Deferred."));
        c.add(f("PercentComplete", DOUBLE, "task:PercentComplete").filter(COMPARABLE)
                .describe("How much of the task is done, 0 to 100."));
        c.add(f("StartDate", TIMESTAMP, "task:StartDate").filter(COMPARABLE).sortable()
                .describe("When the task starts (UTC)."));
        c.add(f("DueDate", TIMESTAMP, "task:DueDate").filter(COMPARABLE).filter(NULL_CHECK)
                .sortable().describe("When the task is due (UTC)."));
        c.add(f("CompleteDate", TIMESTAMP, "task:CompleteDate").readOnly()
                .describe("When the task was completed (UTC)."));
        c.add(f("IsComplete", BOOLEAN, "task:IsComplete").readOnly().filter(EQ)
                .describe("Whether the task is complete."));
        c.add(f("Owner", VARCHAR, "task:Owner").readOnly().describe("Owner of the task."));
        c.add(f("Importance", VARCHAR, "item:Importance").filter(EQ, NE)
                .describe("Low, Normal or High."));
        c.add(f("Categories", VARCHAR, "item:Categories", "Strings").size(LONG_TEXT)
                .describe("Categories of the task, separated by ';'."));
        c.add(f("DateTimeCreated", TIMESTAMP, "item:DateTimeCreated").readOnly()
                .filter(COMPARABLE).sortable().describe("When the task was created (UTC)."));
        c.add(f("LastModifiedTime", TIMESTAMP, "item:LastModifiedTime").readOnly()
                .filter(COMPARABLE).sortable()
                .describe("When the task was last changed (UTC)."));
        c.addAll(mailboxScope());
        return TableSpec.table("Tasks")
                .describe("Tasks in the Tasks folder.")
                .ews(EwsSource.folderItems("tasks", "Task"))
                .columns(c.toArray(ColumnSpec[]::new));
    }

    private static TableSpec folders() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(f("FolderId", VARCHAR, "folder:FolderId", "@Id").key()
                .describe("Unique id of the folder."));
        c.add(f("ChangeKey", VARCHAR, "folder:FolderId", "@ChangeKey").readOnly()
                .describe("Version of the folder."));
        c.add(f("ParentFolderId", VARCHAR, "folder:ParentFolderId", "@Id").filter(EQ)
                .describe("Id of the parent folder. WHERE ParentFolderId = '...' lists that"
                        + " folder's subfolders."));
        c.add(pseudo("ParentFolderName", VARCHAR).filter(EQ)
                .describe("Input only: the distinguished folder whose subfolders are listed"
                        + " (Inbox, Calendar, Contacts, Tasks, SentItems, DeletedItems, Drafts,"
                        + " Outbox, JunkEmail, MsgFolderRoot, Root). Default MsgFolderRoot."));
        c.add(f("DisplayName", VARCHAR, "folder:DisplayName")
                .filter(EQ, NE, STARTS_WITH, CONTAINS)
                .describe("Name of the folder."));
        c.add(f("FolderClass", VARCHAR, "folder:FolderClass").filter(EQ, NE)
                .describe("Kind of items the folder holds, such as IPF.Note."));
        c.add(f("TotalCount", INTEGER, "folder:TotalCount").readOnly().filter(COMPARABLE)
                .describe("Number of items in the folder."));
        c.add(f("ChildFolderCount", INTEGER, "folder:ChildFolderCount").readOnly()
                .filter(COMPARABLE).describe("Number of direct subfolders."));
        c.add(f("UnreadCount", INTEGER, "folder:UnreadCount").readOnly().filter(COMPARABLE)
                .describe("Number of unread items (mail folders)."));
        c.addAll(mailboxScope());
        return TableSpec.table("Folders")
                .describe("Folders of the mailbox, as deep as DirectoryRetrievalDepth (FindFolder"
                        + " with a deep traversal). INSERT creates a folder (CreateFolder) below"
                        + " ParentFolderId or ParentFolderName, UPDATE renames it (UpdateFolder),"
                        + " DELETE removes it with its contents (DeleteFolder).")
                .ews(EwsSource.of(EwsSource.Kind.FOLDERS, DOCS + "findfolder-operation")
                        .require("DisplayName"))
                .columns(c.toArray(ColumnSpec[]::new));
    }

    private static TableSpec attendees(String table, EwsSource.Kind kind, String which) {
        return TableSpec.table(table)
                .describe("The " + which + " attendees of a calendar item, a row each; the"
                        + " query must give ItemId.")
                .ews(EwsSource.of(kind, DOCS + "getitem-operation"))
                .readOnly()
                .columns(
                        col("ItemId", VARCHAR).path("item:ItemId", "@Id").key().filter(EQ)
                                .describe("Id of the calendar item (required in WHERE)."),
                        col("Name", VARCHAR).path("Name").readOnly()
                                .describe("Display name of the attendee."),
                        col("EmailAddress", VARCHAR).path("EmailAddress").key()
                                .describe("Email address of the attendee."),
                        col("ResponseType", VARCHAR).path("ResponseType").readOnly()
                                .describe("Unknown, Organizer, Tentative, Accept, Decline or"
                                        + " NoResponseReceived."),
                        col("LastResponseTime", TIMESTAMP).path("LastResponseTime").readOnly()
                                .describe("When the attendee last answered (UTC)."));
    }

    private static TableSpec modifiedOccurrences() {
        return TableSpec.view("Calendar_ModifiedOccurrences")
                .describe("Occurrences of recurring series that were changed, a row each: the"
                        + " series master's ItemId (give it in WHERE, else every series of the"
                        + " Calendar is read).")
                .ews(EwsSource.of(EwsSource.Kind.MODIFIED_OCCURRENCES,
                        DOCS + "modifiedoccurrences"))
                .readOnly()
                .columns(
                        col("ItemId", VARCHAR).path("item:ItemId", "@Id").filter(EQ)
                                .describe("Id of the series master."),
                        col("OccurrenceItemId", VARCHAR).path("ItemId", "@Id").key()
                                .describe("Id of the modified occurrence."),
                        col("Start", TIMESTAMP).path("Start")
                                .describe("Start of the occurrence (UTC)."),
                        col("End", TIMESTAMP).path("End")
                                .describe("End of the occurrence (UTC)."),
                        col("OriginalStart", TIMESTAMP).path("OriginalStart")
                                .describe("Start the occurrence had in the series (UTC)."));
    }

    private static TableSpec rooms() {
        return TableSpec.view("Rooms")
                .describe("Rooms of a room list (GetRooms); the query gives RoomListEmail.")
                .ews(EwsSource.of(EwsSource.Kind.ROOMS, DOCS + "getrooms-operation"))
                .readOnly()
                .columns(
                        pseudo("RoomListEmail", VARCHAR).filter(EQ)
                                .describe("Input: the email address of the room list."),
                        col("Name", VARCHAR).path("Name").describe("Name of the room."),
                        col("EmailAddress", VARCHAR).path("EmailAddress").key()
                                .describe("Email address of the room."),
                        col("RoutingType", VARCHAR).path("RoutingType")
                                .describe("Address type, usually SMTP."),
                        col("MailboxType", VARCHAR).path("MailboxType")
                                .describe("Kind of mailbox, usually Mailbox."));
    }

    private static TableSpec roomLists() {
        return TableSpec.view("RoomLists")
                .describe("Room lists of the organization (GetRoomLists).")
                .ews(EwsSource.of(EwsSource.Kind.ROOM_LISTS, DOCS + "getroomlists-operation"))
                .readOnly()
                .columns(
                        col("Name", VARCHAR).path("Name").describe("Name of the room list."),
                        col("EmailAddress", VARCHAR).path("EmailAddress").key()
                                .describe("Email address of the room list."),
                        col("RoutingType", VARCHAR).path("RoutingType")
                                .describe("Address type, usually SMTP."),
                        col("MailboxType", VARCHAR).path("MailboxType")
                                .describe("Kind of mailbox, usually PublicDL."));
    }
}
