package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph client against the emulator over real loopback HTTP, signing in as the emulator's
 * application: paging through thousands of messages, stopping early at a LIMIT, riding out
 * throttling and unavailability, and reporting broken answers, refused credentials and a server
 * that is down with the documented SQLStates.
 */
class GraphClientEmulatorTest {

    private static final int MESSAGES = 2500;

    private static Emulator emu;
    private static String alice;

    private GraphClient client;

    @BeforeAll
    static void startEmulator() {
        emu = Emulator.builder().seed(42).users(3).messagesForUser(0, MESSAGES)
                .messagesPerUser(20).port(0).build().start();
        alice = emu.demoUser().userPrincipalName();
    }

    @AfterAll
    static void stopEmulator() {
        emu.close();
    }

    @BeforeEach
    void clearLog() {
        emu.faults().reset();
        emu.clearRequestLog();
    }

    @AfterEach
    void closeClient() {
        emu.faults().reset();
        if (client != null) {
            client.close();
        }
    }

    private GraphClient open(String extra) throws SQLException {
        client = GraphClient.open(ExchangeConfig.fromConnectionString(emu.connectionString()
                + "Timeout=20;" + extra));
        return client;
    }

    private static TableDef table(String name) {
        return Catalog.of(SchemaKind.MSGRAPH).table(name);
    }

    private static GraphQuery query(String table, String... columns) {
        TableDef t = table(table);
        List<io.exchangejdbc.schema.ColumnDef> out = new ArrayList<>();
        for (String c : columns) {
            out.add(t.column(c));
        }
        return GraphQuery.of(t).withOutput(out);
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

    private static List<LoggedRequest> graphRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().startsWith("/v1.0/")) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void aScanPagesThroughThousandsOfMessagesReturningEachOnce() throws Exception {
        List<Object[]> rows = drain(open("Pagesize=500;").scan(query("Messages", "id",
                "subject", "receivedDateTime", "UserId"), Operand.Parameters.NONE));
        Set<String> expected = new HashSet<>();
        for (Message m : emu.store().mailbox(alice).messages()) {
            expected.add(m.id());
        }
        assertEquals(MESSAGES, expected.size());
        Set<Object> seen = new HashSet<>();
        for (Object[] r : rows) {
            assertTrue(seen.add(r[0]), "returned twice: " + r[0]);
            assertEquals(alice, r[3]);
            assertTrue(r[2] instanceof Long, String.valueOf(r[2]));
        }
        assertEquals(expected, seen);
        assertEquals(MESSAGES / 500, graphRequests().size());
        LoggedRequest first = graphRequests().get(0);
        assertTrue(first.header("Authorization").startsWith("Bearer "));
        assertEquals("IdType=\"ImmutableId\"", first.header("Prefer"));
        assertEquals("500", first.queryParam("$top"));
    }

    @Test
    void aLimitStopsPagingEarly() throws Exception {
        GraphQuery q = query("Messages", "id").withLimit(new Operand.Literal(25));
        List<Object[]> rows = drain(open("Pagesize=10;").scan(q, Operand.Parameters.NONE));
        assertEquals(25, rows.size());
        assertEquals(3, graphRequests().size());
    }

    @Test
    void throttlingWithRetryAfterIsWaitedOut() throws Exception {
        emu.faults().next(FaultSpec.status(429).header("Retry-After", "1"));
        GraphQuery q = query("Messages", "id").withLimit(new Operand.Literal(5));
        assertEquals(5, drain(open("").scan(q, Operand.Parameters.NONE)).size());
        List<LoggedRequest> log = graphRequests();
        assertEquals(2, log.size());
        assertEquals(429, log.get(0).status());
        // The second answer may still be streaming when the log is read (status 0 until done).
        assertFalse(log.get(1).fault());
        assertEquals(log.get(0).uri(), log.get(1).uri());
    }

    @Test
    void anUnavailableServiceIsRetried() throws Exception {
        emu.faults().next(FaultSpec.status(503));
        GraphQuery q = query("Messages", "id").withLimit(new Operand.Literal(5));
        assertEquals(5, drain(open("").scan(q, Operand.Parameters.NONE)).size());
        List<LoggedRequest> log = graphRequests();
        assertEquals(2, log.size());
        assertEquals(503, log.get(0).status());
        assertFalse(log.get(1).fault());
    }

    @Test
    void aResetConnectionIsRetried() throws Exception {
        emu.faults().next(2, FaultSpec.connectionReset());
        GraphQuery q = query("Messages", "id").withLimit(new Operand.Literal(5));
        assertEquals(5, drain(open("").scan(q, Operand.Parameters.NONE)).size());
    }

    @Test
    void aBodyThatIsNotJsonIs08S01() throws Exception {
        // A broken page is requested three times in all before the query fails.
        emu.faults().next(3, FaultSpec.body("this is not json"));
        SQLException e = assertThrows(SQLException.class, () -> drain(open("")
                .scan(query("Messages", "id"), Operand.Parameters.NONE)));
        assertEquals("08S01", e.getSQLState());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void aTruncatedBodyFailsTheQuery() throws Exception {
        // The emulator declares the full Content-Length, sends half and closes the connection;
        // the page is requested again, and fails the query once it broke off three times.
        emu.faults().next(3, FaultSpec.truncatedBody());
        client = GraphClient.open(ExchangeConfig.fromConnectionString(emu.connectionString()
                + "Timeout=2;Pagesize=50;"));
        List<Object> ids = new ArrayList<>();
        SQLException e = assertThrows(SQLException.class, () -> {
            try (RowCursor c = client.scan(query("Messages", "id", "subject"),
                    Operand.Parameters.NONE)) {
                while (c.next()) {
                    ids.add(c.current()[0]);
                }
            }
        });
        assertTrue(e.getSQLState().equals("08S01") || e.getSQLState().equals("HYT00"),
                e.getSQLState() + ": " + e.getMessage());
        assertTrue(ids.size() < 50, "rows read before the cut: " + ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no row is handed over twice");
    }

    @Test
    void aBadStaticTokenIs28000() throws Exception {
        client = GraphClient.open(ExchangeConfig.fromConnectionString("AuthScheme=AzureAD;"
                + "InitiateOAuth=OFF;OAuthAccessToken=not-a-valid-token;GraphUrl="
                + emu.graphUrl() + ";Timeout=20"));
        SQLException e = assertThrows(SQLException.class, () -> drain(client
                .scan(query("Messages", "id"), Operand.Parameters.NONE)));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("OAuthAccessToken"), e.getMessage());
        assertFalse(e.getMessage().contains("not-a-valid-token"), e.getMessage());
    }

    @Test
    void aUserTokenReadsTheSignedInUsersMailbox() throws Exception {
        String token = emu.issueUserToken(alice);
        client = GraphClient.open(ExchangeConfig.fromConnectionString("AuthScheme=AzureAD;"
                + "InitiateOAuth=OFF;OAuthAccessToken=" + token + ";GraphUrl=" + emu.graphUrl()
                + ";Timeout=20"));
        GraphQuery q = query("Messages", "id", "UserId").withLimit(new Operand.Literal(3));
        List<Object[]> rows = drain(client.scan(q, Operand.Parameters.NONE));
        assertEquals(3, rows.size());
        assertEquals(null, rows.get(0)[1]);
        assertEquals("/v1.0/me/messages", graphRequests().get(0).path());
    }

    @Test
    void aBadClientSecretIs28000WithTheAadstsCodeAndNotTheSecret() throws Exception {
        String wrong = "wrong~Secret.value-123";
        client = GraphClient.open(ExchangeConfig.fromConnectionString(
                "AuthScheme=AzureServicePrincipal;AzureTenant=" + emu.tenantDomain()
                        + ";OAuthClientId=" + emu.defaultClientId() + ";OAuthClientSecret="
                        + wrong + ";GraphUrl=" + emu.graphUrl() + ";LoginUrl=" + emu.loginUrl()
                        + ";UserId=" + alice + ";Timeout=20"));
        SQLException e = assertThrows(SQLException.class, () -> drain(client
                .scan(query("Messages", "id"), Operand.Parameters.NONE)));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("AADSTS7000215"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(graphRequests().isEmpty());
    }

    private SQLException signInFailure(String tenant, String clientId) throws Exception {
        client = GraphClient.open(ExchangeConfig.fromConnectionString(
                "AuthScheme=AzureServicePrincipal;AzureTenant=" + tenant + ";OAuthClientId="
                        + clientId + ";OAuthClientSecret=" + emu.defaultClientSecret()
                        + ";GraphUrl=" + emu.graphUrl() + ";LoginUrl=" + emu.loginUrl()
                        + ";UserId=" + alice + ";Timeout=20"));
        return assertThrows(SQLException.class, () -> drain(client
                .scan(query("Messages", "id"), Operand.Parameters.NONE)));
    }

    @Test
    void anUnknownTenantIs28000NamingAzureTenant() throws Exception {
        SQLException e = signInFailure("nowhere.onmicrosoft.com", emu.defaultClientId());
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("AADSTS90002"), e.getMessage());
        assertTrue(e.getMessage().contains("AzureTenant"), e.getMessage());
        assertFalse(e.getMessage().contains(emu.defaultClientSecret()), e.getMessage());
    }

    @Test
    void anUnknownApplicationIs28000NamingOAuthClientId() throws Exception {
        SQLException e = signInFailure(emu.tenantDomain(),
                "00000000-0000-0000-0000-000000000000");
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("AADSTS700016"), e.getMessage());
        assertTrue(e.getMessage().contains("OAuthClientId"), e.getMessage());
    }

    @Test
    void aServerThatIsDownIs08001WithinTheTimeout() throws Exception {
        Emulator down = Emulator.builder().seed(1).users(1).messagesPerUser(1).port(0).build()
                .start();
        String url = down.graphUrl();
        down.close();
        client = GraphClient.open(ExchangeConfig.fromConnectionString("AuthScheme=None;GraphUrl="
                + url + ";Timeout=5"));
        long start = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> drain(client
                .scan(query("Messages", "id"), Operand.Parameters.NONE)));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("GraphUrl"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void theMailFolderTreeComesWithItsNestedFolders() throws Exception {
        List<Object[]> rows = drain(open("").scan(query("MailFolders", "id", "displayName",
                "parentFolderId"), Operand.Parameters.NONE));
        Set<String> expected = new HashSet<>();
        MailFolder root = emu.store().mailbox(alice).root();
        walk(root, expected);
        Set<String> ids = new HashSet<>();
        for (Object[] r : rows) {
            assertTrue(ids.add((String) r[0]), "folder returned twice: " + r[1]);
        }
        assertEquals(expected, ids);
        assertTrue(rows.stream().anyMatch(r -> "2026".equals(r[1])), "no nested folder");

        // Depth first: each folder follows its parent or a descendant of one of its ancestors.
        Deque<String> path = new ArrayDeque<>();
        for (Object[] r : rows) {
            String parent = (String) r[2];
            while (!path.isEmpty() && !path.peek().equals(parent)) {
                path.pop();
            }
            assertTrue(!path.isEmpty() || parent.equals(root.id()),
                    r[1] + " does not follow its parent");
            path.push((String) r[0]);
        }
    }

    /** The ids of the visible folders below {@code folder}, as Graph lists them. */
    private static void walk(MailFolder folder, Set<String> out) {
        for (MailFolder child : folder.children()) {
            if (!child.isHidden()) {
                out.add(child.id());
                walk(child, out);
            }
        }
    }

    @Test
    void severalMailboxesAreReadInOneScan() throws Exception {
        String bob = emu.store().users().get(1).userPrincipalName();
        GraphQuery q = query("Messages", "id", "UserId").withMailboxes(List.of(
                new Operand.Literal(bob), new Operand.Literal(emu.store().users().get(2)
                        .userPrincipalName())));
        List<Object[]> rows = drain(open("").scan(q, Operand.Parameters.NONE));
        assertEquals(40, rows.size());
        Set<Object> mailboxes = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        for (Object[] r : rows) {
            mailboxes.add(r[1]);
            ids.add(r[0]);
        }
        assertEquals(Set.of(bob, emu.store().users().get(2).userPrincipalName()), mailboxes);
        assertEquals(40, ids.size());
    }
}
