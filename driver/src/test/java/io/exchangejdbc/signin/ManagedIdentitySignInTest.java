package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.auth.TokenProviders;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed identity of an Azure resource ({@code AuthScheme=AzureMSI}) against the emulator's
 * identity endpoints: the system-assigned identity and a user-assigned one through the instance
 * metadata endpoint ({@code AzureMSIEndpoint}), the App Service endpoint from
 * {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER}, and the emulator's insistence on the
 * {@code Metadata: true} header.
 */
class ManagedIdentitySignInTest {

    private static final String USER_ASSIGNED = "3b8c1d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
    private static final int MESSAGES = 6;
    private static Emulator emu;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(1).messagesPerUser(MESSAGES).build().start();
        emu.addUserAssignedIdentity(USER_ASSIGNED, Emulator.DEFAULT_APP_ROLES);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String url(String extra) {
        return "jdbc:exchange:AuthScheme=AzureMSI;GraphUrl=" + emu.graphUrl()
                + ";AzureMSIEndpoint=" + emu.managedIdentityEndpoint() + ";UserId="
                + emu.demoUser().userPrincipalName() + ";" + extra;
    }

    private static int messages(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return SignInSupport.count(c, "SELECT subject FROM Messages");
        }
    }

    @Test
    void theSystemAssignedIdentityReadsMessages() throws Exception {
        assertEquals(MESSAGES, messages(url("")));
    }

    @Test
    void aUserAssignedIdentityIsChosenByItsClientId() throws Exception {
        assertEquals(MESSAGES, messages(url("OAuthClientId=" + USER_ASSIGNED + ";")));
        assertEquals(MESSAGES, messages(url("OAuthClientId="
                + USER_ASSIGNED.toUpperCase(java.util.Locale.ROOT) + ";")));
    }

    @Test
    void anIdentityNotAttachedToTheResourceIs28000() {
        SQLException e = assertThrows(SQLException.class, () -> messages(url(
                "OAuthClientId=0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e;")));
        assertEquals("28000", WebFlowTest.sqlState(e), WebFlowTest.message(e));
        assertTrue(WebFlowTest.message(e).contains("0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e"),
                WebFlowTest.message(e));
    }

    @Test
    void onAppServiceTheTokenComesFromIdentityEndpointWithIdentityHeader() throws Exception {
        try (Transport transport = new Transport(TransportOptions.withTimeout(
                Duration.ofSeconds(10)), ConnectionLog.withoutFile(Verbosity.SUMMARY,
                Redactor.PATTERNS_ONLY))) {
            ExchangeConfig config = ExchangeConfig.fromConnectionString("AuthScheme=AzureMSI;"
                    + "GraphUrl=" + emu.graphUrl());
            TokenProvider p = TokenProviders.create(config, transport, Map.of(
                    "IDENTITY_ENDPOINT", emu.appServiceIdentityEndpoint(),
                    "IDENTITY_HEADER", emu.identityHeader()));
            String token = p.token();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(emu.graphUrl() + "/v1.0/users/" + emu.demoUser().userPrincipalName()
                            + "/messages")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(emu.requestLog().stream().anyMatch(q -> q.path()
                    .startsWith("/msi/token")), "the App Service endpoint was asked");

            TokenProvider wrong = TokenProviders.create(config, transport, Map.of(
                    "IDENTITY_ENDPOINT", emu.appServiceIdentityEndpoint(),
                    "IDENTITY_HEADER", "not-the-header"));
            SQLException e = assertThrows(SQLException.class, wrong::token);
            assertEquals("28000", e.getSQLState(), e.getMessage());
            SignInSupport.assertNoSecret("the message", SignInSupport.messages(e),
                    List.of(emu.identityHeader(), "not-the-header"));
        }
    }

    @Test
    void theInstanceMetadataEndpointRefusesARequestWithoutTheMetadataHeader() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(emu.managedIdentityEndpoint()
                + "?api-version=2018-02-01&resource=https%3A%2F%2Fgraph.microsoft.com");
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, without.statusCode());
        assertTrue(without.body().contains("Required metadata header not specified"),
                without.body());
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(uri)
                .header("Metadata", "true").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, with.statusCode(), with.body());
        assertTrue(with.body().contains("\"access_token\""), with.body());
    }
}
