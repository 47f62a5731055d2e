package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * Metadata of a file attachment of a message (Graph's {@code fileAttachment} without its bytes,
 * which are derived deterministically when asked for).
 *
 * @param name the file name
 * @param contentType the MIME type
 * @param size the size in bytes
 * @param inline whether the attachment is shown inline in the body
 */
public record Attachment(String name, String contentType, int size, boolean inline) {

    /** Checks the name and type are present and the size is not negative. */
    public Attachment {
        requireNonNull(name, "name");
        requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }
}
