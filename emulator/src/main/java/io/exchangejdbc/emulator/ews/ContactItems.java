package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Kind;
import io.exchangejdbc.emulator.ews.Restriction.Prop;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.EmailAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contacts of the store's contact folders as EWS's {@code t:Contact} (in the order of
 * {@code t:ItemType} then {@code t:ContactItemType}), read-only: the properties restrictions
 * and sorts can use, and the writing of a contact. E-mail addresses and phone numbers become
 * the dictionaries EWS keys by {@code EmailAddress1..3} and by phone kind.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/contact">Contact</a>
 */
final class ContactItems {

    private static final Map<String, Prop<Contact>> PROPS = Map.ofEntries(
            prop("contacts:DisplayName", Contact::displayName),
            prop("contacts:GivenName", Contact::givenName),
            prop("contacts:Surname", Contact::surname),
            prop("contacts:CompanyName", Contact::companyName),
            prop("contacts:JobTitle", Contact::jobTitle),
            prop("contacts:Department", Contact::department),
            prop("contacts:FileAs", Contact::fileAs),
            prop("contacts:OfficeLocation", Contact::officeLocation),
            prop("item:Categories", c -> String.join(";", c.categories())),
            Map.entry("item:LastModifiedTime", new Prop<Contact>("item:LastModifiedTime",
                    EwsVersion.EXCHANGE2007, Kind.DATETIME, Contact::lastModifiedDateTime)));

    private ContactItems() {
    }

    private static Map.Entry<String, Prop<Contact>> prop(String uri,
            Function<Contact, Object> value) {
        return Map.entry(uri, new Prop<>(uri, EwsVersion.EXCHANGE2007, Kind.STRING, value));
    }

    /** Finds a contact property by FieldURI. */
    static Optional<Prop<Contact>> prop(String uri) {
        return Optional.ofNullable(PROPS.get(uri));
    }

    /** Writes a contact. */
    static void write(EwsWriter w, Contact c, boolean idOnly) {
        w.start("t:Contact");
        w.start("t:ItemId").attr("Id", EwsIds.toEws(c.id())).attr("ChangeKey", c.changeKey())
                .end();
        if (idOnly) {
            w.end();
            return;
        }
        w.start("t:ParentFolderId").attr("Id", EwsIds.toEws(c.parentFolderId())).end();
        w.leaf("t:ItemClass", "IPM.Contact").leaf("t:Subject", c.displayName());
        if (!c.categories().isEmpty()) {
            w.start("t:Categories");
            for (String s : c.categories()) {
                w.leaf("t:String", s);
            }
            w.end();
        }
        w.leaf("t:DateTimeCreated", c.createdDateTime())
                .leaf("t:LastModifiedTime", c.lastModifiedDateTime());
        w.leaf("t:FileAs", c.fileAs()).leaf("t:DisplayName", c.displayName())
                .leaf("t:GivenName", c.givenName()).leaf("t:Initials", c.initials())
                .leaf("t:MiddleName", c.middleName()).leaf("t:Nickname", c.nickName())
                .leaf("t:CompanyName", c.companyName());
        List<EmailAddress> emails = c.emailAddresses();
        if (!emails.isEmpty()) {
            w.start("t:EmailAddresses");
            for (int i = 0; i < Math.min(3, emails.size()); i++) {
                w.start("t:Entry").attr("Key", "EmailAddress" + (i + 1))
                        .attr("Name", emails.get(i).name()).attr("RoutingType", "SMTP")
                        .text(emails.get(i).address()).end();
            }
            w.end();
        }
        phones(w, c);
        w.leaf("t:AssistantName", c.assistantName()).leaf("t:Birthday", c.birthday())
                .leaf("t:BusinessHomePage", c.businessHomePage());
        if (!c.children().isEmpty()) {
            w.start("t:Children");
            for (String s : c.children()) {
                w.leaf("t:String", s);
            }
            w.end();
        }
        w.leaf("t:Department", c.department()).leaf("t:JobTitle", c.jobTitle())
                .leaf("t:Manager", c.manager()).leaf("t:OfficeLocation", c.officeLocation())
                .leaf("t:Profession", c.profession()).leaf("t:SpouseName", c.spouseName())
                .leaf("t:Surname", c.surname());
        w.end();
    }

    private static void phones(EwsWriter w, Contact c) {
        String[][] entries = {
            {"BusinessPhone", first(c.businessPhones(), 0)},
            {"BusinessPhone2", first(c.businessPhones(), 1)},
            {"HomePhone", first(c.homePhones(), 0)},
            {"HomePhone2", first(c.homePhones(), 1)},
            {"MobilePhone", c.mobilePhone()}};
        boolean any = false;
        for (String[] e : entries) {
            if (e[1] != null && !e[1].isEmpty()) {
                if (!any) {
                    w.start("t:PhoneNumbers");
                    any = true;
                }
                w.start("t:Entry").attr("Key", e[0]).text(e[1]).end();
            }
        }
        if (any) {
            w.end();
        }
    }

    private static String first(List<String> list, int i) {
        return list.size() > i ? list.get(i) : null;
    }
}
