package io.exchangejdbc.graph;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.GraphResource;
import io.exchangejdbc.schema.TableDef;
import io.exchangejdbc.schema.TableKind;
import java.util.List;
import java.util.Set;

/**
 * Small hand-made catalog entries for the Graph client's tests, so that they do not depend on the
 * full catalog: the columns the tests read, with Graph's spellings and types.
 */
final class TestTables {

    private TestTables() {
    }

    static ColumnDef col(String name, ColumnType type, String... path) {
        return new ColumnDef(name, type, List.of(path), ColumnNature.PROPERTY, false, true,
                FilterOp.COMPARABLE, true, 0, name);
    }

    static ColumnDef json(String name, String... path) {
        return new ColumnDef(name, ColumnType.VARCHAR, List.of(path), ColumnNature.JSON, false,
                true, Set.of(), false, 0, name);
    }

    static ColumnDef userId() {
        return new ColumnDef("UserId", ColumnType.VARCHAR, List.of(), ColumnNature.PSEUDO, false,
                false, FilterOp.EQUALITY, false, 0, "mailbox");
    }

    static final ColumnDef MESSAGE_ID = new ColumnDef("id", ColumnType.VARCHAR, List.of("id"),
            ColumnNature.PROPERTY, true, true, FilterOp.EQUALITY, false, 0, "id");

    static TableDef messages() {
        return new TableDef("Messages", TableKind.TABLE, "messages", List.of(
                MESSAGE_ID,
                col("subject", ColumnType.VARCHAR, "subject"),
                col("bodyPreview", ColumnType.VARCHAR, "bodyPreview"),
                col("isRead", ColumnType.BOOLEAN, "isRead"),
                col("isDraft", ColumnType.BOOLEAN, "isDraft"),
                col("hasAttachments", ColumnType.BOOLEAN, "hasAttachments"),
                col("importance", ColumnType.VARCHAR, "importance"),
                col("receivedDateTime", ColumnType.TIMESTAMP, "receivedDateTime"),
                col("sentDateTime", ColumnType.TIMESTAMP, "sentDateTime"),
                col("createdDateTime", ColumnType.TIMESTAMP, "createdDateTime"),
                col("lastModifiedDateTime", ColumnType.TIMESTAMP, "lastModifiedDateTime"),
                col("from_emailAddress_address", ColumnType.VARCHAR,
                        "from", "emailAddress", "address"),
                col("from_emailAddress_name", ColumnType.VARCHAR,
                        "from", "emailAddress", "name"),
                col("sender_emailAddress_address", ColumnType.VARCHAR,
                        "sender", "emailAddress", "address"),
                col("sender_emailAddress_name", ColumnType.VARCHAR,
                        "sender", "emailAddress", "name"),
                json("toRecipients", "toRecipients"),
                json("ccRecipients", "ccRecipients"),
                json("categories", "categories"),
                col("body_contentType", ColumnType.VARCHAR, "body", "contentType"),
                col("body_content", ColumnType.VARCHAR, "body", "content"),
                col("uniqueBody_content", ColumnType.VARCHAR, "uniqueBody", "content"),
                col("flag_flagStatus", ColumnType.VARCHAR, "flag", "flagStatus"),
                json("internetMessageHeaders", "internetMessageHeaders"),
                col("parentFolderId", ColumnType.VARCHAR, "parentFolderId"),
                col("conversationId", ColumnType.VARCHAR, "conversationId"),
                col("webLink", ColumnType.VARCHAR, "webLink"),
                userId()),
                new GraphResource(true, "messages",
                        List.of(new GraphResource.Route("parentFolderId",
                                "mailFolders/{value}/messages")),
                        null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-messages"),
                false);
    }

    static TableDef mailFolders() {
        return new TableDef("MailFolders", TableKind.TABLE, "mail folders", List.of(
                col("id", ColumnType.VARCHAR, "id"),
                col("displayName", ColumnType.VARCHAR, "displayName"),
                col("parentFolderId", ColumnType.VARCHAR, "parentFolderId"),
                col("childFolderCount", ColumnType.INTEGER, "childFolderCount"),
                col("unreadItemCount", ColumnType.INTEGER, "unreadItemCount"),
                col("totalItemCount", ColumnType.INTEGER, "totalItemCount"),
                col("isHidden", ColumnType.BOOLEAN, "isHidden"),
                userId()),
                new GraphResource(true, "mailFolders", List.of(), "childFolders", 100, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-mailfolders"),
                false);
    }

    static TableDef users() {
        return new TableDef("Users", TableKind.TABLE, "users", List.of(
                col("id", ColumnType.VARCHAR, "id"),
                col("displayName", ColumnType.VARCHAR, "displayName"),
                col("givenName", ColumnType.VARCHAR, "givenName"),
                col("surname", ColumnType.VARCHAR, "surname"),
                col("mail", ColumnType.VARCHAR, "mail"),
                col("mailNickname", ColumnType.VARCHAR, "mailNickname"),
                col("userPrincipalName", ColumnType.VARCHAR, "userPrincipalName"),
                col("jobTitle", ColumnType.VARCHAR, "jobTitle"),
                col("mobilePhone", ColumnType.VARCHAR, "mobilePhone"),
                col("officeLocation", ColumnType.VARCHAR, "officeLocation"),
                col("preferredLanguage", ColumnType.VARCHAR, "preferredLanguage"),
                json("businessPhones", "businessPhones"),
                json("otherMails", "otherMails"),
                json("proxyAddresses", "proxyAddresses"),
                json("assignedLicenses", "assignedLicenses")),
                new GraphResource(false, "users", List.of(), null, 100, 999,
                        "https://learn.microsoft.com/graph/api/user-list"),
                false);
    }

    static TableDef events() {
        return new TableDef("Events", TableKind.TABLE, "events", List.of(
                col("id", ColumnType.VARCHAR, "id"),
                col("start_dateTime", ColumnType.TIMESTAMP, "start", "dateTime"),
                col("start_timeZone", ColumnType.VARCHAR, "start", "timeZone"),
                col("end_dateTime", ColumnType.TIMESTAMP, "end", "dateTime"),
                col("isAllDay", ColumnType.BOOLEAN, "isAllDay"),
                col("reminderMinutesBeforeStart", ColumnType.INTEGER,
                        "reminderMinutesBeforeStart"),
                col("sizeInBytes", ColumnType.BIGINT, "sizeInBytes"),
                col("score", ColumnType.DOUBLE, "score"),
                col("birthday", ColumnType.DATE, "birthday"),
                col("contentBytes", ColumnType.VARBINARY, "contentBytes"),
                json("location", "location"),
                col("location_displayName", ColumnType.VARCHAR, "location", "displayName")),
                new GraphResource(true, "events", List.of(), null, 100, 1000,
                        "https://learn.microsoft.com/graph/api/user-list-events"),
                false);
    }

    /** The columns of a table with the given names, in that order. */
    static List<ColumnDef> columns(TableDef table, String... names) {
        ColumnDef[] out = new ColumnDef[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = table.column(names[i]);
            if (out[i] == null) {
                throw new IllegalArgumentException("no column " + names[i]);
            }
        }
        return List.of(out);
    }
}
