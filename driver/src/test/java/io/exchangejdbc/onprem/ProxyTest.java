package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.onprem.Accounts;
import io.exchangejdbc.emulator.onprem.AuthGate;
import io.exchangejdbc.emulator.onprem.AuthMethod;
import io.exchangejdbc.emulator.onprem.TestProxy;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.net.ProxySettings;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremSettings;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests through the test proxy with each proxy sign-in scheme: the on-premises transport to
 * an HTTP server (requests passed on) and an HTTPS one (CONNECT tunnel), and Graph through a
 * Basic proxy.
 */
class ProxyTest {

    private static final String PROXY_USER = "proxyuser";
    private static final String PROXY_PASSWORD = "Pr0xy-Secret!";

    private static Emulator emu;
    private static Emulator tls;
    private static User alex;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(3).build().start();
        tls = Emulator.builder().users(2).messagesPerUser(3).https(true).build().start();
        alex = emu.store().users().get(0);
    }

    @AfterAll
    static void stop() {
        emu.close();
        tls.close();
    }

    private static TestProxy proxy(AuthMethod method) throws Exception {
        return new TestProxy(new AuthGate(Accounts.single(PROXY_USER, PROXY_PASSWORD), "proxy",
                true), method == null ? java.util.Set.of() : java.util.Set.of(method)).start();
    }

    private static String post(TestProxy proxy, String scheme, String password, Emulator target,
            String sslServerCert) throws Exception {
        ProxySettings p = ProxySettings.from(ExchangeConfig.fromConnectionString(
                "ProxyServer=127.0.0.1;ProxyPort=" + proxy.port() + ";ProxyAuthScheme=" + scheme
                        + (scheme.equals("NONE") ? "" : ";ProxyUser=" + PROXY_USER
                        + ";ProxyPassword=" + password)));
        User u = target.store().users().get(0);
        OnPremSettings s = OnPremSettings.of("Basic", u.userPrincipalName(), u.password(),
                ServerTrust.of(sslServerCert), Duration.ofSeconds(20)).withProxy(p);
        try (OnPremTransport t = new OnPremTransport(s,
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY))) {
            String body = null;
            for (int i = 0; i < 2; i++) {
                try (OnPremResponse r = t.post(URI.create(target.onPremUrl("basic")),
                        OnPremSignInTest.SOAP, OnPremSignInTest.HEADERS)) {
                    assertEquals(200, r.status());
                    body = r.text(10_000);
                }
            }
            return body;
        }
    }

    @Test
    void eachSchemeForwardsHttp() throws Exception {
        for (AuthMethod m : new AuthMethod[] {AuthMethod.BASIC, AuthMethod.DIGEST_MD5,
            AuthMethod.DIGEST_SHA256, AuthMethod.NTLM}) {
            String scheme = m == AuthMethod.NTLM ? "NTLM" : m == AuthMethod.BASIC ? "BASIC"
                    : "DIGEST";
            try (TestProxy proxy = proxy(m)) {
                String body = post(proxy, scheme, PROXY_PASSWORD, emu, null);
                assertTrue(body.contains(alex.userPrincipalName()), body);
                String expected = "POST " + emu.onPremUrl("basic") + " by " + PROXY_USER;
                assertTrue(proxy.passed().contains(expected), m + " " + proxy.passed());
            }
        }
    }

    @Test
    void eachSchemeTunnelsHttps() throws Exception {
        URI target = URI.create(tls.baseUrl());
        for (AuthMethod m : new AuthMethod[] {AuthMethod.BASIC, AuthMethod.DIGEST_SHA256,
            AuthMethod.NTLM}) {
            String scheme = m == AuthMethod.NTLM ? "NTLM" : m == AuthMethod.BASIC ? "BASIC"
                    : "DIGEST";
            try (TestProxy proxy = proxy(m)) {
                String body = post(proxy, scheme, PROXY_PASSWORD, tls,
                        tls.tlsCertificateThumbprint());
                assertTrue(body.contains(tls.store().users().get(0).userPrincipalName()), body);
                assertTrue(proxy.passed().contains("CONNECT " + target.getHost() + ":"
                        + target.getPort() + " by " + PROXY_USER), m + " " + proxy.passed());
            }
        }
    }

    @Test
    void wrongProxyPasswordFailsOnce() throws Exception {
        try (TestProxy proxy = proxy(AuthMethod.NTLM)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> post(proxy, "NTLM", "wrong", emu, null));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("Proxy authentication failed for user "
                    + PROXY_USER + " with scheme NTLM"), e.getMessage());
            assertEquals(2, proxy.gate().refusals(), "NEGOTIATE answered, AUTHENTICATE refused");
            assertTrue(proxy.passed().isEmpty());
        }
    }

    @Test
    void proxyWithoutSignInAsked() throws Exception {
        try (TestProxy proxy = proxy(AuthMethod.DIGEST_MD5)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> post(proxy, "NONE", null, emu, null));
            assertTrue(e.getMessage().contains("ProxyAuthScheme"), e.getMessage());
        }
    }

    @Test
    void graphThroughProxyTunnel() throws Exception {
        URI target = URI.create(tls.baseUrl());
        try (TestProxy proxy = proxy(null);
                Connection c = DriverManager.getConnection("jdbc:exchange:"
                        + tls.connectionString() + ";ProxyServer=127.0.0.1;ProxyPort="
                        + proxy.port());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT displayName FROM Users")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(2, n);
            assertTrue(proxy.passed().contains("CONNECT " + target.getHost() + ":"
                    + target.getPort() + " by null"), proxy.passed().toString());
        }
    }

    @Test
    void graphThroughBasicProxy() throws Exception {
        try (TestProxy proxy = proxy(AuthMethod.BASIC);
                Connection c = DriverManager.getConnection("jdbc:exchange:"
                        + emu.connectionString() + ";ProxyServer=127.0.0.1;ProxyPort="
                        + proxy.port() + ";ProxyAuthScheme=BASIC;ProxyUser=" + PROXY_USER
                        + ";ProxyPassword=" + PROXY_PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT displayName FROM Users")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(2, n);
            assertTrue(proxy.passed().stream().anyMatch(p -> p.startsWith("GET ")
                    && p.contains("/v1.0/users") && p.endsWith(" by " + PROXY_USER)),
                    proxy.passed().toString());
            assertEquals(0, proxy.gate().refusals(), "the proxy credentials go ahead");
        }
    }

    @Test
    void graphTunnelThroughBasicProxyExplainsTheJdkSetting() throws Exception {
        try (TestProxy proxy = proxy(AuthMethod.BASIC);
                Connection c = DriverManager.getConnection("jdbc:exchange:"
                        + tls.connectionString() + ";ProxyServer=127.0.0.1;ProxyPort="
                        + proxy.port() + ";ProxyAuthScheme=BASIC;ProxyUser=" + PROXY_USER
                        + ";ProxyPassword=" + PROXY_PASSWORD);
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> st.executeQuery("SELECT displayName FROM Users").next());
            assertTrue(e.getMessage().contains("407")
                    && e.getMessage().contains("jdk.http.auth.tunneling.disabledSchemes"),
                    e.getMessage());
            assertTrue(proxy.passed().isEmpty());
        }
    }

    @Test
    void autoDetectUsesTheSystemSelectorAndExceptionsBypass() throws Exception {
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        try (TestProxy proxy = proxy(null)) {
            java.net.ProxySelector.setDefault(java.net.ProxySelector.of(
                    new java.net.InetSocketAddress("127.0.0.1", proxy.port())));
            User u = emu.store().users().get(0);
            for (String extra : new String[] {"", ";ProxyExceptions=example.org,127.0.0.1"}) {
                ProxySettings p = ProxySettings.from(ExchangeConfig.fromConnectionString(
                        "ProxyAutoDetect=true" + extra));
                OnPremSettings s = OnPremSettings.of("Basic", u.userPrincipalName(),
                        u.password(), ServerTrust.jvmDefault(), Duration.ofSeconds(20))
                        .withProxy(p);
                try (OnPremTransport t = new OnPremTransport(s,
                        ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY));
                        OnPremResponse r = t.post(URI.create(emu.onPremUrl("basic")),
                                OnPremSignInTest.SOAP, OnPremSignInTest.HEADERS)) {
                    assertEquals(200, r.status());
                }
            }
            assertEquals(2, proxy.passed().size(), "challenge and answer through the proxy, "
                    + "then directly: " + proxy.passed());
        } finally {
            java.net.ProxySelector.setDefault(before);
        }
    }

    @Test
    void graphRefusesNtlmProxyClearly() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection("jdbc:exchange:"
                    + emu.connectionString() + "ProxyServer=127.0.0.1;ProxyPort=1;"
                    + "ProxyAuthScheme=NTLM;ProxyUser=u;ProxyPassword=p");
                    Statement st = c.createStatement()) {
                st.executeQuery("SELECT displayName FROM Users").next();
            }
        });
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("Schema=EWS only"), e.getMessage());
    }
}
