package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounds and effects of {@code $top}, {@code $skip}, {@code $select}, {@code $expand},
 * {@code $search} and the Prefer header.
 */
class QueryOptionsTest {

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(3).users(3).messagesPerUser(120).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        mailbox = emu.store().mailbox(emu.demoUser().id());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static TestHttp.Reply messages(String query, String... headers) {
        return HTTP.get(emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id() + "/messages"
                + query, token, headers);
    }

    private static TestHttp.Reply users(String query) {
        return HTTP.get(emu.graphUrl() + "/v1.0/users" + query, token);
    }

    @Test
    void messageTopMustBeBetweenOneAndAThousand() {
        assertEquals(200, messages("?$top=1").status());
        assertEquals(200, messages("?$top=1000").status());
        for (String bad : List.of("0", "1001", "-1", "abc", "2.5")) {
            TestHttp.Reply r = messages("?$top=" + bad);
            assertEquals(400, r.status(), bad);
            assertEquals("BadRequest", r.errorCode(), bad);
        }
    }

    @Test
    void userTopMustBeBetweenOneAnd999() {
        assertEquals(200, users("?$top=999").status());
        TestHttp.Reply r = users("?$top=1000");
        assertEquals(400, r.status());
        assertEquals("Request_UnsupportedQuery", r.errorCode());
        assertEquals(400, users("?$top=0").status());
    }

    @Test
    void skipMustBeANonNegativeIntegerAndDirectoryHasNone() {
        assertEquals(400, messages("?$skip=-3").status());
        TestHttp.Reply r = users("?$skip=2");
        assertEquals(400, r.status());
        assertEquals("Request_BadRequest", r.errorCode());
    }

    @Test
    void unknownSystemQueryOptionsAreRefusedButCustomOnesIgnored() {
        TestHttp.Reply r = messages("?$frobnicate=1");
        assertEquals(400, r.status());
        assertEquals("BadRequest", r.errorCode());
        assertEquals(200, messages("?includeHiddenFolders=true").status());
    }

    @Test
    void selectOfMessagesAddsIdAndEtag() {
        TestHttp.Reply r = messages("?$select=sender,subject&$top=3");
        for (Map<String, Object> v : r.values()) {
            assertEquals(List.of("@odata.etag", "id", "subject", "sender"),
                    List.copyOf(v.keySet()));
            String etag = (String) v.get("@odata.etag");
            Message m = mailbox.message((String) v.get("id")).orElseThrow();
            assertEquals("W/\"" + m.changeKey() + "\"", etag);
        }
        assertTrue(((String) r.json().get("@odata.context")).endsWith(
                "/v1.0/$metadata#users('" + emu.demoUser().id() + "')/messages(sender,subject)"));
    }

    @Test
    void selectOfUsersIsExactlyWhatWasAskedInThatOrder() {
        TestHttp.Reply r = users("?$select=mail,displayName&$top=2");
        for (Map<String, Object> v : r.values()) {
            assertEquals(List.of("mail", "displayName"), List.copyOf(v.keySet()));
        }
    }

    @Test
    void selectNamesAreCaseInsensitiveButMustExist() {
        TestHttp.Reply ok = messages("?$select=Subject,ISREAD&$top=1");
        assertEquals(List.of("@odata.etag", "id", "subject", "isRead"),
                List.copyOf(ok.values().get(0).keySet()));
        TestHttp.Reply bad = messages("?$select=subject,bogus");
        assertEquals(400, bad.status());
        assertEquals("Could not find a property named 'bogus' on type "
                + "'microsoft.graph.message'.", bad.errorMessage());
    }

    @Test
    void defaultPropertiesLeaveOutHeadersAndUniqueBody() {
        Map<String, Object> m = messages("?$top=1").values().get(0);
        assertTrue(m.containsKey("body"));
        assertFalse(m.containsKey("internetMessageHeaders"));
        assertFalse(m.containsKey("uniqueBody"));
        Map<String, Object> h = messages("?$top=1&$select=internetMessageHeaders").values()
                .get(0);
        assertFalse(((List<?>) h.get("internetMessageHeaders")).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void preferTextBodyServesText() {
        TestHttp.Reply r = messages("?$top=2&$select=body", "Prefer",
                "outlook.body-content-type=\"text\"", "Prefer", "IdType=\"ImmutableId\"");
        assertEquals(200, r.status());
        String applied = r.header("Preference-Applied");
        assertTrue(applied.contains("outlook.body-content-type=\"text\""), applied);
        assertTrue(applied.contains("IdType=\"ImmutableId\""), applied);
        Map<String, Object> body = (Map<String, Object>) r.values().get(0).get("body");
        assertEquals("text", body.get("contentType"));
        assertFalse(((String) body.get("content")).contains("<"));
        Map<String, Object> html = (Map<String, Object>) messages("?$top=1&$select=body")
                .values().get(0).get("body");
        assertEquals("html", html.get("contentType"));
        assertTrue(((String) html.get("content")).startsWith("<html>"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void expandAttachmentsAddsTheirMetadataAndContent() {
        Message withAttachments = mailbox.messages().stream().filter(Message::hasAttachments)
                .findFirst().orElseThrow();
        String base = emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id() + "/messages/"
                + withAttachments.id();
        Map<String, Object> m = HTTP.get(base + "?$expand=attachments&$select=subject", token)
                .json();
        List<Map<String, Object>> atts = (List<Map<String, Object>>) m.get("attachments");
        assertEquals(withAttachments.attachments().size(), atts.size());
        Map<String, Object> first = atts.get(0);
        assertEquals("#microsoft.graph.fileAttachment", first.get("@odata.type"));
        assertEquals(withAttachments.attachments().get(0).name(), first.get("name"));
        assertEquals((long) withAttachments.attachments().get(0).size(), first.get("size"));
        byte[] content = java.util.Base64.getDecoder().decode((String) first.get("contentBytes"));
        assertEquals(withAttachments.attachments().get(0).size(), content.length);

        TestHttp.Reply list = HTTP.get(base + "/attachments", token);
        assertEquals(atts.size(), list.values().size());
        String attachmentId = (String) list.values().get(0).get("id");
        TestHttp.Reply one = HTTP.get(base + "/attachments/" + attachmentId, token);
        assertEquals(200, one.status());
        assertEquals(first.get("name"), one.json().get("name"));
        assertEquals(400, HTTP.get(base + "?$expand=nonsense", token).status());
    }

    @Test
    void singleMessageHasEntityContextAndEtag() {
        Message m = mailbox.messages().get(3);
        TestHttp.Reply r = HTTP.get(emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id()
                + "/messages/" + m.id() + "?$select=subject", token);
        Map<String, Object> json = r.json();
        assertEquals(List.of("@odata.context", "@odata.etag", "id", "subject"),
                List.copyOf(json.keySet()));
        assertTrue(((String) json.get("@odata.context")).endsWith(
                "/messages(subject)/$entity"));
        assertEquals(m.subject(), json.get("subject"));
        assertNull(r.header("Preference-Applied"));
    }

    @Test
    void searchFindsWordsAndRefusesFilterBesideIt() {
        TestHttp.Reply r = messages("?$search=" + TestHttp.enc("\"budget\"") + "&$top=50");
        assertEquals(200, r.status(), r.body());
        long expected = mailbox.messages().stream().filter(m -> m.subject().toLowerCase()
                .contains("budget") || m.body().text().toLowerCase().contains("budget")
                || (m.from() != null && m.from().toString().toLowerCase().contains("budget")))
                .count();
        assertEquals(Math.min(50, expected), r.values().size());
        assertEquals(400, messages("?$search=%22x%22&$filter=" + TestHttp.enc("isRead eq true"))
                .status());
    }
}
