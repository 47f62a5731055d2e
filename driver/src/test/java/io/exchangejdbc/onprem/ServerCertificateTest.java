package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremSettings;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SSLServerCert} over real TLS on loopback: the emulator's self-signed certificate is
 * refused by default with advice naming SSLServerCert, and accepted when given as PEM text, as a
 * file, as a SHA-256 thumbprint (with or without colons) or as {@code *}; for the on-premises
 * transport and for Graph alike.
 */
class ServerCertificateTest {

    private static Emulator emu;
    private static User alex;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(3).https(true).build().start();
        alex = emu.store().users().get(0);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String post(String sslServerCert) throws Exception {
        return postWith(ServerTrust.of(sslServerCert));
    }

    private static String postWith(ServerTrust trust) throws Exception {
        OnPremSettings s = OnPremSettings.of("Basic", alex.userPrincipalName(), alex.password(),
                trust, Duration.ofSeconds(20));
        try (OnPremTransport t = new OnPremTransport(s,
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY));
                OnPremResponse r = t.post(URI.create(emu.onPremUrl("basic")),
                        OnPremSignInTest.SOAP, OnPremSignInTest.HEADERS)) {
            assertEquals(200, r.status());
            return r.text(10_000);
        }
    }

    @Test
    void selfSignedRefusedByDefault() {
        SQLException e = assertThrows(SQLException.class, () -> post(null));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
    }

    /**
     * The default trust reads the JVM's trust store when it first checks a certificate, not
     * when made (a plain-HTTP connection never pays for it), and still honours
     * {@code javax.net.ssl.trustStore} as the JVM's default context does.
     */
    @Test
    void jvmTrustStoreIsReadAtTheFirstHandshake(@TempDir Path dir) throws Exception {
        ServerTrust trust = ServerTrust.jvmDefault();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("emulator", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(
                        emu.tlsCertificatePem().getBytes(StandardCharsets.US_ASCII))));
        Path store = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        Map<String, String> properties = Map.of("javax.net.ssl.trustStore", store.toString(),
                "javax.net.ssl.trustStoreType", "PKCS12",
                "javax.net.ssl.trustStorePassword", "changeit");
        Map<String, String> saved = new HashMap<>();
        properties.keySet().forEach(k -> saved.put(k, System.getProperty(k)));
        try {
            properties.forEach(System::setProperty);
            assertTrue(postWith(trust).contains(alex.userPrincipalName()));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        SQLException e = assertThrows(SQLException.class, () -> postWith(ServerTrust.jvmDefault()));
        assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
    }

    @Test
    void acceptedAsPemText() throws Exception {
        assertTrue(post(emu.tlsCertificatePem()).contains(alex.userPrincipalName()));
    }

    @Test
    void acceptedAsFile(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("exchange.pem");
        Files.writeString(pem, emu.tlsCertificatePem());
        assertTrue(post(pem.toString()).contains(alex.userPrincipalName()));
    }

    @Test
    void acceptedAsThumbprint() throws Exception {
        String hex = emu.tlsCertificateThumbprint();
        assertTrue(post(hex).contains(alex.userPrincipalName()));
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        assertTrue(post(colons.toString().toLowerCase()).contains(alex.userPrincipalName()));
    }

    @Test
    void anotherThumbprintRefused() {
        String other = "00".repeat(32);
        SQLException e = assertThrows(SQLException.class, () -> post(other));
        assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
    }

    @Test
    void acceptedWithStar() throws Exception {
        assertTrue(post("*").contains(alex.userPrincipalName()));
    }

    @Test
    void unreadableValueIsExplained() {
        SQLException e = assertThrows(SQLException.class,
                () -> ServerTrust.of("/no/such/cert.pem"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
    }

    @Test
    void graphRefusesThenAcceptsTheCertificate() throws Exception {
        String pinned = "jdbc:exchange:" + emu.connectionString();
        assertTrue(pinned.contains("SSLServerCert="), "the emulator's string pins its certificate");
        String unpinned = pinned.replaceAll("SSLServerCert=[^;]*;?", "");
        try (Connection c = DriverManager.getConnection(unpinned);
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> st.executeQuery("SELECT displayName FROM Users").next());
            assertTrue(messages(e).contains("SSLServerCert"), messages(e));
        }
        String pem = emu.tlsCertificatePem().replace("\n", "");
        try (Connection c = DriverManager.getConnection(pinned.replaceAll(
                "SSLServerCert=[^;]*", java.util.regex.Matcher.quoteReplacement(
                        "SSLServerCert=" + pem)));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT displayName FROM Users")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(2, n);
        }
        assertTrue(emu.requestLog().stream().anyMatch(r -> r.path().endsWith("/users")));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
