package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsStub.M;
import static io.exchangejdbc.ews.EwsStub.T;
import static io.exchangejdbc.ews.EwsStub.envelope;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The procedures of Schema=EWS: what each sends (validated against Microsoft's schemas) and
 * what it returns, read from Microsoft's example responses where the reference has one.
 */
class EwsProceduresTest {

    private static String ok(String operation, String content) {
        return envelope("<m:" + operation + "Response xmlns:m=\"" + M + "\" xmlns:t=\"" + T
                + "\"><m:ResponseMessages><m:" + operation + "ResponseMessage"
                + " ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>" + content
                + "</m:" + operation + "ResponseMessage></m:ResponseMessages></m:" + operation
                + "Response>");
    }

    private static String script(String body) {
        if (body.contains("<m:CreateItem")) {
            return EwsStub.example("CreateItem-message-response");
        }
        if (body.contains("<m:CreateAttachment")) {
            return EwsStub.example("CreateAttachment-file-response");
        }
        if (body.contains("<m:GetAttachment")) {
            return EwsStub.example("GetAttachment-response");
        }
        if (body.contains("<m:GetUserOofSettingsRequest")) {
            return EwsStub.example("GetUserOofSettings-response");
        }
        if (body.contains("<m:SetUserOofSettingsRequest")) {
            return envelope("<SetUserOofSettingsResponse xmlns=\"" + M + "\"><ResponseMessage"
                    + " ResponseClass=\"Success\"><ResponseCode>NoError</ResponseCode>"
                    + "</ResponseMessage></SetUserOofSettingsResponse>");
        }
        if (body.contains("<m:MoveItem")) {
            return ok("MoveItem", "<m:Items><t:Message><t:ItemId Id=\"moved-1\"/></t:Message>"
                    + "</m:Items>");
        }
        if (body.contains("<m:SendItem")) {
            return ok("SendItem", "");
        }
        if (body.contains("<m:DeleteAttachment")) {
            return ok("DeleteAttachment", "<m:RootItemId RootItemId=\"parent-1\""
                    + " RootItemChangeKey=\"ck\"/>");
        }
        if (body.contains("<m:GetUserAvailabilityRequest")) {
            return envelope("<GetUserAvailabilityResponse xmlns=\"" + M + "\">"
                    + "<FreeBusyResponseArray><FreeBusyResponse><ResponseMessage"
                    + " ResponseClass=\"Success\"><ResponseCode>NoError</ResponseCode>"
                    + "</ResponseMessage><FreeBusyView><FreeBusyViewType xmlns=\"" + T + "\">"
                    + "FreeBusy</FreeBusyViewType><CalendarEventArray xmlns=\"" + T + "\">"
                    + "<CalendarEvent><StartTime>2024-06-03T09:00:00</StartTime><EndTime>"
                    + "2024-06-03T10:00:00</EndTime><BusyType>Busy</BusyType></CalendarEvent>"
                    + "</CalendarEventArray></FreeBusyView></FreeBusyResponse>"
                    + "</FreeBusyResponseArray></GetUserAvailabilityResponse>");
        }
        return EwsStub.error("Unknown", "ErrorInvalidRequest", "unexpected request");
    }

    @Test
    void everyProcedureSendsItsOperationAndReadsTheAnswer() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> script(r.body()));
                Connection c = stub.connect("");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("EXEC SendMail ToRecipients = 'a@contoso.com;"
                    + " b@contoso.com', Subject = 'Hello', Content = '<b>Hi</b>',"
                    + " ContentType = 'HTML'")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1));
            }
            String send = stub.bodies().get(0);
            assertTrue(send.contains("<m:CreateItem MessageDisposition=\"SendAndSaveCopy\">"),
                    send);
            assertTrue(send.contains("<t:Body BodyType=\"HTML\">&lt;b&gt;Hi&lt;/b&gt;</t:Body>"),
                    send);
            assertTrue(send.contains("<t:ToRecipients><t:Mailbox><t:EmailAddress>a@contoso.com"
                    + "</t:EmailAddress></t:Mailbox><t:Mailbox><t:EmailAddress>b@contoso.com"),
                    send);

            try (ResultSet rs = s.executeQuery("EXEC MoveItem ItemId = 'item-1',"
                    + " DestinationFolder = 'DeletedItems'")) {
                assertTrue(rs.next());
                assertEquals("moved-1", rs.getString(1));
            }
            assertTrue(stub.bodies().get(1).contains("<m:ToFolderId><t:DistinguishedFolderId"
                    + " Id=\"deleteditems\"/></m:ToFolderId>"));

            try (ResultSet rs = s.executeQuery("EXEC SendItem ItemId = 'draft-1'")) {
                assertTrue(rs.next());
            }

            try (ResultSet rs = s.executeQuery("EXEC CreateAttachments ItemId = 'item-1',"
                    + " Name = 'a.txt', ContentBase64 = 'AQIDBAU='")) {
                assertTrue(rs.next());
                assertEquals("AAAtAE=", rs.getString(1));
            }
            assertTrue(stub.bodies().get(3).contains("<t:Content>AQIDBAU=</t:Content>"));

            try (ResultSet rs = s.executeQuery("EXEC GetAttachment AttachmentIds ="
                    + " 'AAAtAEFkbWluaX...'")) {
                assertTrue(rs.next());
                assertEquals("AAAtAEFkbWluaX...", rs.getString("AttachmentId"));
                assertEquals("SomeFile", rs.getString("Name"));
                assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, rs.getBytes("Content"));
                assertFalse(rs.next());
            }

            try (ResultSet rs = s.executeQuery("EXEC DeleteAttachment AttachmentId = 'att-1'")) {
                assertTrue(rs.next());
                assertEquals("parent-1", rs.getString(1));
            }

            try (ResultSet rs = s.executeQuery("EXEC GetUserOofSettings")) {
                assertTrue(rs.next());
                assertEquals("Disabled", rs.getString("OofState"));
                assertEquals("All", rs.getString("ExternalAudience"));
                assertEquals(Timestamp.valueOf(LocalDateTime.of(2006, 11, 3, 23, 0)),
                        rs.getTimestamp("StartTime"));
                assertEquals("I am out of office. This is my internal reply.",
                        rs.getString("InternalReply"));
                assertEquals("I am out of office. This is my external reply.",
                        rs.getString("ExternalReply"));
            }
            assertTrue(stub.bodies().get(6).contains("<t:Mailbox><t:Address>alice@contoso.com"
                    + "</t:Address></t:Mailbox>"));

            try (ResultSet rs = s.executeQuery("EXEC SetUserOofSettings OofState = 'Scheduled',"
                    + " ExternalAudience = 'Known', StartTime = '2024-07-01 00:00:00',"
                    + " EndTime = '2024-07-15 00:00:00', InternalReply = 'Away'")) {
                assertTrue(rs.next());
            }
            String set = stub.bodies().get(7);
            assertTrue(set.contains("<t:Duration><t:StartTime>2024-07-01T00:00:00Z</t:StartTime>"
                    + "<t:EndTime>2024-07-15T00:00:00Z</t:EndTime></t:Duration>"), set);

            try (ResultSet rs = s.executeQuery("EXEC GetUserAvailability Emails ="
                    + " 'room@contoso.com', StartTime = '2024-06-03 00:00:00',"
                    + " EndTime = '2024-06-04 00:00:00'")) {
                assertTrue(rs.next());
                assertEquals("room@contoso.com", rs.getString("Email"));
                assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 6, 3, 9, 0)),
                        rs.getTimestamp("StartTime"));
                assertEquals("Busy", rs.getString("BusyType"));
                assertFalse(rs.next());
            }
            assertEquals(9, stub.requests().size());
            for (String b : stub.bodies()) {
                EwsSchemaValidator.validate(b);
            }
        }
    }

    @Test
    void readonlyConnectionsRefuseProceduresThatChangeTheMailbox() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> script(r.body()));
                Connection c = stub.connect("Readonly=true");
                Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeQuery("EXEC SendMail ToRecipients = 'a@contoso.com'"));
            assertTrue(e.getMessage().contains("Readonly"), e.getMessage());
            assertEquals(0, stub.requests().size());
            try (ResultSet rs = s.executeQuery("EXEC GetUserOofSettings Mailbox ="
                    + " 'bob@contoso.com'")) {
                assertTrue(rs.next());
            }
        }
    }
}
