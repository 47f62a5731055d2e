package io.exchangejdbc.graph;

import static io.exchangejdbc.http.LocalHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.LocalHttpServer;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.TableDef;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Graph client against a scripted loopback server: paging, limits, mailboxes, headers and the
 * SQLStates of the service's errors.
 */
class GraphClientTest {

    private static final String TOKEN = "static-token-0123456789";

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

    private GraphClient client(String extra) throws SQLException {
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken="
                + TOKEN + ";Timeout=10" + extra));
        return client;
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                q.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /**
     * Serves {@code total} messages per mailbox in pages of {@code $top}, with a nextLink carrying
     * a skip token; the nextLink goes before {@code value} on odd pages and after it on even ones.
     */
    private void serveMessages(int total) throws IOException {
        server = LocalHttpServer.start((ex, r, i) -> {
            Map<String, String> q = query(ex);
            int top = Integer.parseInt(q.getOrDefault("$top", "10"));
            int skip = Integer.parseInt(q.getOrDefault("$skiptoken", "0"));
            String path = ex.getRequestURI().getRawPath();
            StringBuilder value = new StringBuilder();
            for (int n = skip; n < Math.min(total, skip + top); n++) {
                if (value.length() > 0) {
                    value.append(',');
                }
                value.append("{\"id\":\"").append(path.hashCode()).append('-').append(n)
                        .append("\",\"subject\":\"message ").append(n)
                        .append("\",\"receivedDateTime\":\"2026-11-03T10:15:00Z\"}");
            }
            String next = skip + top < total ? "\"@odata.nextLink\":\"" + server.baseUrl() + path
                    + "?$top=" + top + "&$skiptoken=" + (skip + top) + "\"" : null;
            boolean before = (skip / top) % 2 == 1;
            String body = "{\"@odata.context\":\"x\","
                    + (next != null && before ? next + "," : "")
                    + "\"value\":[" + value + "]"
                    + (next != null && !before ? "," + next : "") + "}";
            json(ex, 200, body);
        });
    }

    private static List<Object[]> drain(RowCursor cursor) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = cursor) {
            while (c.next()) {
                rows.add(c.current());
            }
        }
        return rows;
    }

    private static GraphQuery messages(String... columns) {
        TableDef t = TestTables.messages();
        return GraphQuery.of(t).withOutput(TestTables.columns(t, columns));
    }

    @Test
    void pagesAreFollowedUntilTheLastWhereverTheNextLinkIs() throws Exception {
        serveMessages(250);
        List<Object[]> rows = drain(client(";Pagesize=40").scan(messages("id", "subject"),
                Operand.Parameters.NONE));
        assertEquals(250, rows.size());
        assertEquals("message 0", rows.get(0)[1]);
        assertEquals("message 249", rows.get(249)[1]);
        assertEquals(7, server.requests().size());
        assertEquals("40", query(server.requests().get(0)).get("$top"));
        assertEquals("240", query(server.requests().get(6)).get("$skiptoken"));
    }

    private static Map<String, String> query(LocalHttpServer.Request r) {
        Map<String, String> q = new HashMap<>();
        for (String part : r.uri().getRawQuery().split("&")) {
            int eq = part.indexOf('=');
            q.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1),
                    StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void aLimitStopsThePagingEarly() throws Exception {
        serveMessages(1000);
        GraphQuery q = messages("id").withLimit(new Operand.Literal(25));
        List<Object[]> rows = drain(client(";Pagesize=10").scan(q, Operand.Parameters.NONE));
        assertEquals(25, rows.size());
        assertEquals(3, server.requests().size());
    }

    @Test
    void aSmallLimitLowersThePageSize() throws Exception {
        serveMessages(1000);
        GraphQuery q = messages("id").withLimit(new Operand.Parameter(0));
        List<Object[]> rows = drain(client("").scan(q, i -> 5));
        assertEquals(5, rows.size());
        assertEquals(1, server.requests().size());
        assertEquals("5", query(server.requests().get(0)).get("$top"));
    }

    @Test
    void maxRowsBoundsEveryQuery() throws Exception {
        serveMessages(1000);
        List<Object[]> rows = drain(client(";MaxRows=12;Pagesize=5").scan(messages("id"),
                Operand.Parameters.NONE));
        assertEquals(12, rows.size());
        assertEquals(3, server.requests().size());
    }

    @Test
    void limitZeroSendsNothing() throws Exception {
        serveMessages(10);
        GraphQuery q = messages("id").withLimit(new Operand.Literal(0L));
        assertTrue(drain(client("").scan(q, Operand.Parameters.NONE)).isEmpty());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void eachMailboxIsReadOnceAndNamedInItsRows() throws Exception {
        serveMessages(3);
        GraphQuery q = messages("id", "UserId").withMailboxes(List.of(
                new Operand.Literal("alice@contoso.com"), new Operand.Parameter(0),
                new Operand.Literal("ALICE@contoso.com")));
        List<Object[]> rows = drain(client("").scan(q, i -> "bob@contoso.com"));
        assertEquals(6, rows.size());
        // Mailboxes are read in parallel: their rows may interleave, each in the service's order.
        Map<Object, List<Object>> byMailbox = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            byMailbox.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]);
        }
        assertEquals(Set.of("alice@contoso.com", "bob@contoso.com"), byMailbox.keySet());
        assertEquals(3, byMailbox.get("alice@contoso.com").size());
        assertEquals(3, byMailbox.get("bob@contoso.com").size());
        Set<String> paths = new HashSet<>();
        for (var r : server.requests()) {
            paths.add(r.uri().getRawPath());
        }
        assertEquals(Set.of("/v1.0/users/alice%40contoso.com/messages",
                "/v1.0/users/bob%40contoso.com/messages"), paths);
        assertEquals(2, server.requests().size());
    }

    @Test
    void theUserIdPropertyIsTheDefaultMailbox() throws Exception {
        serveMessages(2);
        List<Object[]> rows = drain(client(";UserId=carol@contoso.com")
                .scan(messages("id", "UserId"), Operand.Parameters.NONE));
        assertEquals("carol@contoso.com", rows.get(0)[1]);
        assertEquals("/v1.0/users/carol%40contoso.com/messages",
                server.requests().get(0).uri().getRawPath());
    }

    @Test
    void theSignedInUserHasNoUserIdValue() throws Exception {
        serveMessages(1);
        List<Object[]> rows = drain(client("").scan(messages("UserId"), Operand.Parameters.NONE));
        assertNull(rows.get(0)[0]);
        assertEquals("/v1.0/me/messages", server.requests().get(0).uri().getRawPath());
    }

    @Test
    void bodyTypeTextAsksForPlainTextBodies() throws Exception {
        serveMessages(1);
        drain(client(";BodyType=Text").scan(messages("id"), Operand.Parameters.NONE));
        assertEquals(List.of("IdType=\"ImmutableId\"", "outlook.body-content-type=\"text\""),
                server.requests().get(0).headerValues("Prefer"));
        close();
        serveMessages(1);
        drain(client(";BodyType=HTML").scan(messages("id"), Operand.Parameters.NONE));
        assertEquals(List.of("IdType=\"ImmutableId\"", "outlook.body-content-type=\"html\""),
                server.requests().get(0).headerValues("Prefer"));
    }

    @Test
    void rowsArriveBeforeThePageEnds() throws Exception {
        java.util.concurrent.CountDownLatch rest = new java.util.concurrent.CountDownLatch(1);
        server = LocalHttpServer.start((ex, r, i) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"value\":[{\"id\":\"1\"},".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                rest.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("{\"id\":\"2\"}]}".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        try (RowCursor c = client("").scan(messages("id"), Operand.Parameters.NONE)) {
            assertTrue(c.next());
            assertEquals("1", c.current()[0]);
            rest.countDown();
            assertTrue(c.next());
            assertEquals("2", c.current()[0]);
            assertFalse(c.next());
        }
    }

    private void serveError(int status, String body, String... headers) throws IOException {
        server = LocalHttpServer.start((ex, r, i) -> json(ex, status, body, headers));
    }

    @Test
    void aRefusedQueryIs42000WithGraphsCodeMessageAndRequestId() throws Exception {
        serveError(400, "{\"error\":{\"code\":\"InefficientFilter\",\"message\":\"The"
                + " restriction or sort order is too complex for this operation.\","
                + "\"innerError\":{\"request-id\":\"rid-400\",\"date\":\"2026-11-03T10:15:00\"}}}");
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("42000", e.getSQLState());
        assertEquals(400, e.getErrorCode());
        String m = e.getMessage();
        assertTrue(m.startsWith("Microsoft Graph refused the request (HTTP 400"
                + " InefficientFilter): The restriction or sort order is too complex"), m);
        assertTrue(m.contains("[request-id rid-400"), m);
        assertFalse(m.contains(TOKEN), m);
    }

    @Test
    void aRefusedStaticTokenIs28000AskingForANewToken() throws Exception {
        serveError(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":"
                + "\"Access token has expired or is not yet valid.\",\"innerError\":"
                + "{\"request-id\":\"rid-401\"}}}",
                "WWW-Authenticate", "Bearer error=\"invalid_token\"");
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("OAuthAccessToken"), e.getMessage());
        assertTrue(e.getMessage().contains("expired or invalid"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aMissingPermissionIs42501NamingWhatToGrant() throws Exception {
        serveError(403, "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is"
                + " denied. Check credentials and try again.\"}}");
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("42501", e.getSQLState());
        assertTrue(e.getMessage().contains("Mail.Read"), e.getMessage());
        close();
        serveError(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                + "\"Insufficient privileges; User.Read.All is required.\"}}");
        SQLException users = assertThrows(SQLException.class, () -> drain(client("")
                .scan(GraphQuery.of(TestTables.users()), Operand.Parameters.NONE)));
        assertTrue(users.getMessage().contains("names the permission User.Read.All"),
                users.getMessage());
    }

    @Test
    void anUnknownMailboxIs42S02NamingIt() throws Exception {
        serveError(404, "{\"error\":{\"code\":\"ErrorInvalidUser\",\"message\":\"The requested"
                + " user 'nobody@contoso.com' is invalid.\"}}");
        GraphQuery q = messages("id").withMailboxes(
                List.of(new Operand.Literal("nobody@contoso.com")));
        SQLException e = assertThrows(SQLException.class,
                () -> drain(client("").scan(q, Operand.Parameters.NONE)));
        assertEquals("42S02", e.getSQLState());
        assertTrue(e.getMessage().contains("The mailbox 'nobody@contoso.com' was not found"),
                e.getMessage());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIs08S01() throws Exception {
        serveError(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry"
                + " again later.\",\"innerError\":{\"code\":\"429\",\"request-id\":\"rid-429\"}}}",
                "Retry-After", "0");
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("08S01", e.getSQLState());
        assertTrue(e.getMessage().startsWith("Microsoft Graph is throttling the requests (HTTP 429"
                + " TooManyRequests): Please retry again later."), e.getMessage());
        // with a Retry-After the driver waits as told up to 25 attempts, not 5
        assertEquals(25, server.requests().size());
    }

    @Test
    void aBodyThatIsNotJsonIs08S01NamingTheUrl() throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> LocalHttpServer.respond(ex, 200,
                "application/json", "<html><body>proxy error</body></html>"));
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("08S01", e.getSQLState());
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("/v1.0/me/messages"), e.getMessage());
        assertFalse(e.getMessage().contains("at [Source"), e.getMessage());
    }

    @Test
    void anHtmlPageIs08S01SayingWhatCame() throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> LocalHttpServer.respond(ex, 200,
                "text/html", "<html><body>Sign in to the proxy</body></html>"));
        SQLException e = assertThrows(SQLException.class, () -> drain(client("")
                .scan(messages("id"), Operand.Parameters.NONE)));
        assertEquals("08S01", e.getSQLState());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void aTruncatedPageIs08S01AfterTheRowsBeforeTheCut() throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> LocalHttpServer.respond(ex, 200,
                "application/json", "{\"value\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":"));
        List<Object> ids = new ArrayList<>();
        SQLException e = assertThrows(SQLException.class, () -> {
            try (RowCursor c = client("").scan(messages("id"), Operand.Parameters.NONE)) {
                while (c.next()) {
                    ids.add(c.current()[0]);
                }
            }
        });
        // The page is requested again twice; the rows before the cut are not handed over again.
        assertEquals(List.of("1", "2"), ids);
        assertEquals("08S01", e.getSQLState());
        assertTrue(e.getMessage().contains("after 2 rows"), e.getMessage());
    }

    @Test
    void aStalledPageIsATimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server = LocalHttpServer.start((ex, r, i) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"value\":[{\"id\":\"1\"},".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=None;Timeout=1"));
        SQLException e = assertThrows(SQLException.class, () -> drain(client
                .scan(messages("id"), Operand.Parameters.NONE)));
        release.countDown();
        assertTrue(e instanceof SQLTimeoutException, e.toString());
        assertEquals("HYT00", e.getSQLState());
        assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
    }

    @Test
    void authSchemeNoneSendsNoAuthorization() throws Exception {
        serveMessages(1);
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=None"));
        drain(client.scan(messages("id"), Operand.Parameters.NONE));
        assertNull(server.requests().get(0).header("Authorization"));
    }

    @Test
    void aFolderTreeIsWalkedDepthFirst() throws Exception {
        Map<String, String> children = Map.of(
                "root", "[{\"id\":\"inbox\",\"displayName\":\"Inbox\",\"childFolderCount\":2},"
                        + "{\"id\":\"sent\",\"displayName\":\"Sent Items\","
                        + "\"childFolderCount\":0}]",
                "inbox", "[{\"id\":\"a\",\"displayName\":\"Projects\",\"childFolderCount\":1},"
                        + "{\"id\":\"b\",\"displayName\":\"Receipts\",\"childFolderCount\":0}]",
                "a", "[{\"id\":\"a1\",\"displayName\":\"Sub\",\"childFolderCount\":0}]");
        server = LocalHttpServer.start((ex, r, i) -> {
            String path = r.uri().getPath();
            String key = path.endsWith("/mailFolders") ? "root"
                    : path.replaceAll(".*/mailFolders/([^/]+)/childFolders", "$1");
            json(ex, 200, "{\"value\":" + children.get(key) + "}");
        });
        TableDef t = TestTables.mailFolders();
        List<Object[]> rows = drain(client("").scan(GraphQuery.of(t)
                .withOutput(TestTables.columns(t, "displayName")), Operand.Parameters.NONE));
        List<Object> names = new ArrayList<>();
        rows.forEach(r -> names.add(r[0]));
        assertEquals(List.of("Inbox", "Projects", "Sub", "Receipts", "Sent Items"), names);
        assertEquals(1, rows.get(0).length);
        assertTrue(query(server.requests().get(0)).get("$select").contains("childFolderCount"));

        // A filter is applied to the whole tree in the driver, never sent per level.
        close();
        server = LocalHttpServer.start((ex, r, i) -> {
            String path = r.uri().getPath();
            String key = path.endsWith("/mailFolders") ? "root"
                    : path.replaceAll(".*/mailFolders/([^/]+)/childFolders", "$1");
            json(ex, 200, "{\"value\":" + children.get(key) + "}");
        });
        GraphQuery filtered = GraphQuery.of(t).withOutput(TestTables.columns(t, "id"))
                .withFilter(new ODataExpr.Compare(t.column("displayName"), FilterOp.EQ,
                        new Operand.Literal("sub")));
        List<Object[]> found = drain(client("").scan(filtered, Operand.Parameters.NONE));
        assertEquals(1, found.size());
        assertEquals("a1", found.get(0)[0]);
        for (LocalHttpServer.Request r : server.requests()) {
            assertFalse(query(r).containsKey("$filter"), r.uri().toString());
        }
    }

    @Test
    void aRoutedFolderQueryIsNotWalked() throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> json(ex, 200,
                "{\"value\":[{\"id\":\"x\",\"displayName\":\"X\",\"childFolderCount\":3}]}"));
        TableDef t = TestTables.mailFolders();
        GraphQuery q = GraphQuery.of(t).withOutput(TestTables.columns(t, "id"))
                .withRoute(new io.exchangejdbc.schema.GraphResource.Route("parentFolderId",
                        "mailFolders/{value}/childFolders"), new Operand.Literal("Inbox"));
        assertEquals(1, drain(client("").scan(q, Operand.Parameters.NONE)).size());
        assertEquals(1, server.requests().size());
        assertEquals("/v1.0/me/mailFolders/Inbox/childFolders",
                server.requests().get(0).uri().getPath());
    }

    @Test
    void theLogRecordsEachRequestAndTheScanWithoutSecrets(@TempDir Path dir) throws Exception {
        serveMessages(30);
        Path file = dir.resolve("driver.log");
        drain(client(";Pagesize=20;Verbosity=4;Logfile=" + file).scan(messages("id"),
                Operand.Parameters.NONE));
        client.close();
        String log = Files.readString(file);
        assertFalse(log.contains(TOKEN), log);
        assertTrue(log.contains("Authorization: Bearer ****"), log);
        assertTrue(log.matches("(?s).*GET http://127\\.0\\.0\\.1:\\d+/v1\\.0/me/messages\\?"
                + "\\$select=id&\\$top=20 -> 200 in \\d+ ms \\(request-id none,"
                + " client-request-id [0-9a-f-]{36}\\).*"), log);
        assertTrue(log.contains("response body of GET"), log);
        assertTrue(log.contains("scan of Messages: 30 row(s) from 1 mailbox(es) in 2 page request(s)"),
                log);
    }

    @Test
    void aClosedClientRefusesScans() throws Exception {
        serveMessages(1);
        GraphClient c = client("");
        c.close();
        SQLException e = assertThrows(SQLException.class,
                () -> c.scan(messages("id"), Operand.Parameters.NONE));
        assertEquals("08003", e.getSQLState());
    }
}
