package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input ends in one SQLException with a SQLState and a message a user can act
 * on, and none of them leaks a secret.
 */
class BadInputTest {

    private static Emulator emu() {
        return SharedEmulator.get();
    }

    @AfterEach
    void noFaultLeftBehind() {
        emu().faults().reset();
    }

    private static SQLException connectFails(String url) {
        return assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
    }

    private static SQLException queryFails(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> SharedEmulator.rows(c, sql));
    }

    private static void assertNoSecret(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains(emu().defaultClientSecret()), "secret in: " + m);
        }
    }

    @Test
    void malformedConnectionStringSaysWhereAndWhat() {
        SQLException e = connectFails("jdbc:exchange:AuthScheme");
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("AuthScheme"), e.getMessage());
        e = connectFails("jdbc:exchange:OAuthClientSecret='unterminated;");
        assertEquals("08001", e.getSQLState());
        assertFalse(e.getMessage().contains("unterminated;"), "secret echoed: " + e.getMessage());
    }

    @Test
    void misspelledPropertyNamesTheClosestKnownOne() {
        SQLException e = connectFails(SharedEmulator.url("Pagesise=10;"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("Pagesize"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void badValueNamesTheAllowedValues() {
        SQLException e = connectFails(SharedEmulator.url("BodyType=Markdown;"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("HTML") && e.getMessage().contains("Text"),
                e.getMessage());
        e = connectFails(SharedEmulator.url("Timeout=soon;"));
        assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
    }

    @Test
    void propertyOfALaterReleaseIsRefusedNotIgnored() {
        SQLException e = connectFails(SharedEmulator.url("AlwaysRequestTableDependencies=true;"));
        assertInstanceOf(SQLFeatureNotSupportedException.class, e);
        assertEquals("0A000", e.getSQLState());
        e = connectFails(SharedEmulator.url("Schema=EWS;"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("Server"), e.getMessage());
    }

    @Test
    void unknownTableColumnAndSyntaxErrorsHaveTheirSqlStates() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SQLException table = queryFails(c, "SELECT * FROM Mesages");
            assertEquals("42S02", table.getSQLState());
            assertTrue(table.getMessage().contains("Mesages")
                    && table.getMessage().contains("Messages"), table.getMessage());
            SQLException column = queryFails(c, "SELECT subjekt FROM Messages");
            assertEquals("42S22", column.getSQLState());
            assertTrue(column.getMessage().contains("subjekt"), column.getMessage());
            SQLException syntax = queryFails(c, "SELEC subject FROM Messages");
            assertEquals("42000", syntax.getSQLState());
            assertTrue(syntax.getMessage().contains("line 1"), syntax.getMessage());
        }
    }

    @Test
    void invalidTokenIsAnAuthorizationError() {
        String url = "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken=eyJ.bad.token;"
                + "GraphUrl=" + emu().graphUrl() + ";";
        try (Connection c = DriverManager.getConnection(url)) {
            SQLException e = queryFails(c, "SELECT subject FROM Messages");
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("OAuthAccessToken"), e.getMessage());
            assertFalse(e.getMessage().contains("eyJ.bad.token"), e.getMessage());
            // aggregates are evaluated while Calcite builds the result set: same answer
            e = queryFails(c, "SELECT isRead, COUNT(*) FROM Messages GROUP BY isRead");
            assertEquals("28000", e.getSQLState());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void userTokenReadingAnotherMailboxIsForbidden() throws Exception {
        var users = emu().store().users();
        String token = emu().issueUserToken(users.get(0).userPrincipalName());
        String url = "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken=" + token
                + ";GraphUrl=" + emu().graphUrl() + ";";
        try (Connection c = DriverManager.getConnection(url)) {
            assertFalse(SharedEmulator.rows(c, "SELECT subject FROM Messages LIMIT 2").isEmpty(),
                    "the user's own mailbox through /me");
            SQLException e = queryFails(c, "SELECT subject FROM Messages WHERE UserId = '"
                    + users.get(1).userPrincipalName() + "'");
            assertEquals("42501", e.getSQLState());
            assertFalse(e.getMessage().contains(token), "token in message");
        }
    }

    @Test
    void unknownMailboxIsNotFoundAndAMalformedFolderIdIsRefused() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SQLException e = queryFails(c,
                    "SELECT subject FROM Messages WHERE UserId = 'nobody@contoso.onmicrosoft.com'");
            assertEquals("42S02", e.getSQLState());
            assertTrue(e.getMessage().contains("nobody@contoso.onmicrosoft.com"), e.getMessage());
            // not a well-known name and not shaped like an id: Graph calls the id malformed
            e = queryFails(c, "SELECT subject FROM Messages WHERE parentFolderId = 'NoSuchFolder'");
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        }
    }

    @Test
    void graphBadRequestCarriesCodeMessageAndRequestId() throws Exception {
        emu().faults().next(FaultSpec.status(400).withBody("{\"error\":{\"code\":\"BadRequest\","
                + "\"message\":\"Invalid filter clause\",\"innerError\":{\"request-id\":"
                + "\"7d3c2b1a-0000-4000-8000-000000000001\",\"date\":\"2026-12-01T09:00:00\"}}}",
                "application/json"));
        try (Connection c = SharedEmulator.connect()) {
            SQLException e = queryFails(c, "SELECT subject FROM Messages LIMIT 1");
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("BadRequest"), e.getMessage());
            assertTrue(e.getMessage().contains("Invalid filter clause"), e.getMessage());
            assertTrue(e.getMessage().contains("7d3c2b1a-0000-4000-8000-000000000001"),
                    e.getMessage());
        }
    }

    @Test
    void responseThatIsNotJsonIsACommunicationError() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            // A broken page is requested three times in all before the query fails.
            emu().faults().next(3, FaultSpec.body("<html>gateway says hello</html>"));
            SQLException e = queryFails(c, "SELECT subject FROM Messages LIMIT 1");
            assertEquals("08S01", e.getSQLState());
            assertTrue(e.getMessage().contains("JSON"), e.getMessage());
        }
    }

    @Test
    void serverThatIsDownFailsToConnectWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken=abc;"
                + "Timeout=5;GraphUrl=http://127.0.0.1:" + port + ";";
        try (Connection c = DriverManager.getConnection(url)) {
            SQLException e = queryFails(c, "SELECT subject FROM Messages");
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("GraphUrl"), e.getMessage());
        }
    }

    @Test
    void slowResponseFailsWithATimeoutNamingTheProperty() throws Exception {
        try (Connection c = SharedEmulator.connect("Timeout=1;")) {
            emu().faults().next(3, FaultSpec.latency(Duration.ofSeconds(4)));
            SQLException e = queryFails(c, "SELECT subject FROM Messages LIMIT 1");
            assertEquals("HYT00", e.getSQLState());
            assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
        }
    }

    @Test
    void badClientSecretIsRefusedWithoutEchoingIt() {
        String url = "jdbc:exchange:AuthScheme=AzureServicePrincipal;AzureTenant="
                + emu().tenantDomain() + ";OAuthClientId=" + emu().defaultClientId()
                + ";OAuthClientSecret=wrong-" + emu().defaultClientSecret() + ";GraphUrl="
                + emu().graphUrl() + ";LoginUrl=" + emu().loginUrl() + ";UserId="
                + emu().demoUser().userPrincipalName() + ";";
        try (Connection c = DriverManager.getConnection(url)) {
            SQLException e = queryFails(c, "SELECT subject FROM Messages LIMIT 1");
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("AADSTS7000215"), e.getMessage());
            assertNoSecret(e);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
