package io.exchangejdbc.emulator.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Codec of the opaque ids the store hands out for messages, folders, conversations and
 * attachments. Like Exchange's immutable ids they are URL-safe base64 of a binary entry id; here
 * the binary holds the mailbox key and a sequence number, so an id finds its item without an index
 * and never changes when the item moves.
 */
public final class ItemIds {

    /** Kind byte of a message id. */
    static final byte MESSAGE = 0x46;
    /** Kind byte of a folder id. */
    static final byte FOLDER = 0x01;
    /** Kind byte of a conversation id. */
    static final byte CONVERSATION = 0x10;
    /** Kind byte of an attachment id. */
    static final byte ATTACHMENT = 0x12;

    private static final int KEY_LENGTH = 16;
    private static final int ID_LENGTH = 4 + KEY_LENGTH + 2 + 4;

    private ItemIds() {
    }

    /** Returns the 16-byte mailbox key of a user id (a GUID). */
    public static byte[] mailboxKey(String userId) {
        UUID uuid = UUID.fromString(userId);
        return ByteBuffer.allocate(KEY_LENGTH).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** Encodes the id of an item of the given kind. */
    static String encode(byte kind, byte[] key, int seq) {
        return encode(kind, key, seq, -1);
    }

    /** Encodes an id; {@code sub} is the attachment's position, or -1 for other kinds. */
    static String encode(byte kind, byte[] key, int seq, int sub) {
        ByteBuffer buf = ByteBuffer.allocate(ID_LENGTH + (sub >= 0 ? 2 : 0));
        // The prefix makes the ids look like Exchange's ("AAMkA...", "AQMkA...").
        buf.put(kind == FOLDER ? (byte) 1 : 0).put(kind == CONVERSATION ? (byte) 4 : 3)
                .put((byte) 0x24).put((byte) 0);
        buf.put(key).put(kind).put((byte) 0).putInt(seq);
        if (sub >= 0) {
            buf.put((byte) 0x12).put((byte) sub);
        }
        return Base64.getUrlEncoder().encodeToString(buf.array());
    }

    /**
     * Decodes an id of the given kind.
     *
     * @return the sequence number, or -1 if the id is well formed but of another kind or mailbox
     * @throws IllegalArgumentException if the id is not an id of this store at all
     */
    static int decode(byte kind, byte[] key, String id) {
        byte[] bytes = decodeBytes(id);
        if (bytes[4 + KEY_LENGTH] != kind
                || !Arrays.equals(bytes, 4, 4 + KEY_LENGTH, key, 0, KEY_LENGTH)) {
            return -1;
        }
        return ByteBuffer.wrap(bytes, 4 + KEY_LENGTH + 2, 4).getInt();
    }

    /**
     * Decodes an attachment id of the given message.
     *
     * @return the attachment's position, or -1 if the id is not one of the message's attachments
     */
    static int decodeAttachment(byte[] key, int messageSeq, String id) {
        byte[] bytes;
        try {
            bytes = decodeBytes(id);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (bytes.length != ID_LENGTH + 2 || bytes[4 + KEY_LENGTH] != ATTACHMENT
                || !Arrays.equals(bytes, 4, 4 + KEY_LENGTH, key, 0, KEY_LENGTH)
                || ByteBuffer.wrap(bytes, 4 + KEY_LENGTH + 2, 4).getInt() != messageSeq) {
            return -1;
        }
        return bytes[ID_LENGTH + 1] & 0xff;
    }

    /**
     * Returns the id of the message an attachment id belongs to (either base64 alphabet), or
     * null if the string is not an attachment id of this store.
     */
    public static String messageIdOfAttachment(String attachmentId) {
        byte[] bytes;
        try {
            bytes = decodeBytes(attachmentId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != ID_LENGTH + 2 || bytes[4 + KEY_LENGTH] != ATTACHMENT) {
            return null;
        }
        byte[] message = Arrays.copyOf(bytes, ID_LENGTH);
        message[4 + KEY_LENGTH] = MESSAGE;
        return Base64.getUrlEncoder().encodeToString(message);
    }

    /** Tells whether a string has the form of an id of this store. */
    public static boolean isWellFormed(String id) {
        try {
            decodeBytes(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decodeBytes(String id) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(id.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Id is malformed.", e);
        }
        if (bytes.length != ID_LENGTH && bytes.length != ID_LENGTH + 2) {
            throw new IllegalArgumentException("Id is malformed.");
        }
        return bytes;
    }
}
