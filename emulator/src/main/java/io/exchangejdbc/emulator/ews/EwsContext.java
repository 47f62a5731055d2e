package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.TaskItem;
import io.exchangejdbc.emulator.store.TaskList;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One EWS request being served: who called, as whom (the impersonated user, or the caller), the
 * schema version asked for, and the lookups of mailboxes, folders and items with their access
 * checks.
 */
final class EwsContext {

    /**
     * The distinguished folder names the store has folders for. {@code root} is served by the
     * message folder root, the top the store keeps.
     */
    private static final Map<String, WellKnownFolder> DISTINGUISHED = Map.of(
            "inbox", WellKnownFolder.INBOX, "sentitems", WellKnownFolder.SENTITEMS,
            "deleteditems", WellKnownFolder.DELETEDITEMS, "drafts", WellKnownFolder.DRAFTS,
            "outbox", WellKnownFolder.OUTBOX, "junkemail", WellKnownFolder.JUNKEMAIL,
            "msgfolderroot", WellKnownFolder.MSGFOLDERROOT, "root",
            WellKnownFolder.MSGFOLDERROOT, "conversationhistory",
            WellKnownFolder.CONVERSATIONHISTORY);

    private final EwsCaller caller;
    private final User acting;
    private final EwsVersion version;
    private final Clock clock;
    private final EwsBehaviour behaviour;

    EwsContext(EwsCaller caller, User acting, EwsVersion version, Clock clock,
            EwsBehaviour behaviour) {
        this.caller = requireNonNull(caller, "caller");
        this.acting = acting;
        this.version = requireNonNull(version, "version");
        this.clock = requireNonNull(clock, "clock");
        this.behaviour = requireNonNull(behaviour, "behaviour");
    }

    EwsCaller caller() {
        return caller;
    }

    Tenant tenant() {
        return caller.tenant();
    }

    /** Returns the user the request acts as (impersonated or signed in), or null. */
    User acting() {
        return acting;
    }

    EwsVersion version() {
        return version;
    }

    Clock clock() {
        return clock;
    }

    EwsBehaviour behaviour() {
        return behaviour;
    }

    /** Fails with a schema validation fault if {@code what} is newer than the version. */
    void requireVersion(EwsVersion since, String what) {
        if (!version.atLeast(since)) {
            throw EwsException.schema("'" + what + "' is not part of the schema of "
                    + version.schemaName() + "; it needs " + since.schemaName() + " or later.");
        }
    }

    /** Returns the mailbox of the acting user, or fails for callers without one. */
    Mailbox ownMailbox() {
        if (acting == null) {
            throw EwsException.of("ErrorMissingEmailAddress", "When making a request as an "
                    + "account that does not have a mailbox, you must specify the mailbox "
                    + "primary SMTP address for any distinguished folder Ids.");
        }
        return tenant().mailbox(acting);
    }

    /** Finds a user of the tenant by SMTP address or user principal name. */
    Optional<User> userByAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Optional<User> u = tenant().user(address);
        if (u.isPresent()) {
            return u;
        }
        for (User x : tenant().users()) {
            if (x.mail() != null && x.mail().equalsIgnoreCase(address)) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** Tells whether the request may open the mailbox of {@code owner}. */
    boolean mayOpen(User owner) {
        if (acting != null && acting.id().equals(owner.id())) {
            return true;
        }
        if (caller.fullAccessApp()) {
            return true;
        }
        return acting != null && tenant().permissions().hasFullAccess(owner.id(), acting.id());
    }

    /** Returns a mailbox the request may open, named by its SMTP address. */
    Mailbox mailbox(String address) {
        User owner = userByAddress(address).orElseThrow(() -> EwsException.of(
                "ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it."));
        if (!mayOpen(owner)) {
            throw EwsException.of("ErrorAccessDenied",
                    "Access is denied. Check credentials and try again.");
        }
        return tenant().mailbox(owner);
    }

    /**
     * Resolves a {@code t:FolderId} or {@code t:DistinguishedFolderId} (with its optional
     * {@code t:Mailbox}) to a folder the request may open.
     */
    MailFolder folder(XmlElement id) {
        if (id.name().equals("DistinguishedFolderId")) {
            String name = id.attr("Id");
            Mailbox mailbox = id.child("Mailbox")
                    .map(mb -> mailbox(mb.childText("EmailAddress"))).orElseGet(this::ownMailbox);
            WellKnownFolder wk = name == null ? null
                    : DISTINGUISHED.get(name.toLowerCase(Locale.ROOT));
            if (wk == null) {
                throw EwsException.folderNotFound();
            }
            return mailbox.folder(wk);
        }
        if (id.name().equals("FolderId")) {
            String raw = id.attr("Id");
            if (!EwsIds.isWellFormed(raw)) {
                throw EwsException.malformedId();
            }
            String storeId = EwsIds.toStore(raw);
            for (User u : tenant().users()) {
                Optional<MailFolder> f = tenant().mailbox(u).folder(storeId);
                if (f.isPresent() && f.get().id().equals(storeId)) {
                    if (!mayOpen(u)) {
                        throw EwsException.of("ErrorAccessDenied",
                                "Access is denied. Check credentials and try again.");
                    }
                    return f.get();
                }
            }
            throw EwsException.folderNotFound();
        }
        throw EwsException.schema("'" + id.name() + "' is not a folder id.");
    }

    /**
     * Resolves a folder id to a calendar of the store, if it names one: the distinguished
     * {@code calendar} (the default calendar) or the id of any calendar.
     */
    Optional<CalendarRef> calendar(XmlElement id) {
        if (id.name().equals("DistinguishedFolderId")) {
            if (!"calendar".equalsIgnoreCase(id.attr("Id"))) {
                return Optional.empty();
            }
            Mailbox mailbox = id.child("Mailbox")
                    .map(mb -> mailbox(mb.childText("EmailAddress"))).orElseGet(this::ownMailbox);
            return Optional.of(new CalendarRef(mailbox, mailbox.calendars().defaultCalendar()));
        }
        String raw = id.attr("Id");
        if (!id.name().equals("FolderId") || !EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            Optional<CalendarFolder> c = tenant().mailbox(u).calendars()
                    .calendar(EwsIds.toStore(raw));
            if (c.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return Optional.of(new CalendarRef(tenant().mailbox(u), c.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A calendar and the mailbox holding it.
     *
     * @param mailbox the mailbox
     * @param folder the calendar
     */
    record CalendarRef(Mailbox mailbox, CalendarFolder folder) {
    }

    /** Resolves a {@code t:ItemId} to a calendar item the request may open, if it names one. */
    Optional<EventInstance> event(XmlElement itemId) {
        return eventRef(itemId).map(EventRef::instance);
    }

    /**
     * A calendar item and the mailbox holding it.
     *
     * @param mailbox the mailbox
     * @param instance the item (a single event, a series master, an exception or an occurrence)
     */
    record EventRef(Mailbox mailbox, EventInstance instance) {
    }

    /** Resolves a {@code t:ItemId} to a calendar item and its mailbox, if it names one. */
    Optional<EventRef> eventRef(XmlElement itemId) {
        String raw = itemId.attr("Id");
        if (!EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            Optional<EventInstance> e = tenant().mailbox(u).calendars()
                    .instance(EwsIds.toStore(raw));
            if (e.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return Optional.of(new EventRef(tenant().mailbox(u), e.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A contact folder and the mailbox holding it.
     *
     * @param mailbox the mailbox
     * @param folder the contact folder
     */
    record ContactsRef(Mailbox mailbox, ContactFolder folder) {
    }

    /** Resolves a folder id to a contact folder, if it names one ({@code contacts} included). */
    Optional<ContactsRef> contactFolder(XmlElement id) {
        if (id.name().equals("DistinguishedFolderId")) {
            if (!"contacts".equalsIgnoreCase(id.attr("Id"))) {
                return Optional.empty();
            }
            Mailbox mailbox = id.child("Mailbox")
                    .map(mb -> mailbox(mb.childText("EmailAddress"))).orElseGet(this::ownMailbox);
            return Optional.of(new ContactsRef(mailbox, mailbox.contacts().defaultFolder()));
        }
        String raw = id.attr("Id");
        if (!id.name().equals("FolderId") || !EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            Mailbox box = tenant().mailbox(u);
            Optional<ContactFolder> f = box.contacts().folder(EwsIds.toStore(raw));
            if (f.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return Optional.of(new ContactsRef(box, f.get()));
            }
        }
        return Optional.empty();
    }

    /** Resolves a {@code t:ItemId} to a contact the request may open, if it names one. */
    Optional<Contact> contact(XmlElement itemId) {
        String raw = itemId.attr("Id");
        if (!EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            Optional<Contact> c = tenant().mailbox(u).contacts().contact(EwsIds.toStore(raw));
            if (c.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return c;
            }
        }
        return Optional.empty();
    }

    /** Resolves a folder id to a mailbox's Tasks folder, if it names one. */
    Optional<TaskList> taskFolder(XmlElement id) {
        if (id.name().equals("DistinguishedFolderId")) {
            if (!"tasks".equalsIgnoreCase(id.attr("Id"))) {
                return Optional.empty();
            }
            Mailbox mailbox = id.child("Mailbox")
                    .map(mb -> mailbox(mb.childText("EmailAddress"))).orElseGet(this::ownMailbox);
            return Optional.of(mailbox.tasks());
        }
        String raw = id.attr("Id");
        if (!id.name().equals("FolderId") || !EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            TaskList list = tenant().mailbox(u).tasks();
            if (list.folderId().equals(EwsIds.toStore(raw))) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    /** Resolves a {@code t:ItemId} to a task the request may open, if it names one. */
    Optional<TaskItem> task(XmlElement itemId) {
        String raw = itemId.attr("Id");
        if (!EwsIds.isWellFormed(raw)) {
            return Optional.empty();
        }
        for (User u : tenant().users()) {
            Optional<TaskItem> t = tenant().mailbox(u).tasks().task(EwsIds.toStore(raw));
            if (t.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return t;
            }
        }
        return Optional.empty();
    }

    /** Resolves a {@code t:ItemId} to a message the request may open. */
    Message message(XmlElement itemId) {
        String raw = itemId.attr("Id");
        if (!EwsIds.isWellFormed(raw)) {
            throw EwsException.malformedId();
        }
        for (User u : tenant().users()) {
            Optional<Message> m = tenant().mailbox(u).message(raw);
            if (m.isPresent()) {
                if (!mayOpen(u)) {
                    throw EwsException.of("ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
                }
                return m.get();
            }
        }
        throw EwsException.itemNotFound();
    }
}
