package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.EdmType;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.PhysicalAddress;

/**
 * Graph's {@code contact} and {@code contactFolder} types as the emulator serves them, with the
 * CSDL's property names and types, in the order Graph writes a contact.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contact">contact</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contactfolder">contactFolder</a>
 */
final class ContactModel {

    /** Graph's {@code physicalAddress}; an address not set is written as {@code {}}. */
    static final StructuredType PHYSICAL_ADDRESS = StructuredType
            .builder("microsoft.graph.physicalAddress", PhysicalAddress.class)
            .add("street", EdmType.STRING, PhysicalAddress::street)
            .add("city", EdmType.STRING, PhysicalAddress::city)
            .add("state", EdmType.STRING, PhysicalAddress::state)
            .add("countryOrRegion", EdmType.STRING, PhysicalAddress::countryOrRegion)
            .add("postalCode", EdmType.STRING, PhysicalAddress::postalCode)
            .omitNulls()
            .build();

    private static final PhysicalAddress NO_ADDRESS =
            new PhysicalAddress(null, null, null, null, null);
    private static final EdmType ADDRESS = EdmType.complex(PHYSICAL_ADDRESS);
    private static final EdmType STRINGS = EdmType.collection(EdmType.STRING);
    private static final EdmType EMAIL = EdmType.complex(GraphModel.EMAIL_ADDRESS);

    /** Graph's {@code contact}. */
    static final StructuredType CONTACT_TYPE = StructuredType
            .builder("microsoft.graph.contact", Contact.class)
            .add("id", EdmType.STRING, Contact::id)
            .add("createdDateTime", EdmType.DATETIMEOFFSET, Contact::createdDateTime)
            .add("lastModifiedDateTime", EdmType.DATETIMEOFFSET, Contact::lastModifiedDateTime)
            .add("changeKey", EdmType.STRING, Contact::changeKey)
            .add("categories", STRINGS, Contact::categories)
            .add("parentFolderId", EdmType.STRING, Contact::parentFolderId)
            .add("birthday", EdmType.DATETIMEOFFSET, Contact::birthday)
            .add("fileAs", EdmType.STRING, Contact::fileAs)
            .add("displayName", EdmType.STRING, Contact::displayName)
            .add("givenName", EdmType.STRING, Contact::givenName)
            .add("initials", EdmType.STRING, Contact::initials)
            .add("middleName", EdmType.STRING, Contact::middleName)
            .add("nickName", EdmType.STRING, Contact::nickName)
            .add("surname", EdmType.STRING, Contact::surname)
            .add("title", EdmType.STRING, Contact::title)
            .add("yomiGivenName", EdmType.STRING, c -> null)
            .add("yomiSurname", EdmType.STRING, c -> null)
            .add("yomiCompanyName", EdmType.STRING, c -> null)
            .add("generation", EdmType.STRING, c -> null)
            .add("imAddresses", STRINGS, Contact::imAddresses)
            .add("jobTitle", EdmType.STRING, Contact::jobTitle)
            .add("companyName", EdmType.STRING, Contact::companyName)
            .add("department", EdmType.STRING, Contact::department)
            .add("officeLocation", EdmType.STRING, Contact::officeLocation)
            .add("profession", EdmType.STRING, Contact::profession)
            .add("businessHomePage", EdmType.STRING, Contact::businessHomePage)
            .add("assistantName", EdmType.STRING, Contact::assistantName)
            .add("manager", EdmType.STRING, Contact::manager)
            .add("homePhones", STRINGS, Contact::homePhones)
            .add("mobilePhone", EdmType.STRING, Contact::mobilePhone)
            .add("businessPhones", STRINGS, Contact::businessPhones)
            .add("spouseName", EdmType.STRING, Contact::spouseName)
            .add("personalNotes", EdmType.STRING, Contact::personalNotes)
            .add("children", STRINGS, Contact::children)
            .add("emailAddresses", EdmType.collection(EMAIL), Contact::emailAddresses)
            .add("homeAddress", ADDRESS, c -> orEmpty(c.homeAddress()))
            .add("businessAddress", ADDRESS, c -> orEmpty(c.businessAddress()))
            .add("otherAddress", ADDRESS, c -> orEmpty(c.otherAddress()))
            .addSelectable("primaryEmailAddress", EMAIL,
                    c -> c.emailAddresses().isEmpty() ? null : c.emailAddresses().get(0))
            .addSelectable("secondaryEmailAddress", EMAIL,
                    c -> c.emailAddresses().size() < 2 ? null : c.emailAddresses().get(1))
            .addSelectable("tertiaryEmailAddress", EMAIL,
                    c -> c.emailAddresses().size() < 3 ? null : c.emailAddresses().get(2))
            .build();

    /** Graph's {@code contactFolder}. */
    static final StructuredType CONTACT_FOLDER_TYPE = StructuredType
            .builder("microsoft.graph.contactFolder", ContactFolder.class)
            .add("id", EdmType.STRING, ContactFolder::id)
            .add("displayName", EdmType.STRING, ContactFolder::displayName)
            .add("parentFolderId", EdmType.STRING, ContactFolder::parentFolderId)
            .build();

    /** How Graph writes contacts: Outlook items with an etag. */
    static final EntityModel CONTACT = new EntityModel(CONTACT_TYPE,
            c -> "W/\"" + ((Contact) c).changeKey() + "\"", true, false, null);
    /** How Graph writes contact folders. */
    static final EntityModel CONTACT_FOLDER = new EntityModel(CONTACT_FOLDER_TYPE, null, true,
            false, null);

    private ContactModel() {
    }

    private static PhysicalAddress orEmpty(PhysicalAddress a) {
        return a == null ? NO_ADDRESS : a;
    }
}
