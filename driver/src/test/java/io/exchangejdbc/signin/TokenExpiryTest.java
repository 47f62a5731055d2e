package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.AppRegistration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that outlive their access token: with tokens of two seconds, a query over many small
 * pages read slowly renews the token on the way (by refresh token, or by client credentials) and
 * returns every row; a refresh token revoked meanwhile ends in 28000 saying how to sign in.
 */
class TokenExpiryTest {

    private static final String WEB_ID = "2d4f6a8c-1e3b-4d5f-a7c9-0b2d4f6a8c1e";
    private static final String WEB_SECRET = "exp~Web.Secret-9";
    private static final String CALLBACK = "https://app.contoso.com/cb";
    private static final int MESSAGES = 30;
    @TempDir
    static Path dir;

    private static Path log;
    private static Emulator emu;

    @BeforeAll
    static void start() {
        log = dir.resolve("expiry.log");
        emu = Emulator.builder().users(1).messagesPerUser(MESSAGES)
                .tokenLifetime(Duration.ofSeconds(2)).build().start();
        emu.registerApp(new AppRegistration(WEB_ID, "Expiry web app", WEB_SECRET, Set.of(),
                Emulator.DEFAULT_DELEGATED_SCOPES, Set.of(CALLBACK), List.of()));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** The log at Verbosity=5 holds none of the tokens, the code or the secret. */
    private static void logKeepsNoSecret(String[] tokens) throws Exception {
        SignInSupport.assertNoSecret("the log", SignInSupport.readLog(log), List.of(tokens[0],
                tokens[1], tokens[2], WEB_SECRET, emu.defaultClientSecret(),
                emu.demoUser().password()));
    }

    static String web() {
        return unlogged() + "Logfile=" + log + ";Verbosity=5;";
    }

    private static String unlogged() {
        return "jdbc:exchange:AuthScheme=AzureAD;GraphUrl=" + emu.graphUrl() + ";LoginUrl="
                + emu.loginUrl() + ";AzureTenant=" + emu.tenantDomain() + ";OAuthClientId="
                + WEB_ID + ";OAuthClientSecret='" + WEB_SECRET + "';CallbackURL=" + CALLBACK
                + ";";
    }

    /** Reads every row, a little at a time, and returns the distinct ids. */
    private static Set<String> slowly(Connection c) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM Messages")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                Thread.sleep(120);
            }
        }
        return ids;
    }

    private static long tokenRequests() {
        return emu.requestLog().stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token"))
                .count();
    }

    @Test
    void aSlowQueryWithRefreshedUserTokensReturnsEveryRow() throws Exception {
        String[] tokens = SignInSupport.webSignIn(emu, web());
        long before = tokenRequests();
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthRefreshToken='" + tokens[1] + "';Pagesize=5;OAuthSettingsLocation="
                + "memory://expiry-" + UUID.randomUUID() + ";")) {
            assertEquals(MESSAGES, slowly(c).size());
        }
        assertTrue(tokenRequests() - before >= 2, "the token was renewed during the query");
        logKeepsNoSecret(tokens);
    }

    @Test
    void aSlowQueryWithClientCredentialsReturnsEveryRow() throws Exception {
        long before = tokenRequests();
        try (Connection c = DriverManager.getConnection("jdbc:exchange:AuthScheme="
                + "AzureServicePrincipal;GraphUrl=" + emu.graphUrl() + ";LoginUrl="
                + emu.loginUrl() + ";AzureTenant=" + emu.tenantDomain() + ";OAuthClientId="
                + emu.defaultClientId() + ";OAuthClientSecret='" + emu.defaultClientSecret()
                + "';UserId=" + emu.demoUser().userPrincipalName() + ";Pagesize=5;Logfile="
                + log + ";Verbosity=5;")) {
            assertEquals(MESSAGES, slowly(c).size());
        }
        assertTrue(tokenRequests() - before >= 2, "the token was renewed during the query");
        logKeepsNoSecret(new String[] {"", "", ""});
    }

    @Test
    void aRefreshTokenRevokedBetweenQueriesSaysToSignInWithGetAndRefresh() throws Exception {
        String[] tokens = SignInSupport.webSignIn(emu, web());
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthRefreshToken='" + tokens[1] + "';OAuthSettingsLocation="
                + "memory://revoked-" + UUID.randomUUID() + ";")) {
            assertEquals(MESSAGES, SignInSupport.count(c, "SELECT id FROM Messages"));
            emu.revokeRefreshTokens(emu.demoUser().userPrincipalName());
            SQLException refused = null;
            // The access token lives on for up to two seconds; then renewing it fails.
            for (int i = 0; i < 100 && refused == null; i++) {
                try {
                    SignInSupport.count(c, "SELECT id FROM Messages");
                    Thread.sleep(100);
                } catch (SQLException e) {
                    refused = e;
                }
            }
            assertNotNull(refused, "the revoked refresh token was refused");
            assertEquals("28000", WebFlowTest.sqlState(refused), WebFlowTest.message(refused));
            String m = WebFlowTest.message(refused);
            assertTrue(m.contains("InitiateOAuth=GETANDREFRESH"), m);
            assertFalse(m.contains(tokens[1]), m);
            SignInSupport.assertNoSecret("the message", SignInSupport.messages(refused),
                    List.of(tokens[0], tokens[1], WEB_SECRET));
        }
        logKeepsNoSecret(tokens);
    }
}
