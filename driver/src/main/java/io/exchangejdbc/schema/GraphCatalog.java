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
import static io.exchangejdbc.schema.FilterOp.EQUALITY;
import static io.exchangejdbc.schema.FilterOp.GE;
import static io.exchangejdbc.schema.FilterOp.LE;
import static io.exchangejdbc.schema.FilterOp.STARTS_WITH;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of {@code Schema=MSGraph}, declared from the Microsoft Graph v1.0 CSDL: one column
 * per structural property of the entity type (base types first, then the type's own properties
 * in CSDL order), complex values flattened with {@code _}, collections as one JSON column, and
 * the {@code UserId} pseudo-column last on mailbox tables. {@code CatalogMatchesCsdlTest} checks
 * every declaration against a copy of the CSDL.
 *
 * <p>What each column declares it can filter and sort on is what the service accepts without
 * special request headers, and only where pushing gives the same rows as SQL would:
 * <ul>
 *   <li>Exchange and the directory compare strings without regard to case, so a pushed string
 *       equality or prefix returns a superset of SQL's rows (the planner keeps the predicate to
 *       re-check), but a pushed string {@code ne} or range would drop rows SQL keeps; string
 *       columns therefore declare only {@code EQ} and {@code STARTS_WITH}, while enum-valued
 *       columns, whose values Graph spells one way, also declare {@code NE}.</li>
 *   <li>Directory collections ({@code Users}) accept {@code ne}, {@code not}, {@code eq null}
 *       and many per-property operators only as "advanced queries" (header
 *       {@code ConsistencyLevel: eventual} plus {@code $count=true}); columns declare only what
 *       the default query accepts, per the property table of "Advanced query capabilities on
 *       Microsoft Entra ID objects".</li>
 *   <li>{@code eq null} is not documented for Outlook items, so no message or folder column
 *       declares {@code NULL_CHECK}.</li>
 * </ul>
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/message">message</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/mailfolder">mailFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/user">user</a>
 * @see <a href="https://learn.microsoft.com/graph/aad-advanced-queries">Advanced queries on
 *     directory objects</a>
 */
final class GraphCatalog {

    private static final String RECIPIENTS_JSON =
            " as a JSON array of {\"emailAddress\":{\"name\":...,\"address\":...}} objects.";

    private GraphCatalog() {
    }

    /** The Graph tables in the order {@code DatabaseMetaData.getTables} lists them. */
    static List<TableSpec> tables() {
        List<TableSpec> all = new ArrayList<>(List.of(messages(), mailFolders(), users()));
        all.addAll(List.of(GraphCalendarTables.events(), GraphCalendarTables.calendars(),
                GraphCalendarTables.calendarGroups(), GraphCalendarTables.calendarView(),
                GraphCalendarTables.eventInstances(), GraphCalendarTables.eventAttachments(),
                GraphCalendarTables.eventAttendees()));
        all.addAll(GraphDirectoryCatalog.tables());
        all.addAll(GraphReportCatalog.tables());
        return List.copyOf(all);
    }

    /** {@code Messages}: the messages of a mailbox, all folders together. */
    private static TableSpec messages() {
        return TableSpec.table("Messages")
                .describe("Email messages of a mailbox, from every folder (one row per message)."
                        + " UserId chooses the mailbox; parentFolderId = '...' reads one folder.")
                // The default page is the service's largest, for light columns; the Graph
                // client lowers it when bodies or headers are selected (504 risk on big pages).
                .graph(new GraphResource(true, "messages",
                        List.of(new GraphResource.Route("parentFolderId",
                                "mailFolders/{value}/messages")),
                        null, 1000, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-messages"))
                .readOnly()
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the message in its mailbox. The driver"
                                        + " asks Graph for immutable ids, so it does not change"
                                        + " when the message moves to another folder."),
                        // outlookItem
                        json("categories")
                                .describe("Names of the Outlook categories assigned to the"
                                        + " message, as a JSON array of strings."),
                        col("changeKey", VARCHAR).readOnly()
                                .describe("Version stamp of the message; the service changes it"
                                        + " on every modification."),
                        col("createdDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                                .describe("When the message was created in the mailbox (UTC)."),
                        col("lastModifiedDateTime", TIMESTAMP).readOnly().filter(COMPARABLE)
                                .sortable()
                                .describe("When the message was last changed (UTC)."),
                        // message
                        json("bccRecipients")
                                .describe("Blind-copy (Bcc) recipients," + RECIPIENTS_JSON),
                        col("body_content", VARCHAR).size(UNBOUNDED_TEXT)
                                .describe("The message body, as HTML or plain text according to"
                                        + " body_contentType (see the BodyType connection"
                                        + " property). Can be changed only while the message is a"
                                        + " draft."),
                        col("body_contentType", VARCHAR)
                                .describe("Format of body_content: 'html' or 'text'."),
                        col("bodyPreview", VARCHAR).readOnly()
                                .describe("Plain-text excerpt of the start of the body (at most"
                                        + " 255 characters), computed by the service."),
                        json("ccRecipients")
                                .describe("Copy (Cc) recipients," + RECIPIENTS_JSON),
                        col("conversationId", VARCHAR).readOnly().filter(EQ)
                                .describe("Identifier of the conversation (thread) the message"
                                        + " belongs to; the same for every message of a"
                                        + " thread."),
                        col("conversationIndex", VARBINARY).readOnly()
                                .describe("Binary value that places the message within its"
                                        + " conversation thread."),
                        col("flag_completedDateTime_dateTime", TIMESTAMP)
                                .describe(zonedTime("When the follow-up was marked complete",
                                        "flag_completedDateTime_timeZone")),
                        col("flag_completedDateTime_timeZone", VARCHAR)
                                .describe(zoneOf("flag_completedDateTime_dateTime")),
                        col("flag_dueDateTime_dateTime", TIMESTAMP)
                                .describe(zonedTime("When the follow-up is due",
                                        "flag_dueDateTime_timeZone")
                                        + " Setting it requires a start as well."),
                        col("flag_dueDateTime_timeZone", VARCHAR)
                                .describe(zoneOf("flag_dueDateTime_dateTime")),
                        col("flag_flagStatus", VARCHAR).filter(EQUALITY)
                                .describe("Follow-up flag of the message: 'notFlagged',"
                                        + " 'flagged' or 'complete'."),
                        col("flag_startDateTime_dateTime", TIMESTAMP)
                                .describe(zonedTime("When the follow-up is to start",
                                        "flag_startDateTime_timeZone")),
                        col("flag_startDateTime_timeZone", VARCHAR)
                                .describe(zoneOf("flag_startDateTime_dateTime")),
                        col("from_emailAddress_address", VARCHAR).filter(EQ).sortable()
                                .describe("Email address of the mailbox the message is from."),
                        col("from_emailAddress_name", VARCHAR).sortable()
                                .describe("Display name of the mailbox the message is from."),
                        col("hasAttachments", BOOLEAN).readOnly().filter(EQUALITY).sortable()
                                .describe("True when the message has file or item attachments."
                                        + " Inline attachments alone (such as pictures in the"
                                        + " body) do not count."),
                        // Not sortable: Graph orders importance by rank (low, normal, high),
                        // not alphabetically as SQL orders the text.
                        col("importance", VARCHAR).filter(EQUALITY)
                                .describe("Importance of the message: 'low', 'normal' or"
                                        + " 'high'."),
                        col("inferenceClassification", VARCHAR).filter(EQUALITY)
                                .describe("Focused Inbox classification: 'focused' or 'other';"
                                        + " inferred by the service unless the user overrode"
                                        + " it."),
                        json("internetMessageHeaders")
                                .describe("Internet message headers (RFC 5322), such as the"
                                        + " transport path, as a JSON array of {\"name\":...,"
                                        + "\"value\":...} objects. Returned only when selected;"
                                        + " custom 'x-' headers can be given only when the"
                                        + " draft is created."),
                        col("internetMessageId", VARCHAR).size(LONG_TEXT).filter(EQ)
                                .describe("The Message-ID header (RFC 5322), which names the"
                                        + " message across mailboxes and systems. Can be changed"
                                        + " only while the message is a draft."),
                        col("isDeliveryReceiptRequested", BOOLEAN).filter(EQUALITY)
                                .describe("Whether the sender asked for a delivery receipt."),
                        col("isDraft", BOOLEAN).readOnly().filter(EQUALITY)
                                .describe("True while the message is a draft that has not been"
                                        + " sent."),
                        col("isRead", BOOLEAN).filter(EQUALITY).sortable()
                                .describe("Whether the message has been read."),
                        col("isReadReceiptRequested", BOOLEAN).filter(EQUALITY)
                                .describe("Whether the sender asked for a read receipt."),
                        col("parentFolderId", VARCHAR).readOnly().filter(EQ)
                                .describe("Identifier of the mail folder that holds the message."
                                        + " An equality on it reads only that folder, and also"
                                        + " accepts well-known folder names ('Inbox', 'Drafts',"
                                        + " 'SentItems', 'DeletedItems', 'JunkEmail',"
                                        + " 'Archive'). Changes only when the message is"
                                        + " moved."),
                        col("receivedDateTime", TIMESTAMP).readOnly().filter(COMPARABLE)
                                .sortable()
                                .describe("When the message arrived in the mailbox (UTC)."),
                        json("replyTo")
                                .describe("Addresses that replies should go to instead of the"
                                        + " sender," + RECIPIENTS_JSON),
                        col("sender_emailAddress_address", VARCHAR).filter(EQ)
                                .describe("Email address of the account that actually sent the"
                                        + " message; it differs from from_emailAddress_address"
                                        + " when a delegate or a shared mailbox sends on someone"
                                        + " else's behalf."),
                        col("sender_emailAddress_name", VARCHAR)
                                .describe("Display name of the account that actually sent the"
                                        + " message."),
                        col("sentDateTime", TIMESTAMP).readOnly().filter(COMPARABLE).sortable()
                                .describe("When the message was sent (UTC); null for a draft."),
                        col("subject", VARCHAR).size(LONG_TEXT).filter(EQ, STARTS_WITH)
                                .sortable()
                                .describe("Subject line of the message. Can be changed only"
                                        + " while the message is a draft."),
                        json("toRecipients")
                                .describe("Primary (To) recipients," + RECIPIENTS_JSON),
                        col("uniqueBody_content", VARCHAR).size(UNBOUNDED_TEXT).readOnly()
                                .describe("The part of the body that is new in this message,"
                                        + " without the earlier messages it quotes. Returned"
                                        + " only when selected."),
                        col("uniqueBody_contentType", VARCHAR).readOnly()
                                .describe("Format of uniqueBody_content: 'html' or 'text'."),
                        col("webLink", VARCHAR).size(LONG_TEXT).readOnly()
                                .describe("URL that opens the message in Outlook on the web;"
                                        + " the browser must be signed in to the mailbox."),
                        userId("messages"));
    }

    /** {@code MailFolders}: the whole folder tree of a mailbox, read level by level. */
    private static TableSpec mailFolders() {
        return TableSpec.table("MailFolders")
                .describe("Mail folders of a mailbox: the whole tree, not only the top level"
                        + " (one row per folder). UserId chooses the mailbox.")
                // Folder rows are small and few folders have more children than one page
                // holds, so the tree walk costs about one request per folder with children.
                .graph(new GraphResource(true, "mailFolders", List.of(), "childFolders", 250,
                        1000, "https://learn.microsoft.com/graph/api/user-list-mailfolders"))
                .readOnly()
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the folder in its mailbox (immutable)."),
                        col("childFolderCount", INTEGER).readOnly()
                                .describe("Number of folders directly inside this folder."),
                        // The tree is read level by level: a filter pushed into that walk
                        // would cut off the children of folders it rejects.
                        col("displayName", VARCHAR).filter(EQ)
                                .describe("Name of the folder as Outlook shows it."),
                        col("isHidden", BOOLEAN)
                                .describe("Whether the folder is hidden from Outlook's folder"
                                        + " list; can be set only when the folder is created."),
                        col("parentFolderId", VARCHAR).readOnly()
                                .describe("Identifier of the folder that contains this one; for"
                                        + " a top-level folder, the mailbox's root folder."),
                        col("totalItemCount", INTEGER).readOnly()
                                .describe("Number of items in the folder, of every kind"
                                        + " (messages, meeting requests, ...)."),
                        col("unreadItemCount", INTEGER).readOnly()
                                .describe("Number of unread items in the folder."),
                        userId("folders"));
    }

    /**
     * {@code Users}: the user accounts of the directory.
     *
     * <p>Flattening choices: {@code onPremisesExtensionAttributes} (15 strings, Exchange's custom
     * attributes, often queried), {@code employeeOrgData}, {@code passwordProfile},
     * {@code signInActivity} and {@code authorizationInfo} are flattened; {@code mailboxSettings}
     * would explode into about twenty columns through nested settings, and is readable only per
     * user anyway, so it is one JSON column (the MailboxSettings table gives it properly);
     * {@code customSecurityAttributes} is an open type with tenant-defined content, so JSON.
     * {@code print} has no column: its type holds only a navigation property, no data.
     */
    private static TableSpec users() {
        return TableSpec.table("Users")
                .describe("User accounts of the organization's directory (Microsoft Entra ID),"
                        + " one row per user.")
                .graph(new GraphResource(false, "users", List.of(), null, 999, 999,
                        "https://learn.microsoft.com/graph/api/user-list"))
                .readOnly()
                .columns(
                        col("id", VARCHAR).key().filter(EQ)
                                .describe("Identifier of the user object (a GUID); it can be"
                                        + " used as UserId to read the user's mailbox."),
                        // directoryObject
                        col("deletedDateTime", TIMESTAMP).readOnly().filter(EQ, GE, LE)
                                .describe("When the user was deleted (UTC); null for an active"
                                        + " account."),
                        // user
                        col("aboutMe", VARCHAR).size(UNBOUNDED_TEXT).singleItemOnly()
                                .describe(perUser("Free text in which the user describes"
                                        + " themselves.")),
                        col("accountEnabled", BOOLEAN).filter(EQ)
                                .describe("Whether the account can sign in. Required when a"
                                        + " user is created."),
                        col("ageGroup", VARCHAR).filter(EQ)
                                .describe("Age group of the user, for age-related regulation:"
                                        + " null, 'Minor', 'NotAdult' or 'Adult'."),
                        json("assignedLicenses").readOnly()
                                .describe("Licenses assigned to the user, directly or through a"
                                        + " group, as a JSON array of {\"skuId\",\"disabledPlans\"}"
                                        + " objects. Changed through license assignment, not by"
                                        + " update."),
                        json("assignedPlans").readOnly()
                                .describe("Service plans assigned to the user, as a JSON array"
                                        + " (plan id, service, capability status, assignment"
                                        + " time)."),
                        json("authorizationInfo_certificateUserIds")
                                .describe("Certificate user ids bound to the account for"
                                        + " certificate-based sign-in, as a JSON array of"
                                        + " strings."),
                        col("birthday", TIMESTAMP).singleItemOnly()
                                .describe(perUser("The user's birthday.")),
                        json("businessPhones")
                                .describe("Business telephone numbers, as a JSON array of"
                                        + " strings (in practice at most one)."),
                        col("city", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("City where the user is located."),
                        col("companyName", VARCHAR)
                                .describe("Name of the company the user belongs to, useful for"
                                        + " external users."),
                        col("consentProvidedForMinor", VARCHAR).filter(EQ)
                                .describe("Whether consent was obtained for a minor: null,"
                                        + " 'Granted', 'Denied' or 'NotRequired'."),
                        col("country", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Country or region where the user is located, such as"
                                        + " 'US' or 'UK'."),
                        col("createdDateTime", TIMESTAMP).readOnly().filter(EQ, GE, LE)
                                .describe("When the user object was created (UTC); null for"
                                        + " some old or synchronized accounts."),
                        col("creationType", VARCHAR).readOnly().filter(EQ)
                                .describe("How the account was created: null for an ordinary"
                                        + " work or school account, otherwise 'Invitation',"
                                        + " 'LocalAccount', 'EmailVerified' or"
                                        + " 'SelfServiceSignUp'."),
                        json("customSecurityAttributes")
                                .describe("Custom security attributes assigned to the user,"
                                        + " grouped by attribute set, as a JSON object; reading"
                                        + " it needs a dedicated permission."),
                        col("department", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Department the user works in."),
                        col("deviceEnrollmentLimit", INTEGER)
                                .describe("Largest number of devices the user may enroll."),
                        col("displayName", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                                .describe("Name shown for the user in the address book. Required"
                                        + " when a user is created."),
                        col("employeeHireDate", TIMESTAMP)
                                .describe("When the user was or will be hired (UTC)."),
                        col("employeeId", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Employee number the organization assigned to the"
                                        + " user."),
                        col("employeeLeaveDateTime", TIMESTAMP)
                                .describe("When the user left or will leave the organization"
                                        + " (UTC); reading it needs a dedicated permission."),
                        col("employeeOrgData_costCenter", VARCHAR)
                                .describe("Cost center of the user (part of employeeOrgData)."),
                        col("employeeOrgData_division", VARCHAR)
                                .describe("Division of the user (part of employeeOrgData)."),
                        col("employeeType", VARCHAR)
                                .describe("Kind of worker, such as 'Employee', 'Contractor',"
                                        + " 'Consultant' or 'Vendor'."),
                        col("externalUserState", VARCHAR).readOnly()
                                .describe("Invitation state of an invited external user:"
                                        + " 'PendingAcceptance' or 'Accepted'; null for other"
                                        + " users."),
                        col("externalUserStateChangeDateTime", TIMESTAMP).readOnly()
                                .describe("When externalUserState last changed (UTC)."),
                        col("faxNumber", VARCHAR)
                                .describe("Fax number of the user."),
                        col("givenName", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("First name of the user."),
                        col("hireDate", TIMESTAMP).singleItemOnly()
                                .describe(perUser("Hire date kept in the SharePoint profile;"
                                        + " employeeHireDate is the directory's own.")),
                        json("identities")
                                .describe("Identities the user can sign in with (local, federated"
                                        + " or social), as a JSON array of {\"signInType\","
                                        + "\"issuer\",\"issuerAssignedId\"} objects."),
                        col("identityParentId", VARCHAR).readOnly()
                                .describe("Identifier of the parent identity object, for the"
                                        + " special kinds of accounts that have one; null for"
                                        + " ordinary users."),
                        json("imAddresses").readOnly()
                                .describe("Instant-messaging (SIP) addresses of the user, as a"
                                        + " JSON array of strings."),
                        json("interests").singleItemOnly()
                                .describe(perUser("The user's interests, as a JSON array of"
                                        + " strings.")),
                        col("isManagementRestricted", BOOLEAN).readOnly()
                                .describe("True when the user belongs to a restricted"
                                        + " management administrative unit, which limits who may"
                                        + " change the account."),
                        col("isResourceAccount", BOOLEAN).readOnly().filter(EQ)
                                .describe("Reserved by Microsoft for future use."),
                        col("jobTitle", VARCHAR).filter(EQ)
                                .describe("Job title of the user."),
                        col("lastPasswordChangeDateTime", TIMESTAMP).readOnly()
                                .describe("When the password was last changed or set (UTC)."),
                        col("legalAgeGroupClassification", VARCHAR).readOnly()
                                .describe("Legal age group derived from ageGroup and"
                                        + " consentProvidedForMinor, such as 'Adult' or"
                                        + " 'MinorWithParentalConsent'."),
                        json("licenseAssignmentStates").readOnly()
                                .describe("State of each license assignment, direct or inherited"
                                        + " from a group, as a JSON array."),
                        col("mail", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Primary SMTP address of the user."),
                        json("mailboxSettings").readOnly().singleItemOnly()
                                .describe(perUser("Settings of the user's mailbox (automatic"
                                        + " replies, time zone, language, working hours), as a"
                                        + " JSON object; the MailboxSettings table exposes them"
                                        + " as columns.")),
                        col("mailNickname", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Mail alias of the user. Required when a user is"
                                        + " created."),
                        col("mobilePhone", VARCHAR)
                                .describe("Mobile telephone number of the user."),
                        col("mySite", VARCHAR).size(LONG_TEXT).singleItemOnly()
                                .describe(perUser("URL of the user's personal site.")),
                        col("officeLocation", VARCHAR)
                                .describe("Office location at the user's place of business."),
                        col("onPremisesDistinguishedName", VARCHAR).size(LONG_TEXT).readOnly()
                                .describe(synced("Distinguished name (DN) of the user in the"
                                        + " on-premises Active Directory")),
                        col("onPremisesDomainName", VARCHAR).readOnly()
                                .describe(synced("DNS domain name of the on-premises account")),
                        extensionAttribute(1), extensionAttribute(2), extensionAttribute(3),
                        extensionAttribute(4), extensionAttribute(5), extensionAttribute(6),
                        extensionAttribute(7), extensionAttribute(8), extensionAttribute(9),
                        extensionAttribute(10), extensionAttribute(11), extensionAttribute(12),
                        extensionAttribute(13), extensionAttribute(14), extensionAttribute(15),
                        col("onPremisesImmutableId", VARCHAR)
                                .describe("Links an on-premises Active Directory account to this"
                                        + " user; needed when creating a user of a federated"
                                        + " domain."),
                        col("onPremisesLastSyncDateTime", TIMESTAMP).readOnly()
                                .describe("When the account was last synchronized from the"
                                        + " on-premises directory (UTC)."),
                        json("onPremisesProvisioningErrors").readOnly()
                                .describe("Errors raised while synchronizing the account from"
                                        + " the on-premises directory, as a JSON array."),
                        col("onPremisesSamAccountName", VARCHAR).readOnly()
                                .describe(synced("SAM account name (pre-Windows 2000 logon name)"
                                        + " of the on-premises account")),
                        col("onPremisesSecurityIdentifier", VARCHAR).readOnly().filter(EQ)
                                .describe(synced("Security identifier (SID) of the on-premises"
                                        + " account")),
                        col("onPremisesSyncEnabled", BOOLEAN).readOnly().filter(EQ)
                                .describe("True while the account is synchronized from an"
                                        + " on-premises directory, false once it no longer is;"
                                        + " null if it never was."),
                        col("onPremisesUserPrincipalName", VARCHAR).readOnly()
                                .filter(EQ, STARTS_WITH)
                                .describe(synced("User principal name of the on-premises"
                                        + " account")),
                        json("otherMails")
                                .describe("Additional email addresses of the user, as a JSON"
                                        + " array of strings."),
                        col("passwordPolicies", VARCHAR)
                                .describe("Password policies of the user, comma-separated:"
                                        + " 'DisablePasswordExpiration', 'DisableStrongPassword'."),
                        col("passwordProfile_forceChangePasswordNextSignIn", BOOLEAN)
                                .describe("Whether the user must change the password at the next"
                                        + " sign-in (part of passwordProfile)."),
                        col("passwordProfile_forceChangePasswordNextSignInWithMfa", BOOLEAN)
                                .describe("Whether the user must complete multi-factor"
                                        + " registration before changing the password at the"
                                        + " next sign-in (part of passwordProfile)."),
                        col("passwordProfile_password", VARCHAR)
                                .describe("Password to set when creating or resetting the"
                                        + " account (part of passwordProfile); the service never"
                                        + " returns it, so it reads as null."),
                        json("pastProjects").singleItemOnly()
                                .describe(perUser("The user's past projects, as a JSON array"
                                        + " of strings.")),
                        col("postalCode", VARCHAR)
                                .describe("Postal code of the user's address."),
                        col("preferredDataLocation", VARCHAR)
                                .describe("Preferred geography for the user's data in a"
                                        + " multi-geo tenant."),
                        col("preferredLanguage", VARCHAR)
                                .describe("Preferred language of the user, as an ISO code such as"
                                        + " 'en-US'."),
                        col("preferredName", VARCHAR).singleItemOnly()
                                .describe(perUser("Preferred name of the user (not filled in by"
                                        + " the service today).")),
                        json("provisionedPlans").readOnly()
                                .describe("Service plans provisioned for the user, as a JSON"
                                        + " array."),
                        json("proxyAddresses").readOnly()
                                .describe("All email addresses of the user, as a JSON array of"
                                        + " strings such as 'SMTP:alice@contoso.com'; the one"
                                        + " with upper-case 'SMTP:' is the primary address."),
                        json("responsibilities").singleItemOnly()
                                .describe(perUser("The user's responsibilities, as a JSON array"
                                        + " of strings.")),
                        json("schools").singleItemOnly()
                                .describe(perUser("Schools the user attended, as a JSON array of"
                                        + " strings.")),
                        col("securityIdentifier", VARCHAR).readOnly()
                                .describe("Security identifier (SID) of the user in Microsoft"
                                        + " Entra ID, for Windows scenarios."),
                        json("serviceProvisioningErrors").readOnly()
                                .describe("Errors raised while provisioning the user in Microsoft"
                                        + " online services, as a JSON array."),
                        col("showInAddressList", BOOLEAN).readOnly()
                                .describe("Whether Outlook's global address list shows the user;"
                                        + " managed in the Microsoft 365 admin center, not"
                                        + " here."),
                        signIn("lastNonInteractiveSignInDateTime", TIMESTAMP,
                                "When the user last signed in without interaction (a client"
                                        + " signing in on their behalf), UTC"),
                        signIn("lastNonInteractiveSignInRequestId", VARCHAR,
                                "Request id of the last non-interactive sign-in"),
                        signIn("lastSignInDateTime", TIMESTAMP,
                                "When the user last signed in interactively, successfully or"
                                        + " not, UTC"),
                        signIn("lastSignInRequestId", VARCHAR,
                                "Request id of the last interactive sign-in"),
                        signIn("lastSuccessfulSignInDateTime", TIMESTAMP,
                                "When the user last signed in successfully, UTC"),
                        signIn("lastSuccessfulSignInRequestId", VARCHAR,
                                "Request id of the last successful sign-in"),
                        col("signInSessionsValidFromDateTime", TIMESTAMP).readOnly()
                                .describe("Refresh and session tokens issued before this time"
                                        + " (UTC) are no longer valid."),
                        json("skills").singleItemOnly()
                                .describe(perUser("The user's skills, as a JSON array of"
                                        + " strings.")),
                        col("state", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("State or province of the user's address."),
                        col("streetAddress", VARCHAR).size(1024)
                                .describe("Street address of the user's place of business."),
                        col("surname", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Last name (family name) of the user."),
                        col("usageLocation", VARCHAR).filter(EQ, STARTS_WITH)
                                .describe("Two-letter country code (ISO 3166) where the user"
                                        + " uses services; required before licenses can be"
                                        + " assigned."),
                        col("userPrincipalName", VARCHAR).filter(EQ, STARTS_WITH).sortable()
                                .describe("Sign-in name of the user, in the form alias@domain;"
                                        + " it can be used as UserId to read the user's"
                                        + " mailbox. Required when a user is created."),
                        col("userType", VARCHAR).filter(EQ)
                                .describe("Kind of account in the directory, such as 'Member' or"
                                        + " 'Guest'."));
    }

    /** The {@code UserId} pseudo-column of a mailbox table; always declared last. */
    static ColumnSpec userId(String whatIsRead) {
        return pseudo("UserId", VARCHAR).filter(EQ)
                .describe("Mailbox whose " + whatIsRead + " are read: a user id or user principal"
                        + " name, as in /users/{UserId}/... Without a UserId predicate, the"
                        + " UserId connection property is used, else the signed-in user's own"
                        + " mailbox (/me). UserId IN (...), including a subquery on Users, reads"
                        + " several mailboxes. Input only: in a row it shows the mailbox read.");
    }

    private static String zonedTime(String what, String zoneColumn) {
        return what + ", converted to UTC from the zone given in " + zoneColumn + ".";
    }

    private static String zoneOf(String timeColumn) {
        return "Time zone (Windows or IANA name) in which the service expressed " + timeColumn
                + ".";
    }

    private static String perUser(String text) {
        return text + " The service returns it only when one user is read, not in a list.";
    }

    private static String synced(String what) {
        return what + "; set only for accounts synchronized from an on-premises directory.";
    }

    private static ColumnSpec extensionAttribute(int n) {
        return col("onPremisesExtensionAttributes_extensionAttribute" + n, VARCHAR).size(1024)
                .describe("Exchange custom attribute " + n + " (extensionAttribute" + n + " of"
                        + " onPremisesExtensionAttributes); writable only for cloud-only"
                        + " accounts.");
    }

    private static ColumnSpec signIn(String property, ColumnType type, String what) {
        return col("signInActivity_" + property, type).readOnly()
                .describe(what + " (part of signInActivity; reading it needs the"
                        + " AuditLog.Read.All permission and a Microsoft Entra ID P1 or P2"
                        + " license).");
    }
}
