package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static io.exchangejdbc.emulator.ews.EwsClient.findItem;
import static io.exchangejdbc.emulator.ews.EwsClient.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use EWS on which mailbox: Basic against the store's passwords, Bearer tokens for
 * Exchange Online (delegated {@code EWS.AccessAsUser.All}, app-only {@code full_access_as_app}),
 * ExchangeImpersonation allowed only with the role, shared mailboxes only when granted.
 */
class EwsAccessTest {

    private static final String APP_ID = "7f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private static Emulator emu;
    private static User adele;
    private static User bob;
    private static User carol;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(21).users(3).messagesPerUser(12).build().start();
        adele = emu.demoUser();
        bob = emu.tenant().users().get(1);
        carol = emu.tenant().users().get(2);
        emu.registerApp(APP_ID, "app-secret", Set.of("full_access_as_app"));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String inbox() {
        return findItem(distinguished("inbox"), "IdOnly", page(5, 0), null, null);
    }

    private static List<String> inboxIds(User u) {
        Mailbox box = emu.store().mailbox(u.userPrincipalName());
        return box.messages(box.folder(WellKnownFolder.INBOX)).stream().limit(5)
                .map(m -> EwsIds.toEws(m.id())).toList();
    }

    private static List<String> ids(EwsClient.Reply r) {
        return r.message().required("RootFolder").required("Items").children().stream()
                .map(i -> i.required("ItemId").attr("Id")).toList();
    }

    @Test
    void basicWithTheStoresPasswordOpensTheOwnMailbox() {
        EwsClient.Reply r = new EwsClient(emu).as(adele).call(inbox());
        assertEquals(200, r.status());
        assertEquals(inboxIds(adele), ids(r));
        EwsClient.Reply alias = new EwsClient(emu).basic("CONTOSO\\" + adele.mailNickname(),
                adele.password()).call(inbox());
        assertEquals(inboxIds(adele), ids(alias));
    }

    @Test
    void missingOrWrongCredentialsGet401WithChallenges() {
        EwsClient.Reply none = new EwsClient(emu).call(inbox());
        assertEquals(401, none.status());
        List<String> challenges = none.headers().get("www-authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic")), "" + challenges);
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer")), "" + challenges);
        EwsClient.Reply wrong = new EwsClient(emu).basic(adele.userPrincipalName(), "nope")
                .call(inbox());
        assertEquals(401, wrong.status());
    }

    @Test
    void delegatedTokenNeedsTheOutlookAudienceAndTheEwsScope() {
        String good = emu.issueUserToken(adele.userPrincipalName(),
                Set.of("EWS.AccessAsUser.All"), TokenService.OUTLOOK_AUDIENCE);
        assertEquals(inboxIds(adele), ids(new EwsClient(emu).bearer(good).call(inbox())));
        String graph = emu.issueUserToken(adele.userPrincipalName());
        assertEquals(401, new EwsClient(emu).bearer(graph).call(inbox()).status());
        String noScope = emu.issueUserToken(adele.userPrincipalName(), Set.of("Mail.Read"),
                TokenService.OUTLOOK_AUDIENCE);
        assertEquals(401, new EwsClient(emu).bearer(noScope).call(inbox()).status());
    }

    @Test
    void appTokenWithFullAccessImpersonatesAnyUser() {
        String token = emu.issueAppToken(APP_ID, TokenService.OUTLOOK_AUDIENCE);
        EwsClient app = new EwsClient(emu).bearer(token);
        EwsClient.Reply without = app.call(inbox());
        assertEquals(500, without.status());
        assertEquals("ErrorInvalidExchangeImpersonationHeaderData", without.faultCode());
        assertEquals(inboxIds(bob), ids(app.impersonate(bob.mail()).call(inbox())));
        String noRole = emu.issueAppToken(emu.defaultClientId(), TokenService.OUTLOOK_AUDIENCE);
        assertEquals(401, new EwsClient(emu).bearer(noRole).impersonate(bob.mail())
                .call(inbox()).status());
    }

    @Test
    void impersonationNeedsTheRole() {
        EwsClient asCarol = new EwsClient(emu).as(carol).impersonate(bob.mail());
        EwsClient.Reply denied = asCarol.call(inbox());
        assertEquals(500, denied.status());
        assertEquals("ErrorImpersonateUserDenied", denied.faultCode());
        emu.tenant().permissions().grantImpersonation(carol.id());
        try {
            EwsClient.Reply allowed = asCarol.call(inbox());
            assertEquals(inboxIds(bob), ids(allowed));
            assertEquals(bob.mail(), emu.requestLog().get(emu.requestLog().size() - 1)
                    .header("X-AnchorMailbox"));
        } finally {
            emu.tenant().permissions().revokeImpersonation(carol.id());
        }
        EwsClient.Reply unknown = new EwsClient(emu).as(carol)
                .impersonate("nobody@contoso.onmicrosoft.com").call(inbox());
        assertEquals("ErrorNonExistentMailbox", unknown.faultCode());
    }

    @Test
    void sharedMailboxOnlyWhenGranted() {
        String bobsInbox = findItem("<t:DistinguishedFolderId Id=\"inbox\"><t:Mailbox>"
                + "<t:EmailAddress>" + bob.mail() + "</t:EmailAddress></t:Mailbox>"
                + "</t:DistinguishedFolderId>", "IdOnly", page(5, 0), null, null);
        EwsClient asAdele = new EwsClient(emu).as(adele);
        EwsClient.Reply denied = asAdele.call(bobsInbox);
        assertEquals("ErrorAccessDenied", denied.code());
        Message bobs = emu.store().mailbox(bob.userPrincipalName()).messages().get(0);
        EwsClient.Reply item = asAdele.call("<m:GetItem><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(bobs.id()) + "\"/></m:ItemIds></m:GetItem>");
        assertEquals("ErrorAccessDenied", item.code());
        emu.tenant().permissions().grantFullAccess(bob.id(), adele.id());
        assertEquals(inboxIds(bob), ids(asAdele.call(bobsInbox)));
    }
}
