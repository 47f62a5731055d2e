package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.EdmType;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.store.Group;
import java.util.List;

/**
 * Graph's {@code group} type as the emulator serves it: the properties the store keeps, and the
 * CSDL's other properties reading as null or empty; properties Graph returns only when selected
 * are declared so.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/group">group</a>
 */
final class GroupModel {

    private static final EdmType STRINGS = EdmType.collection(EdmType.STRING);

    private static StructuredType opaque(String name) {
        return StructuredType.builder("microsoft.graph." + name, Object.class).build();
    }

    /** Graph's {@code group}, default properties in the order Graph writes them. */
    static final StructuredType GROUP_TYPE = StructuredType
            .builder("microsoft.graph.group", Group.class)
            .add("id", EdmType.STRING, Group::id)
            .add("deletedDateTime", EdmType.DATETIMEOFFSET, g -> null)
            .add("classification", EdmType.STRING, g -> null)
            .add("createdDateTime", EdmType.DATETIMEOFFSET, Group::createdDateTime)
            .add("description", EdmType.STRING, Group::description)
            .add("displayName", EdmType.STRING, Group::displayName)
            .add("expirationDateTime", EdmType.DATETIMEOFFSET, g -> null)
            .add("groupTypes", STRINGS, Group::groupTypes)
            .add("isAssignableToRole", EdmType.BOOLEAN, g -> null)
            .add("mail", EdmType.STRING, Group::mail)
            .add("mailEnabled", EdmType.BOOLEAN, Group::mailEnabled)
            .add("mailNickname", EdmType.STRING, Group::mailNickname)
            .add("membershipRule", EdmType.STRING, g -> null)
            .add("membershipRuleProcessingState", EdmType.STRING, g -> null)
            .add("onPremisesDomainName", EdmType.STRING, g -> null)
            .add("onPremisesLastSyncDateTime", EdmType.DATETIMEOFFSET, g -> null)
            .add("onPremisesNetBiosName", EdmType.STRING, g -> null)
            .add("onPremisesSamAccountName", EdmType.STRING, g -> null)
            .add("onPremisesSecurityIdentifier", EdmType.STRING, g -> null)
            .add("onPremisesSyncEnabled", EdmType.BOOLEAN, g -> null)
            .add("preferredDataLocation", EdmType.STRING, g -> null)
            .add("preferredLanguage", EdmType.STRING, g -> null)
            .add("proxyAddresses", STRINGS,
                    g -> g.mail() == null ? List.of() : List.of("SMTP:" + g.mail()))
            .add("renewedDateTime", EdmType.DATETIMEOFFSET, Group::createdDateTime)
            .add("resourceBehaviorOptions", STRINGS, g -> List.of())
            .add("resourceProvisioningOptions", STRINGS, g -> List.of())
            .add("securityEnabled", EdmType.BOOLEAN, Group::securityEnabled)
            .add("securityIdentifier", EdmType.STRING, g -> null)
            .add("theme", EdmType.STRING, g -> null)
            .add("uniqueName", EdmType.STRING, g -> null)
            .add("visibility", EdmType.STRING, Group::visibility)
            .add("onPremisesProvisioningErrors",
                    EdmType.collection(EdmType.complex(opaque("onPremisesProvisioningError"))),
                    g -> List.of())
            .add("serviceProvisioningErrors",
                    EdmType.collection(EdmType.complex(opaque("serviceProvisioningError"))),
                    g -> List.of())
            .addSelectable("accessType", EdmType.enumType("microsoft.graph.groupAccessType"),
                    g -> null)
            .addSelectable("allowExternalSenders", EdmType.BOOLEAN,
                    g -> g.option("allowExternalSenders"))
            .addSelectable("assignedLabels",
                    EdmType.collection(EdmType.complex(opaque("assignedLabel"))),
                    g -> List.of())
            .addSelectable("assignedLicenses",
                    EdmType.collection(EdmType.complex(opaque("assignedLicense"))),
                    g -> List.of())
            .addSelectable("autoSubscribeNewMembers", EdmType.BOOLEAN,
                    g -> g.option("autoSubscribeNewMembers"))
            .addSelectable("hasMembersWithLicenseErrors", EdmType.BOOLEAN, g -> null)
            .addSelectable("hideFromAddressLists", EdmType.BOOLEAN,
                    g -> g.option("hideFromAddressLists"))
            .addSelectable("hideFromOutlookClients", EdmType.BOOLEAN,
                    g -> g.option("hideFromOutlookClients"))
            .addSelectable("infoCatalogs", STRINGS, g -> List.of())
            .addSelectable("isArchived", EdmType.BOOLEAN, g -> null)
            .addSelectable("isFavorite", EdmType.BOOLEAN, g -> null)
            .addSelectable("isManagementRestricted", EdmType.BOOLEAN, g -> null)
            .addSelectable("isSubscribedByMail", EdmType.BOOLEAN,
                    g -> g.option("isSubscribedByMail"))
            .addSelectable("licenseProcessingState",
                    EdmType.complex(opaque("licenseProcessingState")), g -> null)
            .addSelectable("onPremisesExtensionAttributes",
                    EdmType.complex(opaque("onPremisesExtensionAttributes")), g -> null)
            .addSelectable("organizationId", EdmType.STRING, g -> null)
            .addSelectable("unseenConversationsCount", EdmType.INT32, g -> null)
            .addSelectable("unseenCount", EdmType.INT32, g -> g.option("unseenCount"))
            .addSelectable("unseenMessagesCount", EdmType.INT32, g -> null)
            .addSelectable("welcomeMessageEnabled", EdmType.BOOLEAN, g -> null)
            .build();

    /** How Graph writes groups: directory objects, selected properties in the order asked. */
    static final EntityModel GROUP = new EntityModel(GROUP_TYPE, null, false, true, null);

    /** How Graph writes the members of a group that are users: typed directory objects. */
    static final EntityModel USER_MEMBER = new EntityModel(GraphModel.USER_TYPE, null, false,
            true, "#microsoft.graph.user");

    private GroupModel() {
    }
}
