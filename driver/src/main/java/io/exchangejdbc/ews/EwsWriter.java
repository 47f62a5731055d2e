package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.TYPES;

import io.exchangejdbc.graph.TableChange;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.EwsSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Applies INSERT, UPDATE and DELETE on the tables of {@code Schema=EWS}.
 *
 * <p>Folder tables: CreateItem in the table's folder (messages saved as drafts,
 * {@code MessageDisposition="SaveOnly"}), UpdateItem with a {@code SetItemField} per value set
 * and a {@code DeleteItemField} per value set to NULL, and DeleteItem
 * ({@code DeleteType="MoveToDeletedItems"}), the rows of a statement sent together, up to
 * BatchSize items a request. Properties are written in the order the EWS schema declares them,
 * as Exchange requires. UpdateItem sends each item's change key: the one the statement gave in
 * WHERE (then {@code ConflictResolution="NeverOverwrite"}, so that a stale key is refused with
 * ErrorIrresolvableConflict), else the one read with GetItem ({@code AutoResolve}). On Calendar
 * the {@code SendMeetingInvitations} input column becomes the operation's
 * {@code SendMeetingInvitations}, {@code SendMeetingInvitationsOrCancellations} or
 * {@code SendMeetingCancellations} (default SendToNone).
 *
 * <p>{@code Folders}: CreateFolder below ParentFolderId or ParentFolderName, UpdateFolder
 * (DisplayName) and DeleteFolder.
 *
 * <p>The input-only columns ImpersonationUser, ImpersonationType and SharedMailboxEmail choose
 * the mailbox as they do for a SELECT. Each item of a request succeeds or fails on its own: a
 * statement of one row fails with the item's ResponseCode quoted; a statement of several rows
 * whose items partly failed throws a {@link java.sql.BatchUpdateException} with a count per row
 * ({@code Statement.EXECUTE_FAILED} for the failed ones) and every failure chained. A write
 * is never sent twice: when its connection fails after the request went out, or its answer is
 * cut off or late, the exception says that the change may have been applied.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/updateitem-operation">
 *     UpdateItem operation</a>
 */
final class EwsWriter {

    /** The element order of ItemType followed by each item type's own elements. */
    private static final String ITEM = "MimeContent ItemId ParentFolderId ItemClass Subject"
            + " Sensitivity Body Attachments DateTimeReceived Size Categories Importance InReplyTo"
            + " IsSubmitted IsDraft IsFromMe IsResend IsUnmodified InternetMessageHeaders"
            + " DateTimeSent DateTimeCreated ResponseObjects ReminderDueBy ReminderIsSet"
            + " ReminderNextTime ReminderMinutesBeforeStart DisplayCc DisplayTo DisplayBcc"
            + " HasAttachments ExtendedProperty Culture";
    private static final Map<String, String> OWN = Map.of(
            "Message", "Sender ToRecipients CcRecipients BccRecipients IsReadReceiptRequested"
                    + " IsDeliveryReceiptRequested ConversationIndex ConversationTopic From"
                    + " InternetMessageId IsRead IsResponseRequested References ReplyTo",
            "CalendarItem", "UID RecurrenceId DateTimeStamp Start End OriginalStart"
                    + " IsAllDayEvent LegacyFreeBusyStatus Location When IsMeeting IsCancelled"
                    + " IsRecurring MeetingRequestWasSent IsResponseRequested CalendarItemType"
                    + " MyResponseType Organizer RequiredAttendees OptionalAttendees Resources",
            "Contact", "FileAs FileAsMapping DisplayName GivenName Initials MiddleName Nickname"
                    + " CompleteName CompanyName EmailAddresses AbchEmailAddresses"
                    + " PhysicalAddresses PhoneNumbers AssistantName Birthday BusinessHomePage"
                    + " Children Companies ContactSource Department Generation ImAddresses"
                    + " JobTitle Manager Mileage OfficeLocation PostalAddressIndex Profession"
                    + " SpouseName Surname",
            "Task", "ActualWork AssignedTime BillingInformation ChangeCount Companies"
                    + " CompleteDate Contacts DelegationState Delegator DueDate"
                    + " IsAssignmentEditable IsComplete IsRecurring IsTeamTask Mileage Owner"
                    + " PercentComplete Recurrence StartDate Status StatusDescription TotalWork");

    private final EwsClient client;

    EwsWriter(EwsClient client) {
        this.client = client;
    }

    long apply(TableChange change, QueryControl control) throws SQLException {
        EwsSource source = change.table().ews();
        if (source == null || change.table().readOnly()
                || (source.kind() != EwsSource.Kind.FOLDER_ITEMS
                && source.kind() != EwsSource.Kind.FOLDERS)) {
            throw new SQLException("Table " + change.table().name() + " cannot be changed.",
                    "42000");
        }
        List<TableChange.Row> rows = change.rows();
        List<RowOptions> options = new ArrayList<>();
        for (TableChange.Row row : rows) {
            options.add(options(change, row));
        }
        if (change.kind() == TableChange.Kind.INSERT) {
            for (TableChange.Row row : rows) {
                checkRequired(change, row);
            }
        }
        SQLException[] failures = new SQLException[rows.size()];
        int batch = Math.max(1, client.settings().batchSize());
        for (int start = 0; start < rows.size(); ) {
            int end = start + 1;
            while (end < rows.size() && end - start < batch
                    && options.get(end).sameCall(options.get(start))) {
                end++;
            }
            List<Integer> part = new ArrayList<>();
            for (int i = start; i < end; i++) {
                part.add(i);
            }
            RowOptions o = options.get(start);
            boolean folders = source.kind() == EwsSource.Kind.FOLDERS;
            switch (change.kind()) {
                case INSERT:
                    if (folders) {
                        createFolders(change, part, o, failures, control);
                    } else {
                        create(source, change, part, o, failures, control);
                    }
                    break;
                case UPDATE:
                    if (folders) {
                        updateFolders(change, part, o, failures, control);
                    } else {
                        update(source, change, part, options, o, failures, control);
                    }
                    break;
                case DELETE:
                    if (folders) {
                        deleteFolders(change, part, o, failures, control);
                    } else {
                        delete(source, change, part, options, o, failures, control);
                    }
                    break;
                default:
                    throw new SQLException("Unsupported change " + change.kind(), "0A000");
            }
            start = end;
        }
        return result(change, failures);
    }

    /**
     * What a row's input-only columns (and a ChangeKey given in WHERE) ask of its request: the
     * mailbox, whether meeting attendees are told, and the item version the change is for.
     */
    private record RowOptions(MailboxScope scope, String send, String changeKey) {
        /** Whether two rows can go in one request. */
        boolean sameCall(RowOptions other) {
            return scope.equals(other.scope) && java.util.Objects.equals(send, other.send)
                    && (changeKey == null) == (other.changeKey == null);
        }
    }

    private static final List<String> SEND_MODES = List.of("SendToNone", "SendOnlyToAll",
            "SendToAllAndSaveCopy");
    private static final List<String> UPDATE_SEND_MODES = List.of("SendToNone",
            "SendOnlyToAll", "SendOnlyToChanged", "SendToAllAndSaveCopy",
            "SendToChangedAndSaveCopy");

    private RowOptions options(TableChange change, TableChange.Row row) throws SQLException {
        Map<String, String> given = new HashMap<>();
        List<ColumnDef> columns = change.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            Object v = row.values() == null ? null : row.values()[i];
            if (v != null && (c.nature() == ColumnNature.PSEUDO
                    || c.name().equalsIgnoreCase("ChangeKey"))) {
                given.putIfAbsent(c.name().toUpperCase(java.util.Locale.ROOT),
                        v.toString().strip());
            }
        }
        MailboxScope base = client.settings().defaultScope();
        MailboxScope scope = new MailboxScope(
                given.getOrDefault("IMPERSONATIONUSER", base.impersonationUser()),
                given.getOrDefault("IMPERSONATIONTYPE", base.impersonationType()),
                given.getOrDefault("SHAREDMAILBOXEMAIL", base.sharedMailbox()));
        String send = given.get("SENDMEETINGINVITATIONS");
        if (send != null) {
            List<String> allowed = change.kind() == TableChange.Kind.UPDATE ? UPDATE_SEND_MODES
                    : SEND_MODES;
            String canonical = null;
            for (String m : allowed) {
                if (m.equalsIgnoreCase(send)) {
                    canonical = m;
                }
            }
            if (canonical == null) {
                throw new SQLException("SendMeetingInvitations='" + send + "' is not accepted by"
                        + " " + change.kind().verb().toUpperCase(java.util.Locale.ROOT) + " "
                        + change.table().name() + "; use one of " + String.join(", ", allowed)
                        + ". Nothing was changed.", "22023");
            }
            send = canonical;
        }
        return new RowOptions(scope, send, given.get("CHANGEKEY"));
    }

    private static void checkRequired(TableChange change, TableChange.Row row)
            throws SQLException {
        for (String name : change.table().ews().required()) {
            boolean found = false;
            for (int i = 0; i < change.columns().size(); i++) {
                if (change.columns().get(i).name().equalsIgnoreCase(name)
                        && row.values()[i] != null) {
                    found = true;
                }
            }
            if (!found) {
                throw new SQLException("INSERT into " + change.table().name() + " needs a value"
                        + " for " + name + " (required: "
                        + String.join(", ", change.table().ews().required())
                        + "). Nothing was changed.", "23502");
            }
        }
    }

    /** The update count, or the failures of the rows quoted with their ResponseCodes. */
    private static long result(TableChange change, SQLException[] failures)
            throws SQLException {
        int n = failures.length;
        List<SQLException> failed = new ArrayList<>();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            if (failures[i] == null) {
                counts[i] = 1;
            } else {
                counts[i] = java.sql.Statement.EXECUTE_FAILED;
                failed.add(failures[i]);
            }
        }
        if (failed.isEmpty()) {
            return n;
        }
        String table = change.table().name();
        if (n == 1) {
            SQLException e = failures[0];
            throw new SQLException("Cannot " + change.kind().verb() + " " + table + ": "
                    + e.getMessage() + " Nothing was changed.", e.getSQLState(),
                    e.getErrorCode(), e);
        }
        StringBuilder sb = new StringBuilder().append(n - failed.size()).append(" of ")
                .append(n).append(" rows of ").append(table).append(" were ")
                .append(change.kind().done()).append("; ").append(failed.size())
                .append(" failed, first row ");
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                sb.append(i + 1);
                if (change.rows().get(i).id() != null) {
                    sb.append(" (").append(change.rows().get(i).id()).append(')');
                }
                sb.append(": ").append(failures[i].getMessage());
                break;
            }
        }
        java.sql.BatchUpdateException b = new java.sql.BatchUpdateException(sb.toString(),
                failed.get(0).getSQLState(), failed.get(0).getErrorCode(), counts,
                failed.get(0));
        for (SQLException e : failed) {
            b.setNextException(e);
        }
        throw b;
    }

    /**
     * Reads the response messages of a request with several items: the failure of each item
     * (null when it succeeded), in the order of the request; the content of successful messages
     * goes to {@code content}, called with the item's position.
     */
    private static List<SQLException> outcomes(javax.xml.stream.XMLStreamReader r,
            String operation, ItemContent content)
            throws javax.xml.stream.XMLStreamException, SQLException {
        List<SQLException> out = new ArrayList<>();
        while (Xml.nextChild(r)) {
            if (!r.getLocalName().equals("ResponseMessages")) {
                Xml.skip(r);
                continue;
            }
            while (Xml.nextChild(r)) {
                int index = out.size();
                try {
                    SoapReader.message(r, operation, c -> {
                        if (content == null) {
                            Xml.skip(c);
                        } else {
                            content.element(index, c);
                        }
                    });
                    out.add(null);
                } catch (EwsException e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Content of a successful response message, with the position of its item. */
    @FunctionalInterface
    private interface ItemContent {
        void element(int index, javax.xml.stream.XMLStreamReader r)
                throws javax.xml.stream.XMLStreamException, SQLException;
    }

    /** Records the outcomes of the rows {@code part} sent, in order. */
    private static void record(String operation, List<Integer> part, List<SQLException> results,
            SQLException[] failures) {
        for (int i = 0; i < part.size(); i++) {
            SQLException e = i < results.size() ? results.get(i)
                    : new SQLException("Exchange answered " + operation + " for "
                            + results.size() + " of " + part.size() + " items; this one is"
                            + " unknown.", "HY000");
            if (e != null && failures[part.get(i)] == null) {
                failures[part.get(i)] = e;
            }
        }
    }

    private static int order(String itemElement, String element) {
        String all = ITEM + " " + OWN.getOrDefault(itemElement, "");
        int i = (" " + all + " ").indexOf(" " + element + " ");
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The values to write grouped by element, in schema order. */
    private static Map<String, List<Object[]>> byElement(String itemElement,
            List<ColumnDef> columns, Object[] values, boolean withNulls) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            if (c.nature() == ColumnNature.PSEUDO || c.readOnly() || c.key()
                    || (values[i] == null && !withNulls)) {
                continue;
            }
            slots.add(i);
        }
        slots.sort((a, b) -> Integer.compare(order(itemElement, EwsField.of(columns.get(a))
                .element()), order(itemElement, EwsField.of(columns.get(b)).element())));
        Map<String, List<Object[]>> out = new LinkedHashMap<>();
        for (int i : slots) {
            EwsField f = EwsField.of(columns.get(i));
            out.computeIfAbsent(f.element(), k -> new ArrayList<>())
                    .add(new Object[] {columns.get(i), f, values[i]});
        }
        return out;
    }

    /** Writes one property element with the values of its columns. */
    private static void property(XMLStreamWriter w, String element, List<Object[]> parts)
            throws XMLStreamException {
        ColumnDef first = (ColumnDef) parts.get(0)[0];
        EwsField f = (EwsField) parts.get(0)[1];
        if (f.index() != null) {
            w.writeStartElement(TYPES, element);
            for (Object[] p : parts) {
                EwsField pf = (EwsField) p[1];
                w.writeStartElement(TYPES, "Entry");
                w.writeAttribute("Key", pf.index());
                w.writeCharacters(EwsValues.text(((ColumnDef) p[0]).type(), p[2]));
                w.writeEndElement();
            }
            w.writeEndElement();
            return;
        }
        String text = EwsValues.text(first.type(), parts.get(0)[2]);
        switch (f.part()) {
            case "Strings":
                w.writeStartElement(TYPES, element);
                for (String s : text.split(";")) {
                    if (!s.isBlank()) {
                        SoapWriter.text(w, TYPES, "String", s.strip());
                    }
                }
                w.writeEndElement();
                return;
            case "EmailAddress":
                w.writeStartElement(TYPES, element);
                w.writeStartElement(TYPES, "Mailbox");
                SoapWriter.text(w, TYPES, "EmailAddress", text.strip());
                w.writeEndElement();
                w.writeEndElement();
                return;
            case "EmailAddresses": {
                boolean attendees = element.endsWith("Attendees");
                w.writeStartElement(TYPES, element);
                for (String s : text.split("[;,]")) {
                    if (s.isBlank()) {
                        continue;
                    }
                    if (attendees) {
                        w.writeStartElement(TYPES, "Attendee");
                    }
                    w.writeStartElement(TYPES, "Mailbox");
                    SoapWriter.text(w, TYPES, "EmailAddress", s.strip());
                    w.writeEndElement();
                    if (attendees) {
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
                return;
            }
            default:
                w.writeStartElement(TYPES, element);
                if (element.equals("Body")) {
                    w.writeAttribute("BodyType", text.stripLeading().startsWith("<")
                            ? "HTML" : "Text");
                }
                w.writeCharacters(text);
                w.writeEndElement();
        }
    }

    /**
     * Sends a request that changes the mailbox. It is never repeated: a failure after it may
     * have reached the server (a reset connection, a cut-off answer, a timeout) leaves its
     * outcome unknown, and the exception says so instead of inviting a rerun; a server that
     * answered (an EWS error), could not be reached or refused the sign-in changed nothing.
     */
    private List<SQLException> write(String operation, TableChange change, MailboxScope scope,
            SoapWriter.Body body,
            SoapReader.Handler<List<SQLException>> handler, QueryControl control)
            throws SQLException {
        try {
            return client.call(operation, scope, false, body, handler, control);
        } catch (EwsException e) {
            throw e;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if ("08001".equals(state) || "08003".equals(state) || "28000".equals(state)) {
                throw e;
            }
            throw new SQLException("The outcome of " + operation + " ("
                    + change.kind().verb().toUpperCase(java.util.Locale.ROOT) + " "
                    + change.table().name() + ") is unknown: " + e.getMessage() + " The change"
                    + " may have been applied; the driver does not send it again. Read the"
                    + " table to check before repeating it.", state == null ? "08S01" : state,
                    e);
        }
    }

    private void create(EwsSource source, TableChange change, List<Integer> part,
            RowOptions o, SQLException[] failures, QueryControl control) throws SQLException {
        String element = source.itemElement();
        MailboxScope scope = o.scope();
        List<SQLException> results = write("CreateItem", change, scope, w -> {
            w.writeStartElement(MESSAGES, "CreateItem");
            if (element.equals("Message")) {
                w.writeAttribute("MessageDisposition", "SaveOnly");
            }
            if (element.equals("CalendarItem")) {
                w.writeAttribute("SendMeetingInvitations", send(o));
            }
            w.writeStartElement(MESSAGES, "SavedItemFolderId");
            new EwsRequests.Folder(source.distinguishedId(), scope.sharedMailbox(), null)
                    .write(w);
            w.writeEndElement();
            w.writeStartElement(MESSAGES, "Items");
            for (int i : part) {
                Map<String, List<Object[]>> props = byElement(element, change.columns(),
                        change.rows().get(i).values(), false);
                w.writeStartElement(TYPES, element);
                for (Map.Entry<String, List<Object[]>> e : props.entrySet()) {
                    property(w, e.getKey(), e.getValue());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> outcomes(r, "CreateItem", null), control);
        record("CreateItem", part, results, failures);
    }

    private static String send(RowOptions o) {
        return o.send() == null ? "SendToNone" : o.send();
    }

    /** The current change keys of items, read with GetItem; failures per item recorded. */
    private Map<String, String> changeKeys(MailboxScope scope, List<String> ids,
            List<Integer> part, SQLException[] failures, QueryControl control)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        List<SQLException> results = client.call("GetItem", scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetItem");
            EwsRequests.shape(w, "ItemShape", List.of(), null);
            EwsRequests.itemIds(w, "ItemIds", ids);
            w.writeEndElement();
        }, r -> outcomes(r, "GetItem", (index, c) -> {
            String asked = index < ids.size() ? ids.get(index) : null;
            int depth = 1;
            while (depth > 0) {
                int e = c.next();
                if (e == XMLStreamWriterEvents.START) {
                    depth++;
                    if (c.getLocalName().equals("ItemId") && asked != null) {
                        keys.put(asked, Xml.attr(c, "ChangeKey"));
                    }
                } else if (e == XMLStreamWriterEvents.END) {
                    depth--;
                }
            }
        }), control);
        record("GetItem", part, results, failures);
        return keys;
    }

    /** StAX event codes, named for readability. */
    private static final class XMLStreamWriterEvents {
        static final int START = javax.xml.stream.XMLStreamConstants.START_ELEMENT;
        static final int END = javax.xml.stream.XMLStreamConstants.END_ELEMENT;
    }

    private void update(EwsSource source, TableChange change, List<Integer> part,
            List<RowOptions> options, RowOptions o, SQLException[] failures,
            QueryControl control) throws SQLException {
        String element = source.itemElement();
        Map<String, String> keys = new HashMap<>();
        if (o.changeKey() == null) {
            List<String> ids = new ArrayList<>();
            part.forEach(i -> ids.add(change.rows().get(i).id()));
            keys = changeKeys(o.scope(), ids, part, failures, control);
        } else {
            for (int i : part) {
                keys.put(change.rows().get(i).id(), options.get(i).changeKey());
            }
        }
        List<Integer> sent = new ArrayList<>();
        for (int i : part) {
            if (failures[i] == null) {
                sent.add(i);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        Map<String, String> changeKeys = keys;
        List<SQLException> results = write("UpdateItem", change, o.scope(), w -> {
            w.writeStartElement(MESSAGES, "UpdateItem");
            // a ChangeKey the statement gave is a condition: never overwrite a newer version
            w.writeAttribute("ConflictResolution", o.changeKey() == null ? "AutoResolve"
                    : "NeverOverwrite");
            if (element.equals("Message")) {
                w.writeAttribute("MessageDisposition", "SaveOnly");
            }
            if (element.equals("CalendarItem")) {
                w.writeAttribute("SendMeetingInvitationsOrCancellations", send(o));
            }
            w.writeStartElement(MESSAGES, "ItemChanges");
            for (int i : sent) {
                TableChange.Row row = change.rows().get(i);
                w.writeStartElement(TYPES, "ItemChange");
                w.writeEmptyElement(TYPES, "ItemId");
                w.writeAttribute("Id", row.id());
                if (changeKeys.get(row.id()) != null) {
                    w.writeAttribute("ChangeKey", changeKeys.get(row.id()));
                }
                w.writeStartElement(TYPES, "Updates");
                Map<String, List<Object[]>> props = byElement(element, change.columns(),
                        row.values(), true);
                for (List<Object[]> parts : props.values()) {
                    for (Object[] p : parts) {
                        EwsField f = (EwsField) p[1];
                        if (p[2] == null) {
                            w.writeStartElement(TYPES, "DeleteItemField");
                            SoapWriter.path(w, f.fieldUri(), f.index());
                            w.writeEndElement();
                        } else {
                            w.writeStartElement(TYPES, "SetItemField");
                            SoapWriter.path(w, f.fieldUri(), f.index());
                            w.writeStartElement(TYPES, element);
                            property(w, f.element(), List.<Object[]>of(p));
                            w.writeEndElement();
                            w.writeEndElement();
                        }
                    }
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> outcomes(r, "UpdateItem", null), control);
        record("UpdateItem", sent, results, failures);
    }

    private void delete(EwsSource source, TableChange change, List<Integer> part,
            List<RowOptions> options, RowOptions o, SQLException[] failures,
            QueryControl control) throws SQLException {
        String element = source.itemElement();
        List<SQLException> results = write("DeleteItem", change, o.scope(), w -> {
            w.writeStartElement(MESSAGES, "DeleteItem");
            w.writeAttribute("DeleteType", "MoveToDeletedItems");
            if (element.equals("CalendarItem")) {
                w.writeAttribute("SendMeetingCancellations", send(o));
            }
            if (element.equals("Task")) {
                w.writeAttribute("AffectedTaskOccurrences", "AllOccurrences");
            }
            w.writeStartElement(MESSAGES, "ItemIds");
            for (int i : part) {
                w.writeEmptyElement(TYPES, "ItemId");
                w.writeAttribute("Id", change.rows().get(i).id());
                if (options.get(i).changeKey() != null) {
                    w.writeAttribute("ChangeKey", options.get(i).changeKey());
                }
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> outcomes(r, "DeleteItem", null), control);
        record("DeleteItem", part, results, failures);
    }

    // ---- folders ------------------------------------------------------------------------------

    /** The value of a column of a row, or null when the statement does not give it. */
    private static Object value(TableChange change, TableChange.Row row, String column) {
        for (int i = 0; i < change.columns().size(); i++) {
            if (change.columns().get(i).name().equalsIgnoreCase(column)
                    && row.values() != null && row.values()[i] != null) {
                return row.values()[i];
            }
        }
        return null;
    }

    /** The folder a new folder is created in: ParentFolderId, ParentFolderName or the root. */
    private static EwsRequests.Folder parent(TableChange change, TableChange.Row row,
            MailboxScope scope) throws SQLException {
        Object id = value(change, row, "ParentFolderId");
        Object name = value(change, row, "ParentFolderName");
        String distinguished = "msgfolderroot";
        if (name != null) {
            distinguished = name.toString().strip().toLowerCase(java.util.Locale.ROOT);
            if (!FolderScan.DISTINGUISHED.contains(distinguished)) {
                throw new SQLException("ParentFolderName='" + name + "' is not a distinguished"
                        + " folder; use Inbox, Calendar, Contacts, Tasks, SentItems,"
                        + " DeletedItems, Drafts, Outbox, JunkEmail, MsgFolderRoot or Root, or"
                        + " give ParentFolderId. Nothing was changed.", "22023");
            }
        }
        return EwsRequests.Folder.of(distinguished, scope.sharedMailbox(),
                id == null ? null : id.toString());
    }

    private void createFolders(TableChange change, List<Integer> part, RowOptions o,
            SQLException[] failures, QueryControl control) throws SQLException {
        // CreateFolder has one parent per request: a request per row
        for (int i : part) {
            TableChange.Row row = change.rows().get(i);
            EwsRequests.Folder parent = parent(change, row, o.scope());
            Object folderClass = value(change, row, "FolderClass");
            String name = value(change, row, "DisplayName").toString();
            List<SQLException> results = write("CreateFolder", change, o.scope(), w -> {
                w.writeStartElement(MESSAGES, "CreateFolder");
                w.writeStartElement(MESSAGES, "ParentFolderId");
                parent.write(w);
                w.writeEndElement();
                w.writeStartElement(MESSAGES, "Folders");
                w.writeStartElement(TYPES, "Folder");
                if (folderClass != null) {
                    SoapWriter.text(w, TYPES, "FolderClass", folderClass.toString());
                }
                SoapWriter.text(w, TYPES, "DisplayName", name);
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }, r -> outcomes(r, "CreateFolder", null), control);
            record("CreateFolder", List.of(i), results, failures);
        }
    }

    private void updateFolders(TableChange change, List<Integer> part, RowOptions o,
            SQLException[] failures, QueryControl control) throws SQLException {
        for (ColumnDef c : change.columns()) {
            if (c.nature() != ColumnNature.PSEUDO && !c.name().equalsIgnoreCase("ChangeKey")
                    && !c.name().equalsIgnoreCase("DisplayName")) {
                throw new SQLException("UPDATE of " + change.table().name() + " can set"
                        + " DisplayName only (it renames the folder), not " + c.name()
                        + ". Nothing was changed.", "42000");
            }
        }
        List<Integer> sent = new ArrayList<>();
        for (int i : part) {
            Object name = value(change, change.rows().get(i), "DisplayName");
            if (name == null || name.toString().isBlank()) {
                failures[i] = new SQLException("A folder needs a DisplayName; it cannot be set"
                        + " to NULL or blank.", "23502");
            } else {
                sent.add(i);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        List<SQLException> results = write("UpdateFolder", change, o.scope(), w -> {
            w.writeStartElement(MESSAGES, "UpdateFolder");
            w.writeStartElement(MESSAGES, "FolderChanges");
            for (int i : sent) {
                TableChange.Row row = change.rows().get(i);
                w.writeStartElement(TYPES, "FolderChange");
                w.writeEmptyElement(TYPES, "FolderId");
                w.writeAttribute("Id", row.id());
                if (o.changeKey() != null) {
                    w.writeAttribute("ChangeKey", value(change, row, "ChangeKey").toString());
                }
                w.writeStartElement(TYPES, "Updates");
                w.writeStartElement(TYPES, "SetFolderField");
                SoapWriter.path(w, "folder:DisplayName", null);
                w.writeStartElement(TYPES, "Folder");
                SoapWriter.text(w, TYPES, "DisplayName",
                        value(change, row, "DisplayName").toString());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> outcomes(r, "UpdateFolder", null), control);
        record("UpdateFolder", sent, results, failures);
    }

    private void deleteFolders(TableChange change, List<Integer> part, RowOptions o,
            SQLException[] failures, QueryControl control) throws SQLException {
        List<SQLException> results = write("DeleteFolder", change, o.scope(), w -> {
            w.writeStartElement(MESSAGES, "DeleteFolder");
            w.writeAttribute("DeleteType", "MoveToDeletedItems");
            w.writeStartElement(MESSAGES, "FolderIds");
            for (int i : part) {
                TableChange.Row row = change.rows().get(i);
                w.writeEmptyElement(TYPES, "FolderId");
                w.writeAttribute("Id", row.id());
                if (o.changeKey() != null) {
                    w.writeAttribute("ChangeKey", value(change, row, "ChangeKey").toString());
                }
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> outcomes(r, "DeleteFolder", null), control);
        record("DeleteFolder", part, results, failures);
    }
}
