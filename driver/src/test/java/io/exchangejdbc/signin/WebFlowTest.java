package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web application flow through the three OAuth procedures on a connection without a token,
 * then REFRESH connections that renew and store the tokens; the headless flows (a code in
 * OAuthVerifier, a token file copied from another machine); and the refusals: a code used twice,
 * a revoked refresh token, REFRESH without tokens.
 */
class WebFlowTest {

    private static final String CALLBACK = "https://app.contoso.com/oauth/callback";
    private static Emulator emu;
    private static String user;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(30).build().start();
        emu.registerApp(new io.exchangejdbc.emulator.store.AppRegistration(
                "11111111-2222-4333-8444-555555555555", "Contoso web app", "web~Secret.123",
                java.util.Set.of(), Emulator.DEFAULT_DELEGATED_SCOPES,
                java.util.Set.of(CALLBACK), java.util.List.of()));
        user = emu.demoUser().userPrincipalName();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String base() {
        return "jdbc:exchange:AuthScheme=AzureAD;GraphUrl=" + emu.graphUrl() + ";LoginUrl="
                + emu.loginUrl() + ";AzureTenant=" + emu.tenantDomain() + ";";
    }

    private static String web() {
        return base() + "OAuthClientId=11111111-2222-4333-8444-555555555555;"
                + "OAuthClientSecret='web~Secret.123';CallbackURL=" + CALLBACK + ";";
    }

    private static String[] row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            int n = rs.getMetaData().getColumnCount();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = rs.getString(i + 1);
            }
            return out;
        }
    }

    private static int count(Connection c) throws SQLException {
        // Rows are counted here: an aggregate's failures reach the caller without the SQLState.
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT subject FROM Messages")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** Signs the user in at a URL and returns the code of the redirect. */
    private static String code(String url, String state) throws Exception {
        String location = new Browser().signIn(url, user, emu.demoUser().password());
        assertTrue(location.startsWith(CALLBACK + "?"), location);
        assertEquals(state, Browser.param(location, "state"));
        return Browser.param(location, "code");
    }

    @Test
    void theThreeProceduresGiveTokensThatRefreshConnectionsRenewAndStore() throws Exception {
        String code;
        String[] tokens;
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=OFF;")) {
            String url = row(c, "EXEC GetOAuthAuthorizationURL @State = 'st-42'")[0];
            assertTrue(url.startsWith(emu.loginUrl() + "/" + emu.tenantDomain()
                    + "/oauth2/v2.0/authorize?"), url);
            assertTrue(Browser.param(url, "scope").contains("offline_access"), url);
            code = code(url, "st-42");
            SQLException noToken = assertThrows(SQLException.class, () -> count(c));
            assertEquals("28000", sqlState(noToken), message(noToken));
            tokens = row(c, "EXEC GetOAuthAccessToken @AuthMode = 'WEB', @Verifier = '" + code
                    + "', @State = 'st-42'");
            assertNotNull(tokens[0]);
            assertNotNull(tokens[1]);
            assertTrue(Long.parseLong(tokens[2]) > 0);
            SQLException twice = assertThrows(SQLException.class, () -> row(c,
                    "EXEC GetOAuthAccessToken @Verifier = '" + code + "'"));
            assertEquals("28000", twice.getSQLState());
            assertTrue(twice.getMessage().contains("AADSTS54005"), twice.getMessage());
            assertFalse(twice.getMessage().contains(code), twice.getMessage());

            String[] renewed = row(c, "EXEC RefreshOAuthAccessToken @OAuthRefreshToken = '"
                    + tokens[1] + "'");
            assertNotEquals(tokens[1], renewed[1], "the refresh token rotates");
            SQLException spent = assertThrows(SQLException.class, () -> row(c,
                    "EXEC RefreshOAuthAccessToken @OAuthRefreshToken = '" + tokens[1] + "'"));
            assertTrue(spent.getMessage().contains("GETANDREFRESH"), spent.getMessage());
            tokens[1] = renewed[1];
        }
        Path file = dir.resolve("tokens.json");
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthRefreshToken='" + tokens[1] + "';OAuthSettingsLocation=" + file + ";")) {
            assertEquals(30, count(c));
        }
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        String stored = Files.readString(file);
        assertFalse(stored.contains(tokens[1]), "the given refresh token was spent and replaced");
        // A later connection needs nothing but the file.
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthSettingsLocation=" + file + ";")) {
            assertEquals(30, count(c));
        }
    }

    @Test
    void aCodeFromAnotherDeviceInOAuthVerifierIsRedeemedOnceAndStored() throws Exception {
        String url;
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=OFF;")) {
            url = row(c, "EXEC GetOAuthAuthorizationURL @State = 'v1'")[0];
        }
        String code = code(url, "v1");
        Path file = dir.resolve("headless.json");
        String headless = web() + "InitiateOAuth=REFRESH;OAuthVerifier=" + code
                + ";OAuthSettingsLocation=" + file + ";";
        try (Connection c = DriverManager.getConnection(headless)) {
            assertEquals(30, count(c));
        }
        // The same string again: the stored tokens are used, the spent code is not sent.
        try (Connection c = DriverManager.getConnection(headless)) {
            assertEquals(30, count(c));
        }
        // The token file copied to another machine works there with REFRESH.
        Path copied = dir.resolve("elsewhere").resolve("copy.json");
        Files.createDirectories(copied.getParent());
        Files.copy(file, copied);
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthSettingsLocation=" + copied + ";")) {
            assertEquals(30, count(c));
        }
    }

    @Test
    void aRevokedRefreshTokenSaysToSignInAgain() throws Exception {
        String url;
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=OFF;")) {
            url = row(c, "EXEC GetOAuthAuthorizationURL @State = 'r'")[0];
        }
        String code = code(url, "r");
        String[] tokens;
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=OFF;")) {
            tokens = row(c, "EXEC GetOAuthAccessToken @Verifier = '" + code + "'");
        }
        emu.revokeRefreshTokens(user);
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthRefreshToken='" + tokens[1] + "';OAuthSettingsLocation=memory://revoked;")) {
            SQLException e = assertThrows(SQLException.class, () -> count(c));
            assertEquals("28000", sqlState(e));
            String m = message(e);
            assertTrue(m.contains("AADSTS50173") && m.contains("InitiateOAuth=GETANDREFRESH"), m);
            assertFalse(m.contains(tokens[1]), m);
        }
    }

    @Test
    void refreshWithoutAnyTokenNeverPromptsAndSaysHowToSignIn() throws Exception {
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthSettingsLocation=memory://empty;")) {
            SQLException e = assertThrows(SQLException.class, () -> count(c));
            assertEquals("28000", sqlState(e));
            assertTrue(message(e).contains("GETANDREFRESH"), message(e));
        }
    }

    /** The SQLState of the sign-in failure, which Calcite may wrap. */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "28000".equals(s.getSQLState())) {
                return "28000";
            }
        }
        return e.getSQLState();
    }

    static String message(SQLException e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(t instanceof SQLException s ? s.getSQLState() : "").append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
