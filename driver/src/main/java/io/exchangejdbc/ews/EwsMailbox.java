package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.TYPES;
import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.QueryControl;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The EWS operations behind the procedures of {@code Schema=EWS}: sending mail (CreateItem with
 * {@code SendAndSaveCopy}, SendItem), moving and copying items, attachments (CreateAttachment,
 * GetAttachment, DeleteAttachment), out-of-office settings (GetUserOofSettings,
 * SetUserOofSettings), free/busy (GetUserAvailability) and rooms (GetRoomLists, GetRooms).
 * Each method sends one request and returns what the answer says.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-operations-in-exchange">
 *     EWS operations in Exchange</a>
 */
public final class EwsMailbox {

    private static final Set<String> FOLDERS = FolderScan.DISTINGUISHED;

    private final EwsClient client;
    private final MailboxScope scope;

    public EwsMailbox(EwsClient client) {
        this.client = requireNonNull(client, "client");
        this.scope = client.settings().defaultScope();
    }

    /** An attachment read with GetAttachment. */
    public record Attachment(String id, String name, String contentType, byte[] content) {
    }

    /** Out-of-office settings. */
    public record OofSettings(String state, String externalAudience, String start, String end,
            String internalReply, String externalReply) {
    }

    /** A busy interval of a mailbox. */
    public record BusyInterval(String email, String start, String end, String busyType) {
    }

    /** A directory entry (a room or a room list). */
    public record Address(String name, String email, String routingType, String mailboxType) {
    }

    /**
     * Sends a new message and keeps a copy in Sent Items.
     *
     * @param contentType HTML or Text
     * @param to          addresses separated by {@code ;} or {@code ,}
     */
    public void sendMail(String subject, String body, String contentType, String to, String cc,
            String bcc) throws SQLException {
        client.call("CreateItem", scope, false, w -> {
            w.writeStartElement(MESSAGES, "CreateItem");
            w.writeAttribute("MessageDisposition", "SendAndSaveCopy");
            w.writeStartElement(MESSAGES, "SavedItemFolderId");
            w.writeEmptyElement(TYPES, "DistinguishedFolderId");
            w.writeAttribute("Id", "sentitems");
            w.writeEndElement();
            w.writeStartElement(MESSAGES, "Items");
            w.writeStartElement(TYPES, "Message");
            if (subject != null) {
                SoapWriter.text(w, TYPES, "Subject", subject);
            }
            if (body != null) {
                w.writeStartElement(TYPES, "Body");
                w.writeAttribute("BodyType", contentType != null
                        && contentType.equalsIgnoreCase("HTML") ? "HTML" : "Text");
                w.writeCharacters(body);
                w.writeEndElement();
            }
            recipients(w, "ToRecipients", to);
            recipients(w, "CcRecipients", cc);
            recipients(w, "BccRecipients", bcc);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, "CreateItem", Xml::skip);
            return null;
        }, QueryControl.NONE);
    }

    private static void recipients(XMLStreamWriter w, String element, String list)
            throws XMLStreamException {
        List<String> addresses = split(list);
        if (addresses.isEmpty()) {
            return;
        }
        w.writeStartElement(TYPES, element);
        for (String a : addresses) {
            w.writeStartElement(TYPES, "Mailbox");
            SoapWriter.text(w, TYPES, "EmailAddress", a);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String s : list.split("[;,]")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** Sends a draft, keeping a copy in Sent Items. */
    public void sendItem(String itemId, String changeKey) throws SQLException {
        client.call("SendItem", scope, false, w -> {
            w.writeStartElement(MESSAGES, "SendItem");
            w.writeAttribute("SaveItemToFolder", "true");
            w.writeStartElement(MESSAGES, "ItemIds");
            w.writeEmptyElement(TYPES, "ItemId");
            w.writeAttribute("Id", itemId);
            if (changeKey != null) {
                w.writeAttribute("ChangeKey", changeKey);
            }
            w.writeEndElement();
            w.writeStartElement(MESSAGES, "SavedItemFolderId");
            w.writeEmptyElement(TYPES, "DistinguishedFolderId");
            w.writeAttribute("Id", "sentitems");
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, "SendItem", Xml::skip);
            return null;
        }, QueryControl.NONE);
    }

    /**
     * Moves or copies an item to a folder (a distinguished folder name such as Inbox or
     * DeletedItems, or a folder id) and returns the new item's id (null when the server does
     * not say).
     */
    public String moveOrCopy(boolean copy, String itemId, String folder) throws SQLException {
        String operation = copy ? "CopyItem" : "MoveItem";
        String target = folder.strip();
        boolean distinguished = FOLDERS.contains(target.toLowerCase(Locale.ROOT));
        String[] newId = {null};
        client.call(operation, scope, false, w -> {
            w.writeStartElement(MESSAGES, operation);
            w.writeStartElement(MESSAGES, "ToFolderId");
            if (distinguished) {
                w.writeEmptyElement(TYPES, "DistinguishedFolderId");
                w.writeAttribute("Id", target.toLowerCase(Locale.ROOT));
            } else {
                w.writeEmptyElement(TYPES, "FolderId");
                w.writeAttribute("Id", target);
            }
            w.writeEndElement();
            EwsRequests.itemIds(w, "ItemIds", List.of(itemId));
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, operation, c -> newId[0] = firstItemId(c));
            return null;
        }, QueryControl.NONE);
        return newId[0];
    }

    private static String firstItemId(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                depth++;
                if (id == null && (r.getLocalName().equals("ItemId")
                        || r.getLocalName().equals("AttachmentId"))) {
                    id = Xml.attr(r, "Id");
                }
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        return id;
    }

    /** Adds a file attachment to an item and returns the attachment's id. */
    public String createAttachment(String itemId, String name, byte[] content)
            throws SQLException {
        String[] id = {null};
        client.call("CreateAttachment", scope, false, w -> {
            w.writeStartElement(MESSAGES, "CreateAttachment");
            w.writeEmptyElement(MESSAGES, "ParentItemId");
            w.writeAttribute("Id", itemId);
            w.writeStartElement(MESSAGES, "Attachments");
            w.writeStartElement(TYPES, "FileAttachment");
            SoapWriter.text(w, TYPES, "Name", name);
            SoapWriter.text(w, TYPES, "Content", Base64.getEncoder().encodeToString(content));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, "CreateAttachment", c -> id[0] = firstItemId(c));
            return null;
        }, QueryControl.NONE);
        return id[0];
    }

    /** Reads attachments by id. */
    public List<Attachment> getAttachments(List<String> ids) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        client.call("GetAttachment", scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetAttachment");
            w.writeStartElement(MESSAGES, "AttachmentIds");
            for (String id : ids) {
                w.writeEmptyElement(TYPES, "AttachmentId");
                w.writeAttribute("Id", id);
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            out.clear(); // a request sent again after its answer broke off starts over
            SoapReader.messages(r, "GetAttachment", c -> readAttachments(c, out));
            return null;
        }, QueryControl.NONE);
        return out;
    }

    static void readAttachments(XMLStreamReader r, List<Attachment> out)
            throws XMLStreamException {
        while (Xml.nextChild(r)) {
            String id = null;
            Map<String, String> v = new HashMap<>();
            while (Xml.nextChild(r)) {
                String n = r.getLocalName();
                if (n.equals("AttachmentId")) {
                    id = Xml.attr(r, "Id");
                    Xml.skip(r);
                } else if (n.equals("Name") || n.equals("ContentType") || n.equals("Content")) {
                    v.put(n, r.getElementText());
                } else {
                    Xml.skip(r);
                }
            }
            String content = v.get("Content");
            out.add(new Attachment(id, v.get("Name"), v.get("ContentType"),
                    content == null ? null : Base64.getMimeDecoder().decode(content.strip())));
        }
    }

    /** Deletes an attachment; returns the id of the item it belonged to. */
    public String deleteAttachment(String attachmentId) throws SQLException {
        String[] root = {null};
        client.call("DeleteAttachment", scope, false, w -> {
            w.writeStartElement(MESSAGES, "DeleteAttachment");
            w.writeStartElement(MESSAGES, "AttachmentIds");
            w.writeEmptyElement(TYPES, "AttachmentId");
            w.writeAttribute("Id", attachmentId);
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            SoapReader.messages(r, "DeleteAttachment", c -> {
                if (c.getLocalName().equals("RootItemId")) {
                    root[0] = Xml.attr(c, "RootItemId");
                }
                Xml.skip(c);
            });
            return null;
        }, QueryControl.NONE);
        return root[0];
    }

    /** The out-of-office settings of a mailbox. */
    public OofSettings getOof(String mailbox) throws SQLException {
        return client.call("GetUserOofSettings", scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetUserOofSettingsRequest");
            w.writeStartElement(TYPES, "Mailbox");
            SoapWriter.text(w, TYPES, "Address", mailbox);
            w.writeEndElement();
            w.writeEndElement();
        }, EwsMailbox::readOof, QueryControl.NONE);
    }

    static OofSettings readOof(XMLStreamReader r) throws XMLStreamException, SQLException {
        Map<String, String> v = new HashMap<>();
        while (Xml.nextChild(r)) {
            String n = r.getLocalName();
            if (n.equals("ResponseMessage")) {
                SoapReader.message(r, "GetUserOofSettings", null);
            } else if (n.equals("OofSettings")) {
                String section = "";
                int depth = 1;
                while (depth > 0) {
                    int e = r.next();
                    if (e == XMLStreamReader.START_ELEMENT) {
                        String name = r.getLocalName();
                        if (name.equals("InternalReply") || name.equals("ExternalReply")
                                || name.equals("Duration")) {
                            section = name;
                            depth++;
                        } else {
                            v.put(section + name, r.getElementText());
                        }
                    } else if (e == XMLStreamReader.END_ELEMENT) {
                        depth--;
                        section = depth == 1 ? "" : section;
                    }
                }
            } else {
                Xml.skip(r);
            }
        }
        return new OofSettings(v.get("OofState"), v.get("ExternalAudience"),
                v.get("DurationStartTime"), v.get("DurationEndTime"),
                v.get("InternalReplyMessage"), v.get("ExternalReplyMessage"));
    }

    /** Sets the out-of-office settings of a mailbox. */
    public void setOof(String mailbox, OofSettings s) throws SQLException {
        client.call("SetUserOofSettings", scope, false, w -> {
            w.writeStartElement(MESSAGES, "SetUserOofSettingsRequest");
            w.writeStartElement(TYPES, "Mailbox");
            SoapWriter.text(w, TYPES, "Address", mailbox);
            w.writeEndElement();
            w.writeStartElement(TYPES, "UserOofSettings");
            SoapWriter.text(w, TYPES, "OofState", s.state());
            SoapWriter.text(w, TYPES, "ExternalAudience",
                    s.externalAudience() == null ? "None" : s.externalAudience());
            if (s.start() != null && s.end() != null) {
                w.writeStartElement(TYPES, "Duration");
                SoapWriter.text(w, TYPES, "StartTime", s.start());
                SoapWriter.text(w, TYPES, "EndTime", s.end());
                w.writeEndElement();
            }
            if (s.internalReply() != null) {
                w.writeStartElement(TYPES, "InternalReply");
                SoapWriter.text(w, TYPES, "Message", s.internalReply());
                w.writeEndElement();
            }
            if (s.externalReply() != null) {
                w.writeStartElement(TYPES, "ExternalReply");
                SoapWriter.text(w, TYPES, "Message", s.externalReply());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            while (Xml.nextChild(r)) {
                if (r.getLocalName().equals("ResponseMessage")) {
                    SoapReader.message(r, "SetUserOofSettings", null);
                } else {
                    Xml.skip(r);
                }
            }
            return null;
        }, QueryControl.NONE);
    }

    /** The busy intervals of mailboxes in a window (times as xs:dateTime in UTC). */
    public List<BusyInterval> availability(List<String> emails, String start, String end)
            throws SQLException {
        List<BusyInterval> out = new ArrayList<>();
        client.call("GetUserAvailability", scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetUserAvailabilityRequest");
            w.writeStartElement(TYPES, "TimeZone");
            SoapWriter.text(w, TYPES, "Bias", "0");
            for (String part : new String[] {"StandardTime", "DaylightTime"}) {
                w.writeStartElement(TYPES, part);
                SoapWriter.text(w, TYPES, "Bias", "0");
                SoapWriter.text(w, TYPES, "Time", "00:00:00");
                SoapWriter.text(w, TYPES, "DayOrder", "1");
                SoapWriter.text(w, TYPES, "Month", "1");
                SoapWriter.text(w, TYPES, "DayOfWeek", "Sunday");
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(MESSAGES, "MailboxDataArray");
            for (String e : emails) {
                w.writeStartElement(TYPES, "MailboxData");
                w.writeStartElement(TYPES, "Email");
                SoapWriter.text(w, TYPES, "Address", e);
                w.writeEndElement();
                SoapWriter.text(w, TYPES, "AttendeeType", "Required");
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(TYPES, "FreeBusyViewOptions");
            w.writeStartElement(TYPES, "TimeWindow");
            SoapWriter.text(w, TYPES, "StartTime", start);
            SoapWriter.text(w, TYPES, "EndTime", end);
            w.writeEndElement();
            SoapWriter.text(w, TYPES, "RequestedView", "FreeBusy");
            w.writeEndElement();
            w.writeEndElement();
        }, r -> {
            out.clear(); // a request sent again after its answer broke off starts over
            int index = 0;
            while (Xml.nextChild(r)) {
                if (!r.getLocalName().equals("FreeBusyResponseArray")) {
                    Xml.skip(r);
                    continue;
                }
                while (Xml.nextChild(r)) {
                    String email = index < emails.size() ? emails.get(index) : null;
                    index++;
                    while (Xml.nextChild(r)) {
                        if (r.getLocalName().equals("ResponseMessage")) {
                            SoapReader.message(r, "GetUserAvailability", null);
                        } else if (r.getLocalName().equals("FreeBusyView")) {
                            readEvents(r, email, out);
                        } else {
                            Xml.skip(r);
                        }
                    }
                }
            }
            return null;
        }, QueryControl.NONE);
        return out;
    }

    private static void readEvents(XMLStreamReader r, String email, List<BusyInterval> out)
            throws XMLStreamException {
        int depth = 1;
        Map<String, String> v = new HashMap<>();
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("StartTime") || n.equals("EndTime") || n.equals("BusyType")) {
                    v.put(n, r.getElementText());
                } else {
                    depth++;
                    if (n.equals("CalendarEvent")) {
                        v.clear();
                    }
                }
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("CalendarEvent")) {
                    out.add(new BusyInterval(email, v.get("StartTime"), v.get("EndTime"),
                            v.get("BusyType")));
                }
            }
        }
    }
}
