package io.exchangejdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public face of the emulator: URLs, connection string, store access, request log. */
class EmulatorTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(42).users(5).messagesPerUser(200).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void listensOnTheLoopbackAddress() {
        assertTrue(emu.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), emu.baseUrl());
        assertEquals(emu.baseUrl(), emu.graphUrl());
        assertEquals(emu.baseUrl(), emu.loginUrl());
        assertTrue(emu.port() > 0);
    }

    @Test
    void connectionStringPointsTheDriverAtTheEmulator() {
        assertEquals("AuthScheme=AzureServicePrincipal;AzureTenant=contoso.onmicrosoft.com;"
                + "OAuthClientId=" + Emulator.DEFAULT_CLIENT_ID + ";OAuthClientSecret="
                + Emulator.DEFAULT_CLIENT_SECRET + ";GraphUrl=" + emu.baseUrl() + ";LoginUrl="
                + emu.baseUrl() + ";UserId=AdeleV@contoso.onmicrosoft.com;",
                emu.connectionString());
        assertEquals("contoso.onmicrosoft.com", emu.tenantDomain());
        assertTrue(emu.tenantId().matches("[0-9a-f-]{36}"));
        assertEquals(Emulator.DEFAULT_CLIENT_ID, emu.defaultClientId());
        assertEquals(Emulator.DEFAULT_CLIENT_SECRET, emu.defaultClientSecret());
    }

    @Test
    void storeHoldsTheGeneratedTenant() {
        assertEquals(5, emu.store().users().size());
        assertEquals("AdeleV@contoso.onmicrosoft.com", emu.demoUser().userPrincipalName());
        assertEquals(200, emu.store().mailbox("adelev@contoso.onmicrosoft.com").messageCount());
    }

    @Test
    void logsRequestsWithDecodedQueryHeadersAndStatus() {
        emu.clearRequestLog();
        String token = emu.issueAppToken(emu.defaultClientId());
        String path = "/v1.0/users/" + emu.demoUser().id() + "/messages";
        HTTP.get(emu.graphUrl() + path + "?$top=3&$filter=" + TestHttp.enc("subject eq 'O''Brien'"),
                token, "client-request-id", "req-1");
        HTTP.get(emu.graphUrl() + "/v1.0/me", token);
        List<LoggedRequest> log = emu.requestLog();
        assertEquals(2, log.size());
        LoggedRequest first = log.get(0);
        assertEquals("GET", first.method());
        assertEquals("graph", first.front());
        assertEquals(path, first.path());
        assertEquals("3", first.queryParam("$top"));
        assertEquals("subject eq 'O''Brien'", first.query().get("$filter"));
        assertEquals("Bearer " + token, first.header("authorization"));
        assertEquals("req-1", first.header("Client-Request-Id"));
        assertEquals(200, first.status());
        assertEquals(400, log.get(1).status());
        assertTrue(log.get(0).sequence() < log.get(1).sequence());
        emu.clearRequestLog();
        assertTrue(emu.requestLog().isEmpty());
    }

    @Test
    void changesInTheStoreShowThroughGraph() {
        Mailbox mailbox = emu.store().mailbox(emu.store().users().get(4).id());
        Message m = mailbox.addMessage(mailbox.folder(WellKnownFolder.INBOX), Message.builder()
                .receivedDateTime(Instant.parse("2026-12-02T08:00:00Z"))
                .subject("Fresh news").from(new EmailAddress("Tester", "tester@fabrikam.com"))
                .to(emu.store().users().get(4).emailAddress())
                .body(ItemBody.text("Hello & welcome")));
        String token = emu.issueAppToken(emu.defaultClientId());
        String url = emu.graphUrl() + "/v1.0/users/" + mailbox.owner().id() + "/messages/";
        Map<String, Object> json = HTTP.get(url + m.id(), token).json();
        assertEquals("Fresh news", json.get("subject"));
        assertEquals("Hello & welcome", json.get("bodyPreview"));
        String etag = (String) json.get("@odata.etag");
        mailbox.updateMessage(m, e -> e.read(true).subject("Old news"));
        Map<String, Object> after = HTTP.get(url + m.id(), token).json();
        assertEquals("Old news", after.get("subject"));
        assertEquals(true, after.get("isRead"));
        assertNotEquals(etag, after.get("@odata.etag"));
        assertTrue(mailbox.deleteMessage(m));
        assertEquals(404, HTTP.get(url + m.id(), token).status());
    }

    @Test
    void issuesTokensOnlyForKnownUsersAndApps() {
        assertThrows(java.util.NoSuchElementException.class,
                () -> emu.issueUserToken("nobody@contoso.onmicrosoft.com"));
        assertThrows(java.util.NoSuchElementException.class,
                () -> emu.issueAppToken("00000000-0000-0000-0000-000000000001"));
    }
}
