package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Graph's error format and the status and code of each kind of refusal. */
class ErrorFormatTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(15).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String url(String path) {
        return emu.graphUrl() + "/v1.0" + path;
    }

    private static void assertError(TestHttp.Reply r, int status, String code, String message) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.errorCode());
        if (message != null) {
            assertEquals(message, r.errorMessage());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void errorBodyHasCodeMessageAndInnerError() {
        TestHttp.Reply r = HTTP.get(url("/users/" + emu.demoUser().id() + "/messages/AAMkAAA="),
                token, "client-request-id", "6a0f7d0e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
        Map<String, Object> json = r.json();
        assertEquals(List.of("error"), List.copyOf(json.keySet()));
        Map<String, Object> error = (Map<String, Object>) json.get("error");
        assertEquals(List.of("code", "message", "innerError"), List.copyOf(error.keySet()));
        Map<String, Object> inner = (Map<String, Object>) error.get("innerError");
        assertEquals(List.of("date", "request-id", "client-request-id"),
                List.copyOf(inner.keySet()));
        String date = (String) inner.get("date");
        assertTrue(date.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"), date);
        assertTrue(((String) inner.get("request-id")).matches("[0-9a-f-]{36}"));
        assertEquals(r.header("request-id"), inner.get("request-id"));
        assertEquals("6a0f7d0e-1b2c-4d5e-8f90-a1b2c3d4e5f6", inner.get("client-request-id"));
        assertEquals("6a0f7d0e-1b2c-4d5e-8f90-a1b2c3d4e5f6", r.header("client-request-id"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void unknownItemsAreNotFound() {
        String me = "/users/" + emu.demoUser().id();
        Message other = emu.store().mailbox(emu.store().users().get(1).id()).messages().get(0);
        assertError(HTTP.get(url(me + "/messages/" + other.id()), token), 404,
                "ErrorItemNotFound", "The specified object was not found in the store.");
        assertError(HTTP.get(url(me + "/messages/not-an-id"), token), 400,
                "ErrorInvalidIdMalformed", "Id is malformed.");
        assertError(HTTP.get(url(me + "/mailFolders/" + other.parentFolderId()), token), 404,
                "ErrorItemNotFound", null);
        assertError(HTTP.get(url(me + "/mailFolders/nonsense"), token), 400,
                "ErrorInvalidIdMalformed", null);
    }

    @Test
    void unknownUsersAreNotFound() {
        assertError(HTTP.get(url("/users/nobody@contoso.onmicrosoft.com"), token), 404,
                "Request_ResourceNotFound", "Resource 'nobody@contoso.onmicrosoft.com' does "
                        + "not exist or one of its queried reference-property objects are not "
                        + "present.");
        assertError(HTTP.get(url("/users/nobody@contoso.onmicrosoft.com/messages"), token),
                404, "ErrorInvalidUser",
                "The requested user 'nobody@contoso.onmicrosoft.com' is invalid.");
    }

    @Test
    void unknownSegmentsAreBadRequests() {
        assertError(HTTP.get(url("/users/" + emu.demoUser().id() + "/frobs"), token), 400,
                "BadRequest", "Resource not found for the segment 'frobs'.");
        assertError(HTTP.get(url("/gizmos"), token), 400, "BadRequest",
                "Resource not found for the segment 'gizmos'.");
    }

    @Test
    void badFilterIsABadRequestNamingTheProperty() {
        assertError(HTTP.get(url("/users/" + emu.demoUser().id() + "/messages?$filter="
                + TestHttp.enc("x eq 1")), token), 400, "RequestBroker--ParseUri",
                "Could not find a property named 'x' on type 'microsoft.graph.message'.");
        assertError(HTTP.get(url("/users/" + emu.demoUser().id() + "/messages?$filter="
                + TestHttp.enc("subject eq 'open")), token), 400, "BadRequest", null);
    }

    @Test
    void aMethodTheCollectionDoesNotTakeIsNotAllowed() {
        TestHttp.Reply r = HTTP.send(HttpRequest.newBuilder(
                URI.create(url("/users/" + emu.demoUser().id() + "/messages")))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, r.status());
    }

    @Test
    void pathsOutsideEveryFrontAreNotFound() {
        assertEquals(404, HTTP.get(emu.baseUrl() + "/nothing/here", null).status());
    }
}
