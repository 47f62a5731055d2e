package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An email message in a mailbox, with the properties of Graph's {@code message} type (and what EWS
 * needs of a {@code Message} item).
 *
 * <p>Kept compact because a benchmark mailbox holds a million: bodies, recipient lists, category
 * lists and attachment lists are shared immutable values, times are epoch seconds, and values that
 * follow from others (ids, change key, conversation id and index, internet message id, web link,
 * headers) are computed when read. Fields change only under the mailbox's lock.
 */
public final class Message {

    private static final EmailAddress[] NO_RECIPIENTS = new EmailAddress[0];
    private static final String[] NO_CATEGORIES = new String[0];
    private static final Attachment[] NO_ATTACHMENTS = new Attachment[0];
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final int READ = 1;
    private static final int DRAFT = 1 << 1;
    private static final int DELIVERY_RECEIPT = 1 << 2;
    private static final int READ_RECEIPT = 1 << 3;
    private static final int OTHER = 1 << 4;
    private static final int IMPORTANCE_SHIFT = 5;

    private final Mailbox mailbox;
    private final int seq;
    private MailFolder folder;
    private long received;
    private long sent;
    private long created;
    private long modified;
    private String subject;
    private ItemBody body;
    private EmailAddress from;
    private EmailAddress sender;
    private EmailAddress[] to;
    private EmailAddress[] cc;
    private EmailAddress[] bcc;
    private EmailAddress[] replyTo;
    private String[] categories;
    private Attachment[] attachments;
    private FollowupFlag flag;
    private String internetMessageId;
    private int conversation;
    private int changeNumber;
    private int bits;

    Message(Mailbox mailbox, int seq, MailFolder folder, Builder b) {
        this.mailbox = mailbox;
        this.seq = seq;
        this.folder = folder;
        this.received = b.received.getEpochSecond();
        this.sent = b.sent == null ? received : b.sent.getEpochSecond();
        this.created = b.created == null ? received : b.created.getEpochSecond();
        this.modified = b.modified == null ? created : b.modified.getEpochSecond();
        this.subject = b.subject;
        this.body = b.body;
        this.from = b.from;
        this.sender = b.sender == null ? b.from : b.sender;
        this.to = b.to;
        this.cc = b.cc;
        this.bcc = b.bcc;
        this.replyTo = b.replyTo;
        this.categories = b.categories;
        this.attachments = b.attachments;
        this.flag = b.flag;
        this.internetMessageId = b.internetMessageId;
        this.conversation = b.conversation < 0 ? seq : b.conversation;
        this.bits = (b.read ? READ : 0) | (b.draft ? DRAFT : 0)
                | (b.deliveryReceipt ? DELIVERY_RECEIPT : 0) | (b.readReceipt ? READ_RECEIPT : 0)
                | (b.inference == InferenceClassification.OTHER ? OTHER : 0)
                | (b.importance.ordinal() << IMPORTANCE_SHIFT);
    }

    /** Returns the message's immutable id. */
    public String id() {
        return ItemIds.encode(ItemIds.MESSAGE, mailbox.key(), seq);
    }

    /** Returns the sequence number of the message within its mailbox (creation order). */
    public int seq() {
        return seq;
    }

    /** Returns the mailbox holding the message. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** Returns the folder holding the message. */
    public MailFolder folder() {
        return folder;
    }

    /** Returns the id of the folder holding the message. */
    public String parentFolderId() {
        return folder.id();
    }

    /** Returns the subject, may be null. */
    public String subject() {
        return subject;
    }

    /** Returns the body. */
    public ItemBody body() {
        return body;
    }

    /** Returns the first characters of the body as text. */
    public String bodyPreview() {
        return body.preview();
    }

    /** Returns the author, or null (drafts). */
    public EmailAddress from() {
        return from;
    }

    /** Returns the account that actually sent the message, or null (drafts). */
    public EmailAddress sender() {
        return sender;
    }

    /** Returns the To recipients. */
    public List<EmailAddress> toRecipients() {
        return list(to);
    }

    /** Returns the Cc recipients. */
    public List<EmailAddress> ccRecipients() {
        return list(cc);
    }

    /** Returns the Bcc recipients. */
    public List<EmailAddress> bccRecipients() {
        return list(bcc);
    }

    /** Returns the addresses replies should go to. */
    public List<EmailAddress> replyTo() {
        return list(replyTo);
    }

    /** Returns the category names. */
    public List<String> categories() {
        return list(categories);
    }

    /** Returns the attachments' metadata. */
    public List<Attachment> attachments() {
        return list(attachments);
    }

    /** Returns the id of the attachment at the given position. */
    public String attachmentId(int index) {
        if (index < 0 || index >= attachments.length) {
            throw new IndexOutOfBoundsException(index);
        }
        return ItemIds.encode(ItemIds.ATTACHMENT, mailbox.key(), seq, index);
    }

    /** Returns the position of the attachment with the given id, or -1 if it is not one. */
    public int attachmentIndex(String attachmentId) {
        int i = ItemIds.decodeAttachment(mailbox.key(), seq, attachmentId);
        return i < attachments.length ? i : -1;
    }

    /** Tells whether the message has attachments other than inline ones, as Graph does. */
    public boolean hasAttachments() {
        for (Attachment a : attachments) {
            if (!a.inline()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the follow-up flag. */
    public FollowupFlag flag() {
        return flag;
    }

    /** Returns the importance. */
    public Importance importance() {
        return Importance.values()[(bits >>> IMPORTANCE_SHIFT) & 3];
    }

    /** Returns the Focused Inbox classification. */
    public InferenceClassification inferenceClassification() {
        return (bits & OTHER) != 0 ? InferenceClassification.OTHER
                : InferenceClassification.FOCUSED;
    }

    /** Tells whether the message has been read. */
    public boolean isRead() {
        return (bits & READ) != 0;
    }

    /** Tells whether the message is a draft (not sent yet). */
    public boolean isDraft() {
        return (bits & DRAFT) != 0;
    }

    /** Tells whether the sender asked for a delivery receipt. */
    public boolean isDeliveryReceiptRequested() {
        return (bits & DELIVERY_RECEIPT) != 0;
    }

    /** Tells whether the sender asked for a read receipt. */
    public boolean isReadReceiptRequested() {
        return (bits & READ_RECEIPT) != 0;
    }

    /** Returns when the message arrived in the mailbox. */
    public Instant receivedDateTime() {
        return Instant.ofEpochSecond(received);
    }

    /** Returns {@link #receivedDateTime()} as epoch seconds, without allocating. */
    public long receivedEpochSecond() {
        return received;
    }

    /** Returns when the message was sent. */
    public Instant sentDateTime() {
        return Instant.ofEpochSecond(sent);
    }

    /** Returns when the item was created in the mailbox. */
    public Instant createdDateTime() {
        return Instant.ofEpochSecond(created);
    }

    /** Returns when the item was last changed. */
    public Instant lastModifiedDateTime() {
        return Instant.ofEpochSecond(modified);
    }

    /** Returns the number of changes made to the item since it was created. */
    public int changeNumber() {
        return changeNumber;
    }

    /** Returns the version of the item, which changes with every change (also its etag). */
    public String changeKey() {
        ByteBuffer buf = ByteBuffer.allocate(30);
        // Exchange change keys start with the same fixed header (base64 "CQAAABYAAA").
        buf.put(new byte[] {9, 0, 0, 0, 0x16, 0, 0, 0});
        buf.put(mailbox.key());
        buf.putShort((short) (seq >>> 16)).putShort((short) seq).putShort((short) changeNumber);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** Returns the number of the conversation (thread) the message belongs to. */
    public int conversationNumber() {
        return conversation;
    }

    /** Returns the id of the conversation (thread) the message belongs to. */
    public String conversationId() {
        return ItemIds.encode(ItemIds.CONVERSATION, mailbox.key(), conversation);
    }

    /** Returns the conversation index: the thread's header block, plus one block per reply. */
    public byte[] conversationIndex() {
        boolean reply = subject != null && (subject.startsWith("RE:") || subject.startsWith("FW:"));
        ByteBuffer buf = ByteBuffer.allocate(reply ? 27 : 22);
        long fileTime = (sent + 11_644_473_600L) * 10_000_000L;
        buf.put((byte) 1).put((byte) (fileTime >>> 48)).putInt((int) (fileTime >>> 16));
        buf.put(mailbox.key(), 0, 12).putInt(conversation);
        if (reply) {
            buf.put((byte) 0).putInt((int) (received - sent) * 1000);
        }
        return buf.array();
    }

    /** Returns the RFC 5322 Message-ID. */
    public String internetMessageId() {
        if (internetMessageId != null) {
            return internetMessageId;
        }
        String host = from == null ? mailbox.owner().mail() : from.address();
        host = host.substring(host.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        long mix = (seq * 0x9E3779B97F4A7C15L) ^ (mailbox.keyHash() * 31L + conversation);
        return "<" + Long.toHexString(mix).toUpperCase(Locale.ROOT) + "@" + host + ">";
    }

    /** Returns the link that opens the message in Outlook on the web. */
    public String webLink() {
        return "https://outlook.office365.com/owa/?ItemID="
                + URLEncoder.encode(id(), StandardCharsets.UTF_8)
                + "&exvsurl=1&viewmodel=ReadMessageItem";
    }

    /** Returns the message's internet headers, as a transport would have written them. */
    public List<InternetMessageHeader> internetMessageHeaders() {
        List<InternetMessageHeader> h = new ArrayList<>(8);
        h.add(new InternetMessageHeader("MIME-Version", "1.0"));
        h.add(new InternetMessageHeader("Content-Type",
                body.contentType() == BodyType.HTML ? "text/html; charset=\"utf-8\""
                        : "text/plain; charset=\"utf-8\""));
        h.add(new InternetMessageHeader("Message-ID", internetMessageId()));
        h.add(new InternetMessageHeader("Date", RFC_1123.format(sentDateTime())));
        if (from != null) {
            h.add(new InternetMessageHeader("From", from.toString()));
        }
        if (to.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (EmailAddress a : to) {
                sb.append(sb.length() == 0 ? "" : ", ").append(a);
            }
            h.add(new InternetMessageHeader("To", sb.toString()));
        }
        if (subject != null) {
            h.add(new InternetMessageHeader("Subject", subject));
        }
        h.add(new InternetMessageHeader("X-MS-Exchange-Organization-SCL",
                inferenceClassification() == InferenceClassification.OTHER ? "5" : "1"));
        return h;
    }

    private static <T> List<T> list(T[] values) {
        return values.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(values));
    }

    void moveTo(MailFolder target, long now) {
        this.folder = target;
        touch(now);
    }

    void touch(long now) {
        this.modified = Math.max(now, created);
        this.changeNumber++;
    }

    @Override
    public String toString() {
        return "Message[" + seq + " in " + folder + ": " + subject + "]";
    }

    /**
     * Returns a builder holding all of this message's values, for a copy of it (in the same
     * conversation) in another folder or mailbox.
     */
    public Builder copyBuilder() {
        Builder b = new Builder();
        b.received = receivedDateTime();
        b.sent = sentDateTime();
        b.created = createdDateTime();
        b.modified = lastModifiedDateTime();
        b.subject = subject;
        b.body = body;
        b.from = from;
        b.sender = sender;
        b.to = to;
        b.cc = cc;
        b.bcc = bcc;
        b.replyTo = replyTo;
        b.categories = categories;
        b.attachments = attachments;
        b.flag = flag;
        b.importance = importance();
        b.inference = inferenceClassification();
        b.internetMessageId = internetMessageId;
        b.conversation = conversation;
        b.read = isRead();
        b.draft = isDraft();
        b.deliveryReceipt = isDeliveryReceiptRequested();
        b.readReceipt = isReadReceiptRequested();
        return b;
    }

    /** Returns a builder of a new message; {@code receivedDateTime} and the body are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder of new messages. One builder may be reused for many messages; arrays given to it are
     * shared with the messages built from it, so they must not change afterwards.
     */
    public static final class Builder {
        private Instant received;
        private Instant sent;
        private Instant created;
        private Instant modified;
        private String subject;
        private ItemBody body;
        private EmailAddress from;
        private EmailAddress sender;
        private EmailAddress[] to = NO_RECIPIENTS;
        private EmailAddress[] cc = NO_RECIPIENTS;
        private EmailAddress[] bcc = NO_RECIPIENTS;
        private EmailAddress[] replyTo = NO_RECIPIENTS;
        private String[] categories = NO_CATEGORIES;
        private Attachment[] attachments = NO_ATTACHMENTS;
        private FollowupFlag flag = FollowupFlag.NOT_FLAGGED;
        private Importance importance = Importance.NORMAL;
        private InferenceClassification inference = InferenceClassification.FOCUSED;
        private String internetMessageId;
        private int conversation = -1;
        private boolean read;
        private boolean draft;
        private boolean deliveryReceipt;
        private boolean readReceipt;

        private Builder() {
        }

        /** Sets when the message arrived. */
        public Builder receivedDateTime(Instant v) {
            this.received = v;
            return this;
        }

        /** Sets when it was sent (default: when it arrived). */
        public Builder sentDateTime(Instant v) {
            this.sent = v;
            return this;
        }

        /** Sets when the item was created (default: when it arrived). */
        public Builder createdDateTime(Instant v) {
            this.created = v;
            return this;
        }

        /** Sets when the item was last changed (default: when it was created). */
        public Builder lastModifiedDateTime(Instant v) {
            this.modified = v;
            return this;
        }

        /** Sets the subject. */
        public Builder subject(String v) {
            this.subject = v;
            return this;
        }

        /** Sets the body. */
        public Builder body(ItemBody v) {
            this.body = v;
            return this;
        }

        /** Sets the author (and the sender unless set apart). */
        public Builder from(EmailAddress v) {
            this.from = v;
            return this;
        }

        /** Sets the account that sent the message on behalf of the author. */
        public Builder sender(EmailAddress v) {
            this.sender = v;
            return this;
        }

        /** Sets the To recipients. */
        public Builder to(EmailAddress... v) {
            this.to = v.length == 0 ? NO_RECIPIENTS : v;
            return this;
        }

        /** Sets the Cc recipients. */
        public Builder cc(EmailAddress... v) {
            this.cc = v.length == 0 ? NO_RECIPIENTS : v;
            return this;
        }

        /** Sets the Bcc recipients. */
        public Builder bcc(EmailAddress... v) {
            this.bcc = v.length == 0 ? NO_RECIPIENTS : v;
            return this;
        }

        /** Sets the reply-to addresses. */
        public Builder replyTo(EmailAddress... v) {
            this.replyTo = v.length == 0 ? NO_RECIPIENTS : v;
            return this;
        }

        /** Sets the categories. */
        public Builder categories(String... v) {
            this.categories = v.length == 0 ? NO_CATEGORIES : v;
            return this;
        }

        /** Sets the attachments. */
        public Builder attachments(Attachment... v) {
            this.attachments = v.length == 0 ? NO_ATTACHMENTS : v;
            return this;
        }

        /** Sets the follow-up flag. */
        public Builder flag(FollowupFlag v) {
            this.flag = requireNonNull(v, "flag");
            return this;
        }

        /** Sets the importance. */
        public Builder importance(Importance v) {
            this.importance = requireNonNull(v, "importance");
            return this;
        }

        /** Sets the Focused Inbox classification. */
        public Builder inferenceClassification(InferenceClassification v) {
            this.inference = requireNonNull(v, "inferenceClassification");
            return this;
        }

        /** Sets the Message-ID (default: derived from the item). */
        public Builder internetMessageId(String v) {
            this.internetMessageId = v;
            return this;
        }

        /** Sets the conversation number (default: a conversation of its own). */
        public Builder conversation(int v) {
            this.conversation = v;
            return this;
        }

        /** Sets whether the message has been read. */
        public Builder read(boolean v) {
            this.read = v;
            return this;
        }

        /** Sets whether the message is a draft. */
        public Builder draft(boolean v) {
            this.draft = v;
            return this;
        }

        /** Sets whether a delivery receipt was asked for. */
        public Builder deliveryReceiptRequested(boolean v) {
            this.deliveryReceipt = v;
            return this;
        }

        /** Sets whether a read receipt was asked for. */
        public Builder readReceiptRequested(boolean v) {
            this.readReceipt = v;
            return this;
        }

        void check() {
            requireNonNull(received, "receivedDateTime");
            requireNonNull(body, "body");
            requireNonNull(to, "to");
            requireNonNull(cc, "cc");
            requireNonNull(bcc, "bcc");
            requireNonNull(replyTo, "replyTo");
            requireNonNull(categories, "categories");
            requireNonNull(attachments, "attachments");
        }
    }

    /**
     * The changes a client may make to an existing message; used inside
     * {@link Mailbox#updateMessage(Message, java.util.function.Consumer)}, which records the
     * change (new change key, last-modified time).
     */
    public final class Editor {

        Editor() {
        }

        /** Marks the message read or unread. */
        public Editor read(boolean v) {
            bits = v ? bits | READ : bits & ~READ;
            return this;
        }

        /** Changes the subject. */
        public Editor subject(String v) {
            subject = v;
            return this;
        }

        /** Replaces the body. */
        public Editor body(ItemBody v) {
            body = requireNonNull(v, "body");
            return this;
        }

        /** Replaces the categories. */
        public Editor categories(String... v) {
            categories = v.length == 0 ? NO_CATEGORIES : v.clone();
            return this;
        }

        /** Changes the importance. */
        public Editor importance(Importance v) {
            bits = (bits & ~(3 << IMPORTANCE_SHIFT)) | (v.ordinal() << IMPORTANCE_SHIFT);
            return this;
        }

        /** Replaces the follow-up flag. */
        public Editor flag(FollowupFlag v) {
            flag = requireNonNull(v, "flag");
            return this;
        }

        /** Replaces the Cc recipients. */
        public Editor cc(EmailAddress... v) {
            cc = v.length == 0 ? NO_RECIPIENTS : v.clone();
            return this;
        }

        /** Replaces the Bcc recipients. */
        public Editor bcc(EmailAddress... v) {
            bcc = v.length == 0 ? NO_RECIPIENTS : v.clone();
            return this;
        }

        /** Replaces the reply-to addresses. */
        public Editor replyTo(EmailAddress... v) {
            replyTo = v.length == 0 ? NO_RECIPIENTS : v.clone();
            return this;
        }

        /** Sets whether a delivery receipt is requested. */
        public Editor deliveryReceiptRequested(boolean v) {
            bits = v ? bits | DELIVERY_RECEIPT : bits & ~DELIVERY_RECEIPT;
            return this;
        }

        /** Sets whether a read receipt is requested. */
        public Editor readReceiptRequested(boolean v) {
            bits = v ? bits | READ_RECEIPT : bits & ~READ_RECEIPT;
            return this;
        }

        /** Sets the Focused Inbox classification. */
        public Editor inferenceClassification(InferenceClassification v) {
            bits = v == InferenceClassification.OTHER ? bits | OTHER : bits & ~OTHER;
            return this;
        }

        /** Sets the Internet message id. */
        public Editor internetMessageId(String v) {
            internetMessageId = v;
            return this;
        }

        /** Replaces the To recipients. */
        public Editor to(EmailAddress... v) {
            to = v.length == 0 ? NO_RECIPIENTS : v.clone();
            return this;
        }

        /** Marks the message a draft or a sent (or received) message. */
        public Editor draft(boolean v) {
            bits = v ? bits | DRAFT : bits & ~DRAFT;
            return this;
        }

        /** Sets the author and the sender, as sending does. */
        public Editor from(EmailAddress v) {
            from = v;
            sender = v;
            return this;
        }

        /** Sets when the message was sent. */
        public Editor sentDateTime(Instant v) {
            sent = requireNonNull(v, "sentDateTime").getEpochSecond();
            return this;
        }

        /** Replaces the attachments (adding or removing one renumbers those after it). */
        public Editor attachments(Attachment... v) {
            if (v.length > 256) {
                throw new IllegalArgumentException("more than 256 attachments");
            }
            attachments = v.length == 0 ? NO_ATTACHMENTS : v.clone();
            return this;
        }

        /**
         * Marks a draft as sent by the given author at the given time: it is no longer a draft
         * and its sent and received times become that time.
         */
        public Editor sent(EmailAddress author, Instant when) {
            from = requireNonNull(author, "author");
            sender = author;
            sent = when.getEpochSecond();
            received = sent;
            bits &= ~DRAFT;
            bits |= READ;
            return this;
        }
    }
}
