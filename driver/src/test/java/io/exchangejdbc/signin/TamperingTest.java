package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.auth.EntraTokenEndpoint;
import io.exchangejdbc.auth.TokenResponse;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tampered sign-ins are refused: a code redeemed with another PKCE verifier, a code redeemed twice,
 * and access tokens issued for another tenant or another audience, which Graph answers with 401
 * and the driver reports as 28000.
 */
class TamperingTest {

    private static final String REDIRECT = "http://localhost:45678";
    private static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Mail.Read",
            "offline_access");
    private static Emulator emu;
    private static Emulator other;
    private final Transport transport = new Transport(TransportOptions.withTimeout(
            Duration.ofSeconds(10)), ConnectionLog.withoutFile(Verbosity.SUMMARY,
            Redactor.PATTERNS_ONLY));

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(1).messagesPerUser(3).build().start();
        other = Emulator.builder().users(1).messagesPerUser(3).tenantDomain("fabrikam.com")
                .build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
        other.close();
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private EntraTokenEndpoint builtIn() {
        return new EntraTokenEndpoint(transport, emu.loginUrl(), emu.tenantDomain(),
                Emulator.BUILT_IN_CLIENT_ID, null);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Signs the demo user in with a PKCE challenge and returns the code. */
    private String code(EntraTokenEndpoint endpoint, String verifier) throws Exception {
        String url = endpoint.authorizeUrl(REDIRECT, SCOPES, "s", challenge(verifier), null);
        String location = new Browser().signIn(url, emu.demoUser().userPrincipalName(),
                emu.demoUser().password());
        return Browser.param(location, "code");
    }

    @Test
    void aCodeRedeemedWithAnotherVerifierIsAnInvalidGrant() throws Exception {
        EntraTokenEndpoint endpoint = builtIn();
        String verifier = "v".repeat(43);
        String code = code(endpoint, verifier);
        SQLException e = assertThrows(SQLException.class,
                () -> endpoint.redeemCode(code, REDIRECT, SCOPES, "w".repeat(43)));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("501481"), e.getMessage());
        assertFalse(e.getMessage().contains(code), e.getMessage());
        // The attempt spent the code, as Entra's do.
        SQLException again = assertThrows(SQLException.class,
                () -> endpoint.redeemCode(code, REDIRECT, SCOPES, verifier));
        assertTrue(again.getMessage().contains("54005"), again.getMessage());
    }

    @Test
    void aCodeIsRedeemedOnceOnly() throws Exception {
        EntraTokenEndpoint endpoint = builtIn();
        String verifier = "x".repeat(50);
        String code = code(endpoint, verifier);
        TokenResponse first = endpoint.redeemCode(code, REDIRECT, SCOPES, verifier);
        assertTrue(first.accessToken() != null && first.refreshToken() != null);
        SQLException e = assertThrows(SQLException.class,
                () -> endpoint.redeemCode(code, REDIRECT, SCOPES, verifier));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("AADSTS54005"), e.getMessage());
        assertFalse(e.getMessage().contains(code), e.getMessage());
    }

    private static SQLException refusedByGraph(String token) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection("jdbc:exchange:AuthScheme=AzureAD;"
                    + "InitiateOAuth=OFF;GraphUrl=" + emu.graphUrl() + ";OAuthAccessToken="
                    + token + ";UserId=" + emu.demoUser().userPrincipalName() + ";")) {
                SignInSupport.count(c, "SELECT subject FROM Messages");
            }
        });
        assertEquals("28000", WebFlowTest.sqlState(e), WebFlowTest.message(e));
        SignInSupport.assertNoSecret("the message", SignInSupport.messages(e), Set.of(token));
        return e;
    }

    @Test
    void aTokenOfAnotherTenantIsRefusedByGraph() {
        refusedByGraph(other.issueUserToken(other.demoUser().userPrincipalName()));
        refusedByGraph(other.issueAppToken(Emulator.DEFAULT_CLIENT_ID));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedByGraph() {
        SQLException e = refusedByGraph(emu.issueAppToken(Emulator.DEFAULT_CLIENT_ID,
                "https://outlook.office365.com"));
        assertTrue(WebFlowTest.message(e).contains("audience"), WebFlowTest.message(e));
    }
}
