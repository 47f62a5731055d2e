package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the properties a client may write on a {@code t:Message} (in CreateItem and in
 * UpdateItem's {@code SetItemField}/{@code AppendToItemField}) and applies them to the store.
 */
final class MessageInput {

    /** The writable properties by element name, with their FieldURIs. */
    static final Map<String, String> WRITABLE = Map.ofEntries(
            Map.entry("Subject", "item:Subject"), Map.entry("Body", "item:Body"),
            Map.entry("Importance", "item:Importance"),
            Map.entry("Categories", "item:Categories"),
            Map.entry("ToRecipients", "message:ToRecipients"),
            Map.entry("CcRecipients", "message:CcRecipients"),
            Map.entry("BccRecipients", "message:BccRecipients"),
            Map.entry("IsRead", "message:IsRead"), Map.entry("From", "message:From"),
            Map.entry("ReplyTo", "message:ReplyTo"),
            Map.entry("IsReadReceiptRequested", "message:IsReadReceiptRequested"),
            Map.entry("IsDeliveryReceiptRequested", "message:IsDeliveryReceiptRequested"));

    private MessageInput() {
    }

    /** Reads a {@code t:Body}. */
    static ItemBody body(XmlElement e) {
        String type = e.attr("BodyType", "Text");
        return type.equals("HTML") ? ItemBody.html(e.rawText()) : ItemBody.text(e.rawText());
    }

    /** Reads the mailboxes of a recipient list (or of {@code From}). */
    static EmailAddress[] addresses(XmlElement list) {
        List<EmailAddress> out = new ArrayList<>();
        for (XmlElement mb : list.children("Mailbox")) {
            String address = mb.childText("EmailAddress");
            if (address == null || address.isEmpty()) {
                throw EwsException.of("ErrorInvalidRecipients",
                        "At least one recipient isn't valid.");
            }
            out.add(new EmailAddress(mb.childText("Name"), address));
        }
        return out.toArray(new EmailAddress[0]);
    }

    static boolean bool(XmlElement e) {
        return MessageFields.parseConstant(MessageFields.Kind.BOOLEAN, e.text())
                .equals(Boolean.TRUE);
    }

    static String[] strings(XmlElement e) {
        return e.children("String").stream().map(XmlElement::text).toArray(String[]::new);
    }

    /** Fills a builder from a {@code t:Message} of CreateItem. */
    static void fill(Message.Builder b, XmlElement message) {
        b.body(ItemBody.text(""));
        for (XmlElement e : message.children()) {
            switch (e.name()) {
                case "Subject" -> b.subject(e.rawText());
                case "Body" -> b.body(body(e));
                case "Importance" -> b.importance(MessageFields.importance(e.text()));
                case "Categories" -> b.categories(strings(e));
                case "ToRecipients" -> b.to(addresses(e));
                case "CcRecipients" -> b.cc(addresses(e));
                case "BccRecipients" -> b.bcc(addresses(e));
                case "ReplyTo" -> b.replyTo(addresses(e));
                case "IsRead" -> b.read(bool(e));
                case "IsReadReceiptRequested" -> b.readReceiptRequested(bool(e));
                case "IsDeliveryReceiptRequested" -> b.deliveryReceiptRequested(bool(e));
                case "From" -> {
                    EmailAddress[] a = addresses(e);
                    if (a.length == 1) {
                        b.from(a[0]);
                    }
                }
                default -> {
                    // Other properties (ItemClass, Sensitivity, ...) keep their defaults.
                }
            }
        }
    }

    /**
     * Sets (or, with {@code append}, appends to) one property of a message from the element
     * inside a {@code SetItemField}/{@code AppendToItemField}.
     */
    static void apply(Message.Editor ed, Message current, XmlElement e, boolean append) {
        switch (e.name()) {
            case "Subject" -> ed.subject(append ? current.subject() + e.rawText() : e.rawText());
            case "Body" -> {
                ItemBody b = body(e);
                ed.body(append ? ItemBody.text(current.body().text() + b.text()) : b);
            }
            case "Importance" -> ed.importance(MessageFields.importance(e.text()));
            case "Categories" -> ed.categories(append ? concat(current.categories()
                    .toArray(new String[0]), strings(e)) : strings(e));
            case "ToRecipients" -> ed.to(append ? concat(current.toRecipients()
                    .toArray(new EmailAddress[0]), addresses(e)) : addresses(e));
            case "CcRecipients" -> ed.cc(append ? concat(current.ccRecipients()
                    .toArray(new EmailAddress[0]), addresses(e)) : addresses(e));
            case "BccRecipients" -> ed.bcc(append ? concat(current.bccRecipients()
                    .toArray(new EmailAddress[0]), addresses(e)) : addresses(e));
            case "IsRead" -> ed.read(bool(e));
            case "From" -> {
                EmailAddress[] a = addresses(e);
                ed.from(a.length == 0 ? null : a[0]);
            }
            default -> throw EwsException.of("ErrorInvalidPropertySet",
                    "The property " + e.name() + " cannot be set.");
        }
    }

    /** Clears one property (DeleteItemField). */
    static void delete(Message.Editor ed, String fieldUri) {
        switch (fieldUri) {
            case "item:Categories" -> ed.categories();
            case "message:ToRecipients" -> ed.to();
            case "message:CcRecipients" -> ed.cc();
            case "message:BccRecipients" -> ed.bcc();
            case "item:Body" -> ed.body(ItemBody.text(""));
            case "item:Subject" -> ed.subject(null);
            default -> throw EwsException.of("ErrorInvalidPropertyDelete",
                    "The property " + fieldUri + " cannot be deleted.");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] concat(T[] a, T[] b) {
        T[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
