package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contacts of one mailbox: a hidden root whose children are the top-level contact folders,
 * among them the default {@code Contacts} folder that {@code /contacts} reads.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-contactfolders">List
 *     contactFolders</a>
 */
public final class ContactBook {

    /** Kind byte of a contact id (Exchange's ids share their form whatever the item kind). */
    static final byte CONTACT = 0x47;
    /** Kind byte of a contact folder id. */
    static final byte CONTACT_FOLDER = 0x02;

    private final byte[] key;
    private final String rootId;
    private final ContactFolder root;
    private final ContactFolder defaultFolder;
    private final Map<String, ContactFolder> foldersById = new ConcurrentHashMap<>();
    private final Map<String, Contact> contactsById = new ConcurrentHashMap<>();
    private int folderSeq;
    private int contactSeq;

    ContactBook(byte[] key) {
        this.key = requireNonNull(key, "key");
        this.rootId = ItemIds.encode(CONTACT_FOLDER, key, folderSeq++);
        this.root = new ContactFolder(rootId, "Root", rootId);
        this.defaultFolder = createFolder(root, "Contacts");
    }

    /** Returns the default {@code Contacts} folder. */
    public ContactFolder defaultFolder() {
        return defaultFolder;
    }

    /** Returns the top-level folders (the children of the hidden root). */
    public List<ContactFolder> topFolders() {
        return root.children();
    }

    /** Finds a folder by id; {@code contacts} names the default folder. */
    public Optional<ContactFolder> folder(String id) {
        if ("contacts".equalsIgnoreCase(id)) {
            return Optional.of(defaultFolder);
        }
        return Optional.ofNullable(foldersById.get(id));
    }

    /** Every folder of the book except the root, parents before children. */
    public List<ContactFolder> folders() {
        List<ContactFolder> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(ContactFolder f, List<ContactFolder> out) {
        for (ContactFolder c : f.children()) {
            out.add(c);
            collect(c, out);
        }
    }

    /** Creates a folder inside {@code parent}. */
    public synchronized ContactFolder createFolder(ContactFolder parent, String displayName) {
        requireNonNull(parent, "parent");
        ContactFolder f = new ContactFolder(ItemIds.encode(CONTACT_FOLDER, key, folderSeq++),
                displayName, parent.id());
        foldersById.put(f.id(), f);
        parent.addChild(f);
        return f;
    }

    /** Creates a top-level folder, beside the default one. */
    public ContactFolder createTopFolder(String displayName) {
        return createFolder(root, displayName);
    }

    /** The id the next contact added will have. */
    public synchronized String nextContactId() {
        return ItemIds.encode(CONTACT, key, contactSeq);
    }

    /** Adds a contact made with {@link #nextContactId()} to the folder it names as parent. */
    public synchronized Contact addContact(Contact contact) {
        requireNonNull(contact, "contact");
        if (!contact.id().equals(nextContactId())) {
            throw new IllegalArgumentException("contact id must come from nextContactId()");
        }
        ContactFolder folder = foldersById.get(contact.parentFolderId());
        if (folder == null) {
            throw new IllegalArgumentException("no contact folder " + contact.parentFolderId());
        }
        contactSeq++;
        contactsById.put(contact.id(), contact);
        folder.addContact(contact);
        return contact;
    }

    /** Replaces a contact by one with the same id and folder (an update). */
    public synchronized Contact replaceContact(Contact contact) {
        requireNonNull(contact, "contact");
        Contact old = contactsById.get(contact.id());
        if (old == null || !old.parentFolderId().equals(contact.parentFolderId())) {
            throw new IllegalArgumentException("no contact " + contact.id() + " in its folder");
        }
        foldersById.get(old.parentFolderId()).replaceContact(contact);
        contactsById.put(contact.id(), contact);
        return contact;
    }

    /** Deletes a contact; false when there is none with that id. */
    public synchronized boolean removeContact(String id) {
        Contact old = contactsById.remove(id);
        if (old == null) {
            return false;
        }
        foldersById.get(old.parentFolderId()).removeContact(id);
        return true;
    }

    /** Renames a folder. */
    public synchronized void renameFolder(ContactFolder folder, String displayName) {
        requireNonNull(displayName, "displayName");
        folder.rename(displayName);
    }

    /**
     * Deletes a folder with its child folders and every contact in them.
     *
     * @throws IllegalArgumentException for the default folder, which cannot be deleted
     */
    public synchronized void deleteFolder(ContactFolder folder) {
        if (folder == defaultFolder || folder == root) {
            throw new IllegalArgumentException("the default contact folder cannot be deleted");
        }
        for (ContactFolder child : folder.children()) {
            deleteFolder(child);
        }
        for (Contact c : folder.contacts()) {
            contactsById.remove(c.id());
            folder.removeContact(c.id());
        }
        foldersById.remove(folder.id());
        ContactFolder parent = folder.parentFolderId().equals(rootId) ? root
                : foldersById.get(folder.parentFolderId());
        if (parent != null) {
            parent.removeChild(folder);
        }
    }

    /** Whether the folder is the default {@code Contacts} folder. */
    public boolean isDefault(ContactFolder folder) {
        return folder == defaultFolder;
    }

    /** Finds a contact by id. */
    public Optional<Contact> contact(String id) {
        return Optional.ofNullable(contactsById.get(id));
    }
}
