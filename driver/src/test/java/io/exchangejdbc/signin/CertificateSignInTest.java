package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.AppRegistration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications that sign in with a certificate ({@code AuthScheme=AzureServicePrincipalCert}):
 * keys and certificates made with keytool in PKCS#12, JKS and PEM form, registered on apps of the
 * emulator, which checks the signed client assertion; {@code OAuthJWTCertSubject} chooses among
 * the certificates of one key store; a certificate the app does not know is refused with 28000.
 */
class CertificateSignInTest {

    static final String PASSWORD = "Cert~Pass.4711";
    private static final int MESSAGES = 7;

    @TempDir
    static Path dir;

    private static Emulator emu;
    private static Path pfx;
    private static Path jks;
    private static Path pem;
    private static final String APP_TWO = UUID.randomUUID().toString();
    private static final String APP_FIRST = UUID.randomUUID().toString();
    private static final String APP_JKS = UUID.randomUUID().toString();
    private static final String APP_PEM = UUID.randomUUID().toString();

    @BeforeAll
    static void start() throws Exception {
        emu = Emulator.builder().users(1).messagesPerUser(MESSAGES).build().start();
        Files.createDirectories(log().getParent());
        pfx = dir.resolve("app.pfx");
        jks = dir.resolve("app.jks");
        keytool("-genkeypair", "-alias", "one", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=exchange-jdbc-one", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", pfx.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-genkeypair", "-alias", "two", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=exchange-jdbc-two,O=Contoso", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", pfx.toString(), "-storepass", PASSWORD, "-keypass",
                PASSWORD);
        keytool("-genkeypair", "-alias", "jks", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=exchange-jdbc-jks", "-validity", "2", "-storetype", "JKS",
                "-keystore", jks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            store.load(in, PASSWORD.toCharArray());
        }
        // The PEM file: the key of "one" as PKCS#8 and its certificate as keytool exports it.
        Path oneCert = dir.resolve("one.crt");
        keytool("-exportcert", "-rfc", "-alias", "one", "-keystore", pfx.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", oneCert.toString());
        PrivateKey oneKey = (PrivateKey) store.getKey("one", PASSWORD.toCharArray());
        pem = dir.resolve("app.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(oneKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + Files.readString(oneCert));

        String first = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                first = alias;
                break;
            }
        }
        register(APP_TWO, exported("two", pfx, "PKCS12"));
        register(APP_FIRST, exported(first, pfx, "PKCS12"));
        register(APP_JKS, exported("jks", jks, "JKS"));
        register(APP_PEM, certificate(Files.readString(oneCert)));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Runs the JDK's keytool and fails with its output when it does not succeed. */
    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not end");
        assertEquals(0, p.exitValue(), out);
    }

    private static X509Certificate exported(String alias, Path keystore, String type)
            throws Exception {
        Path file = dir.resolve(alias + "-" + type + ".crt");
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(),
                "-storetype", type, "-storepass", PASSWORD, "-file", file.toString());
        return certificate(Files.readString(file));
    }

    private static X509Certificate certificate(String pemText) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pemText.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void register(String clientId, X509Certificate cert) {
        emu.registerApp(new AppRegistration(clientId, "Certificate app", null,
                Emulator.DEFAULT_APP_ROLES, Set.of()).withCertificate(cert));
    }

    static String url(String clientId, Path cert, String type, String subject) {
        return "jdbc:exchange:AuthScheme=AzureServicePrincipalCert;GraphUrl=" + emu.graphUrl()
                + ";LoginUrl=" + emu.loginUrl() + ";AzureTenant=" + emu.tenantDomain()
                + ";OAuthClientId=" + clientId + ";OAuthJWTCert=" + cert + ";OAuthJWTCertType="
                + type + ";OAuthJWTCertPassword='" + PASSWORD + "';"
                + (subject == null ? "" : "OAuthJWTCertSubject='" + subject + "';")
                + "UserId=" + emu.demoUser().userPrincipalName() + ";Logfile=" + log()
                + ";Verbosity=5;";
    }

    private static Path log() {
        return dir.resolve("logs").resolve("cert.log");
    }

    /** The rows of Messages; then checks that the log at Verbosity=5 keeps no secret. */
    private static int messages(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            return SignInSupport.count(c, "SELECT subject FROM Messages");
        } finally {
            SignInSupport.assertNoSecret("the log", SignInSupport.readLog(log()),
                    List.of(PASSWORD, "Not" + PASSWORD.substring(3)));
        }
    }

    private static SQLException refused(String url) {
        SQLException e = assertThrows(SQLException.class, () -> messages(url));
        // The log keeps no secret of a failed sign-in either.
        assertEquals("28000", WebFlowTest.sqlState(e), WebFlowTest.message(e));
        SignInSupport.assertNoSecret("the message", SignInSupport.messages(e),
                List.of(PASSWORD));
        return e;
    }

    @Test
    void aPfxFileSignsInWithTheCertificateTheSubjectNames() throws Exception {
        assertEquals(MESSAGES, messages(url(APP_TWO, pfx, "PFXFILE", "CN=exchange-jdbc-two")));
        assertEquals(MESSAGES, messages(url(APP_TWO, pfx, "PFXFILE",
                "CN=exchange-jdbc-two,O=Contoso")));
    }

    @Test
    void aStarSubjectTakesTheFirstCertificateOfTheStore() throws Exception {
        assertEquals(MESSAGES, messages(url(APP_FIRST, pfx, "PFXFILE", "*")));
        assertEquals(MESSAGES, messages(url(APP_FIRST, pfx, "PFXFILE", null)));
    }

    @Test
    void aJavaKeyStoreSignsIn() throws Exception {
        assertEquals(MESSAGES, messages(url(APP_JKS, jks, "JKSFILE", "*")));
    }

    @Test
    void aPemFileWithAPkcs8KeyAndItsCertificateSignsIn() throws Exception {
        assertEquals(MESSAGES, messages(url(APP_PEM, pem, "PEMKEY_FILE", null)));
    }

    @Test
    void aCertificateTheApplicationDoesNotKnowIsRefused() {
        SQLException e = refused(url(APP_TWO, pfx, "PFXFILE", "exchange-jdbc-one"));
        assertTrue(WebFlowTest.message(e).contains("700027"), WebFlowTest.message(e));
        refused(url(APP_PEM, jks, "JKSFILE", "*"));
    }

    @Test
    void aWrongPasswordOrAnUnknownSubjectIsRefusedWithoutNamingThePassword() {
        refused(url(APP_TWO, pfx, "PFXFILE", "CN=exchange-jdbc-two")
                .replace(PASSWORD, "Not" + PASSWORD.substring(3)));
        SQLException e = refused(url(APP_TWO, pfx, "PFXFILE", "CN=nobody"));
        assertTrue(WebFlowTest.message(e).contains("OAuthJWTCertSubject"),
                WebFlowTest.message(e));
    }
}
