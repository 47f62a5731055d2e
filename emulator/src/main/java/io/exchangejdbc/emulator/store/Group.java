package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group of the directory (a Microsoft 365 group or a security group) and its members.
 *
 * @param id              object id (a GUID)
 * @param displayName     name shown in the address book
 * @param description     free text, may be null
 * @param mail            SMTP address of a mail-enabled group, else null
 * @param mailNickname    mail alias
 * @param groupTypes      {@code Unified} for a Microsoft 365 group, empty for a security group
 * @param mailEnabled     whether the group receives mail
 * @param securityEnabled whether the group is a security group
 * @param visibility      {@code Public}, {@code Private} or null
 * @param createdDateTime when the group was created
 * @param members         the users who are members, in the order they were added
 * @param options         settings of a Microsoft 365 group that Graph returns only for one
 *                        group ({@code allowExternalSenders}, {@code hideFromAddressLists},
 *                        ...), by property name; absent ones read as null
 * @see <a href="https://learn.microsoft.com/graph/api/resources/group">group</a>
 */
public record Group(String id, String displayName, String description, String mail,
        String mailNickname, List<String> groupTypes, boolean mailEnabled,
        boolean securityEnabled, String visibility, Instant createdDateTime,
        List<User> members, Map<String, Object> options) {

    /** Checks the id and copies the collections. */
    public Group {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
        groupTypes = List.copyOf(groupTypes);
        members = List.copyOf(members);
        options = Map.copyOf(options);
    }

    /** A group without options set. */
    public Group(String id, String displayName, String description, String mail,
            String mailNickname, List<String> groupTypes, boolean mailEnabled,
            boolean securityEnabled, String visibility, Instant createdDateTime,
            List<User> members) {
        this(id, displayName, description, mail, mailNickname, groupTypes, mailEnabled,
                securityEnabled, visibility, createdDateTime, members, Map.of());
    }

    /** An option's value, or null when it was never set. */
    public Object option(String name) {
        return options.get(name);
    }
}
