package io.exchangejdbc.emulator.store;

import java.util.Locale;
import java.util.Optional;

/**
 * The distinguished mail folders every mailbox has, with the well-known names by which Graph lets
 * clients address them (case-insensitively) and their default display names.
 */
public enum WellKnownFolder {
    MSGFOLDERROOT("msgfolderroot", "Top of Information Store"),
    ARCHIVE("archive", "Archive"),
    CONVERSATIONHISTORY("conversationhistory", "Conversation History"),
    DELETEDITEMS("deleteditems", "Deleted Items"),
    DRAFTS("drafts", "Drafts"),
    INBOX("inbox", "Inbox"),
    JUNKEMAIL("junkemail", "Junk Email"),
    OUTBOX("outbox", "Outbox"),
    SENTITEMS("sentitems", "Sent Items");

    private final String wellKnownName;
    private final String displayName;

    WellKnownFolder(String wellKnownName, String displayName) {
        this.wellKnownName = wellKnownName;
        this.displayName = displayName;
    }

    /** Returns the name used in Graph URLs, e.g. {@code sentitems}. */
    public String wellKnownName() {
        return wellKnownName;
    }

    /** Returns the display name a new mailbox gives the folder, e.g. {@code Sent Items}. */
    public String displayName() {
        return displayName;
    }

    /** Finds the folder with the given well-known name, ignoring case. */
    public static Optional<WellKnownFolder> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (WellKnownFolder f : values()) {
            if (f.wellKnownName.equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
