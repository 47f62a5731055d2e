package io.exchangejdbc.emulator.generate;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ExtendedProperty;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.PhysicalAddress;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic seeding of what surrounds the mail of a generated tenant: the directory's groups
 * and their members, and per mailbox its contact folders and contacts, its settings (time zone,
 * working hours, automatic replies) and single-value extended properties on some messages.
 *
 * <p>Draws from its own random streams (derived from the seed), so adding it changed none of
 * the generated mail.
 */
final class DirectorySeeder {

    /** The id of the extended property set on some messages: a named string property. */
    static final String COLOR_PROPERTY =
            "String {66f5a359-4659-4830-9070-00040ec6ac6e} Name Color";

    private static final List<String> TIME_ZONES = List.of("Pacific Standard Time",
            "W. Europe Standard Time", "UTC", "Tokyo Standard Time", "Eastern Standard Time");
    private static final List<String> COLORS = List.of("Red", "Green", "Blue", "Yellow");

    private final GeneratorSettings settings;

    DirectorySeeder(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /** Seeds the tenant's groups and every user's contacts, settings and extended properties. */
    void seed(Tenant tenant, List<User> users) {
        seedGroups(tenant, users);
        for (int i = 0; i < users.size(); i++) {
            Mailbox mailbox = tenant.mailbox(users.get(i));
            SplittableRandom rnd = new SplittableRandom(
                    settings.seed() * 31 + i * 0x632BE59BD9B4E019L + 7);
            seedContacts(mailbox, users, i, rnd);
            seedSettings(mailbox, i);
            seedExtendedProperties(mailbox);
        }
    }

    private void seedGroups(Tenant tenant, List<User> users) {
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x3C6EF372FE94F82AL);
        Instant base = settings.baseInstant();
        List<User> odd = new ArrayList<>();
        List<User> even = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            (i % 2 == 0 ? even : odd).add(users.get(i));
        }
        tenant.addGroup(new Group(guid(rnd), "All Company", "Everyone in the organization.",
                "allcompany@" + tenant.domain(), "allcompany", List.of("Unified"), true, false,
                "Public", created(base, rnd), users));
        tenant.addGroup(new Group(guid(rnd), "Sales and Marketing",
                "Sales and marketing team.", "salesandmarketing@" + tenant.domain(),
                "salesandmarketing", List.of("Unified"), true, false, "Private",
                created(base, rnd), even));
        tenant.addGroup(new Group(guid(rnd), "IT Security", "Administrators of devices.", null,
                "itsecurity", List.of(), false, true, null, created(base, rnd), odd));
        tenant.addGroup(new Group(guid(rnd), "Project Mark 8", null, "mark8@" + tenant.domain(),
                "mark8", List.of("Unified"), true, false, "Public", created(base, rnd),
                List.of()));
    }

    private static Instant created(Instant base, SplittableRandom rnd) {
        return base.minus(200 + rnd.nextInt(600), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private void seedContacts(Mailbox mailbox, List<User> users, int index,
            SplittableRandom rnd) {
        ContactBook book = mailbox.contacts();
        ContactFolder main = book.defaultFolder();
        ContactFolder suppliers = book.createFolder(book.defaultFolder(), "Suppliers");
        ContactFolder europe = book.createFolder(suppliers, "Europe");
        ContactFolder family = book.createTopFolder("Family");
        Instant base = settings.baseInstant();
        // colleagues in the default folder
        for (int u = 0; u < users.size(); u++) {
            if (u == index) {
                continue;
            }
            User c = users.get(u);
            add(book, main, rnd, base, c.givenName(), c.surname(), c.companyName(),
                    c.jobTitle(), c.department(), List.of(c.emailAddress()),
                    c.businessPhones(), c.mobilePhone(), List.of("Colleagues"),
                    new PhysicalAddress(c.streetAddress(), c.city(), c.state(), c.country(),
                            c.postalCode()));
        }
        // outside correspondents split between the folders
        List<Vocabulary.Contact> external = Vocabulary.EXTERNAL;
        for (int k = 0; k < external.size(); k++) {
            Vocabulary.Contact e = external.get(k);
            String[] name = e.name().split(" ", 2);
            String domain = e.address().substring(e.address().indexOf('@') + 1);
            String company = Character.toUpperCase(domain.charAt(0))
                    + domain.substring(1, domain.indexOf('.'));
            ContactFolder target = k % 3 == 0 ? suppliers : k % 3 == 1 ? europe : main;
            String phone = String.format(Locale.ROOT, "+44 20 7946 %04d", 100 + k * 7 + index);
            List<EmailAddress> mails = k % 4 == 0
                    ? List.of(new EmailAddress(e.name(), e.address()),
                            new EmailAddress(e.name() + " (home)",
                                    name[0].toLowerCase(Locale.ROOT) + "@outlook.com"))
                    : List.of(new EmailAddress(e.name(), e.address()));
            add(book, target, rnd, base, name[0], name.length > 1 ? name[1] : null, company,
                    k % 2 == 0 ? "Account Manager" : "Buyer", null, mails, List.of(phone),
                    null, k % 2 == 0 ? List.of("Suppliers") : List.of(),
                    new PhysicalAddress(k + " Harbour Road", "London", null, "United Kingdom",
                            "EC1A " + (k + 1) + "BB"));
        }
        add(book, family, rnd, base, "Sam", "Rivera", null, null, null,
                List.of(new EmailAddress("Sam Rivera", "sam.rivera@outlook.com")), List.of(),
                "+1 206 555 0199", List.of("Family"), null);
    }

    private static void add(ContactBook book, ContactFolder folder, SplittableRandom rnd,
            Instant base, String given, String surname, String company, String job,
            String department, List<EmailAddress> mails, List<String> phones, String mobile,
            List<String> categories, PhysicalAddress business) {
        Instant created = base.minus(30 + rnd.nextInt(700), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS);
        Instant modified = created.plus(rnd.nextInt(30), ChronoUnit.DAYS);
        Instant birthday = rnd.nextInt(3) == 0 ? null
                : Instant.parse(String.format(Locale.ROOT, "%04d-%02d-%02dT11:59:00Z",
                        1960 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
        String display = surname == null ? given : given + " " + surname;
        String id = book.nextContactId();
        book.addContact(new Contact(id, folder.id(), created, modified,
                "EQAAABYAAAD" + Long.toHexString(rnd.nextLong()).toUpperCase(Locale.ROOT),
                categories, birthday, surname == null ? given : surname + ", " + given, display,
                given, null, surname, null, null,
                given.substring(0, 1) + "." + (surname == null ? "" : surname.charAt(0) + "."),
                job, company, department, null, null, null, null, null, null, null, mails,
                List.of(), phones, List.of(), mobile, List.of(), business, null, null));
    }

    private void seedSettings(Mailbox mailbox, int index) {
        String zone = TIME_ZONES.get(index % TIME_ZONES.size());
        String locale = mailbox.owner().preferredLanguage() == null ? "en-US"
                : mailbox.owner().preferredLanguage();
        String language = locale.equals("de-DE") ? "German (Germany)"
                : "English (United States)";
        Instant base = settings.baseInstant();
        String status = index % 3 == 1 ? "scheduled" : index % 3 == 2 ? "alwaysEnabled"
                : "disabled";
        mailbox.setSettings(new MailboxSettings(zone, locale, language,
                locale.equals("de-DE") ? "dd.MM.yyyy" : "M/d/yyyy",
                locale.equals("de-DE") ? "HH:mm" : "h:mm tt",
                index % 4 == 3 ? List.of("monday", "tuesday", "wednesday", "thursday")
                        : List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
                index % 2 == 0 ? "08:00:00.0000000" : "09:00:00.0000000",
                index % 2 == 0 ? "17:00:00.0000000" : "18:00:00.0000000", zone, status,
                status.equals("disabled") ? "all" : "contactsOnly",
                status.equals("disabled") ? "" : "I am out of the office until Monday.",
                status.equals("disabled") ? "" : "I am away; I will answer when I am back.",
                status.equals("scheduled") ? base.plus(2, ChronoUnit.DAYS) : null,
                status.equals("scheduled") ? base.plus(9, ChronoUnit.DAYS) : null));
    }

    private static void seedExtendedProperties(Mailbox mailbox) {
        MailFolder inbox = mailbox.folder(WellKnownFolder.INBOX);
        List<Message> messages = mailbox.messages(inbox);
        for (int i = 0; i < messages.size(); i += 7) {
            mailbox.extendedProperties().set(messages.get(i).id(),
                    new ExtendedProperty(COLOR_PROPERTY, COLORS.get((i / 7) % COLORS.size())));
        }
    }

    private static String guid(SplittableRandom rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }
}
