package io.exchangejdbc.emulator.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's delegated and credential sign-ins: the authorize page and its form, the
 * authorization_code grant with PKCE, the rotation of refresh tokens, client assertions signed
 * with a registered certificate, and the managed identity endpoints.
 */
class SignInFlowsTest {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final String REDIRECT = "http://localhost:40404/cb";
    private static final String VERIFIER = "verifier-" + "k".repeat(40);
    private static final String CERT_APP = "8f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private static final String PASSWORD = "emu-cert-pass";
    private static final TestHttp HTTP = new TestHttp();

    @TempDir
    static Path dir;

    private static Emulator emu;
    private static PrivateKey key;
    private static X509Certificate cert;
    private static PrivateKey strangerKey;
    private static X509Certificate strangerCert;

    @BeforeAll
    static void start() throws Exception {
        emu = Emulator.builder().users(1).messagesPerUser(2).build().start();
        Path store = dir.resolve("keys.p12");
        keytool("-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=emulator-app", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-genkeypair", "-alias", "stranger", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=stranger", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        key = (PrivateKey) ks.getKey("app", PASSWORD.toCharArray());
        cert = (X509Certificate) ks.getCertificate("app");
        strangerKey = (PrivateKey) ks.getKey("stranger", PASSWORD.toCharArray());
        strangerCert = (X509Certificate) ks.getCertificate("stranger");
        emu.registerApp(new AppRegistration(CERT_APP, "Certificate app", null,
                Emulator.DEFAULT_APP_ROLES, Set.of()).withCertificate(cert));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String authorizeUrl(String redirect, String challenge) {
        return emu.loginUrl() + "/" + emu.tenantDomain() + "/oauth2/v2.0/authorize?client_id="
                + Emulator.BUILT_IN_CLIENT_ID + "&response_type=code&redirect_uri="
                + enc(redirect) + "&scope=" + enc("https://graph.microsoft.com/Mail.Read"
                        + " offline_access") + "&state=st-1" + (challenge == null ? ""
                        : "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The hidden fields of the sign-in page plus the user's name and password. */
    private static Map<String, String> signInForm(String page, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            form.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        }
        form.put("login", emu.demoUser().userPrincipalName());
        form.put("passwd", password);
        return form;
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Signs the demo user in and returns the redirect's Location. */
    private static String signIn(String url) {
        TestHttp.Reply page = HTTP.get(url, null);
        assertEquals(200, page.status(), page.body());
        TestHttp.Reply posted = HTTP.postForm(url.substring(0, url.indexOf('?')),
                signInForm(page.body(), emu.demoUser().password()));
        assertEquals(302, posted.status(), posted.body());
        return posted.header("Location");
    }

    private static TestHttp.Reply token(Map<String, String> form) {
        return HTTP.postForm(emu.loginUrl() + "/" + emu.tenantDomain() + "/oauth2/v2.0/token",
                form);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static TestHttp.Reply redeem(String code, String verifier) {
        return token(form("grant_type", "authorization_code", "client_id",
                Emulator.BUILT_IN_CLIENT_ID, "code", code, "redirect_uri", REDIRECT,
                "code_verifier", verifier));
    }

    private static void assertAadsts(TestHttp.Reply r, int status, String error, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, r.json().get("error"), r.body());
        assertTrue(((String) r.json().get("error_description")).startsWith("AADSTS" + code),
                r.body());
    }

    @Test
    void theAuthorizePageShowsTheAppAndItsPermissionsAndCarriesTheRequest() throws Exception {
        TestHttp.Reply page = HTTP.get(authorizeUrl(REDIRECT, challenge(VERIFIER)), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("exchange-jdbc wants to"), page.body());
        assertTrue(page.body().contains("<input type=\"password\" name=\"passwd\">"));
        Map<String, String> carried = signInForm(page.body(), "");
        assertEquals(REDIRECT, carried.get("redirect_uri"));
        assertEquals("st-1", carried.get("state"));
        assertEquals(challenge(VERIFIER), carried.get("code_challenge"));
    }

    @Test
    void aWrongPasswordShowsThePageAgainWithoutACode() throws Exception {
        String url = authorizeUrl(REDIRECT, challenge(VERIFIER));
        TestHttp.Reply page = HTTP.get(url, null);
        TestHttp.Reply posted = HTTP.postForm(url.substring(0, url.indexOf('?')),
                signInForm(page.body(), "not-the-password"));
        assertEquals(200, posted.status());
        assertTrue(posted.body().contains("Your account or password is incorrect."));
    }

    @Test
    void aRedirectUriThatIsNotLoopbackEndsOnAnErrorPageForThePublicClient() {
        TestHttp.Reply page = HTTP.get(authorizeUrl("https://evil.example.com/cb", null), null);
        assertEquals(400, page.status());
        assertTrue(page.body().contains("AADSTS50011"), page.body());
        assertEquals(null, page.header("Location"));
    }

    @Test
    void aCodeIsRedeemedWithItsVerifierOnceOnly() throws Exception {
        String location = signIn(authorizeUrl(REDIRECT, challenge(VERIFIER)));
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        assertEquals("st-1", param(location, "state"));
        String code = param(location, "code");
        TestHttp.Reply ok = redeem(code, VERIFIER);
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().get("access_token") instanceof String);
        assertTrue(ok.json().get("refresh_token") instanceof String);
        assertAadsts(redeem(code, VERIFIER), 400, "invalid_grant", "54005");
    }

    @Test
    void aCodeWithAnotherVerifierOrNoneIsAnInvalidGrant() throws Exception {
        String code = param(signIn(authorizeUrl(REDIRECT, challenge(VERIFIER))), "code");
        assertAadsts(redeem(code, VERIFIER + "x"), 400, "invalid_grant", "501481");
        String second = param(signIn(authorizeUrl(REDIRECT, challenge(VERIFIER))), "code");
        assertAadsts(token(form("grant_type", "authorization_code", "client_id",
                Emulator.BUILT_IN_CLIENT_ID, "code", second, "redirect_uri", REDIRECT)),
                400, "invalid_grant", "501481");
    }

    @Test
    void eachRefreshGivesASuccessorAndSpendsTheTokenItUsed() throws Exception {
        String code = param(signIn(authorizeUrl(REDIRECT, challenge(VERIFIER))), "code");
        String first = (String) redeem(code, VERIFIER).json().get("refresh_token");
        TestHttp.Reply renewed = token(form("grant_type", "refresh_token", "client_id",
                Emulator.BUILT_IN_CLIENT_ID, "refresh_token", first));
        assertEquals(200, renewed.status(), renewed.body());
        String second = (String) renewed.json().get("refresh_token");
        assertNotEquals(first, second);
        assertAadsts(token(form("grant_type", "refresh_token", "client_id",
                Emulator.BUILT_IN_CLIENT_ID, "refresh_token", first)), 400, "invalid_grant",
                "50173");
        emu.revokeRefreshTokens(emu.demoUser().userPrincipalName());
        assertAadsts(token(form("grant_type", "refresh_token", "client_id",
                Emulator.BUILT_IN_CLIENT_ID, "refresh_token", second)), 400, "invalid_grant",
                "50173");
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String assertion(PrivateKey signer, String thumbHeader, String thumb,
            String audience) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"" + thumbHeader + "\":\"" + thumb
                + "\"}";
        String claims = "{\"aud\":\"" + audience + "\",\"iss\":\"" + CERT_APP + "\",\"sub\":\""
                + CERT_APP + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"nbf\":" + now
                + ",\"exp\":" + (now + 600) + "}";
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signer);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static TestHttp.Reply withAssertion(String assertion) {
        return token(form("grant_type", "client_credentials", "client_id", CERT_APP,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "scope", "https://graph.microsoft.com/.default"));
    }

    private static String audience() {
        return emu.loginUrl() + "/" + emu.tenantDomain() + "/oauth2/v2.0/token";
    }

    @Test
    void aClientAssertionSignedWithARegisteredCertificateGivesAToken() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
        assertEquals(200, withAssertion(assertion(key, "x5t#S256", b64(sha256), audience()))
                .status());
        // Thumbprints in plain base64, as msal4j writes them.
        assertEquals(200, withAssertion(assertion(key, "x5t", Base64.getEncoder()
                .encodeToString(sha1), audience())).status());
    }

    @Test
    void aClientAssertionIsRefusedForAnUnknownCertificateAWrongKeyOrAudience()
            throws Exception {
        byte[] mine = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        byte[] theirs = MessageDigest.getInstance("SHA-256").digest(strangerCert.getEncoded());
        assertAadsts(withAssertion(assertion(strangerKey, "x5t#S256", b64(theirs), audience())),
                401, "invalid_client", "700027");
        assertAadsts(withAssertion(assertion(strangerKey, "x5t#S256", b64(mine), audience())),
                401, "invalid_client", "700027");
        assertAadsts(withAssertion(assertion(key, "x5t#S256", b64(mine),
                emu.loginUrl() + "/another.example/oauth2/v2.0/token")), 401, "invalid_client",
                "700024");
    }

    private static String imds(String clientId) {
        return emu.managedIdentityEndpoint() + "?api-version=2018-02-01&resource="
                + enc("https://graph.microsoft.com") + (clientId == null ? ""
                        : "&client_id=" + clientId);
    }

    @Test
    void theInstanceMetadataEndpointNeedsTheMetadataHeader() {
        TestHttp.Reply without = HTTP.get(imds(null), null);
        assertEquals(400, without.status());
        assertEquals("invalid_request", without.json().get("error"));
        TestHttp.Reply with = HTTP.get(imds(null), null, "Metadata", "true");
        assertEquals(200, with.status(), with.body());
        assertEquals(Emulator.SYSTEM_IDENTITY_CLIENT_ID, with.json().get("client_id"));
    }

    @Test
    void aUserAssignedIdentityIsFoundByItsClientIdInAnyCase() {
        String id = "C0FFEE00-1234-4abc-8def-0123456789AB";
        emu.addUserAssignedIdentity(id, Set.of("Mail.Read"));
        TestHttp.Reply r = HTTP.get(imds(id.toLowerCase(java.util.Locale.ROOT)), null,
                "Metadata", "true");
        assertEquals(200, r.status(), r.body());
        assertEquals(400, HTTP.get(imds(UUID.randomUUID().toString()), null, "Metadata",
                "true").status());
    }

    @Test
    void theAppServiceEndpointNeedsTheIdentityHeader() {
        String url = emu.appServiceIdentityEndpoint() + "?api-version=2019-08-01&resource="
                + enc("https://graph.microsoft.com");
        assertEquals(401, HTTP.get(url, null).status());
        assertEquals(401, HTTP.get(url, null, "X-IDENTITY-HEADER", "guess").status());
        TestHttp.Reply ok = HTTP.get(url, null, "X-IDENTITY-HEADER", emu.identityHeader());
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().get("access_token") instanceof String);
    }
}
