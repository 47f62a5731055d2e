package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Message;
import java.nio.charset.StandardCharsets;

/**
 * An attachment of a message as Graph's {@code fileAttachment}: its metadata, an id derived from
 * the message's, and content bytes made up deterministically from its name and size.
 *
 * @param message the message
 * @param index the attachment's position in the message
 * @param attachment the metadata
 */
record AttachmentView(Message message, int index, Attachment attachment) {

    /** Returns the attachment's id. */
    String id() {
        return message.attachmentId(index);
    }

    /**
     * Returns the content: the bytes a client attached, else the attachment's name and subject
     * repeated to its size.
     */
    byte[] contentBytes() {
        if (attachment.content() != null) {
            return attachment.content();
        }
        int size = attachment.size();
        byte[] seed = (attachment.name() + " " + message.subject() + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = seed[i % seed.length];
        }
        return out;
    }
}
