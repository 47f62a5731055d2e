package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * A file attachment of a message (Graph's {@code fileAttachment}): its metadata and, for files a
 * client attached, its bytes; generated attachments carry no bytes, which are then derived
 * deterministically when asked for.
 *
 * @param name the file name
 * @param contentType the MIME type
 * @param size the size in bytes
 * @param inline whether the attachment is shown inline in the body
 * @param content the bytes a client attached, or null for generated attachments
 */
public record Attachment(String name, String contentType, int size, boolean inline,
        byte[] content) {

    /** Checks the name and type are present, the size is not negative and fits the bytes. */
    public Attachment {
        requireNonNull(name, "name");
        requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
        if (content != null && content.length != size) {
            throw new IllegalArgumentException("size differs from the content's length");
        }
    }

    /** A generated attachment, without bytes of its own. */
    public Attachment(String name, String contentType, int size, boolean inline) {
        this(name, contentType, size, inline, null);
    }

    /** An attachment a client uploaded, with its bytes. */
    public static Attachment uploaded(String name, String contentType, boolean inline,
            byte[] content) {
        return new Attachment(name, contentType, content.length, inline, content);
    }
}
