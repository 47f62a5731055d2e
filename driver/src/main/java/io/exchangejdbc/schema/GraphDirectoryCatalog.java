package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnSpec.LONG_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.UNBOUNDED_TEXT;
import static io.exchangejdbc.schema.ColumnSpec.col;
import static io.exchangejdbc.schema.ColumnSpec.json;
import static io.exchangejdbc.schema.ColumnSpec.pseudo;
import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.INTEGER;
import static io.exchangejdbc.schema.ColumnType.TIMESTAMP;
import static io.exchangejdbc.schema.ColumnType.VARBINARY;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;
import static io.exchangejdbc.schema.FilterOp.COMPARABLE;
import static io.exchangejdbc.schema.FilterOp.EQ;
import static io.exchangejdbc.schema.FilterOp.STARTS_WITH;

import java.util.ArrayList;
import java.util.List;

/**
 * The Graph tables around the mail: contacts and their folders, the directory's groups and
 * their members, mailbox settings, and the element views of messages (attachments, recipients,
 * single-value extended properties). Declared as {@link GraphCatalog} declares its tables, from
 * the Microsoft Graph v1.0 CSDL.
 *
 * <p>Filter capabilities follow the same rules as {@link GraphCatalog}: strings declare only
 * {@code EQ} and {@code STARTS_WITH} (the service compares without regard to case), and the
 * directory's columns only what a default (not "advanced") query accepts.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contact">contact</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/contactfolder">contactFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/group">group</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/mailboxsettings">
 *     mailboxSettings</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/fileattachment">fileAttachment</a>
 */
final class GraphDirectoryCatalog {

    private static final String STRINGS_JSON = ", as a JSON array of strings.";

    private GraphDirectoryCatalog() {
    }

    /** The tables in the order {@code DatabaseMetaData.getTables} lists them. */
    static List<TableSpec> tables() {
        return List.of(contacts(), contactFolders(), groups(), groupMembers(), mailboxSettings(),
                extendedProperties(), messageAttachments(), messageRecipients());
    }

    /** {@code Contacts}: the personal contacts of a mailbox. */
    private static TableSpec contacts() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(col("id", VARCHAR).key().filter(EQ)
                .describe("Identifier of the contact in its mailbox (immutable)."));
        // outlookItem
        c.add(json("categories").describe("Names of the Outlook categories assigned to the"
                + " contact" + STRINGS_JSON));
        c.add(col("changeKey", VARCHAR).readOnly()
                .describe("Version stamp of the contact; changes on every modification."));
        c.add(col("createdDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                .describe("When the contact was created (UTC)."));
        c.add(col("lastModifiedDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                .describe("When the contact was last changed (UTC)."));
        // contact
        c.add(col("assistantName", VARCHAR).describe("Name of the contact's assistant."));
        c.add(col("birthday", TIMESTAMP).describe("The contact's birthday (UTC)."));
        address(c, "businessAddress", "business");
        c.add(col("businessHomePage", VARCHAR).size(LONG_TEXT)
                .describe("URL of the contact's business home page."));
        c.add(json("businessPhones").describe("Business telephone numbers" + STRINGS_JSON));
        c.add(json("children").describe("Names of the contact's children" + STRINGS_JSON));
        c.add(col("companyName", VARCHAR).filter(EQ, STARTS_WITH)
                .describe("Name of the contact's company."));
        c.add(col("department", VARCHAR).describe("The contact's department."));
        c.add(col("displayName", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                .describe("Name of the contact as Outlook shows it."));
        c.add(json("emailAddresses").describe("The contact's email addresses, as a JSON array of"
                + " {\"name\":...,\"address\":...} objects."));
        c.add(col("fileAs", VARCHAR).describe("Name under which the contact is filed."));
        c.add(col("generation", VARCHAR).describe("Generation suffix, such as 'Jr.'."));
        c.add(col("givenName", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                .describe("First name of the contact."));
        address(c, "homeAddress", "home");
        c.add(json("homePhones").describe("Home telephone numbers" + STRINGS_JSON));
        c.add(json("imAddresses").describe("Instant messaging addresses" + STRINGS_JSON));
        c.add(col("initials", VARCHAR).describe("The contact's initials."));
        c.add(col("jobTitle", VARCHAR).describe("The contact's job title."));
        c.add(col("manager", VARCHAR).describe("Name of the contact's manager."));
        c.add(col("middleName", VARCHAR).describe("Middle name of the contact."));
        c.add(col("mobilePhone", VARCHAR).describe("Mobile telephone number of the contact."));
        c.add(col("nickName", VARCHAR).describe("Nickname of the contact."));
        c.add(col("officeLocation", VARCHAR).describe("Office location of the contact."));
        address(c, "otherAddress", "other");
        c.add(col("parentFolderId", VARCHAR).readOnly().filter(EQ)
                .describe("Identifier of the contact folder that holds the contact. Without an"
                        + " equality on it, the default Contacts folder is read (as"
                        + " /contacts does); parentFolderId = '...' reads that folder."));
        c.add(col("personalNotes", VARCHAR).size(UNBOUNDED_TEXT)
                .describe("Notes about the contact."));
        email(c, "primaryEmailAddress", "first");
        c.add(col("profession", VARCHAR).describe("The contact's profession."));
        email(c, "secondaryEmailAddress", "second");
        c.add(col("spouseName", VARCHAR).describe("Name of the contact's spouse or partner."));
        c.add(col("surname", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                .describe("Last name of the contact."));
        email(c, "tertiaryEmailAddress", "third");
        c.add(col("title", VARCHAR).describe("The contact's title, such as 'Dr.'."));
        c.add(col("yomiCompanyName", VARCHAR)
                .describe("Phonetic Japanese company name of the contact."));
        c.add(col("yomiGivenName", VARCHAR)
                .describe("Phonetic Japanese given name of the contact."));
        c.add(col("yomiSurname", VARCHAR).describe("Phonetic Japanese surname of the contact."));
        c.add(GraphCatalog.userId("contacts"));
        return TableSpec.table("Contacts")
                .describe("Personal contacts of a mailbox (one row per contact): those of the"
                        + " default Contacts folder, or of the folder given by parentFolderId."
                        + " UserId chooses the mailbox.")
                .graph(new GraphResource(true, "contacts",
                        List.of(new GraphResource.Route("parentFolderId",
                                "contactFolders/{value}/contacts")),
                        null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-contacts"))
                .writes(GraphWrite.builder("https://learn.microsoft.com/graph/api/user-post-contacts")
                        .create("contacts")
                        .createRoute("parentFolderId", "contactFolders/{value}/contacts")
                        // a contact's id names it in every folder of the mailbox
                        .update("contacts/{id}")
                        .delete("contacts/{id}")
                        .requireOneOf("givenName", "displayName")
                        .build())
                .columns(c.toArray(new ColumnSpec[0]));
    }

    private static void address(List<ColumnSpec> c, String property, String which) {
        c.add(col(property + "_city", VARCHAR)
                .describe("City of the contact's " + which + " address."));
        c.add(col(property + "_countryOrRegion", VARCHAR)
                .describe("Country or region of the contact's " + which + " address."));
        c.add(col(property + "_postalCode", VARCHAR)
                .describe("Postal code of the contact's " + which + " address."));
        c.add(col(property + "_state", VARCHAR)
                .describe("State or province of the contact's " + which + " address."));
        c.add(col(property + "_street", VARCHAR).size(1024)
                .describe("Street of the contact's " + which + " address."));
    }

    private static void email(List<ColumnSpec> c, String property, String which) {
        c.add(col(property + "_address", VARCHAR).readOnly()
                .describe("The " + which + " email address of the contact (part of "
                        + property + ")."));
        c.add(col(property + "_name", VARCHAR).readOnly()
                .describe("Display name of the " + which + " email address of the contact."));
    }

    /** {@code ContactFolders}: the top-level contact folders, or a folder's child folders. */
    private static TableSpec contactFolders() {
        return TableSpec.table("ContactFolders")
                .describe("Contact folders of a mailbox (one row per folder): the top-level"
                        + " folders, among them the default Contacts folder; parentFolderId ="
                        + " '...' lists the folders inside that folder instead. UserId chooses"
                        + " the mailbox.")
                .graph(new GraphResource(true, "contactFolders",
                        List.of(new GraphResource.Route("parentFolderId",
                                "contactFolders/{value}/childFolders")),
                        null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-contactfolders"))
                .writes(GraphWrite.builder(
                                "https://learn.microsoft.com/graph/api/user-post-contactfolders")
                        .create("contactFolders")
                        .createRoute("parentFolderId", "contactFolders/{value}/childFolders")
                        .update("contactFolders/{id}")
                        .delete("contactFolders/{id}")
                        .require("displayName")
                        .build())
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the contact folder (immutable)."),
                        col("displayName", VARCHAR).filter(EQ)
                                .describe("Name of the folder as Outlook shows it."),
                        col("parentFolderId", VARCHAR).readOnly().filter(EQ)
                                .describe("Identifier of the folder that contains this one. An"
                                        + " equality on it lists that folder's child folders"
                                        + " (/contactFolders/{id}/childFolders)."),
                        GraphCatalog.userId("contact folders"));
    }

    /**
     * {@code Groups}: the groups of the directory. {@code onPremisesExtensionAttributes} is
     * flattened as on {@code Users}; {@code licenseProcessingState} holds one string and is
     * flattened too.
     */
    private static TableSpec groups() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(col("id", VARCHAR).key().filter(EQ)
                .describe("Identifier of the group object (a GUID); GroupMembers takes it as"
                        + " groupId."));
        c.add(col("deletedDateTime", TIMESTAMP).readOnly()
                .describe("When the group was deleted (UTC); null for an active group."));
        c.add(col("accessType", VARCHAR).readOnly()
                .describe("Who can join the group: 'none', 'private', 'secret' or 'public'."));
        c.add(col("allowExternalSenders", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether people outside the organization can send mail to"
                        + " the group.")));
        c.add(json("assignedLabels").describe("Sensitivity labels assigned to the group, as a"
                + " JSON array of {\"labelId\",\"displayName\"} objects."));
        c.add(json("assignedLicenses").readOnly().describe("Licenses assigned to the group, as"
                + " a JSON array."));
        c.add(col("autoSubscribeNewMembers", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether new members are subscribed to the group's email"
                        + " notifications.")));
        c.add(col("classification", VARCHAR)
                .describe("Classification of the group, such as 'low', 'medium' or 'high'."));
        c.add(col("createdDateTime", TIMESTAMP).readOnly()
                .describe("When the group was created (UTC)."));
        c.add(col("description", VARCHAR).size(1024).describe("Description of the group."));
        c.add(col("displayName", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                .describe("Name of the group as the address book shows it."));
        c.add(col("expirationDateTime", TIMESTAMP).readOnly()
                .describe("When the group is set to expire (UTC), under an expiration policy."));
        c.add(json("groupTypes").describe("Kinds of the group, as a JSON array of strings:"
                + " 'Unified' for a Microsoft 365 group, 'DynamicMembership' for a group whose"
                + " members come from a rule; empty for a security or distribution group."));
        c.add(col("hasMembersWithLicenseErrors", BOOLEAN).readOnly()
                .describe("Whether some member has a license error from group-based"
                        + " licensing."));
        c.add(col("hideFromAddressLists", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether Outlook's address lists hide the group.")));
        c.add(col("hideFromOutlookClients", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether Outlook clients hide the group.")));
        c.add(json("infoCatalogs").describe("Identifiers of the information catalogs of the"
                + " group" + STRINGS_JSON));
        c.add(col("isArchived", BOOLEAN).singleItemOnly().readOnly()
                .describe(oneGroup("Whether the group's team is archived (read only).")));
        c.add(col("isAssignableToRole", BOOLEAN)
                .describe("Whether the group can be assigned to a Microsoft Entra role."));
        c.add(col("isFavorite", BOOLEAN).singleItemOnly().readOnly()
                .describe(oneGroup("Whether the signed-in user marked the group as a"
                        + " favorite.")));
        c.add(col("isManagementRestricted", BOOLEAN).readOnly()
                .describe("Whether the group is in a restricted management administrative"
                        + " unit."));
        c.add(col("isSubscribedByMail", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether the signed-in user receives the group's"
                        + " conversations by mail.")));
        c.add(col("licenseProcessingState_state", VARCHAR).readOnly()
                .describe("State of the group's license assignment to its members, such as"
                        + " 'ProcessingComplete'."));
        c.add(col("mail", VARCHAR).readOnly().filter(EQ, STARTS_WITH)
                .describe("SMTP address of the group, null when it is not mail-enabled; the"
                        + " service makes it from mailNickname."));
        c.add(col("mailEnabled", BOOLEAN).filter(EQ)
                .describe("Whether the group can receive mail."));
        c.add(col("mailNickname", VARCHAR).filter(EQ, STARTS_WITH)
                .describe("Mail alias of the group."));
        c.add(col("membershipRule", VARCHAR).size(LONG_TEXT)
                .describe("Rule that decides the members of a dynamic group."));
        c.add(col("membershipRuleProcessingState", VARCHAR)
                .describe("Whether the membership rule is applied: 'On' or 'Paused'."));
        c.add(col("onPremisesDomainName", VARCHAR).readOnly()
                .describe("DNS domain of a group synchronized from on-premises."));
        for (int n = 1; n <= 15; n++) {
            c.add(col("onPremisesExtensionAttributes_extensionAttribute" + n, VARCHAR)
                    .size(1024).readOnly()
                    .describe("Exchange custom attribute " + n + " of the group."));
        }
        c.add(col("onPremisesLastSyncDateTime", TIMESTAMP).readOnly()
                .describe("When the group was last synchronized from on-premises (UTC)."));
        c.add(col("onPremisesNetBiosName", VARCHAR).readOnly()
                .describe("NetBIOS name of a group synchronized from on-premises."));
        c.add(json("onPremisesProvisioningErrors").readOnly()
                .describe("Errors raised while synchronizing the group, as a JSON array."));
        c.add(col("onPremisesSamAccountName", VARCHAR).readOnly()
                .describe("SAM account name of a group synchronized from on-premises."));
        c.add(col("onPremisesSecurityIdentifier", VARCHAR).readOnly()
                .describe("Security identifier of a group synchronized from on-premises."));
        c.add(col("onPremisesSyncEnabled", BOOLEAN).readOnly().filter(EQ)
                .describe("True while the group is synchronized from on-premises."));
        c.add(col("organizationId", VARCHAR).readOnly()
                .describe("Identifier of the tenant that holds the group."));
        c.add(col("preferredDataLocation", VARCHAR)
                .describe("Preferred data location of a Microsoft 365 group (multi-geo)."));
        c.add(col("preferredLanguage", VARCHAR)
                .describe("Preferred language of a Microsoft 365 group, such as 'en-US'."));
        c.add(json("proxyAddresses").readOnly().describe("Every email address of the group, as"
                + " a JSON array such as 'SMTP:sales@contoso.com'."));
        c.add(col("renewedDateTime", TIMESTAMP).readOnly()
                .describe("When the group was last renewed (UTC)."));
        c.add(json("resourceBehaviorOptions").describe("Behaviours set when a Microsoft 365"
                + " group was created" + STRINGS_JSON));
        c.add(json("resourceProvisioningOptions").describe("Resources provisioned with a"
                + " Microsoft 365 group, such as 'Team'" + STRINGS_JSON));
        c.add(col("securityEnabled", BOOLEAN).filter(EQ)
                .describe("Whether the group is a security group."));
        c.add(col("securityIdentifier", VARCHAR).readOnly()
                .describe("Security identifier (SID) of the group, for Windows scenarios."));
        c.add(json("serviceProvisioningErrors").readOnly()
                .describe("Errors raised while provisioning the group, as a JSON array."));
        c.add(col("theme", VARCHAR).describe("Color theme of a Microsoft 365 group."));
        c.add(col("uniqueName", VARCHAR).describe("Unique name of the group, when one is set."));
        c.add(col("unseenConversationsCount", INTEGER).singleItemOnly().readOnly()
                .describe(oneGroup("Number of conversations the signed-in user has not"
                        + " seen.")));
        c.add(col("unseenCount", INTEGER).singleItemOnly()
                .describe(oneGroup("Number of posts the signed-in user has not seen.")));
        c.add(col("unseenMessagesCount", INTEGER).singleItemOnly().readOnly()
                .describe(oneGroup("Number of messages the signed-in user has not seen.")));
        c.add(col("visibility", VARCHAR)
                .describe("Visibility of a Microsoft 365 group: 'Public', 'Private' or"
                        + " 'HiddenMembership'."));
        c.add(col("welcomeMessageEnabled", BOOLEAN).singleItemOnly()
                .describe(oneGroup("Whether new members receive a welcome message.")));
        return TableSpec.table("Groups")
                .describe("Groups of the organization's directory (Microsoft 365, security and"
                        + " distribution groups), one row per group. GROUPS is a reserved word"
                        + " of SQL: write the name in double quotes, as in SELECT * FROM"
                        + " \"Groups\".")
                .graph(new GraphResource(false, "groups", List.of(), null, 999, 999,
                        "https://learn.microsoft.com/graph/api/group-list"))
                .writes(GraphWrite.builder(
                                "https://learn.microsoft.com/graph/api/group-post-groups")
                        .create("groups")
                        .update("groups/{id}")
                        .delete("groups/{id}")
                        .require("displayName", "mailEnabled", "mailNickname", "securityEnabled")
                        .insertOnly("isAssignableToRole", "resourceBehaviorOptions",
                                "resourceProvisioningOptions")
                        // group-update: these go in a PATCH of their own, never in the POST
                        .updateAlone("allowExternalSenders", "autoSubscribeNewMembers",
                                "hideFromAddressLists", "hideFromOutlookClients",
                                "isSubscribedByMail", "unseenCount")
                        .build())
                .columns(c.toArray(new ColumnSpec[0]));
    }

    private static String oneGroup(String text) {
        return text + " The service returns it only when one group is read, not in a list.";
    }

    /** {@code GroupMembers}: the direct members of one group. */
    private static TableSpec groupMembers() {
        return TableSpec.view("GroupMembers")
                .describe("Direct members of a group (one row per member). Needs groupId ="
                        + " '...' (a group id from Groups); a query without it is refused."
                        + " INSERT (groupId, id) adds a member, DELETE ... WHERE groupId = '...'"
                        + " AND id = '...' removes one.")
                .graph(new GraphResource(false, "groups",
                        List.of(GraphResource.Route.required("groupId",
                                "groups/{value}/members")),
                        null, 999, 999,
                        "https://learn.microsoft.com/graph/api/group-list-members"))
                // members are references: POST .../members/$ref names an existing object
                .writes(GraphWrite.builder(
                                "https://learn.microsoft.com/graph/api/group-post-members")
                        .create("groups/{value}/members/$ref")
                        .createRoute("groupId", "groups/{value}/members/$ref")
                        .reference("id", "directoryObjects/{value}")
                        .delete("groups/{groupId}/members/{id}/$ref")
                        .require("groupId", "id")
                        .build())
                .columns(
                        col("id", VARCHAR).key()
                                .describe("Identifier of the member's directory object."),
                        col("odataType", VARCHAR).path("@odata.type").readOnly()
                                .describe("Kind of member, as Graph names its type:"
                                        + " '#microsoft.graph.user', '#microsoft.graph.group',"
                                        + " '#microsoft.graph.device', ..."),
                        col("displayName", VARCHAR).readOnly()
                                .describe("Name of the member."),
                        col("mail", VARCHAR).readOnly()
                                .describe("SMTP address of the member, when it has one."),
                        col("userPrincipalName", VARCHAR).readOnly()
                                .describe("Sign-in name of a member that is a user."),
                        col("jobTitle", VARCHAR).readOnly()
                                .describe("Job title of a member that is a user."),
                        pseudo("groupId", VARCHAR).key().filter(EQ)
                                .describe("The group whose members are read; required:"
                                        + " WHERE groupId = '...'. Input only: in a row it"
                                        + " shows the group read."));
    }

    /** {@code MailboxSettings}: one row per mailbox read. */
    private static TableSpec mailboxSettings() {
        return TableSpec.table("MailboxSettings")
                .describe("Settings of a mailbox (one row per mailbox): time zone, language,"
                        + " formats, working hours and automatic replies (out of office)."
                        + " UserId chooses the mailbox; UserId IN (...) reads several. UPDATE"
                        + " ... WHERE UserId = '...' changes the settings of that mailbox (the"
                        + " default one without it); they cannot be inserted or deleted.")
                .graph(new GraphResource(true, "mailboxSettings", List.of(), null, 1, 1,
                        "https://learn.microsoft.com/graph/api/user-get-mailboxsettings",
                        RowShape.MAILBOX_OBJECT))
                // one object per mailbox: UPDATE only, WHERE UserId = '...' names the mailbox
                .writes(GraphWrite.builder(
                                "https://learn.microsoft.com/graph/api/user-update-mailboxsettings")
                        .update("mailboxSettings")
                        .build())
                .columns(
                        col("archiveFolder", VARCHAR)
                                .describe("Identifier of the folder that archived mail goes"
                                        + " to."),
                        col("automaticRepliesSetting_externalAudience", VARCHAR)
                                .describe("Who outside the organization receives the automatic"
                                        + " reply: 'none', 'contactsOnly' or 'all'."),
                        col("automaticRepliesSetting_externalReplyMessage", VARCHAR)
                                .size(UNBOUNDED_TEXT)
                                .describe("Automatic reply sent outside the organization."),
                        col("automaticRepliesSetting_internalReplyMessage", VARCHAR)
                                .size(UNBOUNDED_TEXT)
                                .describe("Automatic reply sent inside the organization."),
                        col("automaticRepliesSetting_scheduledEndDateTime_dateTime", TIMESTAMP)
                                .describe("End of the scheduled automatic replies, converted to"
                                        + " UTC from the zone in the _timeZone column."),
                        col("automaticRepliesSetting_scheduledEndDateTime_timeZone", VARCHAR)
                                .describe("Time zone in which the service expressed the end of"
                                        + " the scheduled automatic replies."),
                        col("automaticRepliesSetting_scheduledStartDateTime_dateTime",
                                TIMESTAMP)
                                .describe("Start of the scheduled automatic replies, converted"
                                        + " to UTC from the zone in the _timeZone column."),
                        col("automaticRepliesSetting_scheduledStartDateTime_timeZone", VARCHAR)
                                .describe("Time zone in which the service expressed the start"
                                        + " of the scheduled automatic replies."),
                        col("automaticRepliesSetting_status", VARCHAR)
                                .describe("Whether automatic replies are on: 'disabled',"
                                        + " 'alwaysEnabled' or 'scheduled'."),
                        col("dateFormat", VARCHAR)
                                .describe("Date format of the mailbox, such as 'M/d/yyyy'."),
                        col("delegateMeetingMessageDeliveryOptions", VARCHAR)
                                .describe("Who receives meeting messages when the mailbox has"
                                        + " delegates: 'sendToDelegateAndInformationToPrincipal',"
                                        + " 'sendToDelegateAndPrincipal' or"
                                        + " 'sendToDelegateOnly'."),
                        col("language_displayName", VARCHAR).readOnly()
                                .describe("Name of the mailbox's language, such as 'English"
                                        + " (United States)'; follows language_locale."),
                        col("language_locale", VARCHAR)
                                .describe("Locale of the mailbox's language, such as"
                                        + " 'en-US'."),
                        col("timeFormat", VARCHAR)
                                .describe("Time format of the mailbox, such as 'h:mm tt'."),
                        col("timeZone", VARCHAR)
                                .describe("Default time zone of the mailbox (a Windows or IANA"
                                        + " name)."),
                        col("userPurpose", VARCHAR).readOnly()
                                .describe("Kind of mailbox: 'user', 'linked', 'shared', 'room',"
                                        + " 'equipment' or 'others'."),
                        json("workingHours_daysOfWeek")
                                .describe("Working days, as a JSON array of day names such as"
                                        + " \"monday\"."),
                        col("workingHours_endTime", VARCHAR)
                                .describe("End of the working day, as a time of day"
                                        + " ('17:00:00.0000000') in workingHours_timeZone_name."),
                        col("workingHours_startTime", VARCHAR)
                                .describe("Start of the working day, as a time of day in"
                                        + " workingHours_timeZone_name."),
                        col("workingHours_timeZone_name", VARCHAR)
                                .describe("Time zone of the working hours."),
                        GraphCatalog.userId("settings"));
    }

    /** {@code ExtendedProperties}: single-value extended properties of messages, by id. */
    private static TableSpec extendedProperties() {
        return TableSpec.table("ExtendedProperties")
                .describe("Single-value extended (MAPI) properties of messages (one row per"
                        + " message that has the property). Needs id = '...' (the property's"
                        + " id, such as 'String {66f5a359-4659-4830-9070-00040ec6ac6e} Name"
                        + " Color'): Graph returns an extended property only when asked for by"
                        + " id. messageId = '...' reads one message; UserId chooses the"
                        + " mailbox.")
                .graph(new GraphResource(true, "messages",
                        List.of(GraphResource.Route.required("id", "messages")),
                        null, 250, 1000,
                        "https://learn.microsoft.com/graph/api/"
                                + "singlevaluelegacyextendedproperty-get",
                        RowShape.EXTENDED_PROPERTIES))
                .readOnly()
                .columns(
                        pseudo("id", VARCHAR).key().filter(EQ).size(LONG_TEXT)
                                .describe("Id of the extended property in Graph's form:"
                                        + " '{type} {guid} Name {name}' or '{type} {guid} Id"
                                        + " {0x...}', or '{type} 0x{tag}' for a tagged"
                                        + " property. Required: WHERE id = '...'."),
                        col("messageId", VARCHAR).path("id").key().filter(EQ)
                                .describe("Identifier of the message that has the property;"
                                        + " an equality on it reads only that message."),
                        col("value", VARCHAR).size(UNBOUNDED_TEXT)
                                .describe("Value of the property, as text. VALUE is a reserved"
                                        + " word of SQL: write the name in double quotes"
                                        + " (\"value\")."),
                        GraphCatalog.userId("messages"));
    }

    /** {@code MessageAttachments}: the attachments of one message. */
    private static TableSpec messageAttachments() {
        return TableSpec.view("MessageAttachments")
                .describe("Attachments of a message (one row per attachment). Needs messageId ="
                        + " '...'; contentBytes is read only when selected. UserId chooses the"
                        + " mailbox.")
                .graph(new GraphResource(true, "messages",
                        List.of(GraphResource.Route.required("messageId",
                                "messages/{value}/attachments")),
                        null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/message-list-attachments"))
                .columns(
                        col("id", VARCHAR).key()
                                .describe("Identifier of the attachment within its message."),
                        col("contentType", VARCHAR)
                                .describe("MIME type of the attachment, such as"
                                        + " 'application/pdf'."),
                        col("isInline", BOOLEAN)
                                .describe("Whether the attachment is shown in the body (such as"
                                        + " a picture) rather than as a file."),
                        col("lastModifiedDateTime", TIMESTAMP).readOnly()
                                .describe("When the attachment was last changed (UTC)."),
                        col("name", VARCHAR).size(LONG_TEXT)
                                .describe("File name of the attachment."),
                        col("size", INTEGER).readOnly()
                                .describe("Size of the attachment in bytes."),
                        col("contentBytes", VARBINARY)
                                .describe("Content of a file attachment. Requested only when"
                                        + " the query selects this column."),
                        col("contentId", VARCHAR)
                                .describe("Content id of an inline attachment, as the body's"
                                        + " cid: references name it."),
                        col("contentLocation", VARCHAR).size(LONG_TEXT)
                                .describe("Not used by Exchange; always null."),
                        pseudo("messageId", VARCHAR).key().filter(EQ)
                                .describe("The message whose attachments are read; required:"
                                        + " WHERE messageId = '...'. Input only: in a row it"
                                        + " shows the message read."),
                        GraphCatalog.userId("messages"));
    }

    /** {@code MessageRecipients}: one row per To, Cc and Bcc recipient of each message. */
    private static TableSpec messageRecipients() {
        return TableSpec.view("MessageRecipients")
                .describe("Recipients of messages (one row per To, Cc or Bcc recipient), read"
                        + " from the messages' recipient collections. messageId = '...' reads"
                        + " one message; UserId chooses the mailbox.")
                .graph(new GraphResource(true, "messages", List.of(), null, 1000, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-messages",
                        RowShape.MESSAGE_RECIPIENTS))
                .columns(
                        col("messageId", VARCHAR).path("id").key().filter(EQ)
                                .describe("Identifier of the message; an equality on it reads"
                                        + " only that message."),
                        col("recipientType", VARCHAR).path("recipientType").key()
                                .describe("Which list the recipient is in: 'To', 'Cc' or"
                                        + " 'Bcc'."),
                        col("name", VARCHAR).path("emailAddress", "name")
                                .describe("Display name of the recipient."),
                        col("address", VARCHAR).path("emailAddress", "address").key()
                                .describe("Email address of the recipient."),
                        GraphCatalog.userId("messages"));
    }
}
