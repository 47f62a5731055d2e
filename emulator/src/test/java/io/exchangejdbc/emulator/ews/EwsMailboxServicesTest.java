package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.RoomList;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GetUserOofSettings, SetUserOofSettings, GetRoomLists, GetRooms and GetUserAvailability over
 * real HTTP, and the refusal of an operation newer than the version asked for.
 */
class EwsMailboxServicesTest {

    private static Emulator emu;
    private static User adele;
    private static User bob;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(8).users(2).messagesPerUser(4).build().start();
        adele = emu.demoUser();
        bob = emu.tenant().users().get(1);
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String getOof(String address) {
        return "<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>" + address
                + "</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>";
    }

    @Test
    void oofSettingsAreSetAndReadBackFromTheStore() {
        EwsClient.Reply before = ews.call(getOof(adele.mail()));
        XmlElement settings = before.response().required("OofSettings");
        assertEquals("Disabled", settings.childText("OofState"));
        assertEquals("Success", before.response().required("ResponseMessage")
                .attr("ResponseClass"));
        EwsClient.Reply set = ews.call("<m:SetUserOofSettingsRequest><t:Mailbox><t:Address>"
                + adele.mail() + "</t:Address></t:Mailbox><t:UserOofSettings>"
                + "<t:OofState>Scheduled</t:OofState><t:ExternalAudience>Known"
                + "</t:ExternalAudience><t:Duration><t:StartTime>2026-12-20T00:00:00Z"
                + "</t:StartTime><t:EndTime>2027-01-04T00:00:00Z</t:EndTime></t:Duration>"
                + "<t:InternalReply><t:Message>Back in January</t:Message></t:InternalReply>"
                + "</t:UserOofSettings></m:SetUserOofSettingsRequest>");
        assertEquals("NoError", set.response().required("ResponseMessage")
                .childText("ResponseCode"), set.body());
        MailboxSettings stored = emu.store().mailbox(adele.userPrincipalName()).settings();
        assertEquals("scheduled", stored.autoReplyStatus(), "Graph's spelling in the store");
        assertEquals("contactsOnly", stored.externalAudience());
        assertEquals(Instant.parse("2027-01-04T00:00:00Z"), stored.scheduledEnd());
        TestHttp.Reply graph = new TestHttp().get(emu.graphUrl() + "/v1.0/users/" + adele.id()
                + "/mailboxSettings", emu.issueAppToken(emu.defaultClientId()));
        assertEquals(200, graph.status(), graph.body());
        assertEquals("scheduled", ((java.util.Map<?, ?>) graph.json()
                .get("automaticRepliesSetting")).get("status"), "Graph sees the same setting");
        XmlElement after = ews.call(getOof(adele.mail())).response().required("OofSettings");
        assertEquals("Scheduled", after.childText("OofState"));
        assertEquals("Known", after.childText("ExternalAudience"));
        assertEquals("2026-12-20T00:00:00Z", after.required("Duration")
                .childText("StartTime"));
        assertEquals("Back in January", after.required("InternalReply").childText("Message"));
        EwsClient.Reply other = ews.call(getOof(bob.mail()));
        assertEquals("ErrorAccessDenied", other.response().required("ResponseMessage")
                .childText("ResponseCode"));
        assertNull(other.response().child("OofSettings").orElse(null));
    }

    @Test
    void roomListsAndRoomsComeFromTheDirectory() {
        EwsClient.Reply lists = ews.call("<m:GetRoomLists/>");
        assertEquals("NoError", lists.response().childText("ResponseCode"), lists.body());
        List<RoomList> expected = emu.tenant().roomLists();
        List<XmlElement> got = lists.response().required("RoomLists").children("Address");
        assertEquals(expected.size(), got.size());
        assertEquals(expected.get(0).address().address(), got.get(0).childText("EmailAddress"));
        EwsClient.Reply rooms = ews.call("<m:GetRooms><m:RoomList><t:EmailAddress>"
                + expected.get(1).address().address() + "</t:EmailAddress></m:RoomList>"
                + "</m:GetRooms>");
        List<String> names = rooms.response().required("Rooms").children("Room").stream()
                .map(r -> r.required("Id").childText("Name")).toList();
        assertEquals(expected.get(1).rooms().stream().map(a -> a.name()).toList(), names);
        EwsClient.Reply none = ews.call("<m:GetRooms><m:RoomList><t:EmailAddress>"
                + "nolist@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>");
        assertEquals("ErrorNameResolutionNoResults", none.response().childText("ResponseCode"));
    }

    @Test
    void operationNewerThanTheRequestedVersionIsRefused() {
        EwsClient.Reply old = new EwsClient(emu).as(adele).version("Exchange2007_SP1")
                .call("<m:GetRoomLists/>");
        assertEquals(500, old.status());
        assertEquals("ErrorInvalidServerVersion", old.faultCode());
    }

    @Test
    void availabilityAnswersEachMailboxAndAllFreeWithoutCalendarEntries() {
        String room = emu.tenant().roomLists().get(0).rooms().get(0).address();
        EwsClient.Reply r = ews.call("<m:GetUserAvailabilityRequest><m:MailboxDataArray>"
                + mailboxData(bob.mail()) + mailboxData(room)
                + mailboxData("ghost@contoso.com") + "</m:MailboxDataArray>"
                + "<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>2026-12-01T08:00:00"
                + "</t:StartTime><t:EndTime>2026-12-01T12:00:00</t:EndTime></t:TimeWindow>"
                + "<t:MergedFreeBusyIntervalInMinutes>60</t:MergedFreeBusyIntervalInMinutes>"
                + "<t:RequestedView>FreeBusyMerged</t:RequestedView></t:FreeBusyViewOptions>"
                + "</m:GetUserAvailabilityRequest>");
        List<XmlElement> answers = r.response().required("FreeBusyResponseArray")
                .children("FreeBusyResponse");
        assertEquals(3, answers.size());
        XmlElement view = answers.get(0).required("FreeBusyView");
        assertEquals("FreeBusyMerged", view.childText("FreeBusyViewType"));
        assertEquals("0000", view.childText("MergedFreeBusy"));
        assertEquals("NoError", answers.get(1).required("ResponseMessage")
                .childText("ResponseCode"));
        assertEquals("ErrorMailRecipientNotFound", answers.get(2).required("ResponseMessage")
                .childText("ResponseCode"));
    }

    @Test
    void resolveNamesFindsDirectoryUsers() {
        EwsClient.Reply one = ews.call("<m:ResolveNames ReturnFullContactData=\"false\">"
                + "<m:UnresolvedEntry>" + bob.displayName() + "</m:UnresolvedEntry>"
                + "</m:ResolveNames>");
        assertEquals("NoError", one.code(), one.body());
        XmlElement mb = one.message().required("ResolutionSet").required("Resolution")
                .required("Mailbox");
        assertEquals(bob.mail(), mb.childText("EmailAddress"));
        EwsClient.Reply many = ews.call("<m:ResolveNames ReturnFullContactData=\"false\">"
                + "<m:UnresolvedEntry>a</m:UnresolvedEntry></m:ResolveNames>");
        long expected = emu.tenant().users().stream().filter(u -> java.util.stream.Stream.of(
                u.displayName(), u.givenName(), u.surname(), u.mailNickname(), u.mail(),
                u.userPrincipalName()).anyMatch(x -> x != null
                        && x.toLowerCase(java.util.Locale.ROOT).startsWith("a"))).count();
        assertEquals(2, expected, "Adele and Alex");
        assertEquals("Warning", many.message().attr("ResponseClass"));
        assertEquals("ErrorNameResolutionMultipleResults", many.code());
        assertEquals(expected, many.message().required("ResolutionSet").children().size());
        EwsClient.Reply none = ews.call("<m:ResolveNames ReturnFullContactData=\"false\">"
                + "<m:UnresolvedEntry>zzzz-nobody</m:UnresolvedEntry></m:ResolveNames>");
        assertEquals("ErrorNameResolutionNoResults", none.code());
    }

    private static String mailboxData(String address) {
        return "<t:MailboxData><t:Email><t:Address>" + address + "</t:Address></t:Email>"
                + "<t:AttendeeType>Required</t:AttendeeType></t:MailboxData>";
    }
}
