package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A proxy that cannot be used fails the first query at once with SQLState 08001 and a message
 * naming ProxyServer and ProxyPort: one that refuses connections is not tried again, one that
 * accepts and closes them is tried twice, not the retry policy's five times for each of the
 * scan's three page attempts (which took half a minute).
 */
class ProxyFailureTest {

    private static Emulator tls;
    private static Emulator plain;
    private static ServerSocket closing;
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        tls = Emulator.builder().users(2).messagesPerUser(2).https(true).build().start();
        plain = Emulator.builder().users(2).messagesPerUser(2).build().start();
        closing = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (!closing.isClosed()) {
                try (Socket s = closing.accept()) {
                    ACCEPTED.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "closing-proxy");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        tls.close();
        plain.close();
        closing.close();
    }

    private static SQLException firstQueryFails(String url, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement()) {
                st.executeQuery(sql).next();
            }
        });
    }

    private static String closingProxy() {
        return ";ProxyServer=127.0.0.1;ProxyPort=" + closing.getLocalPort();
    }

    private static void assertNamesTheProxy(SQLException e) {
        assertEquals("08001", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("proxy 127.0.0.1:" + closing.getLocalPort())
                || e.getMessage().contains("via 127.0.0.1:" + closing.getLocalPort()),
                e.getMessage());
        assertTrue(e.getMessage().contains("ProxyServer and ProxyPort"), e.getMessage());
    }

    @Test
    void graphThroughAProxyThatClosesConnections() {
        for (Emulator target : new Emulator[] {tls, plain}) {
            int before = ACCEPTED.get();
            SQLException e = firstQueryFails("jdbc:exchange:" + target.connectionString()
                    + closingProxy(), "SELECT displayName FROM Users");
            assertNamesTheProxy(e);
            assertTrue(e.getMessage().contains("failed before any answer"), e.getMessage());
            assertEquals(2, ACCEPTED.get() - before, "two attempts, then the proxy is blamed");
            assertTrue(target.requestLog().isEmpty(), "nothing reached the service");
        }
    }

    @Test
    void graphThroughAProxyThatRefusesConnections() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SQLException e = firstQueryFails("jdbc:exchange:" + tls.connectionString()
                + ";ProxyServer=127.0.0.1;ProxyPort=" + port, "SELECT displayName FROM Users");
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith("Could not connect to the proxy 127.0.0.1:" + port),
                e.getMessage());
        assertTrue(e.getMessage().contains("ProxyServer and ProxyPort"), e.getMessage());
    }

    @Test
    void graphUntrustedCertificateThroughAnOpenProxyNamesSslServerCert() throws Exception {
        try (io.exchangejdbc.emulator.onprem.TestProxy proxy =
                new io.exchangejdbc.emulator.onprem.TestProxy(
                        new io.exchangejdbc.emulator.onprem.AuthGate(
                                io.exchangejdbc.emulator.onprem.Accounts.single("u", "p"),
                                "proxy", true), java.util.Set.of()).start()) {
            String unpinned = ("jdbc:exchange:" + tls.connectionString())
                    .replaceAll("SSLServerCert=[^;]*;?", "");
            SQLException e = firstQueryFails(unpinned + ";ProxyServer=127.0.0.1;ProxyPort="
                    + proxy.port(), "SELECT displayName FROM Users");
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
            assertEquals(1, proxy.passed().size(), "one tunnel, no retry: " + proxy.passed());
        }
    }

    @Test
    void ewsThroughAProxyThatClosesConnections() {
        for (Emulator target : new Emulator[] {tls, plain}) {
            int before = ACCEPTED.get();
            SQLException e = firstQueryFails("jdbc:exchange:Schema=EWS;Server=" + target.ewsUrl()
                    + ";AuthScheme=NTLM;User=CONTOSO\\alex;Password=p" + closingProxy(),
                    "SELECT Subject FROM Inbox");
            assertNamesTheProxy(e);
            assertTrue(ACCEPTED.get() - before <= 2, "at most two attempts");
        }
    }
}
