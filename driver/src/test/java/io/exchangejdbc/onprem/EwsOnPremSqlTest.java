package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.onprem.Accounts;
import io.exchangejdbc.emulator.onprem.AuthGate;
import io.exchangejdbc.emulator.onprem.AuthMethod;
import io.exchangejdbc.emulator.onprem.TestProxy;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schema=EWS with each on-premises sign-in, end to end through SQL: DriverManager, the EWS
 * client, the transport and the emulator's EWS front behind its on-premises gate (Negotiate with
 * tickets of an in-process KDC), over HTTP, HTTPS with a self-signed certificate and the test
 * proxy.
 */
class EwsOnPremSqlTest {

    private static final String PROXY_USER = "proxyuser";
    private static final String PROXY_PASSWORD = "Pr0xy-Secret!";

    private static TestKdc kdc;
    private static Emulator emu;
    private static Emulator tls;
    private static User alex;
    private static User bea;
    private static User carol;

    @BeforeAll
    static void start() throws Exception {
        kdc = TestKdc.start();
        emu = Emulator.builder().users(3).messagesPerUser(6).messagesForUser(1, 9).build()
                .start();
        tls = Emulator.builder().users(2).messagesPerUser(4).https(true).build().start();
        alex = emu.store().users().get(0);
        bea = emu.store().users().get(1);
        carol = emu.store().users().get(2);
        for (User u : List.of(alex, bea, carol)) {
            kdc.user(u.mailNickname(), u.password());
        }
        kdc.acceptIn(emu);
        tls.ewsOnPremises(AuthMethod.NTLM, AuthMethod.DIGEST_SHA256);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {emu, tls, kdc}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @BeforeEach
    void reset() {
        emu.ewsOnPremises(AuthMethod.DIGEST_SHA256, AuthMethod.DIGEST_MD5, AuthMethod.NTLM,
                AuthMethod.NEGOTIATE);
        emu.clearRequestLog();
        tls.clearRequestLog();
    }

    /** The sign-in name a scheme is given: NTLM takes DOMAIN\alias, Negotiate the principal. */
    static String userName(String scheme, User u) {
        return switch (scheme) {
            case "NTLM" -> "CONTOSO\\" + u.mailNickname();
            case "Negotiate" -> u.mailNickname();
            default -> u.userPrincipalName();
        };
    }

    private static Connection connect(Emulator target, String scheme, User u, String password,
            String extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", userName(scheme, u));
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server=" + target.ewsUrl()
                + ";AuthScheme=" + scheme + ";KerberosKDC=" + kdc.address() + ";KerberosRealm="
                + TestKdc.REALM + ";Timeout=20;" + extra, p);
    }

    private static List<String> inbox(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> expectedInbox(Emulator target, User u) {
        Mailbox mb = target.store().mailbox(u.userPrincipalName());
        return mb.messages(mb.folder(WellKnownFolder.INBOX)).stream().map(Message::subject)
                .sorted().collect(Collectors.toList());
    }

    private static List<LoggedRequest> ewsRequests(Emulator target) {
        return target.requestLog().stream().filter(r -> r.path().startsWith("/EWS/")).toList();
    }

    @ParameterizedTest(name = "{0} offered as {1}")
    @CsvSource({"Basic, digest-sha256, Basic ", "Digest, digest-sha256, algorithm=SHA-256",
        "Digest, digest-md5, algorithm=MD5", "NTLM, ntlm, NTLM TlRMTVNTUAAD",
        "Negotiate, negotiate, Negotiate "})
    void eachSchemeReadsTheInboxThroughSql(String scheme, String offered, String onTheWire)
            throws Exception {
        emu.ewsOnPremises(AuthMethod.parse(offered).toArray(new AuthMethod[0]));
        List<String> expected = expectedInbox(emu, alex);
        assertFalse(expected.isEmpty());
        try (Connection c = connect(emu, scheme, alex, alex.password(), "")) {
            assertEquals(expected, inbox(c));
            assertEquals(expected, inbox(c), "the second query on the signed-in connection");
        }
        List<LoggedRequest> log = ewsRequests(emu);
        assertTrue(log.stream().anyMatch(r -> r.header("Authorization") != null
                && r.header("Authorization").contains(onTheWire)), scheme + " " + offered);
        assertTrue(log.stream().allMatch(r -> r.status() == 200 || r.status() == 401),
                "no failure but the sign-in challenges");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Basic, 1", "Digest, 2", "NTLM, 2", "Negotiate, 0"})
    void wrongPasswordFailsOnceWith28000(String scheme, int requests) throws Exception {
        String wrong = "Wr0ng-" + alex.password();
        try (Connection c = connect(emu, scheme, alex, wrong, "")) {
            SQLException e = assertThrows(SQLException.class, () -> inbox(c));
            assertEquals("28000", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("Authentication failed for user "
                    + userName(scheme, alex) + " with scheme " + scheme), e.getMessage());
            assertFalse(e.getMessage().contains(wrong), e.getMessage());
        }
        assertEquals(requests, ewsRequests(emu).size(), "one sign-in, no retry: "
                + (scheme.equals("Negotiate") ? "the KDC refuses before any request" : ""));
    }

    @Test
    void aSchemeTheServerDoesNotOfferListsTheOffered() throws Exception {
        emu.ewsOnPremises(AuthMethod.NTLM);
        try (Connection c = connect(emu, "Digest", alex, alex.password(), "")) {
            SQLException e = assertThrows(SQLException.class, () -> inbox(c));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("does not offer AuthScheme=Digest; it offers NTLM,"
                    + " Basic, Bearer"), e.getMessage());
        }
        assertEquals(1, ewsRequests(emu).size());
    }

    @Test
    void connectionsWithOtherSchemesAndUsersSeeOnlyTheirOwnMailbox() throws Exception {
        Object[][] plan = {{"NTLM", alex}, {"Digest", bea}, {"Negotiate", carol}};
        ExecutorService pool = Executors.newFixedThreadPool(plan.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Object[] p : plan) {
                User u = (User) p[1];
                List<String> expected = expectedInbox(emu, u);
                Connection c = connect(emu, (String) p[0], u, u.password(), "");
                runs.add(pool.submit(() -> {
                    try (c) {
                        go.await();
                        for (int i = 0; i < 12; i++) {
                            assertEquals(expected, inbox(c), p[0] + " " + u.userPrincipalName());
                        }
                        return expected.size();
                    }
                }));
            }
            go.countDown();
            Set<Integer> sizes = new java.util.HashSet<>();
            for (Future<Integer> f : runs) {
                sizes.add(f.get());
            }
            assertTrue(sizes.size() > 1, "the mailboxes differ, so a mix-up would show");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTransportPolicyHoldsForTheOnPremisesSchemes() throws Exception {
        List<String> expected = expectedInbox(emu, alex);
        try (Connection c = connect(emu, "NTLM", alex, alex.password(), "")) {
            // a throttled answer and a reset connection are repeated: FindItem only reads
            emu.faults().next(FaultSpec.status(503).header("Retry-After", "0"));
            assertEquals(expected, inbox(c));
            emu.faults().next(FaultSpec.connectionReset());
            assertEquals(expected, inbox(c));
            // ErrorServerBusy is waited out as BackOffMilliseconds asks
            emu.ews().serverBusy(alex.userPrincipalName(), 10, 1);
            assertEquals(expected, inbox(c));
            // the query timeout ends a request the server sits on
            emu.faults().next(FaultSpec.latency(Duration.ofSeconds(6)));
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(1);
                SQLException e = assertThrows(SQLException.class,
                        () -> s.executeQuery("SELECT Subject FROM Inbox").next());
                assertEquals("HYT00", e.getSQLState(), e.getMessage());
            }
            emu.faults().reset();
            assertEquals(expected, inbox(c), "the connection still works");
        }
        assertTrue(ewsRequests(emu).stream().anyMatch(r -> r.status() == 503));
    }

    private static List<String> drafts(Mailbox box, String prefix) {
        return box.messages(box.folder(WellKnownFolder.DRAFTS)).stream().map(Message::subject)
                .filter(x -> x.startsWith(prefix)).sorted().toList();
    }

    @Test
    void writesWorkThroughNtlmAndAWriteWhoseAnswerIsLostIsNotRepeated() throws Exception {
        emu.ewsOnPremises(AuthMethod.NTLM);
        Mailbox box = emu.store().mailbox(carol.userPrincipalName());
        try (Connection c = connect(emu, "NTLM", carol, carol.password(), "");
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO Drafts (Subject, Body) VALUES"
                    + " ('NTLM draft', 'Written on premises')"));
            String id;
            try (ResultSet rs = s.executeQuery("SELECT ItemId FROM Drafts"
                    + " WHERE Subject = 'NTLM draft'")) {
                assertTrue(rs.next());
                id = rs.getString(1);
                assertFalse(rs.next());
            }
            assertEquals(1, s.executeUpdate("UPDATE Drafts SET Subject = 'NTLM draft, edited'"
                    + " WHERE ItemId = '" + id + "'"));
            assertEquals(List.of("NTLM draft, edited"), drafts(box, "NTLM"));
            List<LoggedRequest> signedIn = ewsRequests(emu);
            assertTrue(signedIn.stream().anyMatch(r -> r.body().contains("<m:UpdateItem")
                    && r.status() == 200), "the UpdateItem was answered");
            assertTrue(signedIn.stream().anyMatch(r -> r.header("Authorization") != null
                    && r.header("Authorization").startsWith("NTLM ")), "signed in with NTLM");

            // the server takes the request, then the connection drops without an answer
            emu.clearRequestLog();
            emu.faults().next(FaultSpec.connectionReset());
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO Drafts (Subject) VALUES ('NTLM answer lost')"));
            assertTrue(e.getMessage().contains("may have been applied"), e.getMessage());
            assertTrue(e.getMessage().contains("CreateItem"), e.getMessage());
            assertFalse(e.getMessage().contains("Run the query again"), e.getMessage());
            assertFalse(e.getMessage().contains("Nothing was changed"), e.getMessage());
            assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
            assertEquals(0, emu.faults().pending());
            long creates = ewsRequests(emu).stream()
                    .filter(r -> r.body().contains("<m:CreateItem")).count();
            assertEquals(1, creates, "the write was sent once, not repeated");
            assertEquals(List.of("NTLM draft, edited"), drafts(box, "NTLM"),
                    "the reset request was never served");
            // the connection signs in again for the next statement
            assertEquals(1, s.executeUpdate("INSERT INTO Drafts (Subject) VALUES"
                    + " ('NTLM after the reset')"));
        } finally {
            emu.faults().reset();
        }
        assertEquals(List.of("NTLM after the reset", "NTLM draft, edited"), drafts(box, "NTLM"));
    }

    @Test
    void selfSignedCertificateRefusedByDefaultThenTrustedAsGiven(@TempDir Path dir)
            throws Exception {
        User u = tls.store().users().get(0);
        try (Connection c = connect(tls, "NTLM", u, u.password(), "")) {
            SQLException e = assertThrows(SQLException.class, () -> inbox(c));
            assertEquals("08001", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
        }
        assertEquals(0, ewsRequests(tls).size(), "refused in the handshake");
        Path pem = dir.resolve("exchange.pem");
        Files.writeString(pem, tls.tlsCertificatePem());
        List<String> expected = expectedInbox(tls, u);
        for (String trust : new String[] {tls.tlsCertificateThumbprint(), pem.toString(), "*"}) {
            try (Connection c = connect(tls, "NTLM", u, u.password(),
                    "SSLServerCert=" + trust + ";")) {
                assertEquals(expected, inbox(c), trust);
            }
        }
        try (Connection c = connect(tls, "NTLM", u, u.password(),
                "SSLServerCert=" + "00".repeat(32) + ";")) {
            SQLException e = assertThrows(SQLException.class, () -> inbox(c));
            assertTrue(e.getMessage().contains("SSLServerCert"), e.getMessage());
        }
    }

    private static TestProxy proxy(AuthMethod method) throws Exception {
        return new TestProxy(new AuthGate(Accounts.single(PROXY_USER, PROXY_PASSWORD), "proxy",
                true), Set.of(method)).start();
    }

    private static String proxy(TestProxy proxy, String scheme) {
        return "ProxyServer=127.0.0.1;ProxyPort=" + proxy.port() + ";ProxyAuthScheme=" + scheme
                + ";ProxyUser=" + PROXY_USER + ";ProxyPassword=" + PROXY_PASSWORD + ";";
    }

    @Test
    void throughTheProxyForwardedAndTunnelled() throws Exception {
        try (TestProxy proxy = proxy(AuthMethod.NTLM);
                Connection c = connect(emu, "Digest", alex, alex.password(),
                        proxy(proxy, "NTLM"))) {
            assertEquals(expectedInbox(emu, alex), inbox(c));
            assertTrue(proxy.passed().contains("POST " + emu.ewsUrl() + " by " + PROXY_USER),
                    proxy.passed().toString());
        }
        User u = tls.store().users().get(0);
        URI target = URI.create(tls.baseUrl());
        try (TestProxy proxy = proxy(AuthMethod.BASIC);
                Connection c = connect(tls, "NTLM", u, u.password(), proxy(proxy, "BASIC")
                        + "SSLServerCert=" + tls.tlsCertificateThumbprint() + ";")) {
            assertEquals(expectedInbox(tls, u), inbox(c));
            assertTrue(proxy.passed().contains("CONNECT " + target.getHost() + ":"
                    + target.getPort() + " by " + PROXY_USER), proxy.passed().toString());
        }
    }

    @Test
    void aFullSqlRunAtTheHighestVerbosityLogsNoSecret(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ews.log");
        StringBuilder messages = new StringBuilder();
        List<String> secrets = new ArrayList<>();
        for (String scheme : new String[] {"Basic", "Digest", "NTLM", "Negotiate"}) {
            for (String password : new String[] {alex.password(), "Wr0ng-" + alex.password()}) {
                secrets.add(password);
                secrets.add(Base64.getEncoder().encodeToString((userName(scheme, alex) + ":"
                        + password).getBytes(StandardCharsets.UTF_8)));
                try (Connection c = connect(emu, scheme, alex, password, "Logfile=" + log
                        + ";Verbosity=5;")) {
                    messages.append(inbox(c)).append('\n');
                } catch (SQLException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                }
            }
        }
        String text = Files.readString(log);
        for (String leg : new String[] {"Authorization: Basic ****", "Authorization: Digest ****",
            "Authorization: NTLM ****", "Authorization: Negotiate ****", "FindItem"}) {
            assertTrue(text.contains(leg), "logged: " + leg);
        }
        assertTrue(messages.toString().contains("Authentication failed"), messages.toString());
        List<String> tokens = new ArrayList<>(secrets);
        for (LoggedRequest r : ewsRequests(emu)) {
            String auth = r.header("Authorization");
            if (auth != null && auth.indexOf(' ') > 0) {
                // every credential that went over the wire: Basic pairs, Digest responses,
                // NTLM messages, Kerberos tickets in SPNEGO tokens
                tokens.add(auth.substring(auth.indexOf(' ') + 1, Math.min(auth.length(),
                        auth.indexOf(' ') + 41)));
            }
        }
        assertTrue(tokens.size() > secrets.size() + 8, "the wire carried credentials");
        String all = text + messages;
        for (String secret : tokens) {
            assertFalse(all.contains(secret), "a secret in the log or a message: " + secret);
        }
        assertFalse(all.contains("response=\""), "a Digest response in the log");
    }
}
