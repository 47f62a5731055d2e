package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.onprem.AuthMethod;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real EWS request (GetFolder of the inbox) posted to the emulator's
 * {@code /EWS/Exchange.asmx} with each on-premises scheme: the server answers as the user who
 * signed in.
 */
class EwsSignInTest {

    private static final byte[] GET_INBOX = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\""
            + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
            + "<soap:Header><t:RequestServerVersion Version=\"Exchange2016\"/></soap:Header>"
            + "<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape>"
            + "</m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/>"
            + "</m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> SOAP = Map.of(
            "Content-Type", "text/xml; charset=utf-8",
            "SOAPAction", "\"http://schemas.microsoft.com/exchange/services/2006/messages/GetFolder\"");

    private static Emulator emu;
    private static User alex;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(2).messagesPerUser(6).build().start()
                .ewsOnPremises(AuthMethod.DIGEST_SHA256, AuthMethod.DIGEST_MD5, AuthMethod.NTLM);
        alex = emu.store().users().get(0);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void clear() {
        emu.clearRequestLog();
    }

    private static String getInbox(OnPremTransport t) throws Exception {
        try (OnPremResponse r = t.post(URI.create(emu.ewsUrl()), GET_INBOX, SOAP)) {
            String body = r.text(100_000);
            assertEquals(200, r.status(), body);
            return body;
        }
    }

    @Test
    void eachSchemeReadsTheInbox() throws Exception {
        String[][] plan = {{"Basic", alex.userPrincipalName()},
            {"Digest", alex.userPrincipalName()}, {"NTLM", "CONTOSO\\" + alex.mailNickname()}};
        List<String> ids = new java.util.ArrayList<>();
        for (String[] p : plan) {
            emu.clearRequestLog();
            try (OnPremTransport t = OnPremSignInTest.transport(p[0], p[1], alex.password())) {
                String body = getInbox(t);
                assertTrue(body.contains("GetFolderResponseMessage ResponseClass=\"Success\""),
                        p[0] + ": " + body);
                ids.add(folderId(body));
            }
            List<LoggedRequest> log = emu.requestLog();
            assertEquals(401, log.get(0).status(), p[0]);
            assertEquals(200, log.get(log.size() - 1).status(), p[0]);
            String auth = log.get(log.size() - 1).header("Authorization");
            assertTrue(auth.startsWith(p[0] + " "), auth);
        }
        assertEquals(List.of(ids.get(0), ids.get(0), ids.get(0)), ids, "the same inbox");
        User bea = emu.store().users().get(1);
        try (OnPremTransport t = OnPremSignInTest.transport("NTLM", bea.userPrincipalName(),
                bea.password())) {
            String other = folderId(getInbox(t));
            assertTrue(!other.equals(ids.get(0)), "another user's inbox is another folder");
        }
    }

    private static String folderId(String body) {
        int at = body.indexOf("<t:FolderId Id=\"");
        assertTrue(at > 0, body);
        return body.substring(at, body.indexOf('"', at + 16));
    }

    @Test
    void wrongNtlmPasswordIsRefusedOnce() throws Exception {
        try (OnPremTransport t = OnPremSignInTest.transport("NTLM",
                "CONTOSO\\" + alex.mailNickname(), "wrong")) {
            SQLException e = assertThrows(SQLException.class, () -> getInbox(t));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("Authentication failed for user CONTOSO\\"
                    + alex.mailNickname() + " with scheme NTLM"), e.getMessage());
        }
        assertEquals(2, emu.requestLog().size(), "NEGOTIATE, then the refused AUTHENTICATE");
    }
}
