package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.testing.MutableClock;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which bearer tokens Graph accepts (only valid, unexpired tokens of this emulator for Graph's
 * audience) and what they allow (app roles, delegated scopes, {@code /me}).
 */
class AuthenticationTest {

    private static final MutableClock CLOCK = new MutableClock(
            Instant.parse("2026-12-02T10:00:00Z"));
    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static User adele;
    private static User alex;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(3).messagesPerUser(20).clock(CLOCK).build().start();
        adele = emu.store().users().get(0);
        alex = emu.store().users().get(1);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void restoreLifetime() {
        emu.setTokenLifetime(TokenService.DEFAULT_LIFETIME);
    }

    private static String url(String path) {
        return emu.graphUrl() + "/v1.0" + path;
    }

    private static void assertUnauthorized(TestHttp.Reply r, String message) {
        assertEquals(401, r.status(), r.body());
        assertEquals("InvalidAuthenticationToken", r.errorCode());
        assertEquals(message, r.errorMessage());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        assertUnauthorized(HTTP.get(url("/users"), null), "Access token is empty.");
        assertUnauthorized(HTTP.get(url("/users"), null, "Authorization", "Basic YTpi"),
                "Access token is empty.");
    }

    @Test
    void tokenIsAcceptedUntilItExpires() {
        emu.setTokenLifetime(Duration.ofSeconds(30));
        String token = emu.issueAppToken(emu.defaultClientId());
        assertEquals(200, HTTP.get(url("/users"), token).status());
        CLOCK.advance(Duration.ofSeconds(29));
        assertEquals(200, HTTP.get(url("/users"), token).status());
        CLOCK.advance(Duration.ofSeconds(1));
        assertUnauthorized(HTTP.get(url("/users"), token),
                "Lifetime validation failed, the token is expired.");
    }

    @Test
    void tokenOfZeroLifetimeIsBornExpired() {
        emu.setTokenLifetime(Duration.ZERO);
        assertUnauthorized(HTTP.get(url("/users"), emu.issueAppToken(emu.defaultClientId())),
                "Lifetime validation failed, the token is expired.");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String outlook = emu.issueAppToken(emu.defaultClientId(), TokenService.OUTLOOK_AUDIENCE);
        assertUnauthorized(HTTP.get(url("/users"), outlook),
                "Access token validation failure. Invalid audience.");
    }

    @Test
    void tokenOfAnotherEmulatorIsRefused() {
        String foreign;
        try (Emulator other = Emulator.builder().users(1).messagesPerUser(0).build()) {
            foreign = other.issueAppToken(other.defaultClientId());
        }
        assertUnauthorized(HTTP.get(url("/users"), foreign),
                "Access token validation failure. Invalid signature.");
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = emu.issueAppToken(emu.defaultClientId());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)
                .replace("\"roles\":[", "\"roles\":[\"Directory.ReadWrite.All\",");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(HTTP.get(url("/users"), forged),
                "Access token validation failure. Invalid signature.");
        TestHttp.Reply garbage = HTTP.get(url("/users"), "not-a-jwt");
        assertEquals(401, garbage.status());
        assertEquals("InvalidAuthenticationToken", garbage.errorCode());
    }

    @Test
    void appWithoutMailRolesCannotReadMail() {
        String clientId = UUID.randomUUID().toString();
        emu.registerApp(clientId, "s3cret", Set.of("User.Read.All"));
        String token = emu.issueAppToken(clientId);
        assertEquals(200, HTTP.get(url("/users"), token).status());
        TestHttp.Reply r = HTTP.get(url("/users/" + adele.id() + "/messages"), token);
        assertEquals(403, r.status());
        assertEquals("ErrorAccessDenied", r.errorCode());
        assertEquals("Access is denied. Check credentials and try again.", r.errorMessage());
    }

    @Test
    void appWithoutDirectoryRolesCannotListUsers() {
        String clientId = UUID.randomUUID().toString();
        emu.registerApp(clientId, "s3cret", Set.of("Mail.Read"));
        String token = emu.issueAppToken(clientId);
        assertEquals(200, HTTP.get(url("/users/" + adele.id() + "/messages"), token).status());
        TestHttp.Reply r = HTTP.get(url("/users"), token);
        assertEquals(403, r.status());
        assertEquals("Authorization_RequestDenied", r.errorCode());
    }

    @Test
    void meNeedsADelegatedToken() {
        TestHttp.Reply r = HTTP.get(url("/me"), emu.issueAppToken(emu.defaultClientId()));
        assertEquals(400, r.status());
        assertEquals("BadRequest", r.errorCode());
        assertEquals("/me request is only valid with delegated authentication flow.",
                r.errorMessage());
    }

    @Test
    void delegatedTokenActsAsItsUser() {
        String token = emu.issueUserToken(alex.userPrincipalName());
        TestHttp.Reply me = HTTP.get(url("/me"), token);
        assertEquals(200, me.status());
        assertEquals(alex.id(), me.json().get("id"));
        assertEquals(alex.userPrincipalName(), me.json().get("userPrincipalName"));
        TestHttp.Reply mail = HTTP.get(url("/me/messages?$top=3"), token);
        assertEquals(200, mail.status());
        assertTrue(((String) mail.json().get("@odata.context")).contains(
                "users('" + alex.id() + "')/messages"));
        assertEquals(200, HTTP.get(url("/users/" + alex.userPrincipalName() + "/messages"),
                token).status());
    }

    @Test
    void delegatedTokenCannotReadAnotherMailbox() {
        String token = emu.issueUserToken(alex.userPrincipalName());
        TestHttp.Reply r = HTTP.get(url("/users/" + adele.id() + "/messages"), token);
        assertEquals(403, r.status());
        assertEquals("ErrorAccessDenied", r.errorCode());
    }

    @Test
    void delegatedScopesLimitWhatTheUserCanDo() {
        String token = emu.issueUserToken(alex.userPrincipalName(), Set.of("User.Read"));
        assertEquals(200, HTTP.get(url("/me"), token).status());
        assertEquals(403, HTTP.get(url("/me/messages"), token).status());
        assertEquals(403, HTTP.get(url("/users"), token).status());
    }
}
