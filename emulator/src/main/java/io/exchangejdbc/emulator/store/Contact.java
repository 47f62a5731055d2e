package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A personal contact in a mailbox's contact folder, with the properties of Graph's
 * {@code contact} type that the store keeps; collections are never null.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contact">contact</a>
 */
public record Contact(String id, String parentFolderId, Instant createdDateTime,
        Instant lastModifiedDateTime, String changeKey, List<String> categories,
        Instant birthday, String fileAs, String displayName, String givenName,
        String middleName, String surname, String nickName, String title, String initials,
        String jobTitle, String companyName, String department, String officeLocation,
        String profession, String manager, String assistantName, String spouseName,
        String businessHomePage, String personalNotes, List<EmailAddress> emailAddresses,
        List<String> imAddresses, List<String> businessPhones, List<String> homePhones,
        String mobilePhone, List<String> children, PhysicalAddress businessAddress,
        PhysicalAddress homeAddress, PhysicalAddress otherAddress) {

    /** Checks the identifiers and copies the collections. */
    public Contact {
        requireNonNull(id, "id");
        requireNonNull(parentFolderId, "parentFolderId");
        categories = List.copyOf(categories);
        emailAddresses = List.copyOf(emailAddresses);
        imAddresses = List.copyOf(imAddresses);
        businessPhones = List.copyOf(businessPhones);
        homePhones = List.copyOf(homePhones);
        children = List.copyOf(children);
    }
}
