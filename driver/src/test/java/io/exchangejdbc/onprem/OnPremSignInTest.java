package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremSettings;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each on-premises sign-in scheme end to end over loopback against the emulator's protected
 * service: the right password gets through, a wrong one fails at once with SQLState 28000, and
 * the requests on the wire are the ones the scheme prescribes.
 */
class OnPremSignInTest {

    static final byte[] SOAP = "<soap:Envelope/>".getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> HEADERS = Map.of("Content-Type", "text/xml; charset=utf-8");

    private static Emulator emu;
    private static User alex;
    private static User bea;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(3).messagesPerUser(4).messagesForUser(1, 7).build().start();
        alex = emu.store().users().get(0);
        bea = emu.store().users().get(1);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void clear() {
        emu.clearRequestLog();
    }

    static OnPremTransport transport(String scheme, String user, String password)
            throws SQLException {
        return new OnPremTransport(OnPremSettings.of(scheme, user, password,
                ServerTrust.jvmDefault(), Duration.ofSeconds(20)),
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY));
    }

    static String post(OnPremTransport t, String url) throws Exception {
        try (OnPremResponse r = t.post(URI.create(url), SOAP, HEADERS)) {
            assertEquals(200, r.status(), "status of " + url);
            return r.text(10_000);
        }
    }

    private static List<LoggedRequest> onPremRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().startsWith("/onprem/")) {
                out.add(r);
            }
        }
        return out;
    }

    private static void assertRefused(SQLException e, String user, String scheme) {
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("Authentication failed for user " + user
                + " with scheme " + scheme), e.getMessage());
    }

    @Test
    void basicRightPasswordThenSentAhead() throws Exception {
        try (OnPremTransport t = transport("Basic", alex.userPrincipalName(), alex.password())) {
            String body = post(t, emu.onPremUrl("basic"));
            assertTrue(body.contains("\"user\":\"" + alex.userPrincipalName() + "\""), body);
            assertTrue(body.contains("\"scheme\":\"Basic\""), body);
            assertTrue(body.contains("\"bodyBytes\":" + SOAP.length), body);
            post(t, emu.onPremUrl("basic"));
        }
        List<LoggedRequest> log = onPremRequests();
        assertEquals(3, log.size(), "challenge, answer, then credentials sent ahead");
        assertNull(log.get(0).header("Authorization"));
        assertEquals(401, log.get(0).status());
        assertTrue(log.get(1).header("Authorization").startsWith("Basic "));
        assertEquals(200, log.get(1).status());
        assertTrue(log.get(2).header("Authorization").startsWith("Basic "));
        assertEquals(200, log.get(2).status());
    }

    @Test
    void basicWrongPasswordFailsOnce() throws Exception {
        try (OnPremTransport t = transport("Basic", alex.userPrincipalName(), "not-it")) {
            SQLException e = assertThrows(SQLException.class, () -> post(t, emu.onPremUrl("basic")));
            assertRefused(e, alex.userPrincipalName(), "Basic");
            assertTrue(!e.getMessage().contains("not-it"));
        }
        assertEquals(2, onPremRequests().size(), "no retry loop");
    }

    @Test
    void digestMd5() throws Exception {
        try (OnPremTransport t = transport("Digest", alex.userPrincipalName(), alex.password())) {
            String body = post(t, emu.onPremUrl("digest-md5"));
            assertTrue(body.contains(alex.userPrincipalName()), body);
            post(t, emu.onPremUrl("digest-md5"));
        }
        List<LoggedRequest> log = onPremRequests();
        assertEquals(3, log.size());
        String second = log.get(1).header("Authorization");
        assertTrue(second.contains("algorithm=MD5") && second.contains("nc=00000001")
                && second.contains("qop=auth"), second);
        assertTrue(log.get(2).header("Authorization").contains("nc=00000002"),
                "the nonce is used again with the next count");
    }

    @Test
    void digestPrefersSha256AndRecoversFromStaleNonce() throws Exception {
        try (OnPremTransport t = transport("Digest", bea.userPrincipalName(), bea.password())) {
            String body = post(t, emu.onPremUrl("digest"));
            assertTrue(body.contains(bea.userPrincipalName()), body);
            emu.onPremGate().expireNonces();
            post(t, emu.onPremUrl("digest"));
        }
        List<LoggedRequest> log = onPremRequests();
        assertEquals(4, log.size(), "challenge, answer, stale answer ahead, fresh answer");
        assertTrue(log.get(1).header("Authorization").contains("algorithm=SHA-256"));
        assertEquals(401, log.get(2).status());
        assertTrue(log.get(2).header("Authorization").contains("nc=00000002"));
        assertEquals(200, log.get(3).status());
        assertTrue(log.get(3).header("Authorization").contains("nc=00000001"));
    }

    @Test
    void digestSha256WrongPassword() throws Exception {
        try (OnPremTransport t = transport("Digest", alex.userPrincipalName(), "wrong")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> post(t, emu.onPremUrl("digest-sha256")));
            assertRefused(e, alex.userPrincipalName(), "Digest");
        }
        assertEquals(2, onPremRequests().size());
    }

    @Test
    void ntlmWithDomainBackslashUser() throws Exception {
        String user = "CONTOSO\\" + alex.mailNickname();
        try (OnPremTransport t = transport("NTLM", user, alex.password())) {
            String body = post(t, emu.onPremUrl("ntlm"));
            assertTrue(body.contains(alex.userPrincipalName()), body);
            assertTrue(body.contains("\"scheme\":\"NTLM\""), body);
            post(t, emu.onPremUrl("ntlm"));
        }
        List<LoggedRequest> log = onPremRequests();
        assertEquals(3, log.size(), "NEGOTIATE, AUTHENTICATE, then the signed-in connection");
        assertTrue(log.get(0).header("Authorization").startsWith("NTLM TlRMTVNTUAAB"));
        assertEquals(401, log.get(0).status());
        assertTrue(log.get(1).header("Authorization").startsWith("NTLM TlRMTVNTUAAD"));
        assertEquals(200, log.get(1).status());
        assertNull(log.get(2).header("Authorization"), "the connection is signed in");
        assertEquals(200, log.get(2).status());
    }

    @Test
    void ntlmWithUserAtDomain() throws Exception {
        try (OnPremTransport t = transport("NTLM", bea.userPrincipalName(), bea.password())) {
            assertTrue(post(t, emu.onPremUrl("ntlm")).contains(bea.userPrincipalName()));
        }
    }

    @Test
    void ntlmWrongPassword() throws Exception {
        try (OnPremTransport t = transport("NTLM", "CONTOSO\\" + alex.mailNickname(), "nope")) {
            SQLException e = assertThrows(SQLException.class, () -> post(t, emu.onPremUrl("ntlm")));
            assertRefused(e, "CONTOSO\\" + alex.mailNickname(), "NTLM");
        }
        assertEquals(2, onPremRequests().size());
        assertEquals(401, onPremRequests().get(1).status());
    }

    @Test
    void schemeNotOfferedNamesTheOffered() throws Exception {
        try (OnPremTransport t = transport("NTLM", alex.userPrincipalName(), alex.password())) {
            SQLException e = assertThrows(SQLException.class,
                    () -> post(t, emu.onPremUrl("basic+digest-md5")));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("does not offer AuthScheme=NTLM"), e.getMessage());
            assertTrue(e.getMessage().contains("Digest, Basic"), e.getMessage());
        }
    }

    @Test
    void concurrentConnectionsKeepTheirOwnUsers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (OnPremTransport a = transport("NTLM", "CONTOSO\\" + alex.mailNickname(),
                alex.password());
                OnPremTransport b = transport("Digest", bea.userPrincipalName(), bea.password());
                OnPremTransport c = transport("NTLM", bea.userPrincipalName(), bea.password());
                OnPremTransport d = transport("Basic", alex.userPrincipalName(),
                        alex.password())) {
            List<Future<?>> runs = new ArrayList<>();
            Object[][] plan = {{a, alex, "ntlm"}, {b, bea, "any"}, {c, bea, "ntlm"},
                {d, alex, "any"}};
            for (Object[] p : plan) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        String body = post((OnPremTransport) p[0], emu.onPremUrl((String) p[2]));
                        User u = (User) p[1];
                        assertTrue(body.contains("\"user\":\"" + u.userPrincipalName() + "\""),
                                body);
                        assertTrue(body.contains("\"messages\":"
                                + emu.store().mailbox(u.userPrincipalName()).messageCount()),
                                body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                assertNotNull(f);
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, onPremRequests().stream().filter(r -> r.status() != 200
                && r.status() != 401).count());
    }
}
