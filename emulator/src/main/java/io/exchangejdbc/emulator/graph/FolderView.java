package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;

/**
 * A mail folder together with the mailbox snapshot its item counts come from.
 *
 * @param folder the folder
 * @param snapshot the mailbox at the moment of the request
 */
record FolderView(MailFolder folder, Mailbox.Snapshot snapshot) {
}
