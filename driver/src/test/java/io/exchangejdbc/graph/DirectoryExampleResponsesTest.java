package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.LocalHttpServer;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contacts, contact folders, attachments, groups, mailbox settings and delta pages of
 * Microsoft's Graph reference (see {@code src/test/resources/graph/examples/README.md}) read
 * through the client into the values they hold, with the request each table sends.
 */
class DirectoryExampleResponsesTest {

    private LocalHttpServer server;
    private GraphClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static TableDef table(String name) {
        return Catalog.of(SchemaKind.MSGRAPH).table(name);
    }

    private static String example(String name) throws IOException {
        try (InputStream in = DirectoryExampleResponsesTest.class.getResourceAsStream(
                "/graph/examples/" + name)) {
            if (in == null) {
                throw new IOException("missing example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Serves the example for every request and reads the query's rows. */
    private List<Object[]> scan(String name, GraphQuery query) throws Exception {
        String body = example(name);
        server = LocalHttpServer.start((ex, r, i) -> LocalHttpServer.json(ex, 200, body));
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=AzureAD;InitiateOAuth=OFF;"
                + "OAuthAccessToken=example-token-1234;Timeout=10"));
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = client.scan(query, Operand.Parameters.NONE)) {
            while (c.next()) {
                rows.add(c.current());
            }
        }
        return rows;
    }

    private static GraphQuery query(String table, String... columns) {
        TableDef t = table(table);
        return GraphQuery.of(t).withOutput(TestTables.columns(t, columns));
    }

    private String sentPath() {
        return URLDecoder.decode(server.requests().get(0).uri().getRawPath(),
                StandardCharsets.UTF_8);
    }

    private String sentQuery() {
        return server.requests().get(0).uri().getQuery();
    }

    @Test
    void listContactsGivesTheDocumentedNames() throws Exception {
        List<Object[]> rows = scan("user-list-contacts.json", query("Contacts", "parentFolderId",
                "fileAs", "displayName", "givenName", "initials", "surname"));
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("parentFolderId-value", r[0]);
        assertEquals("fileAs-value", r[1]);
        assertEquals("displayName-value", r[2]);
        assertEquals("givenName-value", r[3]);
        assertEquals("initials-value", r[4]);
        assertNull(r[5]);
        assertEquals("/v1.0/me/contacts", sentPath());
        assertTrue(sentQuery().contains(
                "$select=parentFolderId,fileAs,displayName,givenName,initials,surname"),
                sentQuery());
    }

    @Test
    void aPlaceholderWhereATimeBelongsIsAClearError() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> scan("user-list-contacts.json",
                query("Contacts", "displayName", "birthday")));
        assertTrue(e.getSQLState().startsWith("22"), e.getSQLState());
        assertTrue(e.getMessage().contains("birthday"), e.getMessage());
    }

    @Test
    void contactFoldersOfTheSignedInUser() throws Exception {
        List<Object[]> rows = scan("user-list-contactfolders.json",
                query("ContactFolders", "displayName", "id", "parentFolderId"));
        assertEquals(1, rows.size());
        assertEquals("Contacts", rows.get(0)[0]);
        assertTrue(((String) rows.get(0)[1]).endsWith("AAIBDgAAAA=="));
        assertTrue(((String) rows.get(0)[2]).endsWith("AAIBCAAAAA=="));
        assertEquals("/v1.0/me/contactFolders", sentPath());
    }

    @Test
    void attachmentsOfAMessageReadTheirMetadata() throws Exception {
        TableDef t = table("MessageAttachments");
        GraphQuery q = query("MessageAttachments", "id", "name", "size", "isInline",
                "contentType", "contentId", "contentLocation", "messageId")
                .withRoute(t.graph().requiredRoute(), new Operand.Literal("AAMkADk="));
        List<Object[]> rows = scan("message-list-attachments.json", q);
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("id-value", r[0]);
        assertEquals("name-value", r[1]);
        assertEquals(99, r[2]);
        assertEquals(Boolean.FALSE, r[3]);
        assertEquals("contentType-value", r[4]);
        assertEquals("null", r[5]);
        assertEquals("contentLocation-value", r[6]);
        assertEquals("AAMkADk=", r[7]);
        assertEquals("/v1.0/me/messages/AAMkADk=/attachments", sentPath());
        assertTrue(sentQuery().contains("$select=id,name,size,isInline,contentType,contentId,"
                + "contentLocation&"), sentQuery());
    }

    @Test
    void listGroupsGivesBothDocumentedGroups() throws Exception {
        List<Object[]> rows = scan("group-list.json", query("Groups", "id", "displayName",
                "groupTypes", "mail", "mailEnabled", "securityEnabled", "createdDateTime",
                "visibility", "proxyAddresses", "preferredDataLocation", "description"));
        assertEquals(2, rows.size());
        Object[] golf = rows.get(0);
        assertEquals("45b7d2e7-b882-4a80-ba97-10b7a63b8fa4", golf[0]);
        assertEquals("Golf Assist", golf[1]);
        assertEquals("[\"Unified\"]", golf[2]);
        assertEquals("golfassist@contoso.com", golf[3]);
        assertEquals(Boolean.TRUE, golf[4]);
        assertEquals(Boolean.FALSE, golf[5]);
        assertEquals(Instant.parse("2018-12-22T02:21:05Z").toEpochMilli(), golf[6]);
        assertEquals("Public", golf[7]);
        assertEquals("[\"smtp:golfassist@contoso.onmicrosoft.com\","
                + "\"SMTP:golfassist@contoso.com\"]", golf[8]);
        assertEquals("CAN", golf[9]);
        assertEquals("Self help community for golf", golf[10]);
        Object[] talk = rows.get(1);
        assertEquals("Golf Discussion", talk[1]);
        assertEquals("[]", talk[2]);
        assertNull(talk[7]);
        assertEquals("/v1.0/groups", sentPath());
    }

    @Test
    void mailboxSettingsAreOneRow() throws Exception {
        List<Object[]> rows = scan("user-get-mailboxsettings.json", query("MailboxSettings",
                "timeZone", "automaticRepliesSetting_status",
                "automaticRepliesSetting_externalAudience",
                "automaticRepliesSetting_scheduledStartDateTime_dateTime",
                "automaticRepliesSetting_scheduledEndDateTime_timeZone",
                "automaticRepliesSetting_internalReplyMessage", "language_locale",
                "language_displayName", "workingHours_daysOfWeek", "workingHours_startTime",
                "workingHours_endTime", "workingHours_timeZone_name", "userPurpose",
                "dateFormat", "timeFormat", "delegateMeetingMessageDeliveryOptions",
                "archiveFolder", "UserId"));
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("UTC", r[0]);
        assertEquals("Scheduled", r[1]);
        assertEquals("All", r[2]);
        assertEquals(Instant.parse("2016-03-14T07:00:00Z").toEpochMilli(), r[3]);
        assertEquals("UTC", r[4]);
        assertTrue(((String) r[5]).startsWith("<html>\n<body>\n<p>I'm at our company's"),
                (String) r[5]);
        assertEquals("en-US", r[6]);
        assertEquals("English (United States)", r[7]);
        assertEquals("[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]", r[8]);
        assertEquals("08:00:00.0000000", r[9]);
        assertEquals("17:00:00.0000000", r[10]);
        assertEquals("Pacific Standard Time", r[11]);
        // the example gives userPurpose in an older form, an object: its JSON text is kept
        assertEquals("{\"value\":\"user\"}", r[12]);
        assertEquals("MM/dd/yyyy", r[13]);
        assertEquals("hh:mm tt", r[14]);
        assertEquals("sendToDelegateOnly", r[15]);
        assertNull(r[16]);
        assertNull(r[17]);
        assertEquals("/v1.0/me/mailboxSettings", sentPath());
        assertNull(sentQuery());
        assertEquals(1, server.requests().size());
    }

    @Test
    void messageDeltaPageHasItsNextLinkBeforeItsValues() throws Exception {
        List<Object[]> rows = scan("message-delta.json", query("Messages", "subject",
                "hasAttachments", "internetMessageId", "body_content", "body_contentType")
                .withLimit(new Operand.Literal(1L)));
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("subject-value", r[0]);
        assertEquals(Boolean.TRUE, r[1]);
        assertEquals("internetMessageId-value", r[2]);
        assertEquals("content-value", r[3]);
        assertEquals("contentType-value", r[4]);
        // the row limit is reached on the first page: its next link is not followed
        assertEquals(1, server.requests().size());
    }

    @Test
    void contactDeltaPageGivesTheContact() throws Exception {
        List<Object[]> rows = scan("contact-delta.json", query("Contacts", "displayName",
                "birthday", "parentFolderId", "initials").withLimit(new Operand.Literal(1L)));
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("displayName-value", r[0]);
        assertEquals(Instant.parse("2016-10-19T10:37:00Z").toEpochMilli(), r[1]);
        assertEquals("parentFolderId-value", r[2]);
        assertEquals("initials-value", r[3]);
        assertEquals(1, server.requests().size());
    }
}
