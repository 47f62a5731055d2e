package io.exchangejdbc.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * EWS writes (CreateItem, UpdateItem, SendItem, MoveItem) whose connection drops after Exchange
 * received and applied them: the driver does not send them again (the change happened once)
 * and the error says that the change may have been applied.
 */
class EwsWriteFaultsTest {

    private static Emulator emu;
    private static User user;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(5).users(1).messagesPerUser(20).build().start();
        user = emu.demoUser();
        mailbox = emu.store().mailbox(user.id());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.faults().reset();
        emu.clearRequestLog();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server=" + emu.ewsUrl()
                + ";User=" + user.userPrincipalName() + ";Password=" + user.password()
                + ";Timeout=20;");
    }

    private static List<Message> bySubject(String subject) {
        return mailbox.messages().stream().filter(m -> subject.equals(m.subject())).toList();
    }

    private static long sent(String operation) {
        return emu.requestLog().stream().filter(r -> r.path().startsWith("/EWS/")
                && r.body().contains("<m:" + operation)).count();
    }

    /** A draft made without faults; returns its ItemId. */
    private static String draft(Connection c, String subject) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO Drafts (Subject, Body, ToRecipients_EmailAddresses)"
                    + " VALUES ('" + subject + "', 'body', 'ann@contoso.com')");
            try (ResultSet rs = s.executeQuery("SELECT ItemId FROM Drafts WHERE Subject = '"
                    + subject + "'")) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /** Runs a write that meets the fault; checks the error says the outcome is unknown. */
    private static void failsWithUnknownOutcome(String operation, Executable write) {
        SQLException e = assertThrows(SQLException.class, write);
        StringBuilder chain = new StringBuilder();
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append(" | ");
            if (state == null && t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
        }
        String text = chain.toString();
        assertTrue(text.contains("The outcome of " + operation + " is unknown"), text);
        assertTrue(text.contains("may have applied it"), text);
        assertTrue(text.contains("did not send it again"), text);
        assertEquals("08S01", state, text);
        assertEquals(1, sent(operation), operation + " sent once: " + text);
    }

    @Test
    void createItemIsNotSentAgain() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            emu.faults().next(FaultSpec.connectionResetAfterServing());
            failsWithUnknownOutcome("CreateItem", () -> s.executeUpdate(
                    "INSERT INTO Drafts (Subject, Body) VALUES ('Reset plan', 'x')"));
        }
        assertEquals(1, bySubject("Reset plan").size(), "the draft exists exactly once");
    }

    @Test
    void updateItemIsNotSentAgain() throws Exception {
        try (Connection c = connect()) {
            String id = draft(c, "Before the reset");
            emu.clearRequestLog();
            // GetItem reads the change key; the fault meets UpdateItem.
            emu.faults().next(FaultSpec.latency(Duration.ZERO))
                    .next(FaultSpec.connectionResetAfterServing());
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE Drafts SET Subject = 'After the reset' WHERE ItemId = ?")) {
                p.setString(1, id);
                failsWithUnknownOutcome("UpdateItem", p::executeUpdate);
            }
        }
        assertEquals(1, bySubject("After the reset").size(), "the update was applied");
    }

    @Test
    void sendItemIsNotSentAgain() throws Exception {
        try (Connection c = connect()) {
            String id = draft(c, "Send through a reset");
            emu.clearRequestLog();
            emu.faults().next(FaultSpec.connectionResetAfterServing());
            try (Statement s = c.createStatement()) {
                failsWithUnknownOutcome("SendItem", () -> s.executeQuery(
                        "EXEC SendItem ItemId = '" + id + "'").close());
            }
        }
        List<Message> copies = bySubject("Send through a reset");
        assertEquals(1, copies.size(), "sent once, the copy kept in Sent Items");
        assertEquals("sentitems", copies.get(0).folder().wellKnown().orElseThrow().toString()
                .toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void moveItemIsNotSentAgain() throws Exception {
        try (Connection c = connect()) {
            String id = draft(c, "Move through a reset");
            emu.clearRequestLog();
            emu.faults().next(FaultSpec.connectionResetAfterServing());
            try (Statement s = c.createStatement()) {
                failsWithUnknownOutcome("MoveItem", () -> s.executeQuery("EXEC MoveItem ItemId"
                        + " = '" + id + "', DestinationFolder = 'DeletedItems'").close());
            }
        }
        List<Message> moved = bySubject("Move through a reset");
        assertEquals(1, moved.size());
        assertEquals("deleteditems", moved.get(0).folder().wellKnown().orElseThrow().toString()
                .toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aRefusedWriteSaysNothingWasSent() throws Exception {
        // An ErrorServerBusy answer is Exchange refusing the request: it is waited out and sent
        // again, and the item is created once.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            emu.faults().next(EwsReadPathFaultsTest.serverBusy(20));
            assertEquals(1, s.executeUpdate(
                    "INSERT INTO Drafts (Subject, Body) VALUES ('Busy plan', 'x')"));
        }
        assertEquals(1, bySubject("Busy plan").size());
        List<LoggedRequest> creates = emu.requestLog().stream()
                .filter(r -> r.body().contains("<m:CreateItem")).toList();
        assertEquals(2, creates.size(), "refused once, then created");
    }
}
