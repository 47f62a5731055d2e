package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INSERT, UPDATE and DELETE on EWS folder tables against the emulator: CreateItem, UpdateItem
 * (after a GetItem for the change key) and DeleteItem, checked in the emulator's store, each
 * request validated against Microsoft's schemas.
 */
class EwsWritesTest {

    private static Emulator emulator;
    private static User user;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().seed(5).users(1).messagesPerUser(30).port(0).build()
                .start();
        user = emulator.demoUser();
        mailbox = emulator.store().mailbox(user.id());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server="
                + emulator.ewsUrl() + ";User=" + user.userPrincipalName() + ";Password="
                + user.password());
    }

    private static Optional<Message> bySubject(String subject) {
        return mailbox.messages().stream().filter(m -> subject.equals(m.subject())).findFirst();
    }

    private static List<LoggedRequest> ews() {
        return emulator.requestLog().stream().filter(r -> r.path().startsWith("/EWS/"))
                .toList();
    }

    @Test
    void insertUpdateAndDeleteADraft() throws Exception {
        emulator.clearRequestLog();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO Drafts (Subject, Body,"
                    + " ToRecipients_EmailAddresses, Importance) VALUES ('Quarterly plan',"
                    + " 'Numbers attached', 'ann@contoso.com;ben@contoso.com', 'Low')"));
            Message draft = bySubject("Quarterly plan").orElseThrow();
            assertEquals("drafts", draft.folder().wellKnown().orElseThrow().toString()
                    .toLowerCase(java.util.Locale.ROOT).replace("_", ""));
            assertEquals(List.of("ann@contoso.com", "ben@contoso.com"), draft.toRecipients()
                    .stream().map(EmailAddress::address).toList());
            String id;
            try (ResultSet rs = s.executeQuery("SELECT ItemId FROM Drafts"
                    + " WHERE Subject = 'Quarterly plan'")) {
                assertTrue(rs.next());
                id = rs.getString(1);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE Drafts SET Subject = 'Quarterly plan v2' WHERE ItemId = ?")) {
                p.setString(1, id);
                assertEquals(1, p.executeUpdate());
            }
            assertEquals(draft.id(), bySubject("Quarterly plan v2").orElseThrow().id());
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM Drafts WHERE ItemId = ?")) {
                p.setString(1, id);
                assertEquals(1, p.executeUpdate());
            }
            Optional<Message> gone = mailbox.message(draft.id());
            assertTrue(gone.isEmpty() || !gone.get().folder().wellKnown().map(Object::toString)
                    .orElse("").equalsIgnoreCase("DRAFTS"), "no longer in Drafts");
        }
        List<String> operations = ews().stream().map(r -> {
            String b = r.body();
            int i = b.indexOf("<soap:Body><m:") + "<soap:Body><m:".length();
            return b.substring(i, b.indexOf(' ', i) < b.indexOf('>', i) && b.indexOf(' ', i) > 0
                    ? b.indexOf(' ', i) : b.indexOf('>', i));
        }).toList();
        assertEquals(List.of("CreateItem", "FindItem", "GetItem", "UpdateItem", "DeleteItem"),
                operations);
        for (LoggedRequest r : ews()) {
            EwsSchemaValidator.validate(r.body());
            assertEquals(200, r.status(), r.body());
        }
        String create = ews().get(0).body();
        assertTrue(create.contains("MessageDisposition=\"SaveOnly\""), create);
        assertTrue(create.contains("<t:DistinguishedFolderId Id=\"drafts\"/>"), create);
        String update = ews().get(3).body();
        assertTrue(update.contains("ConflictResolution=\"AutoResolve\""), update);
        assertTrue(update.contains("<t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/>"
                + "<t:Message><t:Subject>Quarterly plan v2</t:Subject></t:Message>"), update);
        assertTrue(update.contains("ChangeKey=\""), update);
        assertTrue(ews().get(4).body().contains("DeleteType=\"MoveToDeletedItems\""));
    }

    private static String ok(String operation, String content) {
        return EwsStub.envelope("<m:" + operation + "Response xmlns:m=\"" + EwsStub.M
                + "\" xmlns:t=\"" + EwsStub.T + "\"><m:ResponseMessages><m:" + operation
                + "ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError"
                + "</m:ResponseCode>" + content + "</m:" + operation + "ResponseMessage>"
                + "</m:ResponseMessages></m:" + operation + "Response>");
    }

    @Test
    void calendarUpdatesAndDeletesSendTheInvitationModeTheStatementGives() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> {
            String b = r.body();
            if (b.contains("<m:GetItem")) {
                return ok("GetItem", "<m:Items><t:CalendarItem><t:ItemId Id=\"cal-1\""
                        + " ChangeKey=\"ck-1\"/></t:CalendarItem></m:Items>");
            }
            return ok(b.contains("<m:UpdateItem") ? "UpdateItem" : "DeleteItem", "");
        }); Connection c = stub.connect(""); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE Calendar SET Location = 'Room 2'"
                    + " WHERE ItemId = 'cal-1' AND SendMeetingInvitations = 'SendOnlyToChanged'"));
            assertEquals(1, s.executeUpdate("UPDATE Calendar SET Location = 'Room 3'"
                    + " WHERE ItemId = 'cal-1'"));
            assertEquals(1, s.executeUpdate("DELETE FROM Calendar WHERE ItemId = 'cal-1'"
                    + " AND SendMeetingInvitations = 'SendOnlyToAll'"));
            SQLException bad = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM Calendar WHERE ItemId = 'cal-1'"
                            + " AND SendMeetingInvitations = 'SendOnlyToChanged'"));
            assertEquals("22023", bad.getSQLState());
            List<String> bodies = stub.bodies();
            assertEquals(5, bodies.size(), bodies.toString());
            for (String b : bodies) {
                EwsSchemaValidator.validate(b);
            }
            assertTrue(bodies.get(1).contains(
                    "SendMeetingInvitationsOrCancellations=\"SendOnlyToChanged\""), bodies.get(1));
            assertTrue(bodies.get(1).contains("<t:ItemId Id=\"cal-1\" ChangeKey=\"ck-1\"/>"),
                    bodies.get(1));
            assertTrue(bodies.get(3).contains(
                    "SendMeetingInvitationsOrCancellations=\"SendToNone\""), bodies.get(3));
            assertTrue(bodies.get(4).contains("SendMeetingCancellations=\"SendOnlyToAll\""),
                    bodies.get(4));
        }
    }
}
