package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.EdmType;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.store.BodyType;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.FollowupFlag;
import io.exchangejdbc.emulator.store.InternetMessageHeader;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Graph v1.0 types the emulator serves ({@code message}, {@code mailFolder}, {@code user},
 * {@code fileAttachment} and the complex types they use), declared once with the CSDL's property
 * names and types and bound to the store's objects. Filtering, sorting, selection and JSON
 * writing all work from these declarations.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/message">message</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/mailfolder">mailFolder</a>
 * @see <a href="https://learn.microsoft.com/graph/api/resources/user">user</a>
 */
final class GraphModel {

    private static final DateTimeFormatter DATE_TIME_TIME_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    /** Graph's {@code emailAddress}. */
    static final StructuredType EMAIL_ADDRESS = StructuredType
            .builder("microsoft.graph.emailAddress", EmailAddress.class)
            .add("name", EdmType.STRING, EmailAddress::name)
            .add("address", EdmType.STRING, EmailAddress::address)
            .build();

    /** Graph's {@code recipient}, represented by the address it wraps. */
    static final StructuredType RECIPIENT = StructuredType
            .builder("microsoft.graph.recipient", EmailAddress.class)
            .add("emailAddress", EdmType.complex(EMAIL_ADDRESS), a -> a)
            .build();

    /** Graph's {@code itemBody}. */
    static final StructuredType ITEM_BODY = StructuredType
            .builder("microsoft.graph.itemBody", BodyValue.class)
            .add("contentType", EdmType.enumType("microsoft.graph.bodyType"),
                    BodyValue::contentType)
            .add("content", EdmType.STRING, BodyValue::content)
            .build();

    /** Graph's {@code dateTimeTimeZone}, always in UTC here. */
    static final StructuredType DATE_TIME_TIME_ZONE_TYPE = StructuredType
            .builder("microsoft.graph.dateTimeTimeZone", Instant.class)
            .add("dateTime", EdmType.STRING,
                    i -> DATE_TIME_TIME_ZONE.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)))
            .add("timeZone", EdmType.STRING, i -> "UTC")
            .build();

    /** Graph's {@code followupFlag}; unset dates are left out, as Graph does. */
    static final StructuredType FOLLOWUP_FLAG = StructuredType
            .builder("microsoft.graph.followupFlag", FollowupFlag.class)
            .add("flagStatus", EdmType.enumType("microsoft.graph.followupFlagStatus"),
                    f -> f.status().graphName())
            .add("startDateTime", EdmType.complex(DATE_TIME_TIME_ZONE_TYPE),
                    FollowupFlag::start)
            .add("dueDateTime", EdmType.complex(DATE_TIME_TIME_ZONE_TYPE), FollowupFlag::due)
            .add("completedDateTime", EdmType.complex(DATE_TIME_TIME_ZONE_TYPE),
                    FollowupFlag::completed)
            .omitNulls()
            .build();

    /** Graph's {@code internetMessageHeader}. */
    static final StructuredType INTERNET_MESSAGE_HEADER = StructuredType
            .builder("microsoft.graph.internetMessageHeader", InternetMessageHeader.class)
            .add("name", EdmType.STRING, InternetMessageHeader::name)
            .add("value", EdmType.STRING, InternetMessageHeader::value)
            .build();

    private static final EdmType RECIPIENT_TYPE = EdmType.complex(RECIPIENT);
    private static final EdmType RECIPIENTS = EdmType.collection(RECIPIENT_TYPE);
    private static final EdmType STRINGS = EdmType.collection(EdmType.STRING);

    /** Graph's {@code message}, in the order Graph writes its properties. */
    static final StructuredType MESSAGE_TYPE = StructuredType
            .builder("microsoft.graph.message", Message.class)
            .add("id", EdmType.STRING, Message::id)
            .add("createdDateTime", EdmType.DATETIMEOFFSET, Message::createdDateTime)
            .add("lastModifiedDateTime", EdmType.DATETIMEOFFSET, Message::lastModifiedDateTime)
            .add("changeKey", EdmType.STRING, Message::changeKey)
            .add("categories", STRINGS, Message::categories)
            .add("receivedDateTime", EdmType.DATETIMEOFFSET, Message::receivedDateTime)
            .add("sentDateTime", EdmType.DATETIMEOFFSET, Message::sentDateTime)
            .add("hasAttachments", EdmType.BOOLEAN, Message::hasAttachments)
            .add("internetMessageId", EdmType.STRING, Message::internetMessageId)
            .add("subject", EdmType.STRING, Message::subject)
            .add("bodyPreview", EdmType.STRING, Message::bodyPreview)
            .add("importance", EdmType.enumType("microsoft.graph.importance"),
                    m -> m.importance().graphName())
            .add("parentFolderId", EdmType.STRING, Message::parentFolderId)
            .add("conversationId", EdmType.STRING, Message::conversationId)
            .add("conversationIndex", EdmType.BINARY, Message::conversationIndex)
            .add("isDeliveryReceiptRequested", EdmType.BOOLEAN,
                    Message::isDeliveryReceiptRequested)
            .add("isReadReceiptRequested", EdmType.BOOLEAN, Message::isReadReceiptRequested)
            .add("isRead", EdmType.BOOLEAN, Message::isRead)
            .add("isDraft", EdmType.BOOLEAN, Message::isDraft)
            .add("webLink", EdmType.STRING, Message::webLink)
            .add("inferenceClassification",
                    EdmType.enumType("microsoft.graph.inferenceClassificationType"),
                    m -> m.inferenceClassification().graphName())
            .add("body", EdmType.complex(ITEM_BODY), true, GraphModel::body)
            .add("uniqueBody", EdmType.complex(ITEM_BODY), false, GraphModel::body)
            .add("sender", RECIPIENT_TYPE, Message::sender)
            .add("from", RECIPIENT_TYPE, Message::from)
            .add("toRecipients", RECIPIENTS, Message::toRecipients)
            .add("ccRecipients", RECIPIENTS, Message::ccRecipients)
            .add("bccRecipients", RECIPIENTS, Message::bccRecipients)
            .add("replyTo", RECIPIENTS, Message::replyTo)
            .add("flag", EdmType.complex(FOLLOWUP_FLAG), Message::flag)
            .addSelectable("internetMessageHeaders",
                    EdmType.collection(EdmType.complex(INTERNET_MESSAGE_HEADER)),
                    Message::internetMessageHeaders)
            .build();

    /** Graph's {@code mailFolder}. */
    static final StructuredType MAIL_FOLDER_TYPE = StructuredType
            .builder("microsoft.graph.mailFolder", FolderView.class)
            .add("id", EdmType.STRING, f -> f.folder().id())
            .add("displayName", EdmType.STRING, f -> f.folder().displayName())
            .add("parentFolderId", EdmType.STRING, f -> f.folder().parentFolderId())
            .add("childFolderCount", EdmType.INT32, f -> f.folder().children().size())
            .add("unreadItemCount", EdmType.INT32,
                    f -> f.snapshot().unreadItemCount(f.folder()))
            .add("totalItemCount", EdmType.INT32,
                    f -> f.snapshot().totalItemCount(f.folder()))
            .add("isHidden", EdmType.BOOLEAN, f -> f.folder().isHidden())
            .build();

    /** Graph's {@code fileAttachment}. */
    static final StructuredType FILE_ATTACHMENT_TYPE = StructuredType
            .builder("microsoft.graph.fileAttachment", AttachmentView.class)
            .add("id", EdmType.STRING, AttachmentView::id)
            .add("lastModifiedDateTime", EdmType.DATETIMEOFFSET,
                    a -> a.message().createdDateTime())
            .add("name", EdmType.STRING, a -> a.attachment().name())
            .add("contentType", EdmType.STRING, a -> a.attachment().contentType())
            .add("size", EdmType.INT32, a -> a.attachment().size())
            .add("isInline", EdmType.BOOLEAN, a -> a.attachment().inline())
            .add("contentId", EdmType.STRING,
                    a -> a.attachment().inline() ? a.attachment().name() : null)
            .add("contentLocation", EdmType.STRING, a -> null)
            .add("contentBytes", EdmType.BINARY, AttachmentView::contentBytes)
            .build();

    /**
     * The properties of Graph's {@code user} that the store does not keep, with their CSDL types;
     * they read as null, or as an empty collection.
     */
    private static final String UNKEPT_USER_PROPERTIES = "aboutMe:Edm.String "
            + "ageGroup:Edm.String assignedLicenses:Collection(graph.assignedLicense) "
            + "assignedPlans:Collection(graph.assignedPlan) "
            + "authorizationInfo:graph.authorizationInfo birthday:Edm.DateTimeOffset "
            + "consentProvidedForMinor:Edm.String creationType:Edm.String "
            + "customSecurityAttributes:graph.customSecurityAttributeValue "
            + "deletedDateTime:Edm.DateTimeOffset deviceEnrollmentLimit:Edm.Int32 "
            + "employeeHireDate:Edm.DateTimeOffset employeeLeaveDateTime:Edm.DateTimeOffset "
            + "employeeOrgData:graph.employeeOrgData employeeType:Edm.String "
            + "externalUserState:Edm.String externalUserStateChangeDateTime:Edm.DateTimeOffset "
            + "faxNumber:Edm.String hireDate:Edm.DateTimeOffset "
            + "identities:Collection(graph.objectIdentity) identityParentId:Edm.String "
            + "interests:Collection(Edm.String) isManagementRestricted:Edm.Boolean "
            + "isResourceAccount:Edm.Boolean lastPasswordChangeDateTime:Edm.DateTimeOffset "
            + "legalAgeGroupClassification:Edm.String "
            + "licenseAssignmentStates:Collection(graph.licenseAssignmentState) "
            + "mailboxSettings:graph.mailboxSettings mySite:Edm.String "
            + "onPremisesDistinguishedName:Edm.String onPremisesDomainName:Edm.String "
            + "onPremisesExtensionAttributes:graph.onPremisesExtensionAttributes "
            + "onPremisesImmutableId:Edm.String onPremisesLastSyncDateTime:Edm.DateTimeOffset "
            + "onPremisesProvisioningErrors:Collection(graph.onPremisesProvisioningError) "
            + "onPremisesSamAccountName:Edm.String onPremisesSecurityIdentifier:Edm.String "
            + "onPremisesSyncEnabled:Edm.Boolean onPremisesUserPrincipalName:Edm.String "
            + "passwordPolicies:Edm.String passwordProfile:graph.passwordProfile "
            + "pastProjects:Collection(Edm.String) preferredDataLocation:Edm.String "
            + "preferredName:Edm.String print:graph.userPrint "
            + "provisionedPlans:Collection(graph.provisionedPlan) "
            + "responsibilities:Collection(Edm.String) schools:Collection(Edm.String) "
            + "securityIdentifier:Edm.String "
            + "serviceProvisioningErrors:Collection(graph.serviceProvisioningError) "
            + "showInAddressList:Edm.Boolean signInActivity:graph.signInActivity "
            + "signInSessionsValidFromDateTime:Edm.DateTimeOffset skills:Collection(Edm.String)";

    /** Values of unkept properties that the CSDL declares not nullable. */
    private static final Map<String, Object> UNKEPT_DEFAULTS = Map.of(
            "birthday", Instant.parse("0001-01-01T08:00:00Z"),
            "hireDate", Instant.parse("0001-01-01T08:00:00Z"),
            "deviceEnrollmentLimit", 5);

    /** Graph's {@code user}: the default properties first, in the order Graph writes them. */
    static final StructuredType USER_TYPE = userType();

    /** How Graph writes messages. */
    static final EntityModel MESSAGE = new EntityModel(MESSAGE_TYPE,
            m -> "W/\"" + ((Message) m).changeKey() + "\"", true, false, null);
    /** How Graph writes mail folders. */
    static final EntityModel MAIL_FOLDER = new EntityModel(MAIL_FOLDER_TYPE, null, true, false,
            null);
    /** How Graph writes users. */
    static final EntityModel USER = new EntityModel(USER_TYPE, null, false, true, null);
    /** How Graph writes file attachments. */
    static final EntityModel FILE_ATTACHMENT = new EntityModel(FILE_ATTACHMENT_TYPE, null, true,
            false, "#microsoft.graph.fileAttachment");

    private GraphModel() {
    }

    private static BodyValue body(Message m, ValueContext c) {
        BodyType type = c.bodyAsText() ? BodyType.TEXT : BodyType.HTML;
        return new BodyValue(type.graphName(), m.body().content(type));
    }

    private static StructuredType userType() {
        StructuredType.Builder<User> b = StructuredType.builder("microsoft.graph.user",
                User.class)
                .add("businessPhones", STRINGS, User::businessPhones)
                .add("displayName", EdmType.STRING, User::displayName)
                .add("givenName", EdmType.STRING, User::givenName)
                .add("jobTitle", EdmType.STRING, User::jobTitle)
                .add("mail", EdmType.STRING, User::mail)
                .add("mobilePhone", EdmType.STRING, User::mobilePhone)
                .add("officeLocation", EdmType.STRING, User::officeLocation)
                .add("preferredLanguage", EdmType.STRING, User::preferredLanguage)
                .add("surname", EdmType.STRING, User::surname)
                .add("userPrincipalName", EdmType.STRING, User::userPrincipalName)
                .add("id", EdmType.STRING, User::id)
                .addSelectable("accountEnabled", EdmType.BOOLEAN, User::accountEnabled)
                .addSelectable("city", EdmType.STRING, User::city)
                .addSelectable("companyName", EdmType.STRING, User::companyName)
                .addSelectable("country", EdmType.STRING, User::country)
                .addSelectable("createdDateTime", EdmType.DATETIMEOFFSET,
                        User::createdDateTime)
                .addSelectable("department", EdmType.STRING, User::department)
                .addSelectable("employeeId", EdmType.STRING, User::employeeId)
                .addSelectable("imAddresses", STRINGS, User::imAddresses)
                .addSelectable("mailNickname", EdmType.STRING, User::mailNickname)
                .addSelectable("otherMails", STRINGS, u -> List.of())
                .addSelectable("postalCode", EdmType.STRING, User::postalCode)
                .addSelectable("proxyAddresses", STRINGS, User::proxyAddresses)
                .addSelectable("state", EdmType.STRING, User::state)
                .addSelectable("streetAddress", EdmType.STRING, User::streetAddress)
                .addSelectable("usageLocation", EdmType.STRING, User::usageLocation)
                .addSelectable("userType", EdmType.STRING, User::userType);
        Map<String, StructuredType> opaque = new HashMap<>();
        for (String decl : UNKEPT_USER_PROPERTIES.split(" ")) {
            String name = decl.substring(0, decl.indexOf(':'));
            String typeName = decl.substring(decl.indexOf(':') + 1);
            boolean collection = typeName.startsWith("Collection(");
            EdmType type = edmType(collection
                    ? typeName.substring(11, typeName.length() - 1) : typeName, opaque);
            if (collection) {
                b.addSelectable(name, EdmType.collection(type), u -> List.of());
            } else {
                Object value = UNKEPT_DEFAULTS.get(name);
                b.addSelectable(name, type, u -> value);
            }
        }
        return b.build();
    }

    private static EdmType edmType(String name, Map<String, StructuredType> opaque) {
        switch (name) {
            case "Edm.String":
                return EdmType.STRING;
            case "Edm.Boolean":
                return EdmType.BOOLEAN;
            case "Edm.Int32":
                return EdmType.INT32;
            case "Edm.DateTimeOffset":
                return EdmType.DATETIMEOFFSET;
            default:
                String qualified = "microsoft.graph." + name.substring(name.indexOf('.') + 1);
                return EdmType.complex(opaque.computeIfAbsent(qualified,
                        q -> StructuredType.builder(q, Object.class).build()));
        }
    }
}
