package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachments through Graph: the 3 MB limit of one POST, upload sessions and the rules of their
 * byte ranges, and the raw bytes of {@code $value}.
 */
class UploadSessionTest {

    private static final int KIB320 = 320 * 1024;
    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static Mailbox mailbox;
    private static String me;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(5).build().start();
        token = emu.issueUserToken(emu.demoUser().userPrincipalName());
        mailbox = emu.store().mailbox(emu.demoUser().id());
        me = emu.graphUrl() + "/v1.0/me";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static Message draft() {
        return mailbox.addMessage(mailbox.folder(WellKnownFolder.DRAFTS), Message.builder()
                .subject("upload").body(ItemBody.text("x")).draft(true)
                .receivedDateTime(Instant.parse("2026-11-01T00:00:00Z"))
                .to(new EmailAddress(null, "someone@fabrikam.example")));
    }

    private static TestHttp.Reply post(String url, String json) {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30)).build());
    }

    private static TestHttp.Reply put(String url, byte[] chunk, String range,
            String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", range)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build());
    }

    private static String openSession(Message m, int size) {
        TestHttp.Reply r = post(me + "/messages/" + m.id() + "/attachments/createUploadSession",
                "{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"big.bin\","
                        + "\"size\":" + size + "}}");
        assertEquals(201, r.status(), r.body());
        assertEquals(List.of("0-"), r.json().get("nextExpectedRanges"));
        return (String) r.json().get("uploadUrl");
    }

    @Test
    void aPostedAttachmentMustBeUnderThreeMegabytes() {
        Message m = draft();
        byte[] small = {1, 2, 3};
        TestHttp.Reply ok = post(me + "/messages/" + m.id() + "/attachments",
                "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.bin\","
                        + "\"contentBytes\":\"" + Base64.getEncoder().encodeToString(small)
                        + "\"}");
        assertEquals(201, ok.status(), ok.body());
        assertEquals(3L, ok.json().get("size"));
        assertEquals(m.attachmentId(0), ok.json().get("id"));
        TestHttp.Reply big = post(me + "/messages/" + m.id() + "/attachments",
                "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"b.bin\","
                        + "\"contentBytes\":\"" + Base64.getEncoder().encodeToString(
                                new byte[3 * 1024 * 1024]) + "\"}");
        assertEquals(413, big.status());
        assertEquals(1, m.attachments().size());
        TestHttp.Reply tooSmall = post(me + "/messages/" + m.id()
                + "/attachments/createUploadSession", "{\"AttachmentItem\":{\"attachmentType\":"
                + "\"file\",\"name\":\"s.bin\",\"size\":1000}}");
        assertEquals("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", tooSmall.errorCode());
    }

    @Test
    void rangesMustComeInOrderInMultiplesOf320KibWithoutABearerToken() {
        Message m = draft();
        int size = 5 * 1024 * 1024 + 100;
        byte[] file = new byte[size];
        for (int i = 0; i < size; i++) {
            file[i] = (byte) ('a' + i % 26);
        }
        String url = openSession(m, size);
        String total = "/" + size;
        byte[] first = Arrays.copyOfRange(file, 0, 4 * KIB320);

        TestHttp.Reply withToken = put(url, first, "bytes 0-" + (4 * KIB320 - 1) + total,
                "Bearer " + token);
        assertEquals(401, withToken.status());
        TestHttp.Reply wrongSecret = put(url.replaceAll("authtoken=[^&]+", "authtoken=x"),
                first, "bytes 0-" + (4 * KIB320 - 1) + total, null);
        assertEquals(401, wrongSecret.status());
        TestHttp.Reply notMultiple = put(url, Arrays.copyOf(first, 1000), "bytes 0-999" + total,
                null);
        assertEquals(400, notMultiple.status());
        TestHttp.Reply tooLarge = put(url, Arrays.copyOf(file, 13 * KIB320),
                "bytes 0-" + (13 * KIB320 - 1) + total, null);
        assertEquals(413, tooLarge.status());

        TestHttp.Reply one = put(url, first, "bytes 0-" + (4 * KIB320 - 1) + total, null);
        assertEquals(200, one.status(), one.body());
        assertEquals(List.of(String.valueOf(4 * KIB320)), one.json().get("nextExpectedRanges"));
        TestHttp.Reply again = put(url, first, "bytes 0-" + (4 * KIB320 - 1) + total, null);
        assertEquals(416, again.status(), "a range already received is refused");

        TestHttp.Reply last = put(url, Arrays.copyOfRange(file, 4 * KIB320, size),
                "bytes " + (4 * KIB320) + "-" + (size - 1) + total, null);
        assertEquals(201, last.status(), last.body());
        assertTrue(last.header("Location").contains("/attachments('"), last.header("Location"));
        assertArrayEquals(file, m.attachments().get(0).content());

        TestHttp.Reply value = HTTP.get(me + "/messages/" + m.id() + "/attachments/"
                + m.attachmentId(0) + "/$value", token);
        assertEquals(200, value.status());
        assertEquals("application/octet-stream", value.header("Content-Type"));
        assertEquals(size, value.body().length());
        TestHttp.Reply closed = put(url, first, "bytes 0-" + (4 * KIB320 - 1) + total, null);
        assertEquals(404, closed.status(), "the session ends with its last range");
    }

    @Test
    void sendingNeedsMailSend() {
        String readOnly = emu.issueUserToken(emu.demoUser().userPrincipalName(),
                List.of("Mail.Read"));
        TestHttp.Reply r = HTTP.send(HttpRequest.newBuilder(URI.create(me + "/sendMail"))
                .header("Authorization", "Bearer " + readOnly)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"toRecipients\":"
                        + "[{\"emailAddress\":{\"address\":\"a@b.example\"}}]}}"))
                .build());
        assertEquals(403, r.status());
        Map<String, Object> none = post(me + "/sendMail", "{\"message\":{\"subject\":\"x\"}}")
                .json();
        assertTrue(none.toString().contains("ErrorInvalidRecipients"), none.toString());
    }
}
