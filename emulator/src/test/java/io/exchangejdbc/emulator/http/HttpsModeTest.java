package io.exchangejdbc.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS mode, which MSAL needs: the same fronts behind the bundled certificate. */
class HttpsModeTest {

    private static Emulator emu;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(20).https(true).build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void servesTokensAndGraphOverTls() {
        assertTrue(emu.isHttps());
        assertTrue(emu.baseUrl().matches("https://127\\.0\\.0\\.1:\\d+"), emu.baseUrl());
        TestHttp http = new TestHttp(emu.clientSslContext());
        TestHttp.Reply token = http.postForm(emu.loginUrl() + "/" + emu.tenantDomain()
                + "/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                "client_id", emu.defaultClientId(), "client_secret", emu.defaultClientSecret(),
                "scope", "https://graph.microsoft.com/.default"));
        assertEquals(200, token.status(), token.body());
        String jwt = (String) token.json().get("access_token");
        TestHttp.Reply page = http.get(emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id()
                + "/messages?$top=15", jwt);
        assertEquals(15, page.values().size());
        assertTrue(((String) page.json().get("@odata.nextLink")).startsWith(emu.baseUrl()));
    }

    @Test
    void untrustingClientsAreTurnedAway() {
        assertThrows(UncheckedIOException.class,
                () -> new TestHttp().get(emu.graphUrl() + "/v1.0/users", null));
    }

    @Test
    void connectionStringPinsTheCertificate() throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(
                        emu.tlsCertificatePem().getBytes(StandardCharsets.US_ASCII)));
        String thumbprint = HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertEquals(thumbprint, emu.tlsCertificateThumbprint());
        assertTrue(emu.connectionString().endsWith(";SSLServerCert=" + thumbprint + ";"));
        assertTrue(emu.connectionString().contains(";GraphUrl=" + emu.baseUrl() + ";"));
        assertTrue(cert.getSubjectAlternativeNames().toString().contains("127.0.0.1"));
    }
}
