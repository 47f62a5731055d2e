package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsStub.M;
import static io.exchangejdbc.ews.EwsStub.T;
import static io.exchangejdbc.ews.EwsStub.envelope;
import static io.exchangejdbc.ews.EwsStub.findItemPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables whose rows need more than one FindItem: bodies and recipients read with GetItem
 * in batches, calendar views for bounded Calendar queries, the folder tree, attendees and rooms.
 */
class EwsTablesTest {

    private static String getItemAnswer(List<String> ids) {
        StringBuilder sb = new StringBuilder("<m:GetItemResponse xmlns:m=\"" + M
                + "\" xmlns:t=\"" + T + "\"><m:ResponseMessages>");
        for (String id : ids) {
            sb.append("<m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>"
                    + "NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id=\"").append(id)
                    .append("\" ChangeKey=\"ck\"/><t:Body BodyType=\"Text\">body of ").append(id)
                    .append("</t:Body><t:ToRecipients><t:Mailbox><t:Name>Ann</t:Name>"
                            + "<t:EmailAddress>ann@contoso.com</t:EmailAddress></t:Mailbox>"
                            + "<t:Mailbox><t:Name>Ben</t:Name><t:EmailAddress>ben@contoso.com"
                            + "</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>"
                            + "</m:Items></m:GetItemResponseMessage>");
        }
        return envelope(sb.append("</m:ResponseMessages></m:GetItemResponse>").toString());
    }

    private static List<String> idsOf(String body) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<t:ItemId Id=\"([^\"]+)\"/>").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void bodiesAndRecipientsComeFromGetItemInBatches() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(EwsStub.message("id" + i, "s" + i, "2024-01-01T00:00:00Z", true));
        }
        try (EwsStub stub = EwsStub.start((r, n) -> r.body().contains("<m:GetItem>")
                ? getItemAnswer(idsOf(r.body())) : findItemPage(items, null, true));
                Connection c = stub.connect("BatchSize=2;BodyType=Text")) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT Subject, Body, ToRecipients_EmailAddresses FROM Inbox")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
            assertEquals(5, rows.size());
            assertEquals("s3|body of id3|ann@contoso.com;ben@contoso.com", rows.get(3));
            List<String> bodies = stub.bodies();
            assertEquals(4, bodies.size(), "one FindItem and three GetItem of at most 2 ids");
            assertFalse(bodies.get(0).contains("item:Body"), "FindItem does not ask for bodies");
            assertEquals(List.of("id0", "id1"), idsOf(bodies.get(1)));
            assertEquals(List.of("id4"), idsOf(bodies.get(3)));
            assertTrue(bodies.get(1).contains("<t:BodyType>Text</t:BodyType>"), bodies.get(1));
            assertTrue(bodies.get(1).contains("FieldURI=\"message:ToRecipients\""));
            for (String b : bodies) {
                EwsSchemaValidator.validate(b);
            }
        }
    }

    @Test
    void calendarBoundedByStartAndEndReadsACalendarView() throws Exception {
        String occurrences = "<t:CalendarItem><t:ItemId Id=\"o1\"/><t:Subject>Standup</t:Subject>"
                + "<t:Start>2024-03-04T09:00:00Z</t:Start><t:End>2024-03-04T09:15:00Z</t:End>"
                + "</t:CalendarItem><t:CalendarItem><t:ItemId Id=\"o2\"/><t:Subject>Standup"
                + "</t:Subject><t:Start>2024-03-05T09:00:00Z</t:Start>"
                + "<t:End>2024-03-05T09:15:00Z</t:End></t:CalendarItem>"
                + "<t:CalendarItem><t:ItemId Id=\"o3\"/><t:Subject>Late</t:Subject>"
                + "<t:Start>2024-03-06T23:30:00Z</t:Start><t:End>2024-03-07T00:30:00Z</t:End>"
                + "</t:CalendarItem>";
        try (EwsStub stub = EwsStub.start((r, n) -> findItemPage(List.of(occurrences), null,
                true)); Connection c = stub.connect("")) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT ItemId, Subject FROM Calendar WHERE \"Start\" >= TIMESTAMP"
                            + " '2024-03-04 00:00:00' AND \"End\" <= TIMESTAMP"
                            + " '2024-03-07 00:00:00' ORDER BY \"Start\" DESC")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            // o3 ends after the window: the view returns it, the filter here drops it
            assertEquals(List.of("o2", "o1"), rows);
            String body = stub.bodies().get(0);
            assertTrue(body.contains("<m:CalendarView StartDate=\"2024-03-04T00:00:00Z\""
                    + " EndDate=\"2024-03-07T00:00:00Z\"/>"), body);
            assertFalse(body.contains("Restriction"), body);
            assertFalse(body.contains("SortOrder"), body);
            assertTrue(body.contains("<t:DistinguishedFolderId Id=\"calendar\"/>"), body);
            EwsSchemaValidator.validate(body);
        }
    }

    @Test
    void foldersAreReadDeepAndCutAtTheRetrievalDepth() throws Exception {
        String folders = "<t:Folder><t:FolderId Id=\"a\"/><t:ParentFolderId Id=\"root\"/>"
                + "<t:DisplayName>Inbox</t:DisplayName></t:Folder>"
                + "<t:Folder><t:FolderId Id=\"b\"/><t:ParentFolderId Id=\"a\"/>"
                + "<t:DisplayName>Projects</t:DisplayName></t:Folder>"
                + "<t:Folder><t:FolderId Id=\"c\"/><t:ParentFolderId Id=\"b\"/>"
                + "<t:DisplayName>Old</t:DisplayName></t:Folder>";
        String answer = envelope("<m:FindFolderResponse xmlns:m=\"" + M + "\" xmlns:t=\"" + T
                + "\"><m:ResponseMessages><m:FindFolderResponseMessage ResponseClass=\"Success\">"
                + "<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView=\"3\""
                + " IncludesLastItemInRange=\"true\"><t:Folders>" + folders + "</t:Folders>"
                + "</m:RootFolder></m:FindFolderResponseMessage></m:ResponseMessages>"
                + "</m:FindFolderResponse>");
        try (EwsStub stub = EwsStub.start((r, n) -> answer);
                Connection c = stub.connect("DirectoryRetrievalDepth=1")) {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT DisplayName FROM Folders WHERE ParentFolderName = 'MsgFolderRoot'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertEquals(List.of("Inbox", "Projects"), names);
            String body = stub.bodies().get(0);
            assertTrue(body.contains("<m:FindFolder Traversal=\"Deep\">"), body);
            assertTrue(body.contains("<t:DistinguishedFolderId Id=\"msgfolderroot\"/>"), body);
            assertTrue(body.contains("<m:IndexedPageFolderView"), body);
            EwsSchemaValidator.validate(body);
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT DisplayName FROM Folders WHERE ParentFolderName = 'Attic'")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().contains("Attic"), e.getMessage());
        }
    }

    @Test
    void attendeesRoomsAndRoomLists() throws Exception {
        String attendees = envelope("<m:GetItemResponse xmlns:m=\"" + M + "\" xmlns:t=\"" + T
                + "\"><m:ResponseMessages><m:GetItemResponseMessage ResponseClass=\"Success\">"
                + "<m:ResponseCode>NoError</m:ResponseCode><m:Items><t:CalendarItem>"
                + "<t:ItemId Id=\"ev1\"/><t:RequiredAttendees><t:Attendee><t:Mailbox>"
                + "<t:Name>Ann</t:Name><t:EmailAddress>ann@contoso.com</t:EmailAddress>"
                + "</t:Mailbox><t:ResponseType>Accept</t:ResponseType></t:Attendee><t:Attendee>"
                + "<t:Mailbox><t:Name>Ben</t:Name><t:EmailAddress>ben@contoso.com"
                + "</t:EmailAddress></t:Mailbox><t:ResponseType>Unknown</t:ResponseType>"
                + "</t:Attendee></t:RequiredAttendees></t:CalendarItem></m:Items>"
                + "</m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse>");
        String lists = envelope("<m:GetRoomListsResponse ResponseClass=\"Success\" xmlns:m=\""
                + M + "\" xmlns:t=\"" + T + "\"><m:ResponseCode>NoError</m:ResponseCode>"
                + "<m:RoomLists><t:Address><t:Name>Building 1</t:Name><t:EmailAddress>"
                + "b1@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType>"
                + "<t:MailboxType>PublicDL</t:MailboxType></t:Address></m:RoomLists>"
                + "</m:GetRoomListsResponse>");
        String rooms = envelope("<m:GetRoomsResponse ResponseClass=\"Success\" xmlns:m=\""
                + M + "\" xmlns:t=\"" + T + "\"><m:ResponseCode>NoError</m:ResponseCode>"
                + "<m:Rooms><t:Room><t:Id><t:Name>Room 101</t:Name><t:EmailAddress>"
                + "r101@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType>"
                + "<t:MailboxType>Mailbox</t:MailboxType></t:Id></t:Room></m:Rooms>"
                + "</m:GetRoomsResponse>");
        try (EwsStub stub = EwsStub.start((r, n) -> r.body().contains("<m:GetRoomLists")
                ? lists : r.body().contains("<m:GetRooms>") ? rooms : attendees);
                Connection c = stub.connect("")) {
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT ItemId, Name, EmailAddress,"
                        + " ResponseType FROM Calendar_RequiredAttendees WHERE ItemId = 'ev1'")) {
                    assertTrue(rs.next());
                    assertEquals("ev1|Ann|ann@contoso.com|Accept", rs.getString(1) + "|"
                            + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                    assertTrue(rs.next());
                    assertEquals("Ben", rs.getString(2));
                    assertFalse(rs.next());
                }
                try (ResultSet rs = s.executeQuery("SELECT Name, EmailAddress FROM RoomLists")) {
                    assertTrue(rs.next());
                    assertEquals("Building 1", rs.getString(1));
                    assertEquals("b1@contoso.com", rs.getString(2));
                    assertFalse(rs.next());
                }
                try (ResultSet rs = s.executeQuery("SELECT Name, EmailAddress FROM Rooms"
                        + " WHERE RoomListEmail = 'b1@contoso.com'")) {
                    assertTrue(rs.next());
                    assertEquals("Room 101", rs.getString(1));
                    assertEquals("r101@contoso.com", rs.getString(2));
                    assertFalse(rs.next());
                }
                SQLException e = assertThrows(SQLException.class, () -> {
                    try (ResultSet rs = s.executeQuery(
                            "SELECT Name FROM Calendar_OptionalAttendees")) {
                        rs.next();
                    }
                });
                assertTrue(e.getMessage().contains("ItemId"), e.getMessage());
            }
            for (String b : stub.bodies()) {
                EwsSchemaValidator.validate(b);
            }
            assertTrue(stub.bodies().get(0).contains(
                    "<t:FieldURI FieldURI=\"calendar:RequiredAttendees\"/>"));
            assertTrue(stub.bodies().get(2).contains("<m:RoomList><t:EmailAddress>"
                    + "b1@contoso.com</t:EmailAddress></m:RoomList>"));
        }
    }
}
