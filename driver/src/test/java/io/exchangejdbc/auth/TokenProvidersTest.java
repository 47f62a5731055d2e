package io.exchangejdbc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which sign-ins this release does, which it refuses, and what it asks for. */
class TokenProvidersTest {

    private final Transport transport = new Transport(TransportOptions.withTimeout(
            Duration.ofSeconds(5)), ConnectionLog.withoutFile(Verbosity.SUMMARY,
            Redactor.PATTERNS_ONLY));

    @AfterEach
    void close() {
        transport.close();
    }

    private TokenProvider create(String connectionString) throws SQLException {
        return TokenProviders.create(ExchangeConfig.fromConnectionString(connectionString),
                transport);
    }

    @Test
    void aGivenTokenWithInitiateOAuthOffIsSentAsIs() throws Exception {
        TokenProvider p = create("AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken=abc.def");
        assertInstanceOf(StaticTokenProvider.class, p);
        assertEquals("abc.def", p.token());
        assertFalse(p.renewable());
        assertTrue(p.rejectionAdvice().contains("OAuthAccessToken"));
    }

    @Test
    void aBearerPrefixOnTheGivenTokenIsDropped() throws Exception {
        assertEquals("abc", new StaticTokenProvider("Bearer abc ").token());
    }

    @Test
    void azureAdIsTheDefaultSchemeForGraph() throws Exception {
        assertInstanceOf(StaticTokenProvider.class,
                create("InitiateOAuth=OFF;OAuthAccessToken=t"));
    }

    @Test
    void initiateOAuthOffWithoutATokenOpensButReadingAsksForOne() throws Exception {
        TokenProvider p = create("AuthScheme=AzureAD;InitiateOAuth=OFF");
        SQLException e = assertThrows(SQLException.class, p::token);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("OAuthAccessToken"), e.getMessage());
        assertTrue(e.getMessage().contains("GetOAuthAccessToken"), e.getMessage());
    }

    @Test
    void authSchemeNoneSendsNoCredentials() throws Exception {
        TokenProvider p = create("AuthScheme=None");
        assertSame(TokenProvider.NONE, p);
        assertNull(p.token());
    }

    @Test
    void aServicePrincipalIsAnApplicationSignIn() throws Exception {
        TokenProvider p = create("AuthScheme=AzureServicePrincipal;AzureTenant=contoso.com;"
                + "OAuthClientId=app;OAuthClientSecret=s");
        assertInstanceOf(ClientSecretTokenProvider.class, p);
        assertTrue(p.renewable());
        assertTrue(p.applicationOnly());
        assertEquals(Set.of("https://graph.microsoft.com/.default"),
                ((ClientSecretTokenProvider) p).scopes());
    }

    @Test
    void aServicePrincipalNeedsTenantIdAndSecret() {
        SQLException e = assertThrows(SQLException.class, () -> create(
                "AuthScheme=AzureServicePrincipal;OAuthClientId=app;OAuthClientSecret=s"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("AzureTenant"), e.getMessage());
        SQLException secret = assertThrows(SQLException.class, () -> create(
                "AuthScheme=AzureServicePrincipal;AzureTenant=t;OAuthClientId=app"));
        assertTrue(secret.getMessage().contains("OAuthClientSecret"), secret.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AuthScheme=Basic", "AuthScheme=Digest", "AuthScheme=NTLM",
            "AuthScheme=Negotiate"})
    void onPremisesSignInsComeWithTheEwsBackEnd(String connectionString) {
        SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
                () -> create(connectionString));
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("set Schema=EWS"), e.getMessage());
        assertTrue(e.getMessage().contains("EWS back end"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AuthScheme=AzureAD", "AuthScheme=AzureAD;InitiateOAuth=REFRESH",
            "AuthScheme=AzureAD;InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=memory://x",
            "AuthScheme=AzureMSI", "AuthScheme=AzureMSI;OAuthClientId=abc"})
    void userAndManagedIdentitySignInsBuildWithoutTouchingTheNetwork(String connectionString)
            throws Exception {
        TokenProvider p = create(connectionString);
        assertTrue(p.renewable(), p.toString());
    }

    @Test
    void delegatedScopesCoverTheMailboxAndAskForARefreshToken() throws Exception {
        Set<String> graph = SignInScopes.delegated(ExchangeConfig.fromConnectionString(""));
        assertTrue(graph.contains("https://graph.microsoft.com/Mail.ReadWrite"), graph.toString());
        assertTrue(graph.contains("offline_access"), graph.toString());
        assertEquals(Set.of("https://graph.microsoft.us/.default"), SignInScopes.application(
                ExchangeConfig.fromConnectionString("Office365Environment=GCCHigh")));
    }

    @Test
    void theDefaultScopeIsTheGraphResourceEvenBehindAGateway() {
        assertEquals("https://graph.microsoft.com/.default",
                TokenProviders.defaultGraphScope("https://graph.microsoft.com"));
        assertEquals("https://graph.microsoft.us/.default",
                TokenProviders.defaultGraphScope("https://graph.microsoft.us/"));
        assertEquals("https://microsoftgraph.chinacloudapi.cn/.default",
                TokenProviders.defaultGraphScope("https://microsoftgraph.chinacloudapi.cn"));
        assertEquals("https://graph.microsoft.com/.default",
                TokenProviders.defaultGraphScope("http://127.0.0.1:8080"));
        assertEquals("https://graph.microsoft.com/.default",
                TokenProviders.defaultGraphScope("https://graph-gateway.contoso.com"));
    }

    @Test
    void theScopePropertyOverridesTheDefault() throws Exception {
        assertEquals(Set.of("api://x/.default", "offline_access"), TokenProviders.scopes(
                ExchangeConfig.fromConnectionString("Scope='api://x/.default offline_access'")));
    }
}
