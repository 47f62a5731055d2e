package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.MailFolder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How EWS ids map to the store's ids. The store's ids (the ones Graph serves, as immutable ids)
 * are URL-safe base64 of a binary entry id holding the mailbox key, the kind and a sequence
 * number; EWS writes the very same bytes in the standard base64 alphabet ({@code +} and
 * {@code /} instead of {@code -} and {@code _}), as Exchange's EWS ids differ from its REST ids
 * only in their alphabet. So a Graph id and an EWS id of one item decode to the same bytes and
 * find the same store item; the store's decoder accepts either alphabet, and folder lookups
 * by id go through {@link #toStore(String)}.
 *
 * <p>The change key of a message is the store's (it changes with every change of the item); a
 * folder's is derived from its id, since folders carry no version in the store.
 */
public final class EwsIds {

    private EwsIds() {
    }

    /** Returns the EWS spelling of a store id. */
    public static String toEws(String storeId) {
        return storeId.replace('-', '+').replace('_', '/');
    }

    /** Returns the store spelling of an EWS id (Graph ids pass unchanged). */
    public static String toStore(String ewsId) {
        return ewsId.replace('+', '-').replace('/', '_');
    }

    /** Tells whether the id has the form of an id of this store, in either alphabet. */
    public static boolean isWellFormed(String id) {
        return id != null && !id.isEmpty() && ItemIds.isWellFormed(id);
    }

    /** Returns the change key of a folder. */
    public static String folderChangeKey(MailFolder folder) {
        byte[] id = folder.id().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12).put(new byte[] {1, 0, 0, 0, 0x16, 0, 0, 0})
                .putInt(java.util.Arrays.hashCode(id));
        return Base64.getEncoder().encodeToString(b.array());
    }
}
