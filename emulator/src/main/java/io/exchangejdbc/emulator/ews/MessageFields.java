package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.BodyType;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.FlagStatus;
import io.exchangejdbc.emulator.store.FollowupFlag;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.InternetMessageHeader;
import io.exchangejdbc.emulator.store.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The properties of an EWS {@code t:Message} the front serves, declared once each with its
 * FieldURI, the schema version that introduced it, whether {@code Default} and FindItem include
 * it, how it is written (in the order of {@code t:ItemType} then {@code t:MessageType}, since
 * both are {@code xs:sequence}s) and, for filterable ones, its value for restrictions and sorts.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/fielduri">FieldURI</a>
 */
public final class MessageFields {

    /** How a property's values compare in restrictions. */
    public enum Kind {
        STRING, DATETIME, BOOLEAN, INT, IMPORTANCE, NONE
    }

    /** Writes one property of a message; {@code summary} is true inside FindItem. */
    @FunctionalInterface
    interface Writer {
        void write(EwsWriter w, Message m, boolean summary);
    }

    /**
     * One property.
     *
     * @param uri the FieldURI, e.g. {@code item:Subject}
     * @param since the version that introduced it
     * @param inDefault whether {@code BaseShape=Default} includes it
     * @param inFindItem whether FindItem may return it (body and recipient lists it does not)
     * @param kind how its values compare
     * @param value its value for restrictions and sorts, or null
     * @param writer how it is written
     */
    record Field(String uri, EwsVersion since, boolean inDefault, boolean inFindItem, Kind kind,
            Function<Message, Object> value, Writer writer) {
    }

    private static final Map<String, Field> BY_URI = new LinkedHashMap<>();
    private static final List<Field> ORDER = new ArrayList<>();

    private static void add(String uri, EwsVersion since, boolean inDefault, boolean inFind,
            Kind kind, Function<Message, Object> value, Writer writer) {
        Field f = new Field(uri, since, inDefault, inFind, kind, value, writer);
        ORDER.add(f);
        BY_URI.put(uri, f);
    }

    private static final EwsVersion V2007 = EwsVersion.EXCHANGE2007;

    static {
        add("item:ItemId", V2007, true, true, Kind.STRING, m -> EwsIds.toEws(m.id()),
                (w, m, s) -> w.start("t:ItemId").attr("Id", EwsIds.toEws(m.id()))
                        .attr("ChangeKey", m.changeKey()).end());
        add("item:ParentFolderId", V2007, true, true, Kind.STRING,
                m -> EwsIds.toEws(m.parentFolderId()),
                (w, m, s) -> w.start("t:ParentFolderId")
                        .attr("Id", EwsIds.toEws(m.parentFolderId()))
                        .attr("ChangeKey", EwsIds.folderChangeKey(m.folder())).end());
        add("item:ItemClass", V2007, true, true, Kind.STRING, m -> "IPM.Note",
                (w, m, s) -> w.leaf("t:ItemClass", "IPM.Note"));
        add("item:Subject", V2007, true, true, Kind.STRING, Message::subject,
                (w, m, s) -> w.leaf("t:Subject", m.subject()));
        add("item:Sensitivity", V2007, true, true, Kind.STRING, m -> "Normal",
                (w, m, s) -> w.leaf("t:Sensitivity", "Normal"));
        add("item:Body", V2007, false, false, Kind.STRING, m -> m.body().text(),
                (w, m, s) -> w.start("t:Body").attr("BodyType",
                        m.body().contentType() == BodyType.HTML ? "HTML" : "Text")
                        .text(m.body().content(m.body().contentType())).end());
        add("item:Attachments", V2007, false, false, Kind.NONE, null,
                MessageFields::writeAttachments);
        add("item:DateTimeReceived", V2007, true, true, Kind.DATETIME,
                Message::receivedDateTime,
                (w, m, s) -> w.leaf("t:DateTimeReceived", m.receivedDateTime()));
        add("item:Size", V2007, true, true, Kind.INT, MessageFields::size,
                (w, m, s) -> w.leaf("t:Size", size(m)));
        add("item:Categories", V2007, true, true, Kind.STRING,
                m -> String.join(";", m.categories()), MessageFields::writeCategories);
        add("item:Importance", V2007, true, true, Kind.IMPORTANCE, Message::importance,
                (w, m, s) -> w.leaf("t:Importance", importanceName(m.importance())));
        add("item:IsSubmitted", V2007, true, true, Kind.BOOLEAN, m -> false,
                (w, m, s) -> w.leaf("t:IsSubmitted", false));
        add("item:IsDraft", V2007, true, true, Kind.BOOLEAN, Message::isDraft,
                (w, m, s) -> w.leaf("t:IsDraft", m.isDraft()));
        add("item:IsFromMe", V2007, true, true, Kind.BOOLEAN, MessageFields::isFromMe,
                (w, m, s) -> w.leaf("t:IsFromMe", isFromMe(m)));
        add("item:IsResend", V2007, true, true, Kind.BOOLEAN, m -> false,
                (w, m, s) -> w.leaf("t:IsResend", false));
        add("item:IsUnmodified", V2007, true, true, Kind.BOOLEAN,
                m -> m.changeNumber() == 0,
                (w, m, s) -> w.leaf("t:IsUnmodified", m.changeNumber() == 0));
        add("item:InternetMessageHeaders", V2007, false, false, Kind.NONE, null,
                MessageFields::writeHeaders);
        add("item:DateTimeSent", V2007, true, true, Kind.DATETIME, Message::sentDateTime,
                (w, m, s) -> w.leaf("t:DateTimeSent", m.sentDateTime()));
        add("item:DateTimeCreated", V2007, true, true, Kind.DATETIME,
                Message::createdDateTime,
                (w, m, s) -> w.leaf("t:DateTimeCreated", m.createdDateTime()));
        add("item:DisplayCc", V2007, true, true, Kind.STRING,
                m -> display(m.ccRecipients()),
                (w, m, s) -> w.leaf("t:DisplayCc", display(m.ccRecipients())));
        add("item:DisplayTo", V2007, true, true, Kind.STRING,
                m -> display(m.toRecipients()),
                (w, m, s) -> w.leaf("t:DisplayTo", display(m.toRecipients())));
        add("item:HasAttachments", V2007, true, true, Kind.BOOLEAN,
                Message::hasAttachments,
                (w, m, s) -> w.leaf("t:HasAttachments", m.hasAttachments()));
        add("item:LastModifiedTime", V2007, true, true, Kind.DATETIME,
                Message::lastModifiedDateTime,
                (w, m, s) -> w.leaf("t:LastModifiedTime", m.lastModifiedDateTime()));
        add("item:IsAssociated", EwsVersion.EXCHANGE2010, true, true, Kind.BOOLEAN, m -> false,
                (w, m, s) -> w.leaf("t:IsAssociated", false));
        add("item:WebClientReadFormQueryString", EwsVersion.EXCHANGE2010, false, true,
                Kind.STRING, Message::webLink,
                (w, m, s) -> w.leaf("t:WebClientReadFormQueryString", m.webLink()));
        add("item:ConversationId", EwsVersion.EXCHANGE2010, true, true, Kind.STRING,
                m -> EwsIds.toEws(m.conversationId()),
                (w, m, s) -> w.start("t:ConversationId")
                        .attr("Id", EwsIds.toEws(m.conversationId())).end());
        add("item:Flag", EwsVersion.EXCHANGE2013, false, true, Kind.STRING,
                m -> flagStatus(m.flag()), MessageFields::writeFlag);
        add("message:Sender", V2007, true, true, Kind.STRING,
                m -> m.sender() == null ? null : m.sender().address(),
                (w, m, s) -> single(w, "t:Sender", m.sender(), s));
        add("message:ToRecipients", V2007, false, false, Kind.NONE, null,
                (w, m, s) -> recipients(w, "t:ToRecipients", m.toRecipients()));
        add("message:CcRecipients", V2007, false, false, Kind.NONE, null,
                (w, m, s) -> recipients(w, "t:CcRecipients", m.ccRecipients()));
        add("message:BccRecipients", V2007, false, false, Kind.NONE, null,
                (w, m, s) -> recipients(w, "t:BccRecipients", m.bccRecipients()));
        add("message:IsReadReceiptRequested", V2007, true, true, Kind.BOOLEAN,
                Message::isReadReceiptRequested,
                (w, m, s) -> w.leaf("t:IsReadReceiptRequested", m.isReadReceiptRequested()));
        add("message:IsDeliveryReceiptRequested", V2007, true, true, Kind.BOOLEAN,
                Message::isDeliveryReceiptRequested,
                (w, m, s) -> w.leaf("t:IsDeliveryReceiptRequested",
                        m.isDeliveryReceiptRequested()));
        add("message:ConversationIndex", V2007, true, true, Kind.NONE, null,
                (w, m, s) -> w.leaf("t:ConversationIndex",
                        Base64.getEncoder().encodeToString(m.conversationIndex())));
        add("message:ConversationTopic", V2007, true, true, Kind.STRING,
                MessageFields::topic, (w, m, s) -> w.leaf("t:ConversationTopic", topic(m)));
        add("message:From", V2007, true, true, Kind.STRING,
                m -> m.from() == null ? null : m.from().address(),
                (w, m, s) -> single(w, "t:From", m.from(), s));
        add("message:InternetMessageId", V2007, true, true, Kind.STRING,
                Message::internetMessageId,
                (w, m, s) -> w.leaf("t:InternetMessageId", m.internetMessageId()));
        add("message:IsRead", V2007, true, true, Kind.BOOLEAN, Message::isRead,
                (w, m, s) -> w.leaf("t:IsRead", m.isRead()));
        add("message:ReplyTo", V2007, false, false, Kind.NONE, null,
                (w, m, s) -> recipients(w, "t:ReplyTo", m.replyTo()));
    }

    private MessageFields() {
    }

    /** Returns the properties in the order the schema writes them. */
    static List<Field> inOrder() {
        return Collections.unmodifiableList(ORDER);
    }

    /** Finds a property by FieldURI. */
    static Optional<Field> byUri(String uri) {
        return Optional.ofNullable(BY_URI.get(uri));
    }

    /** Returns the EWS spelling of an importance. */
    static String importanceName(Importance i) {
        return switch (i) {
            case LOW -> "Low";
            case NORMAL -> "Normal";
            case HIGH -> "High";
        };
    }

    /** Parses the EWS spelling of an importance. */
    static Importance importance(String s) {
        for (Importance i : Importance.values()) {
            if (importanceName(i).equals(s)) {
                return i;
            }
        }
        throw EwsException.schema("'" + s + "' is not an importance.");
    }

    /**
     * Parses a restriction constant for comparison with a property of the given kind.
     *
     * @throws EwsException if the constant does not parse
     */
    static Object parseConstant(Kind kind, String text) {
        switch (kind) {
            case DATETIME:
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return Instant.parse(text + "Z");
                    } catch (DateTimeParseException e2) {
                        throw EwsException.of("ErrorInvalidValueForProperty",
                                "'" + text + "' is not a valid date and time.");
                    }
                }
            case BOOLEAN:
                if (text.equals("true") || text.equals("1")) {
                    return Boolean.TRUE;
                }
                if (text.equals("false") || text.equals("0")) {
                    return Boolean.FALSE;
                }
                throw EwsException.of("ErrorInvalidValueForProperty",
                        "'" + text + "' is not a valid boolean.");
            case INT:
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    throw EwsException.of("ErrorInvalidValueForProperty",
                            "'" + text + "' is not a valid integer.");
                }
            case IMPORTANCE:
                for (Importance i : Importance.values()) {
                    if (importanceName(i).equalsIgnoreCase(text)) {
                        return i;
                    }
                }
                throw EwsException.of("ErrorInvalidValueForProperty",
                        "'" + text + "' is not a valid importance.");
            default:
                return text;
        }
    }

    static int size(Message m) {
        int n = 512 + m.body().html().length() + (m.subject() == null ? 0 : m.subject().length());
        for (Attachment a : m.attachments()) {
            n += a.size();
        }
        return n;
    }

    private static boolean isFromMe(Message m) {
        return m.from() != null && m.mailbox().owner().mail() != null
                && m.from().address().equalsIgnoreCase(m.mailbox().owner().mail());
    }

    private static String topic(Message m) {
        String s = m.subject();
        if (s == null) {
            return null;
        }
        while (s.startsWith("RE: ") || s.startsWith("FW: ")) {
            s = s.substring(4);
        }
        return s;
    }

    private static String display(List<EmailAddress> list) {
        StringBuilder sb = new StringBuilder();
        for (EmailAddress a : list) {
            sb.append(sb.length() == 0 ? "" : "; ").append(a.name() == null ? a.address()
                    : a.name());
        }
        return sb.toString();
    }

    private static String flagStatus(FollowupFlag f) {
        FlagStatus s = f.status();
        return switch (s) {
            case FLAGGED -> "Flagged";
            case COMPLETE -> "Complete";
            default -> "NotFlagged";
        };
    }

    private static void writeFlag(EwsWriter w, Message m, boolean summary) {
        FollowupFlag f = m.flag();
        w.start("t:Flag").leaf("t:FlagStatus", flagStatus(f)).leaf("t:StartDate", f.start())
                .leaf("t:DueDate", f.due()).leaf("t:CompleteDate", f.completed()).end();
    }

    private static void writeCategories(EwsWriter w, Message m, boolean summary) {
        if (m.categories().isEmpty()) {
            return;
        }
        w.start("t:Categories");
        for (String c : m.categories()) {
            w.leaf("t:String", c);
        }
        w.end();
    }

    private static void writeHeaders(EwsWriter w, Message m, boolean summary) {
        w.start("t:InternetMessageHeaders");
        for (InternetMessageHeader h : m.internetMessageHeaders()) {
            w.start("t:InternetMessageHeader").attr("HeaderName", h.name()).text(h.value())
                    .end();
        }
        w.end();
    }

    private static void writeAttachments(EwsWriter w, Message m, boolean summary) {
        List<Attachment> list = m.attachments();
        if (list.isEmpty()) {
            return;
        }
        w.start("t:Attachments");
        for (int i = 0; i < list.size(); i++) {
            Attachment a = list.get(i);
            w.start("t:FileAttachment");
            w.start("t:AttachmentId").attr("Id", EwsIds.toEws(m.attachmentId(i))).end();
            w.leaf("t:Name", a.name()).leaf("t:ContentType", a.contentType())
                    .leaf("t:Size", a.size()).leaf("t:LastModifiedTime", m.lastModifiedDateTime())
                    .leaf("t:IsInline", a.inline());
            w.end();
        }
        w.end();
    }

    /** Writes a single mailbox; FindItem gives only the name, as the FindItem page says. */
    private static void single(EwsWriter w, String qname, EmailAddress a, boolean summary) {
        if (a == null) {
            return;
        }
        w.start(qname).start("t:Mailbox").leaf("t:Name", a.name() == null ? a.address()
                : a.name());
        if (!summary) {
            w.leaf("t:EmailAddress", a.address()).leaf("t:RoutingType", "SMTP")
                    .leaf("t:MailboxType", "OneOff");
        }
        w.end().end();
    }

    private static void recipients(EwsWriter w, String qname, List<EmailAddress> list) {
        if (list.isEmpty()) {
            return;
        }
        w.start(qname);
        for (EmailAddress a : list) {
            w.start("t:Mailbox").leaf("t:Name", a.name()).leaf("t:EmailAddress", a.address())
                    .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "OneOff").end();
        }
        w.end();
    }

    /** Lower-cases for the case-insensitive comparisons of string restrictions. */
    static String fold(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
