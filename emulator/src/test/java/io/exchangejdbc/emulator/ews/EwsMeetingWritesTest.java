package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UpdateItem and DeleteItem of calendar items through EWS: the organizer's changes reach the
 * attendees' copies and Inboxes as the send mode asks, stale change keys and missing send modes
 * are refused without a change. Responses are validated against the EWS schemas by the client.
 */
class EwsMeetingWritesTest {

    private static Emulator emu;
    private static User adele;
    private static User bob;
    private static User cara;
    private static Mailbox mailbox;
    private static Mailbox bobBox;
    private static Mailbox caraBox;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(17).users(3).messagesPerUser(3).build().start();
        adele = emu.demoUser();
        bob = emu.tenant().users().stream().filter(u -> !u.id().equals(adele.id()))
                .findFirst().orElseThrow();
        cara = emu.tenant().users().stream().filter(u -> !u.id().equals(adele.id())
                && !u.id().equals(bob.id())).findFirst().orElseThrow();
        mailbox = emu.store().mailbox(adele.id());
        bobBox = emu.store().mailbox(bob.id());
        caraBox = emu.store().mailbox(cara.id());
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Creates a meeting with bob, invited; returns its item id element attributes. */
    private static String[] meeting(String subject) {
        EwsClient.Reply r = ews.call("<m:CreateItem SendMeetingInvitations=\"SendOnlyToAll\">"
                + "<m:Items><t:CalendarItem><t:Subject>" + subject + "</t:Subject>"
                + "<t:Start>2026-12-14T09:00:00Z</t:Start><t:End>2026-12-14T10:00:00Z</t:End>"
                + "<t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>" + bob.mail()
                + "</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees>"
                + "</t:CalendarItem></m:Items></m:CreateItem>");
        assertEquals("NoError", r.code(), r.body());
        XmlElement id = r.message().required("Items").required("CalendarItem")
                .required("ItemId");
        return new String[] {id.attr("Id"), id.attr("ChangeKey")};
    }

    private static String update(String mode, String[] id, String changes) {
        return "<m:UpdateItem ConflictResolution=\"NeverOverwrite\""
                + (mode == null ? "" : " SendMeetingInvitationsOrCancellations=\"" + mode + "\"")
                + "><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + id[0] + "\" ChangeKey=\""
                + id[1] + "\"/><t:Updates>" + changes + "</t:Updates></t:ItemChange>"
                + "</m:ItemChanges></m:UpdateItem>";
    }

    private static String set(String uri, String element, String value) {
        return "<t:SetItemField><t:FieldURI FieldURI=\"" + uri + "\"/><t:CalendarItem><t:"
                + element + ">" + value + "</t:" + element + "></t:CalendarItem></t:SetItemField>";
    }

    private static Optional<CalendarEvent> copy(Mailbox box, String[] id) {
        String uid = mailbox.calendars().instance(EwsIds.toStore(id[0])).orElseThrow().event()
                .iCalUId();
        return box.calendars().eventByICalUId(uid);
    }

    private static long inbox(Mailbox box, String subject) {
        return box.messages(box.folder(WellKnownFolder.INBOX)).stream()
                .filter(m -> m.subject().equals(subject)).count();
    }

    @Test
    void anUpdateSentToAllMovesTheAttendeesCopyAndInvitesNewAttendees() {
        String[] id = meeting("Planning");
        assertEquals(1, inbox(bobBox, "Planning"));
        EwsClient.Reply r = ews.call(update("SendToAllAndSaveCopy", id,
                set("item:Subject", "Subject", "Planning (moved)")
                        + set("calendar:Start", "Start", "2026-12-15T13:00:00Z")
                        + set("calendar:End", "End", "2026-12-15T14:30:00Z")
                        + set("calendar:RequiredAttendees", "RequiredAttendees",
                                "<t:Attendee><t:Mailbox><t:EmailAddress>" + bob.mail()
                                        + "</t:EmailAddress></t:Mailbox></t:Attendee>"
                                        + "<t:Attendee><t:Mailbox><t:EmailAddress>"
                                        + cara.mail() + "</t:EmailAddress></t:Mailbox>"
                                        + "</t:Attendee>")));
        assertEquals("NoError", r.code(), r.body());
        String newKey = r.message().required("Items").required("CalendarItem")
                .required("ItemId").attr("ChangeKey");
        assertFalse(newKey.equals(id[1]), "the change key moves");
        EventInstance mine = mailbox.calendars().instance(EwsIds.toStore(id[0])).orElseThrow();
        assertEquals("Planning (moved)", mine.event().subject());
        assertEquals(Instant.parse("2026-12-15T13:00:00Z"), mine.start());
        CalendarEvent bobs = copy(bobBox, id).orElseThrow();
        assertEquals("Planning (moved)", bobs.subject());
        assertEquals(Instant.parse("2026-12-15T14:30:00Z"), bobs.endInstant());
        assertEquals(1, inbox(bobBox, "Planning (moved)"), "the update reached bob's Inbox");
        assertEquals("Planning (moved)", copy(caraBox, id).orElseThrow().subject(),
                "the added attendee is invited");
        assertEquals(1, inbox(caraBox, "Planning (moved)"));
        assertEquals(1, mailbox.messages(mailbox.folder(WellKnownFolder.SENTITEMS)).stream()
                .filter(m -> m.subject().equals("Planning (moved)")).count(), "SaveCopy");

        EwsClient.Reply stale = ews.call(update("SendToAllAndSaveCopy", id,
                set("item:Subject", "Subject", "Never")));
        assertEquals("ErrorIrresolvableConflict", stale.code(), stale.body());
        assertEquals("Planning (moved)", mine.event().subject(), "nothing changed");
    }

    @Test
    void sendToNoneAndAMissingModeLeaveTheAttendeeAlone() {
        String[] id = meeting("Standup");
        EwsClient.Reply missing = ews.call(update(null, id,
                set("item:Subject", "Subject", "Standup 2")));
        assertEquals("ErrorSendMeetingInvitationsOrCancellationsRequired", missing.code(),
                missing.body());
        EwsClient.Reply quiet = ews.call(update("SendToNone", id,
                set("calendar:Location", "Location", "Room 9")));
        assertEquals("NoError", quiet.code(), quiet.body());
        assertEquals("Room 9", mailbox.calendars().instance(EwsIds.toStore(id[0]))
                .orElseThrow().event().location());
        assertEquals(null, copy(bobBox, id).orElseThrow().location(), "bob's copy unchanged");
        assertEquals(1, inbox(bobBox, "Standup"), "only the invitation");
        EwsClient.Reply reversed = ews.call(update("SendToNone", new String[] {id[0],
                quiet.message().required("Items").required("CalendarItem").required("ItemId")
                        .attr("ChangeKey")}, set("calendar:End", "End", "2026-12-14T08:00:00Z")));
        assertEquals("ErrorCalendarEndDateIsEarlierThanStartDate", reversed.code());
    }

    @Test
    void deletingTheMeetingCancelsTheCopyOnlyWhenAsked() {
        String[] loud = meeting("Retro");
        String[] quiet = meeting("Offsite");
        CalendarEvent bobsRetro = copy(bobBox, loud).orElseThrow();
        CalendarEvent bobsOffsite = copy(bobBox, quiet).orElseThrow();
        EwsClient.Reply missing = ews.call("<m:DeleteItem DeleteType=\"MoveToDeletedItems\">"
                + "<m:ItemIds><t:ItemId Id=\"" + loud[0] + "\"/></m:ItemIds></m:DeleteItem>");
        assertEquals("ErrorSendMeetingCancellationsRequired", missing.code(), missing.body());
        EwsClient.Reply r = ews.call("<m:DeleteItem DeleteType=\"MoveToDeletedItems\""
                + " SendMeetingCancellations=\"SendToAllAndSaveCopy\"><m:ItemIds><t:ItemId Id=\""
                + loud[0] + "\"/><t:ItemId Id=\"" + quiet[0] + "\"/></m:ItemIds></m:DeleteItem>");
        assertEquals(2, r.messages().size());
        for (XmlElement m : r.messages()) {
            assertEquals("NoError", m.childText("ResponseCode"), r.body());
        }
        assertTrue(mailbox.calendars().instance(EwsIds.toStore(loud[0])).isEmpty());
        assertTrue(bobsRetro.isCancelled() && bobsOffsite.isCancelled(), "copies cancelled");
        assertEquals(1, inbox(bobBox, "Canceled: Retro"));
        assertEquals(1, inbox(bobBox, "Canceled: Offsite"));
        assertEquals(1, mailbox.messages(mailbox.folder(WellKnownFolder.SENTITEMS)).stream()
                .filter(m -> m.subject().equals("Canceled: Retro")).count(), "SaveCopy");
        String[] silent = meeting("Lunch");
        CalendarEvent bobsLunch = copy(bobBox, silent).orElseThrow();
        EwsClient.Reply none = ews.call("<m:DeleteItem DeleteType=\"HardDelete\""
                + " SendMeetingCancellations=\"SendToNone\"><m:ItemIds><t:ItemId Id=\""
                + silent[0] + "\"/></m:ItemIds></m:DeleteItem>");
        assertEquals("NoError", none.code(), none.body());
        assertTrue(mailbox.calendars().instance(EwsIds.toStore(silent[0])).isEmpty());
        assertFalse(bobsLunch.isCancelled(), "SendToNone: bob's copy stays");
        assertEquals(0, inbox(bobBox, "Canceled: Lunch"));
    }
}
