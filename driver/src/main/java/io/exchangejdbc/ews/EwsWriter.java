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
 * Applies INSERT, UPDATE and DELETE on the folder tables of {@code Schema=EWS}: CreateItem in
 * the table's folder (messages saved as drafts, {@code MessageDisposition="SaveOnly"}; meetings
 * with {@code SendMeetingInvitations="SendToNone"}), UpdateItem with a {@code SetItemField} per
 * value set and a {@code DeleteItemField} per value set to NULL (the change keys read first with
 * GetItem, {@code ConflictResolution="AutoResolve"}), and DeleteItem
 * ({@code DeleteType="MoveToDeletedItems"}). Properties are written in the order the EWS schema
 * declares them, as Exchange requires.
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
        if (source == null || source.kind() != EwsSource.Kind.FOLDER_ITEMS
                || change.table().readOnly()) {
            throw new SQLException("Table " + change.table().name() + " cannot be changed.",
                    "42000");
        }
        MailboxScope scope = client.settings().defaultScope();
        switch (change.kind()) {
            case INSERT:
                for (TableChange.Row row : change.rows()) {
                    create(source, scope, change.columns(), row.values(), control);
                }
                return change.rows().size();
            case UPDATE:
                return update(source, scope, change, control);
            case DELETE:
                return delete(source, scope, change, control);
            default:
                throw new SQLException("Unsupported change " + change.kind(), "0A000");
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

    private void create(EwsSource source, MailboxScope scope, List<ColumnDef> columns,
            Object[] values, QueryControl control) throws SQLException {
        String element = source.itemElement();
        Map<String, List<Object[]>> props = byElement(element, columns, values, false);
        client.call("CreateItem", scope, false, w -> {
            w.writeStartElement(MESSAGES, "CreateItem");
            if (element.equals("Message")) {
                w.writeAttribute("MessageDisposition", "SaveOnly");
            }
            if (element.equals("CalendarItem")) {
                w.writeAttribute("SendMeetingInvitations", "SendToNone");
            }
            w.writeStartElement(MESSAGES, "SavedItemFolderId");
            new EwsRequests.Folder(source.distinguishedId(), scope.sharedMailbox(), null)
                    .write(w);
            w.writeEndElement();
            w.writeStartElement(MESSAGES, "Items");
            w.writeStartElement(TYPES, element);
            for (Map.Entry<String, List<Object[]>> e : props.entrySet()) {
                property(w, e.getKey(), e.getValue());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, "CreateItem", Xml::skip);
            return null;
        }, control);
    }

    /** The current change keys of items, read with GetItem. */
    private Map<String, String> changeKeys(MailboxScope scope, List<String> ids,
            QueryControl control) throws SQLException {
        Map<String, String> keys = new HashMap<>();
        client.call("GetItem", scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetItem");
            EwsRequests.shape(w, "ItemShape", List.of(), null);
            EwsRequests.itemIds(w, "ItemIds", ids);
            w.writeEndElement();
        }, r -> {
            int[] i = {0};
            SoapReader.messages(r, "GetItem", c -> {
                String asked = i[0] < ids.size() ? ids.get(i[0]) : null;
                i[0]++;
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
            });
            return null;
        }, control);
        return keys;
    }

    /** StAX event codes, named for readability. */
    private static final class XMLStreamWriterEvents {
        static final int START = javax.xml.stream.XMLStreamConstants.START_ELEMENT;
        static final int END = javax.xml.stream.XMLStreamConstants.END_ELEMENT;
    }

    private long update(EwsSource source, MailboxScope scope, TableChange change,
            QueryControl control) throws SQLException {
        String element = source.itemElement();
        int batch = Math.max(1, client.settings().batchSize());
        List<TableChange.Row> rows = change.rows();
        for (int start = 0; start < rows.size(); start += batch) {
            List<TableChange.Row> part = rows.subList(start, Math.min(rows.size(),
                    start + batch));
            List<String> ids = new ArrayList<>();
            part.forEach(r -> ids.add(r.id()));
            Map<String, String> keys = changeKeys(scope, ids, control);
            client.call("UpdateItem", scope, false, w -> {
                w.writeStartElement(MESSAGES, "UpdateItem");
                w.writeAttribute("ConflictResolution", "AutoResolve");
                if (element.equals("Message")) {
                    w.writeAttribute("MessageDisposition", "SaveOnly");
                }
                if (element.equals("CalendarItem")) {
                    w.writeAttribute("SendMeetingInvitationsOrCancellations", "SendToNone");
                }
                w.writeStartElement(MESSAGES, "ItemChanges");
                for (TableChange.Row row : part) {
                    w.writeStartElement(TYPES, "ItemChange");
                    w.writeEmptyElement(TYPES, "ItemId");
                    w.writeAttribute("Id", row.id());
                    if (keys.get(row.id()) != null) {
                        w.writeAttribute("ChangeKey", keys.get(row.id()));
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
            }, r -> {
                SoapReader.messages(r, "UpdateItem", Xml::skip);
                return null;
            }, control);
        }
        return rows.size();
    }

    private long delete(EwsSource source, MailboxScope scope, TableChange change,
            QueryControl control) throws SQLException {
        String element = source.itemElement();
        int batch = Math.max(1, client.settings().batchSize());
        List<TableChange.Row> rows = change.rows();
        for (int start = 0; start < rows.size(); start += batch) {
            List<String> ids = new ArrayList<>();
            rows.subList(start, Math.min(rows.size(), start + batch)).forEach(r -> ids.add(
                    r.id()));
            client.call("DeleteItem", scope, false, w -> {
                w.writeStartElement(MESSAGES, "DeleteItem");
                w.writeAttribute("DeleteType", "MoveToDeletedItems");
                if (element.equals("CalendarItem")) {
                    w.writeAttribute("SendMeetingCancellations", "SendToNone");
                }
                if (element.equals("Task")) {
                    w.writeAttribute("AffectedTaskOccurrences", "AllOccurrences");
                }
                EwsRequests.itemIds(w, "ItemIds", ids);
                w.writeEndElement();
            }, r -> {
                SoapReader.messages(r, "DeleteItem", Xml::skip);
                return null;
            }, control);
        }
        return rows.size();
    }
}
