package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.http.onprem.KerberosSettings;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremSettings;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.io.File;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Negotiate (SPNEGO with Kerberos) end to end: an in-process KDC started by the test issues the
 * tickets, the emulator accepts them with the service's keytab, and the driver signs in from
 * User and Password or from a keytab of the user.
 */
class NegotiateSignInTest {

    private static TestKdc kdc;
    private static Emulator emu;
    private static User alex;

    @BeforeAll
    static void start() throws Exception {
        kdc = TestKdc.start();
        emu = Emulator.builder().users(2).messagesPerUser(3).build().start();
        alex = emu.store().users().get(0);
        kdc.user(alex.mailNickname(), alex.password());
        // The acceptor signs in from its keytab and never asks the KDC.
        kdc.acceptIn(emu);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emu != null) {
            emu.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    private static OnPremTransport transport(String user, String password, String keytab)
            throws SQLException {
        OnPremSettings s = OnPremSettings.of("Negotiate", user, password,
                ServerTrust.jvmDefault(), Duration.ofSeconds(20))
                .withKerberos(new KerberosSettings(kdc.address(), TestKdc.REALM, null, keytab,
                        null));
        return new OnPremTransport(s,
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY));
    }

    private static String post(OnPremTransport t) throws Exception {
        try (OnPremResponse r = t.post(URI.create(emu.onPremUrl("negotiate")),
                OnPremSignInTest.SOAP, OnPremSignInTest.HEADERS)) {
            assertEquals(200, r.status());
            return r.text(10_000);
        }
    }

    @Test
    void passwordSignIn() throws Exception {
        emu.clearRequestLog();
        try (OnPremTransport t = transport(alex.mailNickname(), alex.password(), null)) {
            String body = post(t);
            assertTrue(body.contains("\"user\":\"" + alex.userPrincipalName() + "\""), body);
            assertTrue(body.contains("\"scheme\":\"Negotiate\""), body);
            post(t);
        }
        List<LoggedRequest> log = emu.requestLog();
        assertEquals(2, log.size());
        assertTrue(log.get(0).header("Authorization").startsWith("Negotiate "));
        assertEquals(200, log.get(0).status());
        assertEquals(null, log.get(1).header("Authorization"), "the connection is signed in");
    }

    @Test
    void keytabSignIn() throws Exception {
        File keytab = kdc.keytab(alex.mailNickname());
        try (OnPremTransport t = transport(alex.mailNickname(), null, keytab.toString())) {
            assertTrue(post(t).contains(alex.userPrincipalName()));
        }
    }

    @Test
    void wrongPasswordFails() throws Exception {
        emu.clearRequestLog();
        try (OnPremTransport t = transport(alex.mailNickname(), "not-the-password", null)) {
            SQLException e = assertThrows(SQLException.class, () -> post(t));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("Authentication failed for user "
                    + alex.mailNickname() + " with scheme Negotiate"), e.getMessage());
            assertTrue(!e.getMessage().contains("not-the-password"));
        }
        assertEquals(0, emu.requestLog().size(), "refused by the KDC before any request");
    }
}
