package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes to contacts, groups and mailbox settings over HTTP: what the service accepts changes
 * the store, what it refuses answers Graph's error shape and changes nothing.
 */
class DirectoryWritesTest {

    private static final String ADMIN = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a";
    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String user;
    private static String admin;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(3).messagesPerUser(2).build().start();
        user = emu.issueUserToken(emu.demoUser().userPrincipalName());
        emu.registerApp(ADMIN, "secret", Set.of("Group.ReadWrite.All"));
        admin = emu.issueAppToken(ADMIN);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static TestHttp.Reply send(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.graphUrl() + "/v1.0"
                + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build());
    }

    @Test
    void groupsNeedTheirRequiredPropertiesAndAKnownId() {
        int before = emu.tenant().groups().size();
        TestHttp.Reply missing = send("POST", "/groups", admin, "{\"displayName\":\"x\","
                + "\"mailEnabled\":false,\"securityEnabled\":true}");
        assertEquals(400, missing.status());
        assertEquals("Request_BadRequest", missing.errorCode());
        assertTrue(missing.errorMessage().contains("mailNickname"), missing.errorMessage());
        TestHttp.Reply unknown = send("PATCH", "/groups/00000000-0000-4000-8000-000000000001",
                admin, "{\"description\":\"x\"}");
        assertEquals(404, unknown.status());
        assertEquals("Request_ResourceNotFound", unknown.errorCode());
        Group first = emu.tenant().groups().get(0);
        TestHttp.Reply mixed = send("PATCH", "/groups/" + first.id(), admin,
                "{\"hideFromAddressLists\":true,\"description\":\"x\"}");
        assertEquals(400, mixed.status());
        TestHttp.Reply denied = send("POST", "/groups", user, "{\"displayName\":\"x\","
                + "\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}");
        assertEquals(403, denied.status());
        assertEquals(before, emu.tenant().groups().size());
        assertEquals(first, emu.tenant().groups().get(0));

        TestHttp.Reply created = send("POST", "/groups", admin, "{\"displayName\":\"Ops\","
                + "\"mailEnabled\":false,\"mailNickname\":\"ops\",\"securityEnabled\":true}");
        assertEquals(201, created.status());
        String id = (String) created.json().get("id");
        assertEquals("Ops", created.json().get("displayName"));
        assertEquals(204, send("PATCH", "/groups/" + id, admin,
                "{\"displayName\":\"Operations\"}").status());
        assertEquals("Operations", emu.tenant().group(id).orElseThrow().displayName());
        String member = emu.tenant().users().get(0).id();
        assertEquals(204, send("POST", "/groups/" + id + "/members/$ref", admin,
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member
                        + "\"}").status());
        assertEquals(1, emu.tenant().group(id).orElseThrow().members().size());
        assertEquals(404, send("DELETE", "/groups/" + id + "/members/" + id + "/$ref", admin,
                null).status());
        assertEquals(204, send("DELETE", "/groups/" + id, admin, null).status());
        assertTrue(emu.tenant().group(id).isEmpty());
    }

    @Test
    void contactsRefuseReadOnlyPropertiesAndUnknownIds() {
        ContactBook book = emu.tenant().mailbox(emu.demoUser()).contacts();
        TestHttp.Reply created = send("POST", "/me/contacts", user, "{\"givenName\":\"Ada\"}");
        assertEquals(201, created.status());
        String id = (String) created.json().get("id");
        Contact before = book.contact(id).orElseThrow();
        TestHttp.Reply readOnly = send("PATCH", "/me/contacts/" + id, user,
                "{\"changeKey\":\"x\",\"jobTitle\":\"y\"}");
        assertEquals(400, readOnly.status());
        assertEquals("ErrorInvalidProperty", readOnly.errorCode());
        TestHttp.Reply wrongType = send("PATCH", "/me/contacts/" + id, user,
                "{\"categories\":\"Red\"}");
        assertEquals(400, wrongType.status());
        assertEquals(before, book.contact(id).orElseThrow());
        assertEquals(404, send("PATCH", "/me/contacts/" + book.nextContactId(), user,
                "{\"jobTitle\":\"y\"}").status());

        TestHttp.Reply patched = send("PATCH", "/me/contacts/" + id, user,
                "{\"homeAddress\":{\"city\":\"Seattle\"},\"birthday\":\"1974-07-22\"}");
        assertEquals(200, patched.status());
        assertEquals("Seattle", book.contact(id).orElseThrow().homeAddress().city());
        assertEquals(204, send("DELETE", "/me/contacts/" + id, user, null).status());
        assertTrue(book.contact(id).isEmpty());
        assertEquals(404, send("DELETE", "/me/contacts/" + id, user, null).status());
    }

    @Test
    void mailboxSettingsAreOnlyPatched() {
        MailboxSettings before = emu.tenant().mailbox(emu.demoUser()).settings();
        TestHttp.Reply purpose = send("PATCH", "/me/mailboxSettings", user,
                "{\"userPurpose\":\"shared\"}");
        assertEquals(400, purpose.status());
        TestHttp.Reply badJson = send("PATCH", "/me/mailboxSettings", user, "{\"timeZone\":");
        assertEquals(400, badJson.status());
        assertEquals(405, send("DELETE", "/me/mailboxSettings", user, null).status());
        TestHttp.Reply unscheduled = send("PATCH", "/me/mailboxSettings", user,
                "{\"automaticRepliesSetting\":{\"status\":\"scheduled\"}}");
        assertEquals(400, unscheduled.status());
        assertEquals(before, emu.tenant().mailbox(emu.demoUser()).settings());

        TestHttp.Reply ok = send("PATCH", "/me/mailboxSettings", user,
                "{\"workingHours\":{\"startTime\":\"09:30:00\"},\"timeZone\":\"UTC\"}");
        assertEquals(200, ok.status());
        assertEquals("09:30:00.0000000", emu.tenant().mailbox(emu.demoUser()).settings()
                .workStart());
        // what the body does not name is kept
        assertEquals(before.workingDays(), emu.tenant().mailbox(emu.demoUser()).settings()
                .workingDays());
        assertEquals(before.workEnd(), emu.tenant().mailbox(emu.demoUser()).settings()
                .workEnd());
    }
}
