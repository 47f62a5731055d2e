package io.exchangejdbc.emulator.graph;

import static io.exchangejdbc.emulator.graph.RequestValues.blank;
import static io.exchangejdbc.emulator.graph.RequestValues.invalid;
import static io.exchangejdbc.emulator.graph.RequestValues.strings;

import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.PhysicalAddress;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Updating ({@code PATCH}) and deleting ({@code DELETE}) contacts and contact folders, with the
 * service's checks: unknown or read-only properties, a value of the wrong type, a folder renamed
 * to nothing or to a sibling's name, the default {@code Contacts} folder deleted. Every property
 * of a request is checked before the contact changes.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/contact-update">Update contact</a>
 * @see <a href="https://learn.microsoft.com/graph/api/contact-delete">Delete contact</a>
 * @see <a href="https://learn.microsoft.com/graph/api/contactfolder-update">Update
 *     contactFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/contactfolder-delete">Delete
 *     contactFolder</a>
 */
final class ContactWrites {

    private static final Set<String> TEXT = Set.of("displayName", "givenName", "middleName",
            "surname", "nickName", "title", "initials", "jobTitle", "companyName", "department",
            "officeLocation", "profession", "manager", "assistantName", "spouseName",
            "businessHomePage", "personalNotes", "fileAs", "mobilePhone");
    private static final Set<String> LISTS = Set.of("categories", "businessPhones",
            "homePhones", "imAddresses", "children");
    private static final Set<String> ADDRESSES = Set.of("businessAddress", "homeAddress",
            "otherAddress");
    private static final Set<String> READ_ONLY = Set.of("id", "createdDateTime",
            "lastModifiedDateTime", "changeKey", "parentFolderId");

    private ContactWrites() {
    }

    /**
     * {@code PATCH}/{@code DELETE} of {@code contacts/{id}}, {@code contactFolders/{id}} or
     * {@code contactFolders/{id}/contacts/{id}}; null when {@code rest} names none of them.
     */
    static GraphWrites.Result item(String method, ContactBook book, List<String> rest,
            Map<String, Object> body, String context) {
        String seg = rest.get(0);
        if (method.equals("POST")) {
            return null;
        }
        if (seg.equalsIgnoreCase("contacts") && rest.size() == 2) {
            return contact(method, book, rest.get(1), body, context);
        }
        if (!seg.equalsIgnoreCase("contactFolders") || rest.size() < 2) {
            return null;
        }
        ContactFolder folder = book.folder(rest.get(1)).orElseThrow(() -> notFound(rest.get(1)));
        if (rest.size() == 2) {
            return folder(method, book, folder, body, context);
        }
        if (rest.size() == 4 && rest.get(2).equalsIgnoreCase("contacts")) {
            Contact c = book.contact(rest.get(3)).orElseThrow(() -> notFound(rest.get(3)));
            if (!c.parentFolderId().equals(folder.id())) {
                throw GraphError.itemNotFound();
            }
            return contact(method, book, rest.get(3), body, context);
        }
        return null;
    }

    private static GraphError notFound(String id) {
        return ItemIds.isWellFormed(id) ? GraphError.itemNotFound() : GraphError.malformedId();
    }

    // ---- contacts

    private static GraphWrites.Result contact(String method, ContactBook book, String id,
            Map<String, Object> body, String context) {
        Contact old = book.contact(id).orElseThrow(() -> notFound(id));
        switch (method) {
            case "PATCH": {
                Contact changed = edited(old, body);
                book.replaceContact(changed);
                return new GraphWrites.Result(200, GraphWrites.entity(ContactModel.CONTACT,
                        changed, context + "/contacts/$entity"));
            }
            case "DELETE":
                book.removeContact(old.id());
                return new GraphWrites.Result(204, null);
            default:
                throw GraphWrites.notAllowed(method);
        }
    }

    /** The contact as the body changes it; every property is checked first. */
    private static Contact edited(Contact old, Map<String, Object> body) {
        Map<String, String> text = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        Map<String, PhysicalAddress> addresses = new HashMap<>();
        List<EmailAddress> emails = null;
        Instant birthday = old.birthday();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            if (ContactModel.CONTACT_TYPE.property(p) == null) {
                throw new GraphError(400, "RequestBodyRead", "The property '" + p + "' does not"
                        + " exist on type '" + ContactModel.CONTACT_TYPE.name() + "'. Make sure"
                        + " to only use property names that are defined by the type or mark the"
                        + " type as open type.");
            }
            if (READ_ONLY.contains(p)) {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' is read-only and cannot be set.");
            }
            if (TEXT.contains(p)) {
                if (v != null && !(v instanceof String)) {
                    throw invalid(p, v);
                }
                text.put(p, (String) v);
            } else if (LISTS.contains(p)) {
                lists.put(p, strings(p, v));
            } else if (ADDRESSES.contains(p)) {
                addresses.put(p, address(p, v));
            } else if (p.equals("emailAddresses")) {
                emails = emails(p, v);
            } else if (p.equals("birthday")) {
                birthday = birthday(v);
            } else {
                throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                        + "' cannot be set by this emulator.");
            }
        }
        String given = text.containsKey("givenName") ? text.get("givenName") : old.givenName();
        String surname = text.containsKey("surname") ? text.get("surname") : old.surname();
        String display = old.displayName();
        if (text.containsKey("displayName")) {
            display = text.get("displayName");
        } else if ((text.containsKey("givenName") || text.containsKey("surname"))
                && generated(old.givenName(), old.surname()).equals(display)) {
            // a name Exchange made from the parts follows them (contact-update warns of it)
            display = generated(given, surname);
        }
        if (blank(given) && blank(display)) {
            throw new GraphError(400, "ErrorInvalidRequest", "A contact needs a givenName or a"
                    + " displayName.");
        }
        return new Contact(old.id(), old.parentFolderId(), old.createdDateTime(), Instant.now(),
                "EQAAABYAAAD" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        .toUpperCase(Locale.ROOT),
                lists.getOrDefault("categories", old.categories()), birthday,
                pick(text, "fileAs", old.fileAs()), display, given,
                pick(text, "middleName", old.middleName()), surname,
                pick(text, "nickName", old.nickName()), pick(text, "title", old.title()),
                pick(text, "initials", old.initials()), pick(text, "jobTitle", old.jobTitle()),
                pick(text, "companyName", old.companyName()),
                pick(text, "department", old.department()),
                pick(text, "officeLocation", old.officeLocation()),
                pick(text, "profession", old.profession()), pick(text, "manager", old.manager()),
                pick(text, "assistantName", old.assistantName()),
                pick(text, "spouseName", old.spouseName()),
                pick(text, "businessHomePage", old.businessHomePage()),
                pick(text, "personalNotes", old.personalNotes()),
                emails == null ? old.emailAddresses() : emails,
                lists.getOrDefault("imAddresses", old.imAddresses()),
                lists.getOrDefault("businessPhones", old.businessPhones()),
                lists.getOrDefault("homePhones", old.homePhones()),
                pick(text, "mobilePhone", old.mobilePhone()),
                lists.getOrDefault("children", old.children()),
                merged(old.businessAddress(), addresses, "businessAddress", body),
                merged(old.homeAddress(), addresses, "homeAddress", body),
                merged(old.otherAddress(), addresses, "otherAddress", body));
    }

    private static String generated(String given, String surname) {
        return ((given == null ? "" : given) + " " + (surname == null ? "" : surname)).strip();
    }

    private static String pick(Map<String, String> text, String p, String old) {
        return text.containsKey(p) ? text.get(p) : old;
    }

    /** A PATCH of an address changes the parts it names and keeps the others. */
    @SuppressWarnings("unchecked")
    private static PhysicalAddress merged(PhysicalAddress old,
            Map<String, PhysicalAddress> addresses, String p, Map<String, Object> body) {
        if (!addresses.containsKey(p)) {
            return old;
        }
        Object v = body.get(p);
        if (v == null) {
            return null;
        }
        Map<String, Object> parts = (Map<String, Object>) v;
        PhysicalAddress given = addresses.get(p);
        PhysicalAddress base = old == null ? new PhysicalAddress(null, null, null, null, null)
                : old;
        return new PhysicalAddress(
                parts.containsKey("street") ? given.street() : base.street(),
                parts.containsKey("city") ? given.city() : base.city(),
                parts.containsKey("state") ? given.state() : base.state(),
                parts.containsKey("countryOrRegion") ? given.countryOrRegion()
                        : base.countryOrRegion(),
                parts.containsKey("postalCode") ? given.postalCode() : base.postalCode());
    }

    private static PhysicalAddress address(String p, Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw invalid(p, v);
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String part = e.getKey().toString();
            if (!Set.of("street", "city", "state", "countryOrRegion", "postalCode")
                    .contains(part) && !part.startsWith("@odata.")) {
                throw new GraphError(400, "RequestBodyRead", "The property '" + part + "' does"
                        + " not exist on type 'microsoft.graph.physicalAddress'.");
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw invalid(p + "." + part, e.getValue());
            }
        }
        return new PhysicalAddress((String) m.get("street"), (String) m.get("city"),
                (String) m.get("state"), (String) m.get("countryOrRegion"),
                (String) m.get("postalCode"));
    }

    private static Instant birthday(Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid("birthday", v);
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                throw invalid("birthday", v);
            }
        }
    }

    private static List<EmailAddress> emails(String p, Object v) {
        List<EmailAddress> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw invalid(p, v);
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("address") instanceof String a)) {
                throw invalid(p, o);
            }
            out.add(new EmailAddress(m.get("name") instanceof String n ? n : null, a));
        }
        return out;
    }

    // ---- folders

    private static GraphWrites.Result folder(String method, ContactBook book,
            ContactFolder folder, Map<String, Object> body, String context) {
        switch (method) {
            case "PATCH": {
                String name = null;
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    String p = e.getKey();
                    if (p.startsWith("@odata.")) {
                        continue;
                    }
                    if (ContactModel.CONTACT_FOLDER_TYPE.property(p) == null) {
                        throw new GraphError(400, "RequestBodyRead", "The property '" + p
                                + "' does not exist on type '"
                                + ContactModel.CONTACT_FOLDER_TYPE.name() + "'.");
                    }
                    if (!p.equals("displayName")) {
                        throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                                + "' cannot be set by this emulator.");
                    }
                    if (!(e.getValue() instanceof String s) || s.isBlank()) {
                        throw new GraphError(400, "ErrorInvalidRequest",
                                "The folder's displayName is missing or empty.");
                    }
                    name = s;
                }
                if (name != null) {
                    if (book.isDefault(folder)) {
                        throw new GraphError(400, "ErrorInvalidRequest",
                                "A distinguished folder cannot be renamed.");
                    }
                    List<ContactFolder> siblings = book.folders().stream()
                            .filter(f -> f.parentFolderId().equals(folder.parentFolderId()))
                            .toList();
                    for (ContactFolder sibling : siblings) {
                        if (sibling != folder && sibling.displayName().equalsIgnoreCase(name)) {
                            throw new GraphError(409, "ErrorFolderExists",
                                    "A folder with the specified name already exists.");
                        }
                    }
                    book.renameFolder(folder, name);
                }
                return new GraphWrites.Result(200, GraphWrites.entity(
                        ContactModel.CONTACT_FOLDER, folder, context + "/contactFolders/$entity"));
            }
            case "DELETE":
                if (book.isDefault(folder)) {
                    throw new GraphError(400, "ErrorDeleteDistinguishedFolder",
                            "Distinguished folders cannot be deleted.");
                }
                book.deleteFolder(folder);
                return new GraphWrites.Result(204, null);
            default:
                throw GraphWrites.notAllowed(method);
        }
    }
}
