package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The mailbox of one user: a folder tree and the messages in it.
 *
 * <p>Writers take the mailbox's lock; readers work on an immutable {@link Snapshot} of the
 * messages in Graph's default order (newest received first), rebuilt lazily after a change, so
 * paging through a large mailbox reads arrays instead of re-sorting it.
 */
public final class Mailbox {

    private final User owner;
    private final byte[] key;
    private final long keyHash;
    private final Clock clock;
    private final String rootParentId;
    private final MailFolder root;
    private final Map<WellKnownFolder, MailFolder> wellKnown = new EnumMap<>(WellKnownFolder.class);
    private final Map<String, MailFolder> foldersById = new ConcurrentHashMap<>();
    private final List<MailFolder> folders = new ArrayList<>();
    private final ArrayList<Message> bySeq = new ArrayList<>();
    private long version;
    private int lastFolderSeq;
    private final Map<Attachment, byte[]> attachmentContents =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private int messageCount;
    private volatile Snapshot snapshot;
    private MailboxCalendars calendars;
    private final ContactBook contacts;
    private final ExtendedProperties extendedProperties = new ExtendedProperties();
    private volatile MailboxSettings settings = MailboxSettings.defaults();
    private TaskList tasks;

    Mailbox(User owner, Clock clock) {
        this.owner = requireNonNull(owner, "owner");
        this.clock = requireNonNull(clock, "clock");
        this.key = ItemIds.mailboxKey(owner.id());
        this.keyHash = Arrays.hashCode(key);
        this.rootParentId = ItemIds.encode(ItemIds.FOLDER, key, 0);
        this.contacts = new ContactBook(key);
        this.root = newFolder(null, WellKnownFolder.MSGFOLDERROOT.displayName(),
                WellKnownFolder.MSGFOLDERROOT, false);
        wellKnown.put(WellKnownFolder.MSGFOLDERROOT, root);
        for (WellKnownFolder f : WellKnownFolder.values()) {
            if (f != WellKnownFolder.MSGFOLDERROOT) {
                wellKnown.put(f, newFolder(root, f.displayName(), f, false));
            }
        }
    }

    /** Returns the calendars of the mailbox, with their groups and events. */
    public synchronized MailboxCalendars calendars() {
        if (calendars == null) {
            calendars = new MailboxCalendars(this);
        }
        return calendars;
    }

    /** Returns the contact folders and contacts of the mailbox. */
    public ContactBook contacts() {
        return contacts;
    }

    /** Returns the single-value extended properties of the mailbox's messages. */
    public ExtendedProperties extendedProperties() {
        return extendedProperties;
    }

    /** Returns the mailbox settings (time zone, working hours, automatic replies...). */
    public MailboxSettings settings() {
        return settings;
    }

    /** Replaces the mailbox settings. */
    public void setSettings(MailboxSettings newSettings) {
        this.settings = requireNonNull(newSettings, "newSettings");
    }

    /** Returns the Tasks folder of the mailbox with its tasks. */
    public synchronized TaskList tasks() {
        if (tasks == null) {
            tasks = new TaskList(this, clock);
        }
        return tasks;
    }

    /** Returns the user who owns the mailbox. */
    public User owner() {
        return owner;
    }

    byte[] key() {
        return key;
    }

    long keyHash() {
        return keyHash;
    }

    String rootParentId() {
        return rootParentId;
    }

    /** Returns the root folder ({@code msgfolderroot}, "Top of Information Store"). */
    public MailFolder root() {
        return root;
    }

    /** Returns a distinguished folder. */
    public MailFolder folder(WellKnownFolder which) {
        return wellKnown.get(which);
    }

    /**
     * Finds a folder by id or by well-known name (case-insensitive), as Graph accepts either in
     * {@code /mailFolders/{id}}.
     */
    public Optional<MailFolder> folder(String idOrWellKnownName) {
        Optional<WellKnownFolder> named = WellKnownFolder.fromName(idOrWellKnownName);
        if (named.isPresent()) {
            return Optional.of(wellKnown.get(named.get()));
        }
        return Optional.ofNullable(foldersById.get(idOrWellKnownName));
    }

    /** Returns all folders, root first, in creation order. */
    public synchronized List<MailFolder> folders() {
        List<MailFolder> live = new ArrayList<>(folders.size());
        for (MailFolder f : folders) {
            if (f == root || foldersById.containsKey(f.id())) {
                live.add(f);
            }
        }
        return live;
    }

    /** Finds a folder by its path of display names, e.g. {@code Inbox/Projects/2026}. */
    public Optional<MailFolder> folderByPath(String path) {
        MailFolder current = root;
        for (String name : path.split("/")) {
            MailFolder next = null;
            for (MailFolder child : current.children()) {
                if (child.displayName().equalsIgnoreCase(name)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    /** Creates a folder below the given one. */
    public synchronized MailFolder createFolder(MailFolder parent, String displayName) {
        checkOwn(parent);
        requireNonNull(displayName, "displayName");
        MailFolder f = newFolder(parent, displayName, null, false);
        changed();
        return f;
    }

    /** Renames a folder. */
    public synchronized void renameFolder(MailFolder folder, String displayName) {
        checkOwn(folder);
        folder.rename(requireNonNull(displayName, "displayName"));
        changed();
    }

    private MailFolder newFolder(MailFolder parent, String name, WellKnownFolder wk,
            boolean hidden) {
        // Sequence 0 is the hidden top folder above the root.
        // Numbered by a counter, not the list's size, so that ids stay unique after deletions.
        MailFolder f = new MailFolder(this, ++lastFolderSeq, parent, name, wk, hidden);
        folders.add(f);
        foldersById.put(f.id(), f);
        if (parent != null) {
            parent.addChild(f);
        }
        return f;
    }

    /** Adds a message to a folder and returns it. */
    public synchronized Message addMessage(MailFolder folder, Message.Builder builder) {
        checkOwn(folder);
        builder.check();
        Message m = new Message(this, bySeq.size(), folder, builder);
        bySeq.add(m);
        messageCount++;
        changed();
        return m;
    }

    /** Finds a message by id; an id of another mailbox or kind is simply not found. */
    public Optional<Message> message(String id) {
        int seq;
        try {
            seq = ItemIds.decode(ItemIds.MESSAGE, key, id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        synchronized (this) {
            return seq < 0 || seq >= bySeq.size() ? Optional.empty()
                    : Optional.ofNullable(bySeq.get(seq));
        }
    }

    /** Applies changes to a message and records them (change key, last-modified time). */
    public synchronized void updateMessage(Message message, Consumer<Message.Editor> edit) {
        checkOwn(message);
        edit.accept(message.new Editor());
        message.touch(clock.instant().getEpochSecond());
        changed();
    }

    /** Moves a message to another folder; its id stays the same (immutable ids). */
    public synchronized void moveMessage(Message message, MailFolder target) {
        checkOwn(message);
        checkOwn(target);
        message.moveTo(target, clock.instant().getEpochSecond());
        changed();
    }

    /** Deletes a message for good; returns false if it was already gone. */
    public synchronized boolean deleteMessage(Message message) {
        checkOwn(message);
        if (bySeq.get(message.seq()) != message) {
            return false;
        }
        bySeq.set(message.seq(), null);
        messageCount--;
        changed();
        return true;
    }

    /** Creates a folder below the given one, hidden from folder lists when asked. */
    public synchronized MailFolder createFolder(MailFolder parent, String displayName,
            boolean hidden) {
        checkOwn(parent);
        requireNonNull(displayName, "displayName");
        MailFolder f = newFolder(parent, displayName, null, hidden);
        changed();
        return f;
    }

    /**
     * Deletes a folder with its subfolders and the messages in them; well-known folders cannot
     * be deleted.
     */
    public synchronized void deleteFolder(MailFolder folder) {
        checkOwn(folder);
        if (folder.wellKnown().isPresent()) {
            throw new IllegalArgumentException("well-known folder " + folder);
        }
        List<MailFolder> gone = new ArrayList<>();
        for (MailFolder f : folders) {
            if (f.isWithin(folder)) {
                gone.add(f);
            }
        }
        for (int i = 0; i < bySeq.size(); i++) {
            Message m = bySeq.get(i);
            if (m != null && gone.contains(m.folder())) {
                bySeq.set(i, null);
                messageCount--;
            }
        }
        for (MailFolder f : gone) {
            // stays in the list: a folder's position is its sequence, which ids are made of
            foldersById.remove(f.id());
        }
        if (folder.parent() != null) {
            folder.parent().removeChild(folder);
        }
        changed();
    }


    /**
     * Adds a file attachment with its content to a message (recorded as a change of the
     * message) and returns its metadata.
     */
    public synchronized Attachment addAttachment(Message message, String name,
            String contentType, boolean inline, byte[] content) {
        checkOwn(message);
        Attachment a = new Attachment(name, contentType, content.length, inline);
        attachmentContents.put(a, content.clone());
        List<Attachment> list = new ArrayList<>(message.attachments());
        list.add(a);
        updateMessage(message, ed -> ed.attachments(list.toArray(new Attachment[0])));
        return a;
    }

    /** Removes the attachment at a position of a message (a change of the message). */
    public synchronized void removeAttachment(Message message, int index) {
        checkOwn(message);
        List<Attachment> list = new ArrayList<>(message.attachments());
        attachmentContents.remove(list.remove(index));
        updateMessage(message, ed -> ed.attachments(list.toArray(new Attachment[0])));
    }

    /**
     * Returns the content a client uploaded for an attachment, or empty for attachments that
     * came with generated mail (whose content the fronts make up from name and size).
     */
    public Optional<byte[]> attachmentContent(Attachment attachment) {
        byte[] b = attachmentContents.get(attachment);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    /** Returns the number of messages in the mailbox. */
    public synchronized int messageCount() {
        return messageCount;
    }

    /** Returns all messages, newest received first. */
    public List<Message> messages() {
        return snapshot().messages();
    }

    /** Returns the messages of one folder (not of its subfolders), newest received first. */
    public List<Message> messages(MailFolder folder) {
        return snapshot().messages(folder);
    }

    /** Returns a consistent view of the mailbox's messages at this moment. */
    public Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (snapshot == null) {
                snapshot = new Snapshot(version, bySeq);
            }
            return snapshot;
        }
    }

    private void changed() {
        version++;
        snapshot = null;
    }

    private void checkOwn(MailFolder folder) {
        if (requireNonNull(folder, "folder").mailbox() != this) {
            throw new IllegalArgumentException("folder of another mailbox: " + folder);
        }
    }

    private void checkOwn(Message message) {
        if (requireNonNull(message, "message").mailbox() != this) {
            throw new IllegalArgumentException("message of another mailbox: " + message);
        }
    }

    @Override
    public String toString() {
        return "Mailbox[" + owner.userPrincipalName() + "]";
    }

    /**
     * An immutable view of a mailbox's messages at one version, in Graph's default order (newest
     * received first, then newest created); per-folder lists and counts are computed on demand
     * and kept.
     */
    public static final class Snapshot {
        private final long version;
        private final Message[] all;
        private final Map<MailFolder, List<Message>> byFolder = new ConcurrentHashMap<>();
        private final Map<MailFolder, int[]> counts = new IdentityHashMap<>();

        Snapshot(long version, List<Message> bySeq) {
            this.version = version;
            int n = 0;
            Message[] arr = new Message[bySeq.size()];
            for (Message m : bySeq) {
                if (m != null) {
                    arr[n++] = m;
                    int[] c = counts.computeIfAbsent(m.folder(), f -> new int[2]);
                    c[0]++;
                    if (!m.isRead()) {
                        c[1]++;
                    }
                }
            }
            this.all = n == arr.length ? arr : Arrays.copyOf(arr, n);
            Arrays.sort(all, (a, b) -> {
                int c = Long.compare(b.receivedEpochSecond(), a.receivedEpochSecond());
                return c != 0 ? c : Integer.compare(b.seq(), a.seq());
            });
        }

        /** Returns the mailbox version this snapshot shows; it grows with every change. */
        public long version() {
            return version;
        }

        /** Returns all messages. */
        public List<Message> messages() {
            return Collections.unmodifiableList(Arrays.asList(all));
        }

        /** Returns the messages of one folder. */
        public List<Message> messages(MailFolder folder) {
            return byFolder.computeIfAbsent(folder, f -> {
                int[] c = counts.get(f);
                Message[] out = new Message[c == null ? 0 : c[0]];
                int i = 0;
                for (Message m : all) {
                    if (m.folder() == f) {
                        out[i++] = m;
                    }
                }
                return Collections.unmodifiableList(Arrays.asList(out));
            });
        }

        /** Returns the number of messages in a folder. */
        public int totalItemCount(MailFolder folder) {
            int[] c = counts.get(folder);
            return c == null ? 0 : c[0];
        }

        /** Returns the number of unread messages in a folder. */
        public int unreadItemCount(MailFolder folder) {
            int[] c = counts.get(folder);
            return c == null ? 0 : c[1];
        }
    }
}
