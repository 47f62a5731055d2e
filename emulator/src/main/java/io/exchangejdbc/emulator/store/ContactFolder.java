package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A folder of contacts in a mailbox: the default {@code Contacts} folder or a folder the user
 * made, possibly inside another one.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contactfolder">contactFolder</a>
 */
public final class ContactFolder {

    private final String id;
    private volatile String displayName;
    private final String parentFolderId;
    private final List<ContactFolder> children = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();

    ContactFolder(String id, String displayName, String parentFolderId) {
        this.id = requireNonNull(id, "id");
        this.displayName = requireNonNull(displayName, "displayName");
        this.parentFolderId = requireNonNull(parentFolderId, "parentFolderId");
    }

    /** Returns the folder id. */
    public String id() {
        return id;
    }

    /** Returns the name of the folder. */
    public String displayName() {
        return displayName;
    }

    /** Returns the id of the folder that holds this one (the hidden root for top folders). */
    public String parentFolderId() {
        return parentFolderId;
    }

    /** Returns the folders directly inside this one, in creation order. */
    public synchronized List<ContactFolder> children() {
        return List.copyOf(children);
    }

    /** Returns the contacts of this folder (not of its children), in creation order. */
    public synchronized List<Contact> contacts() {
        return List.copyOf(contacts);
    }

    synchronized void addChild(ContactFolder child) {
        children.add(child);
    }

    synchronized void addContact(Contact contact) {
        contacts.add(contact);
    }

    synchronized void rename(String newName) {
        this.displayName = requireNonNull(newName, "newName");
    }

    synchronized void replaceContact(Contact contact) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).id().equals(contact.id())) {
                contacts.set(i, contact);
                return;
            }
        }
        throw new IllegalArgumentException("no contact " + contact.id() + " in " + this);
    }

    synchronized void removeContact(String contactId) {
        contacts.removeIf(c -> c.id().equals(contactId));
    }

    synchronized void removeChild(ContactFolder child) {
        children.remove(child);
    }

    @Override
    public String toString() {
        return "ContactFolder[" + displayName + "]";
    }
}
