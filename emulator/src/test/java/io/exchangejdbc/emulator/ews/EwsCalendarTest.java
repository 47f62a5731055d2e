package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.testing.TestHttp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calendar items of the store through EWS: FindItem with a CalendarView (occurrences
 * expanded), GetItem of an instance, GetFolder of the calendar, and free/busy from the events.
 */
class EwsCalendarTest {

    private static final Instant FROM = Instant.parse("2026-11-24T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-08T00:00:00Z");
    private static Emulator emu;
    private static User adele;
    private static Mailbox mailbox;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(13).users(3).messagesPerUser(5).build().start();
        adele = emu.demoUser();
        mailbox = emu.store().mailbox(adele.userPrincipalName());
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static List<EventInstance> storeView() {
        return mailbox.calendars().view(mailbox.calendars().defaultCalendar(), FROM, TO);
    }

    private static EwsClient.Reply calendarView(String shape, int max) {
        return ews.call("<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>" + shape
                + "</t:BaseShape></m:ItemShape><m:CalendarView MaxEntriesReturned=\"" + max
                + "\" StartDate=\"" + FROM + "\" EndDate=\"" + TO + "\"/><m:ParentFolderIds>"
                + distinguished("calendar") + "</m:ParentFolderIds></m:FindItem>");
    }

    @Test
    void calendarViewListsTheStoresInstancesInTheWindow() {
        List<EventInstance> expected = storeView();
        assertFalse(expected.isEmpty(), "the generator made events around its 'now'");
        assertTrue(expected.stream().anyMatch(i -> i.type() == CalendarEvent.Type.OCCURRENCE),
                "the window holds occurrences of a series");
        EwsClient.Reply r = calendarView("Default", 1000);
        assertEquals("NoError", r.code(), r.body());
        XmlElement root = r.message().required("RootFolder");
        assertEquals(String.valueOf(expected.size()), root.attr("TotalItemsInView"));
        assertEquals("true", root.attr("IncludesLastItemInRange"));
        List<XmlElement> items = root.required("Items").children("CalendarItem");
        assertEquals(expected.stream().map(i -> EwsIds.toEws(i.id())).toList(),
                items.stream().map(i -> i.required("ItemId").attr("Id")).toList());
        for (int k = 0; k < items.size(); k++) {
            assertEquals(EwsWriter.dateTime(expected.get(k).start()),
                    items.get(k).childText("Start"));
            assertEquals(EwsWriter.dateTime(expected.get(k).end()),
                    items.get(k).childText("End"));
        }
        EwsClient.Reply capped = calendarView("IdOnly", 2);
        assertEquals(2, capped.message().required("RootFolder").required("Items").children()
                .size());
        assertEquals(String.valueOf(expected.size() > 2),
                String.valueOf(!Boolean.parseBoolean(capped.message().required("RootFolder")
                        .attr("IncludesLastItemInRange"))));
    }

    @Test
    void getItemOfAnInstanceHasAttendeesAndGraphSeesTheSameEvent() {
        EventInstance single = storeView().stream()
                .filter(i -> i.type() == CalendarEvent.Type.SINGLE_INSTANCE
                        && !i.event().attendees().isEmpty())
                .findFirst().orElseThrow();
        EwsClient.Reply r = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(single.id()) + "\"/></m:ItemIds></m:GetItem>");
        XmlElement item = r.message().required("Items").required("CalendarItem");
        assertEquals(single.event().subject(), item.childText("Subject"));
        assertEquals("Single", item.childText("CalendarItemType"));
        assertEquals("true", item.childText("IsMeeting"));
        assertTrue(item.child("RequiredAttendees").isPresent()
                || item.child("OptionalAttendees").isPresent());
        TestHttp.Reply g = new TestHttp().get(emu.graphUrl() + "/v1.0/users/" + adele.id()
                + "/events/" + EwsIds.toStore(item.required("ItemId").attr("Id")),
                emu.issueAppToken(emu.defaultClientId()));
        assertEquals(200, g.status(), g.body());
        assertEquals(single.event().subject(), g.json().get("subject"));
    }

    @Test
    void getFolderOfTheCalendar() {
        EwsClient.Reply r = ews.call("<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:FolderShape><m:FolderIds>" + distinguished("calendar")
                + "</m:FolderIds></m:GetFolder>");
        XmlElement f = r.message().required("Folders").required("CalendarFolder");
        assertEquals("IPF.Appointment", f.childText("FolderClass"));
        assertEquals(mailbox.calendars().defaultCalendar().name(), f.childText("DisplayName"));
        assertEquals(String.valueOf(mailbox.calendars().events(mailbox.calendars()
                .defaultCalendar()).size()), f.childText("TotalCount"));
    }

    @Test
    void freeBusyFollowsTheEvents() {
        Instant from = Instant.parse("2026-11-30T00:00:00Z");
        Instant to = Instant.parse("2026-12-05T00:00:00Z");
        List<BusyTimes.Busy> busy = CalendarItems.BUSY.between(mailbox, from, to);
        StringBuilder expected = new StringBuilder();
        for (Instant s = from; s.isBefore(to); s = s.plusSeconds(3600)) {
            Instant e = s.plusSeconds(3600);
            int worst = 0;
            for (BusyTimes.Busy b : busy) {
                if (b.start().isBefore(e) && b.end().isAfter(s)) {
                    worst = Math.max(worst, switch (b.busyType()) {
                        case "Tentative" -> 1;
                        case "Busy" -> 2;
                        case "OOF" -> 3;
                        case "WorkingElsewhere" -> 4;
                        default -> 0;
                    });
                }
            }
            expected.append(worst);
        }
        assertTrue(expected.chars().anyMatch(c -> c != '0'), "someone is busy: " + expected);
        EwsClient.Reply r = ews.call("<m:GetUserAvailabilityRequest><m:MailboxDataArray>"
                + "<t:MailboxData><t:Email><t:Address>" + adele.mail() + "</t:Address>"
                + "</t:Email><t:AttendeeType>Required</t:AttendeeType></t:MailboxData>"
                + "</m:MailboxDataArray><t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>"
                + from + "</t:StartTime><t:EndTime>" + to + "</t:EndTime></t:TimeWindow>"
                + "<t:MergedFreeBusyIntervalInMinutes>60</t:MergedFreeBusyIntervalInMinutes>"
                + "<t:RequestedView>DetailedMerged</t:RequestedView></t:FreeBusyViewOptions>"
                + "</m:GetUserAvailabilityRequest>");
        XmlElement view = r.response().required("FreeBusyResponseArray")
                .required("FreeBusyResponse").required("FreeBusyView");
        assertEquals(expected.toString(), view.childText("MergedFreeBusy"));
        assertEquals(busy.size(), view.required("CalendarEventArray").children().size());
    }

    private static String meeting(String send, String subject, User attendee) {
        return "<m:CreateItem SendMeetingInvitations=\"" + send + "\"><m:Items><t:CalendarItem>"
                + "<t:Subject>" + subject + "</t:Subject><t:Start>2026-12-03T14:00:00Z"
                + "</t:Start><t:End>2026-12-03T15:00:00Z</t:End><t:Location>Room 1"
                + "</t:Location><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>"
                + attendee.mail() + "</t:EmailAddress></t:Mailbox></t:Attendee>"
                + "</t:RequiredAttendees></t:CalendarItem></m:Items></m:CreateItem>";
    }

    @Test
    void createdMeetingsLandInTheCalendarAndInvitationsFollowTheSendMode() {
        User bob = emu.tenant().users().get(1);
        Mailbox bobBox = emu.store().mailbox(bob.userPrincipalName());
        int bobBefore = bobBox.calendars().events().size();
        var bobInbox = bobBox.folder(io.exchangejdbc.emulator.store.WellKnownFolder.INBOX);
        var sent = mailbox.folder(io.exchangejdbc.emulator.store.WellKnownFolder.SENTITEMS);
        EwsClient.Reply r = ews.call(meeting("SendToAllAndSaveCopy", "Design review", bob));
        assertEquals("NoError", r.code(), r.body());
        String id = r.message().required("Items").required("CalendarItem").required("ItemId")
                .attr("Id");
        EventInstance made = mailbox.calendars().instance(EwsIds.toStore(id)).orElseThrow();
        assertEquals("Design review", made.event().subject());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), made.start());
        assertEquals(adele.mail(), made.event().organizer().address());
        assertEquals(bobBefore + 1, bobBox.calendars().events().size());
        assertTrue(bobBox.calendars().events().stream()
                .anyMatch(e -> e.subject().equals("Design review")
                        && e.iCalUId().equals(made.event().iCalUId())));
        assertEquals(1, bobBox.messages(bobInbox).stream()
                .filter(m -> m.subject().equals("Design review") && !m.isRead()).count(),
                "the request reached the attendee's Inbox");
        assertEquals(1, mailbox.messages(sent).stream()
                .filter(m -> m.subject().equals("Design review")).count(),
                "SaveCopy keeps the request in Sent Items");
        EwsClient.Reply quiet = ews.call(meeting("SendToNone", "Private prep", bob));
        assertEquals("NoError", quiet.code(), quiet.body());
        assertEquals(bobBefore + 1, bobBox.calendars().events().size());
        assertTrue(bobBox.messages(bobInbox).stream()
                .noneMatch(m -> m.subject().equals("Private prep")));
        assertTrue(mailbox.messages(sent).stream()
                .noneMatch(m -> m.subject().equals("Private prep")));
    }
}
