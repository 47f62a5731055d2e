package io.exchangejdbc.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-rendered pages for benchmarks: a repeated {@code GET} is answered from the bytes sent the
 * first time, headers included, and a request that may change data empties them.
 */
class PrerenderedPagesTest {

    private static Emulator emu;
    private final TestHttp http = new TestHttp();

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(1).messagesPerUser(30).build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void aRepeatedGetIsAnsweredFromTheKeptBytesUntilDataMayChange() {
        String token = emu.issueAppToken(emu.defaultClientId());
        String url = emu.baseUrl() + "/v1.0/users/" + emu.demoUser().id()
                + "/messages?$select=subject,isRead&$top=10";
        long hits = emu.prerenderedHits();
        emu.setPrerenderedPages(true);
        try {
            TestHttp.Reply first = http.get(url, token);
            TestHttp.Reply again = http.get(url, token);
            assertEquals(200, again.status());
            assertEquals(first.body(), again.body());
            assertEquals(first.header("Content-Type"), again.header("Content-Type"));
            assertEquals(hits + 1, emu.prerenderedHits());

            // another query, another page
            TestHttp.Reply other = http.get(url.replace("$top=10", "$top=5"), token);
            assertNotEquals(first.body(), other.body());
            assertEquals(hits + 1, emu.prerenderedHits());

            // a change empties the kept pages: the next GET is rendered again
            http.send(HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/v1.0/users/"
                            + emu.demoUser().id() + "/messages"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"x\"}")).build());
            http.get(url, token);
            assertEquals(hits + 1, emu.prerenderedHits());
        } finally {
            emu.setPrerenderedPages(false);
        }
    }

    @Test
    void signingInKeepsThePages() {
        String token = emu.issueAppToken(emu.defaultClientId());
        String url = emu.baseUrl() + "/v1.0/users/" + emu.demoUser().id()
                + "/messages?$select=subject&$top=4";
        long hits = emu.prerenderedHits();
        emu.setPrerenderedPages(true);
        try {
            http.get(url, token);
            // a token request (a POST to the identity front) changes no mailbox data
            TestHttp.Reply signIn = http.postForm(emu.baseUrl() + "/" + emu.tenantDomain()
                    + "/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                    "client_id", emu.defaultClientId(), "client_secret",
                    emu.defaultClientSecret(), "scope", "https://graph.microsoft.com/.default"));
            assertEquals(200, signIn.status());
            http.get(url, token);
            assertEquals(hits + 1, emu.prerenderedHits());
        } finally {
            emu.setPrerenderedPages(false);
        }
    }

    @Test
    void offByDefault() {
        String token = emu.issueAppToken(emu.defaultClientId());
        String url = emu.baseUrl() + "/v1.0/users/" + emu.demoUser().id() + "/messages?$top=3";
        long hits = emu.prerenderedHits();
        http.get(url, token);
        http.get(url, token);
        assertEquals(hits, emu.prerenderedHits());
    }
}
