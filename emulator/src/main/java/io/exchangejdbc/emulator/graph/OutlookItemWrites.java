package io.exchangejdbc.emulator.graph;

import static io.exchangejdbc.emulator.graph.RequestValues.blank;
import static io.exchangejdbc.emulator.graph.RequestValues.invalid;
import static io.exchangejdbc.emulator.graph.RequestValues.strings;

import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.CalendarGroup;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creating contacts, contact folders and calendars ({@code POST}), with the service's checks:
 * read-only and unknown properties, a folder or calendar without a name, a contact without a
 * name.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-contacts">Create contact</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-contactfolders">Create
 *     contactFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-calendars">Create calendar</a>
 */
final class OutlookItemWrites {

    private static final Set<String> CONTACT_TEXT = Set.of("displayName", "givenName",
            "middleName", "surname", "nickName", "title", "initials", "jobTitle", "companyName",
            "department", "officeLocation", "profession", "manager", "assistantName",
            "spouseName", "businessHomePage", "personalNotes", "fileAs", "mobilePhone");
    private static final Set<String> CONTACT_LISTS = Set.of("categories", "businessPhones",
            "homePhones", "imAddresses", "children");
    private static final Set<String> READ_ONLY = Set.of("id", "createdDateTime",
            "lastModifiedDateTime", "changeKey", "parentFolderId", "isDefaultCalendar",
            "canEdit", "canShare", "canViewPrivateItems", "owner");

    private OutlookItemWrites() {
    }

    /** {@code POST contacts} or {@code POST contactFolders/{id}/contacts}. */
    static Contact createContact(ContactBook book, ContactFolder folder,
            Map<String, Object> body) {
        Map<String, String> text = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        List<EmailAddress> emails = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            check(ContactModel.CONTACT_TYPE, p);
            if (CONTACT_TEXT.contains(p)) {
                if (v != null && !(v instanceof String)) {
                    throw invalid(p, v);
                }
                text.put(p, (String) v);
            } else if (CONTACT_LISTS.contains(p)) {
                lists.put(p, strings(p, v));
            } else if (p.equals("emailAddresses")) {
                if (!(v instanceof List<?> list)) {
                    throw invalid(p, v);
                }
                for (Object o : list) {
                    if (!(o instanceof Map<?, ?> m) || !(m.get("address") instanceof String a)) {
                        throw invalid(p, o);
                    }
                    emails.add(new EmailAddress(m.get("name") instanceof String n ? n : null, a));
                }
            } else {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be set by this emulator.");
            }
        }
        if (blank(text.get("givenName")) && blank(text.get("displayName"))) {
            throw new GraphError(400, "ErrorInvalidRequest", "A contact needs a givenName or a"
                    + " displayName.");
        }
        String display = text.get("displayName");
        if (blank(display)) {
            display = (text.get("givenName") + " " + (text.get("surname") == null ? ""
                    : text.get("surname"))).strip();
        }
        Instant now = Instant.now();
        synchronized (book) {
            Contact c = new Contact(book.nextContactId(), folder.id(), now, now,
                    "EQAAABYAAAD" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                            .toUpperCase(Locale.ROOT),
                    list(lists, "categories"), null, text.get("fileAs"), display,
                    text.get("givenName"), text.get("middleName"), text.get("surname"),
                    text.get("nickName"), text.get("title"), text.get("initials"),
                    text.get("jobTitle"), text.get("companyName"), text.get("department"),
                    text.get("officeLocation"), text.get("profession"), text.get("manager"),
                    text.get("assistantName"), text.get("spouseName"),
                    text.get("businessHomePage"), text.get("personalNotes"), emails,
                    list(lists, "imAddresses"), list(lists, "businessPhones"),
                    list(lists, "homePhones"), text.get("mobilePhone"), list(lists, "children"),
                    null, null, null);
            return book.addContact(c);
        }
    }

    /** {@code POST contactFolders} or {@code POST contactFolders/{id}/childFolders}. */
    static ContactFolder createContactFolder(ContactBook book, ContactFolder parent,
            Map<String, Object> body) {
        String name = named(ContactModel.CONTACT_FOLDER_TYPE, body, "displayName");
        for (ContactFolder sibling : parent == null ? book.topFolders() : parent.children()) {
            if (sibling.displayName().equalsIgnoreCase(name)) {
                throw new GraphError(409, "ErrorFolderExists",
                        "A folder with the specified name already exists.");
            }
        }
        return parent == null ? book.createTopFolder(name) : book.createFolder(parent, name);
    }

    /** {@code POST calendars} or {@code POST calendarGroups/{id}/calendars}. */
    static CalendarFolder createCalendar(MailboxCalendars calendars, CalendarGroup group,
            Map<String, Object> body) {
        String name = null;
        String color = "auto";
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            if (p.startsWith("@odata.")) {
                continue;
            }
            check(CalendarModel.CALENDAR_TYPE, p);
            if (p.equals("name")) {
                name = e.getValue() instanceof String s ? s : null;
            } else if (p.equals("color") && e.getValue() instanceof String s) {
                color = s;
            } else {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be set by this emulator.");
            }
        }
        if (blank(name)) {
            throw new GraphError(400, "ErrorInvalidRequest", "The calendar's name is missing or"
                    + " empty.");
        }
        for (CalendarFolder c : calendars.calendars()) {
            if (c.group() == group && name.equalsIgnoreCase(c.name())) {
                throw new GraphError(409, "ErrorFolderExists",
                        "A calendar with the specified name already exists.");
            }
        }
        // Graph leaves hexColor empty until a color is chosen in a client
        return calendars.createCalendar(group, name, color, "");
    }

    /** Renames a calendar or changes its color ({@code PATCH calendars/{id}}). */
    static void updateCalendar(MailboxCalendars calendars, CalendarFolder calendar,
            Map<String, Object> body, java.time.Instant now) {
        String name = calendar.name();
        String color = calendar.color();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            if (p.startsWith("@odata.")) {
                continue;
            }
            check(CalendarModel.CALENDAR_TYPE, p);
            if (p.equals("name")) {
                name = e.getValue() instanceof String s ? s : null;
                if (blank(name)) {
                    throw new GraphError(400, "ErrorInvalidRequest", "The calendar's name is"
                            + " missing or empty.");
                }
            } else if (p.equals("color") && e.getValue() instanceof String s) {
                color = s;
            } else {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be changed by this emulator.");
            }
        }
        for (CalendarFolder c : calendars.calendars()) {
            if (c != calendar && c.group() == calendar.group() && name.equalsIgnoreCase(
                    c.name())) {
                throw new GraphError(409, "ErrorFolderExists",
                        "A calendar with the specified name already exists.");
            }
        }
        calendars.updateCalendar(calendar, name, color, now);
    }

    private static String named(StructuredType type, Map<String, Object> body, String nameProp) {
        String name = null;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            if (p.startsWith("@odata.")) {
                continue;
            }
            check(type, p);
            if (!p.equals(nameProp)) {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be set by this emulator.");
            }
            name = e.getValue() instanceof String s ? s : null;
        }
        if (blank(name)) {
            throw new GraphError(400, "ErrorInvalidRequest", "The folder's " + nameProp
                    + " is missing or empty.");
        }
        return name;
    }

    private static void check(StructuredType type, String p) {
        if (type.property(p) == null) {
            throw new GraphError(400, "RequestBodyRead", "The property '" + p + "' does not"
                    + " exist on type '" + type.name() + "'. Make sure to only use property"
                    + " names that are defined by the type or mark the type as open type.");
        }
        if (READ_ONLY.contains(p)) {
            throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                    + "' is read-only and cannot be set.");
        }
    }

    private static List<String> list(Map<String, List<String>> lists, String p) {
        return lists.getOrDefault(p, List.of());
    }

}
