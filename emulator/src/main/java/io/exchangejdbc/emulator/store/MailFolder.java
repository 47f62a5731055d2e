package io.exchangejdbc.emulator.store;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail folder of a mailbox (Graph's {@code mailFolder}, EWS's {@code Folder}): a node of the
 * folder tree under the root ({@code msgfolderroot}). Item counts live in the mailbox snapshot,
 * since they follow from the messages.
 */
public final class MailFolder {

    private final Mailbox mailbox;
    private final int seq;
    private final String id;
    private final MailFolder parent;
    private final WellKnownFolder wellKnown;
    private final boolean hidden;
    private final List<MailFolder> children = new CopyOnWriteArrayList<>();
    private volatile String displayName;

    MailFolder(Mailbox mailbox, int seq, MailFolder parent, String displayName,
            WellKnownFolder wellKnown, boolean hidden) {
        this.mailbox = mailbox;
        this.seq = seq;
        this.id = ItemIds.encode(ItemIds.FOLDER, mailbox.key(), seq);
        this.parent = parent;
        this.displayName = displayName;
        this.wellKnown = wellKnown;
        this.hidden = hidden;
    }

    /** Returns the folder's immutable id. */
    public String id() {
        return id;
    }

    /** Returns the mailbox the folder belongs to. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** Returns the display name. */
    public String displayName() {
        return displayName;
    }

    void rename(String name) {
        this.displayName = name;
    }

    /** Returns the parent folder, or null for the root. */
    public MailFolder parent() {
        return parent;
    }

    /**
     * Returns the id of the parent folder; the root's parent is the mailbox's hidden top folder,
     * which has an id but cannot be addressed.
     */
    public String parentFolderId() {
        return parent == null ? mailbox.rootParentId() : parent.id();
    }

    /** Returns the distinguished folder this is, if it is one. */
    public Optional<WellKnownFolder> wellKnown() {
        return Optional.ofNullable(wellKnown);
    }

    /** Tells whether the folder is hidden from folder listings. */
    public boolean isHidden() {
        return hidden;
    }

    /** Returns the child folders in creation order. */
    public List<MailFolder> children() {
        return Collections.unmodifiableList(children);
    }

    void addChild(MailFolder child) {
        children.add(child);
    }

    /** Tells whether this folder is the given folder or lies below it. */
    public boolean isWithin(MailFolder ancestor) {
        for (MailFolder f = this; f != null; f = f.parent) {
            if (f == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Returns the path of display names below the root, e.g. {@code Inbox/Projects/2026}. */
    public String path() {
        if (parent == null) {
            return "";
        }
        String up = parent.path();
        return up.isEmpty() ? displayName : up + "/" + displayName;
    }

    int seq() {
        return seq;
    }

    @Override
    public String toString() {
        return parent == null ? displayName : path();
    }

    void removeChild(MailFolder child) {
        children.remove(child);
    }
}
