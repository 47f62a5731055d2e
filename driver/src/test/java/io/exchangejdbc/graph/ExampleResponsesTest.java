package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.LocalHttpServer;
import io.exchangejdbc.schema.TableDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The row reader on the example responses of Microsoft's Graph reference (see
 * {@code src/test/resources/graph/examples/README.md}): the rows carry the values those documents
 * hold. Collections are served over loopback HTTP and read through the client; single entities
 * are read with the entity reader.
 */
class ExampleResponsesTest {

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

    private static String example(String name) throws IOException {
        try (InputStream in = ExampleResponsesTest.class.getResourceAsStream(
                "/graph/examples/" + name)) {
            if (in == null) {
                throw new IOException("missing example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Serves {@code name} for the collection and an empty page for any childFolders. */
    private List<Object[]> scan(String name, TableDef table, String... columns)
            throws Exception {
        String body = example(name);
        server = LocalHttpServer.start((ex, r, i) -> LocalHttpServer.json(ex, 200,
                r.uri().getPath().endsWith("/childFolders") ? "{\"value\":[]}" : body));
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=AzureAD;InitiateOAuth=OFF;"
                + "OAuthAccessToken=example-token-1234;Timeout=10"));
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = client.scan(GraphQuery.of(table)
                .withOutput(TestTables.columns(table, columns)), Operand.Parameters.NONE)) {
            while (c.next()) {
                rows.add(c.current());
            }
        }
        return rows;
    }

    private static Object[] entity(String name, TableDef table, String... columns)
            throws Exception {
        EntityRowReader reader = new EntityRowReader(TestTables.columns(table, columns),
                w -> {
                    throw new AssertionError(w);
                });
        try (JsonParser p = EntityRowReader.JSON.createParser(example(name))) {
            p.nextToken();
            return reader.read(p);
        }
    }

    @Test
    void listMessagesWithSelectedSenderAndSubject() throws Exception {
        List<Object[]> rows = scan("user-list-messages.json", TestTables.messages(), "id",
                "subject", "sender_emailAddress_name", "sender_emailAddress_address",
                "from_emailAddress_address", "UserId");
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("AAMkAGUAAAwTW09AAA=", r[0]);
        assertEquals("You have late tasks!", r[1]);
        assertEquals("Microsoft Planner", r[2]);
        assertEquals("noreply@Planner.Office365.com", r[3]);
        assertNull(r[4]);
        assertNull(r[5]);

        LocalHttpServer.Request sent = server.requests().get(0);
        assertEquals("/v1.0/me/messages", sent.uri().getPath());
        assertTrue(sent.uri().getQuery().contains("$select=id,subject,sender,from"),
                sent.uri().getQuery());
        assertTrue(sent.uri().getQuery().contains("$top="), sent.uri().getQuery());
        assertEquals("Bearer example-token-1234", sent.header("Authorization"));
        assertEquals(List.of("IdType=\"ImmutableId\""), sent.headerValues("Prefer"));
        assertEquals("application/json", sent.header("Accept"));
    }

    @Test
    void getMessageGivesEveryDocumentedValue() throws Exception {
        Object[] r = entity("message-get.json", TestTables.messages(), "id", "createdDateTime",
                "lastModifiedDateTime", "receivedDateTime", "sentDateTime", "hasAttachments",
                "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
                "isRead", "isDraft", "webLink", "body_contentType", "from_emailAddress_name",
                "from_emailAddress_address", "toRecipients", "ccRecipients", "categories",
                "flag_flagStatus");
        assertEquals("AAMkADhMGAAA=", r[0]);
        assertEquals(1_536_462_905_000L, r[1]);
        assertEquals(1_536_462_908_000L, r[2]);
        assertEquals(1_536_462_908_000L, r[3]);
        assertEquals(1_536_462_906_000L, r[4]);
        assertEquals(Boolean.FALSE, r[5]);
        assertEquals("9/9/2018: concert", r[6]);
        assertEquals("The group represents Nevada.", r[7]);
        assertEquals("normal", r[8]);
        assertEquals("AAMkADcbAAAAAAEJAAA=", r[9]);
        assertEquals("AAQkADOUpag6yWs=", r[10]);
        assertEquals(Boolean.TRUE, r[11]);
        assertEquals(Boolean.FALSE, r[12]);
        assertEquals("https://outlook.office365.com/owa/?ItemID=AAMkADMGAAA%3D&exvsurl=1"
                + "&viewmodel=ReadMessageItem", r[13]);
        assertEquals("html", r[14]);
        assertEquals("Adele Vance", r[15]);
        assertEquals("adelev@contoso.OnMicrosoft.com", r[16]);
        assertEquals("[{\"emailAddress\":{\"name\":\"Alex Wilber\","
                + "\"address\":\"AlexW@contoso.OnMicrosoft.com\"}}]", r[17]);
        assertEquals("[]", r[18]);
        assertEquals("[]", r[19]);
        assertEquals("notFlagged", r[20]);
    }

    @Test
    void internetMessageHeadersAreOneJsonColumn() throws Exception {
        Object[] r = entity("message-get-internet-headers.json", TestTables.messages(), "id",
                "internetMessageHeaders", "subject");
        assertEquals("AAMkADhAAAW-VPeAAA=", r[0]);
        assertEquals("[{\"name\":\"MIME-Version\",\"value\":\"1.0\"},"
                + "{\"name\":\"Content-Type\",\"value\":\"multipart/report\"},"
                + "{\"name\":\"x-custom-header-group-name\",\"value\":\"Washington\"},"
                + "{\"name\":\"x-custom-header-group-id\",\"value\":\"WA001\"}]", r[1]);
        assertNull(r[2]);
    }

    @Test
    void aTextBodyKeepsItsLineBreaksAndEmoji() throws Exception {
        Object[] r = entity("message-get-text-body.json", TestTables.messages(), "subject",
                "body_contentType", "body_content", "uniqueBody_content");
        assertEquals("Welcome to our group!", r[0]);
        assertEquals("text", r[1]);
        String body = (String) r[2];
        assertTrue(body.startsWith("Welcome to our group, Dana! Hope you will enjoy working with"
                + " us [\uD83D\uDE0A] [\uD83D\uDE0A]"), body);
        assertTrue(body.endsWith("Thanks!\r\n\r\n"), body);
        assertTrue(((String) r[3]).endsWith("Thanks!\r\n"));
    }

    @Test
    void mailFoldersOfTheSignedInUserAndTheChildrenOfThoseThatHaveSome() throws Exception {
        List<Object[]> rows = scan("user-list-mailfolders.json", TestTables.mailFolders(),
                "displayName", "id", "parentFolderId", "childFolderCount", "unreadItemCount",
                "totalItemCount", "isHidden");
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add((String) r[0]));
        assertEquals(List.of("Archive", "Conversation History", "Deleted Items", "Drafts",
                "Inbox", "Weekly digests", "Junk Email", "Outbox", "Sent Items"), names);
        Object[] inbox = rows.get(4);
        assertEquals("AQMkADYAAAIBDAAAAA==", inbox[1]);
        assertEquals("AQMkADYAAAIBCAAAAA==", inbox[2]);
        assertEquals(1, inbox[3]);
        assertEquals(70, inbox[4]);
        assertEquals(71, inbox[5]);
        assertEquals(Boolean.FALSE, inbox[6]);
        assertEquals("AQMkADYAAAIBDAAAAA==", rows.get(5)[2]);

        // Children are asked for exactly the two folders with childFolderCount > 0, each right
        // after its parent.
        List<String> paths = new ArrayList<>();
        server.requests().forEach(q -> paths.add(q.uri().getRawPath()));
        assertEquals(List.of("/v1.0/me/mailFolders",
                "/v1.0/me/mailFolders/AQMkADYAAAIBFQAAAA%3D%3D/childFolders",
                "/v1.0/me/mailFolders/AQMkADYAAAIBDAAAAA%3D%3D/childFolders"), paths);
        String childQuery = server.requests().get(1).uri().getQuery();
        assertTrue(childQuery.contains("$select=displayName,id,parentFolderId,childFolderCount"),
                childQuery);
    }

    @Test
    void hiddenFoldersExampleKeepsBothRowsEvenWithTheSameId() throws Exception {
        List<Object[]> rows = scan("user-list-mailfolders-hidden.json", TestTables.mailFolders(),
                "displayName", "isHidden", "childFolderCount");
        assertEquals(2, rows.size());
        assertEquals("Clutters", rows.get(0)[0]);
        assertEquals(Boolean.TRUE, rows.get(0)[1]);
        assertEquals(Boolean.FALSE, rows.get(1)[1]);
    }

    @Test
    void listUsers() throws Exception {
        List<Object[]> rows = scan("user-list.json", TestTables.users(), "displayName", "mail",
                "mailNickname", "otherMails", "proxyAddresses", "userPrincipalName", "id");
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("contoso1", r[0]);
        assertEquals("'contoso1@gmail.com", r[1]);
        assertEquals("contoso1_gmail.com#EXT#", r[2]);
        assertEquals("[\"contoso1@gmail.com\"]", r[3]);
        assertEquals("[\"SMTP:contoso1@gmail.com\"]", r[4]);
        assertEquals("contoso1_gmail.com#EXT#@microsoft.onmicrosoft.com", r[5]);
        assertNull(r[6]);
        assertEquals("/v1.0/users", server.requests().get(0).uri().getPath());
    }

    @Test
    void listUsersWithCountIgnoresTheCount() throws Exception {
        List<Object[]> rows = scan("user-list-filter-count.json", TestTables.users(),
                "displayName", "mail");
        assertEquals(1, rows.size());
        assertEquals("a", rows.get(0)[0]);
        assertEquals("a@contoso.com", rows.get(0)[1]);
    }

    @Test
    void usersWithTheirLicensesAsJson() throws Exception {
        List<Object[]> rows = scan("user-list-assigned-licenses.json", TestTables.users(), "id",
                "mail", "assignedLicenses");
        assertEquals(2, rows.size());
        assertEquals("cb4954e8-467f-4a6d-a8c8-28b9034fadbc", rows.get(0)[0]);
        assertEquals("DebraB@contoso.com", rows.get(1)[1]);
        assertEquals("[{\"disabledPlans\":[],\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}]",
                rows.get(1)[2]);
    }

    @Test
    void getUser() throws Exception {
        Object[] r = entity("user-get.json", TestTables.users(), "id", "displayName",
                "businessPhones", "jobTitle", "officeLocation", "preferredLanguage", "surname",
                "userPrincipalName", "mobilePhone");
        assertEquals("87d349ed-44d7-43e1-9a83-5f2406dee5bd", r[0]);
        assertEquals("Adele Vance", r[1]);
        assertEquals("[\"+1 425 555 0109\"]", r[2]);
        assertEquals("Retail Manager", r[3]);
        assertEquals("18/2111", r[4]);
        assertEquals("en-US", r[5]);
        assertEquals("Vance", r[6]);
        assertEquals("AdeleV@contoso.onmicrosoft.com", r[7]);
        assertEquals("+1 425 555 0109", r[8]);
        assertFalse(((String) r[2]).contains(" \n"));
    }
}
