package io.exchangejdbc.emulator.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.testing.TestHttp;
import io.exchangejdbc.emulator.testing.TestJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Entra-like token endpoint (client credentials) and the discovery documents MSAL reads. */
class TokenEndpointTest {

    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(5).build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void restoreLifetime() {
        emu.setTokenLifetime(TokenService.DEFAULT_LIFETIME);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, String> clientCredentials(String clientId, String secret) {
        return form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                secret, "scope", GRAPH_SCOPE);
    }

    private static TestHttp.Reply token(String tenant, Map<String, String> form,
            String... headers) {
        return HTTP.postForm(emu.loginUrl() + "/" + tenant + "/oauth2/v2.0/token", form,
                headers);
    }

    private static void assertEntraError(TestHttp.Reply r, int status, String error,
            long code) {
        assertEquals(status, r.status(), r.body());
        Map<String, Object> json = r.json();
        assertEquals(error, json.get("error"));
        assertEquals(List.of(code), json.get("error_codes"));
        String description = (String) json.get("error_description");
        assertTrue(description.startsWith("AADSTS" + code + ": "), description);
        assertTrue(description.contains("\r\nTrace ID: " + json.get("trace_id")), description);
        assertTrue(((String) json.get("timestamp")).matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z"));
        assertNotNull(json.get("correlation_id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        return TestJson.object(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
    }

    @Test
    void issuesAnAppTokenForTheRightSecret() {
        TestHttp.Reply r = token(emu.tenantDomain(), clientCredentials(emu.defaultClientId(),
                emu.defaultClientSecret()));
        assertEquals(200, r.status(), r.body());
        Map<String, Object> json = r.json();
        assertEquals(List.of("token_type", "expires_in", "ext_expires_in", "access_token"),
                List.copyOf(json.keySet()));
        assertEquals("Bearer", json.get("token_type"));
        assertEquals(3599L, json.get("expires_in"));
        assertEquals(3599L, json.get("ext_expires_in"));
        String jwt = (String) json.get("access_token");
        Map<String, Object> claims = claims(jwt);
        assertEquals("https://graph.microsoft.com", claims.get("aud"));
        assertEquals(emu.tenantId(), claims.get("tid"));
        assertEquals(emu.defaultClientId(), claims.get("appid"));
        assertEquals("https://sts.windows.net/" + emu.tenantId() + "/", claims.get("iss"));
        assertTrue(((List<?>) claims.get("roles")).contains("Mail.ReadWrite"));
        assertEquals(3600L, (Long) claims.get("exp") - (Long) claims.get("iat"));
        assertEquals(200, HTTP.get(emu.graphUrl() + "/v1.0/users", jwt).status());
    }

    @Test
    void acceptsTheTenantIdAndBasicClientAuthentication() {
        assertEquals(200, token(emu.tenantId(), clientCredentials(emu.defaultClientId(),
                emu.defaultClientSecret())).status());
        String basic = Base64.getEncoder().encodeToString((emu.defaultClientId() + ":"
                + emu.defaultClientSecret()).getBytes(StandardCharsets.UTF_8));
        TestHttp.Reply r = token(emu.tenantDomain(), form("grant_type", "client_credentials",
                "scope", GRAPH_SCOPE), "Authorization", "Basic " + basic);
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void refusesAWrongSecret() {
        TestHttp.Reply r = token(emu.tenantDomain(), clientCredentials(emu.defaultClientId(),
                "wrong"), "client-request-id", "0c5f3a9e-2a51-4f3e-9d59-41b1a3f1d2c7");
        assertEntraError(r, 401, "invalid_client", 7000215);
        assertTrue(((String) r.json().get("error_description")).startsWith(
                "AADSTS7000215: Invalid client secret provided."));
        assertEquals("0c5f3a9e-2a51-4f3e-9d59-41b1a3f1d2c7", r.json().get("correlation_id"));
    }

    @Test
    void refusesAMissingSecret() {
        assertEntraError(token(emu.tenantDomain(), form("grant_type", "client_credentials",
                "client_id", emu.defaultClientId(), "scope", GRAPH_SCOPE)), 401,
                "invalid_client", 7000218);
    }

    @Test
    void refusesAnUnknownTenant() {
        TestHttp.Reply r = token("fabrikam.onmicrosoft.com",
                clientCredentials(emu.defaultClientId(), emu.defaultClientSecret()));
        assertEntraError(r, 400, "invalid_request", 90002);
        assertTrue(((String) r.json().get("error_description")).startsWith(
                "AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found."));
    }

    @Test
    void refusesAnUnknownApplication() {
        assertEntraError(token(emu.tenantDomain(), clientCredentials(
                "11111111-2222-3333-4444-555555555555", "x")), 400, "unauthorized_client",
                700016);
    }

    @Test
    void refusesOtherGrantsAndBadScopes() {
        assertEntraError(token(emu.tenantDomain(), form("grant_type", "password",
                "client_id", emu.defaultClientId())), 400, "unsupported_grant_type", 70003);
        assertEntraError(token(emu.tenantDomain(), form("client_id", emu.defaultClientId())),
                400, "invalid_request", 900144);
        Map<String, String> noDefault = clientCredentials(emu.defaultClientId(),
                emu.defaultClientSecret());
        noDefault.put("scope", "https://graph.microsoft.com/Mail.Read");
        assertEntraError(token(emu.tenantDomain(), noDefault), 400, "invalid_scope", 1002012);
        Map<String, String> unknown = clientCredentials(emu.defaultClientId(),
                emu.defaultClientSecret());
        unknown.put("scope", "https://example.com/.default");
        assertEntraError(token(emu.tenantDomain(), unknown), 400, "invalid_resource", 500011);
    }

    @Test
    void tokenLifetimeIsConfigurable() {
        emu.setTokenLifetime(Duration.ofMinutes(5));
        TestHttp.Reply r = token(emu.tenantDomain(), clientCredentials(emu.defaultClientId(),
                emu.defaultClientSecret()));
        assertEquals(299L, r.json().get("expires_in"));
    }

    @Test
    void onlyPostIsAccepted() {
        TestHttp.Reply r = HTTP.get(emu.loginUrl() + "/" + emu.tenantDomain()
                + "/oauth2/v2.0/token", null);
        assertEquals(405, r.status());
        assertEquals("invalid_request", r.json().get("error"));
    }

    @Test
    void servesTheOpenIdConfigurationOfTheTenant() {
        TestHttp.Reply r = HTTP.get(emu.loginUrl() + "/" + emu.tenantDomain()
                + "/v2.0/.well-known/openid-configuration", null);
        assertEquals(200, r.status());
        Map<String, Object> json = r.json();
        String root = emu.baseUrl() + "/" + emu.tenantId();
        assertEquals(root + "/oauth2/v2.0/token", json.get("token_endpoint"));
        assertEquals(root + "/oauth2/v2.0/authorize", json.get("authorization_endpoint"));
        assertEquals(root + "/v2.0", json.get("issuer"));
        assertEquals(root + "/discovery/v2.0/keys", json.get("jwks_uri"));
        assertEquals(200, HTTP.get((String) json.get("jwks_uri"), null).status());
        assertEquals(400, HTTP.get(emu.loginUrl()
                + "/nowhere.example/v2.0/.well-known/openid-configuration", null).status());
        assertEquals(emu.baseUrl() + "/{tenantid}/v2.0", HTTP.get(emu.loginUrl()
                + "/common/v2.0/.well-known/openid-configuration", null).json().get("issuer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersInstanceDiscoveryPointingBackAtTheEmulator() {
        String authorize = emu.baseUrl() + "/" + emu.tenantDomain() + "/oauth2/v2.0/authorize";
        TestHttp.Reply r = HTTP.get(emu.loginUrl() + "/common/discovery/instance?api-version=1.1"
                + "&authorization_endpoint=" + TestHttp.enc(authorize), null);
        assertEquals(200, r.status());
        Map<String, Object> json = r.json();
        assertEquals(emu.baseUrl() + "/" + emu.tenantDomain()
                + "/v2.0/.well-known/openid-configuration", json.get("tenant_discovery_endpoint"));
        Map<String, Object> meta = ((List<Map<String, Object>>) json.get("metadata")).get(0);
        String hostPort = "127.0.0.1:" + emu.port();
        assertEquals(hostPort, meta.get("preferred_network"));
        assertTrue(((List<String>) meta.get("aliases")).contains(hostPort));
    }
}
