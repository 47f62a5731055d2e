package io.exchangejdbc.auth;

import static io.exchangejdbc.http.LocalHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.http.LocalHttpServer;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client credentials through msal4j against a loopback token endpoint on plain http, which msal4j
 * alone refuses: the token is fetched, cached, renewed before expiry and after a refusal, and a
 * refused secret reads as 28000 with the AADSTS code and without the secret.
 */
class ClientSecretTokenProviderTest {

    private static final String SECRET = "Sup3r~Secret.Value_42";

    private LocalHttpServer server;
    private Transport transport;
    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.parse("2026-11-03T10:00:00Z"));

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ClientSecretTokenProvider provider(String loginUrl, String secret, int expiresIn)
            throws Exception {
        transport = new Transport(TransportOptions.withTimeout(Duration.ofSeconds(10)),
                ConnectionLog.withoutFile(Verbosity.TRANSPORT, Redactor.of(List.of(secret))));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new ClientSecretTokenProvider(loginUrl, "contoso.onmicrosoft.com", "app-id-1",
                secret, Set.of("https://graph.microsoft.com/.default"), transport, clock);
    }

    private void serveTokens(int expiresIn) throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> {
            if (!r.method().equals("POST")
                    || !r.uri().getPath().equals("/contoso.onmicrosoft.com/oauth2/v2.0/token")) {
                json(ex, 404, "{\"error\":\"not_found\"}");
                return;
            }
            String form = URLDecoder.decode(r.body(), StandardCharsets.UTF_8);
            if (!form.contains("client_secret=" + SECRET)) {
                json(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":"
                        + "\"AADSTS7000215: Invalid client secret provided. Ensure the secret"
                        + " being sent in the request is the client secret value, not the client"
                        + " secret ID, for a secret added to app 'app-id-1'.\\r\\nTrace ID: t\\r\\n"
                        + "Correlation ID: c\\r\\nTimestamp: 2026-11-03 10:00:00Z\","
                        + "\"error_codes\":[7000215],\"trace_id\":\"t\",\"correlation_id\":\"c\"}");
                return;
            }
            json(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                    + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"token-" + i
                    + "\"}");
        });
    }

    private List<LocalHttpServer.Request> tokenRequests() {
        return server.requests();
    }

    @Test
    void theTokenIsFetchedWithClientCredentialsOverPlainHttpAndCached() throws Exception {
        serveTokens(3600);
        ClientSecretTokenProvider p = provider(server.baseUrl(), SECRET, 3600);
        assertEquals("token-0", p.token());
        assertEquals("token-0", p.token());
        assertEquals(1, tokenRequests().size());
        String form = URLDecoder.decode(tokenRequests().get(0).body(), StandardCharsets.UTF_8);
        assertTrue(form.contains("grant_type=client_credentials"), form);
        assertTrue(form.contains("client_id=app-id-1"), form);
        assertTrue(form.contains("scope=https://graph.microsoft.com/.default"), form);
        assertTrue(tokenRequests().get(0).header("User-Agent").startsWith("exchange-jdbc/"));
    }

    @Test
    void theTokenIsRenewedFiveMinutesBeforeItExpires() throws Exception {
        serveTokens(3600);
        ClientSecretTokenProvider p = provider(server.baseUrl(), SECRET, 3600);
        assertEquals("token-0", p.token());
        now.set(now.get().plus(Duration.ofMinutes(54)));
        assertEquals("token-0", p.token());
        now.set(now.get().plus(Duration.ofMinutes(1).plusSeconds(1)));
        assertEquals("token-1", p.token());
    }

    @Test
    void anInvalidatedTokenIsReplaced() throws Exception {
        serveTokens(3600);
        ClientSecretTokenProvider p = provider(server.baseUrl(), SECRET, 3600);
        String first = p.token();
        p.invalidate();
        assertNotEquals(first, p.token());
        assertEquals(2, tokenRequests().size());
    }

    @Test
    void aBadSecretIs28000WithTheAadstsCodeAndWithoutTheSecret() throws Exception {
        serveTokens(3600);
        ClientSecretTokenProvider p = provider(server.baseUrl(), "wrong-secret-value", 3600);
        SQLException e = assertThrows(SQLException.class, p::token);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("AADSTS7000215: Invalid client secret provided."),
                e.getMessage());
        assertTrue(e.getMessage().contains("OAuthClientSecret"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-value"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("wrong-secret-value"));
        }
    }

    @Test
    void aLoginUrlThatIsDownIs08001NamingLoginUrl() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ClientSecretTokenProvider p = provider("http://127.0.0.1:" + port, SECRET, 3600);
        SQLException e = assertThrows(SQLException.class, p::token);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("LoginUrl"), e.getMessage());
    }

    @Test
    void aLoginUrlWithAPathPrefixIsKept() throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> json(ex, 200, "{\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"access_token\":\"prefixed\"}"));
        ClientSecretTokenProvider p = provider(server.baseUrl() + "/sts", SECRET, 3600);
        assertEquals("prefixed", p.token());
        assertEquals("/sts/contoso.onmicrosoft.com/oauth2/v2.0/token",
                server.requests().get(0).uri().getPath());
    }
}
